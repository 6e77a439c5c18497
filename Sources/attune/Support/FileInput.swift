import AttuneCore
import Foundation

/// Reads input files with clear errors for the usual ways that fails.
enum FileInput {
  /// The bytes of the file at `path`, refusing folders, unreadable files and files over
  /// `limit` bytes (which are not read at all).
  ///
  /// The file is opened first and then examined through its descriptor, so that what is
  /// checked is what is read. Opening never blocks: a named pipe with no writer reads as
  /// empty instead of hanging, and a device or pipe that never ends is cut off after `limit`
  /// bytes.
  static func read(_ path: String, displayPath: String, limit: Int) throws -> [UInt8] {
    func failure(_ problem: String) -> FileInputError {
      FileInputError(path: displayPath, problem: problem)
    }
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(openProblem(errno)) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw failure("cannot be read: \(String(cString: strerror(errno)))")
    }
    let type = status.st_mode & S_IFMT
    if type == S_IFDIR { throw failure("is a folder, not a file; name a file inside it") }
    if type == S_IFREG && Int(status.st_size) > limit {
      throw failure(
        "is \(status.st_size) bytes, more than the limit of \(limit) bytes; is this the right"
          + " file?")
    }
    // Reads block again from here on, as they should for a pipe with a writer.
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(type == S_IFREG ? Int(status.st_size) : 64 * 1024)
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while bytes.count <= limit {
      let count = chunk.withUnsafeMutableBytes {
        Glibc.read(descriptor, $0.baseAddress, min($0.count, limit + 1 - bytes.count))
      }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN { break }  // a pipe with no writer yet: nothing to read
        throw failure("cannot be read: \(String(cString: strerror(errno)))")
      }
      bytes += chunk[..<count]
    }
    if bytes.count > limit {
      throw failure("is larger than the limit of \(limit) bytes; is this the right file?")
    }
    return bytes
  }

  /// Why `open` failed, said for a user.
  private static func openProblem(_ code: Int32) -> String {
    switch code {
    case ENOENT, ENOTDIR: "does not exist; check the path"
    case EACCES, EPERM: "cannot be read (permission denied); check its permissions"
    case EISDIR: "is a folder, not a file; name a file inside it"
    default: "cannot be read: \(String(cString: strerror(code)))"
    }
  }
}

/// A file that could not be read, and why.
struct FileInputError: Error, CustomStringConvertible {
  var path: String
  var problem: String

  var description: String { "\(path): \(problem)" }
}
