import Foundation

/// Where a report goes: standard output, or a new file (never one that exists, unless the
/// user said `--force`). Writes are buffered and whole; `finish()` flushes.
final class ReportOutput {
  private let descriptor: Int32
  private let path: String?
  private var buffer: [UInt8] = []
  private static let flushSize = 1 << 16

  /// Standard output.
  init() {
    descriptor = STDOUT_FILENO
    path = nil
  }

  /// A new file at `path`; `replacing` allows an existing file to be replaced.
  init(file path: String, replacing: Bool) throws {
    let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL)
    let descriptor = open(path, flags, 0o644)
    guard descriptor >= 0 else {
      let reason =
        errno == EEXIST
        ? "it exists already; choose another name, or add --force to replace it"
        : String(cString: strerror(errno)) + "; check the folder exists and is writable"
      throw CommandFailure("cannot write \(path): \(reason)")
    }
    self.descriptor = descriptor
    self.path = path
  }

  deinit {
    if path != nil { close(descriptor) }
  }

  /// Adds `text` to the output.
  func append(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= Self.flushSize { try flush() }
  }

  /// Writes out what is buffered.
  func finish() throws { try flush() }

  private func flush() throws {
    var written = 0
    while written < buffer.count {
      let count = buffer[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        throw CommandFailure(
          "cannot write \(path ?? "to standard output"): \(String(cString: strerror(errno)))")
      }
      written += count
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
