import AttuneCore
import Foundation

/// Reads input files with clear errors for the usual ways that fails.
enum FileInput {
  /// The bytes of the file at `path`, refusing folders, unreadable files and files over
  /// `limit` bytes (which are not read at all).
  static func read(_ path: String, displayPath: String, limit: Int) throws -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw FileInputError(path: displayPath, problem: "does not exist; check the path")
    }
    if isDirectory.boolValue {
      throw FileInputError(
        path: displayPath, problem: "is a folder, not a file; name a file inside it")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw FileInputError(
        path: displayPath, problem: "cannot be read (permission denied?); check its permissions")
    }
    defer { try? handle.close() }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    if size > limit {
      throw FileInputError(
        path: displayPath,
        problem: "is \(size) bytes, more than the limit of \(limit) bytes; is this the right file?")
    }
    do {
      let data = try handle.read(upToCount: limit + 1) ?? Data()
      if data.count > limit {
        throw FileInputError(
          path: displayPath, problem: "is larger than the limit of \(limit) bytes")
      }
      return Array(data)
    } catch let failure as FileInputError {
      throw failure
    } catch {
      throw FileInputError(
        path: displayPath, problem: "cannot be read: \(error.localizedDescription)")
    }
  }
}

/// A file that could not be read, and why.
struct FileInputError: Error, CustomStringConvertible {
  var path: String
  var problem: String

  var description: String { "\(path): \(problem)" }
}
