import AttuneCore
import Foundation

/// A transcript file, created new (never overwriting), readable by its owner only, written one
/// complete line per `write` so that a killed process leaves a valid prefix.
final class TranscriptFile: TranscriptSink {
  let path: String
  private let descriptor: Int32

  /// Creates the file at `path`; fails if it exists or cannot be created.
  init(creatingAt path: String) throws {
    self.path = path
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      try? FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      if errno == EEXIST {
        throw CommandFailure(
          "\(path): a file is already there, and transcripts are never overwritten; choose"
            + " another --transcript path")
      }
      throw CommandFailure(
        "the transcript cannot be written to \(path): \(reason); choose a writable place with"
          + " --transcript PATH")
    }
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  func write(line: [UInt8]) throws {
    var offset = 0
    while offset < line.count {
      let written = line[offset...].withUnsafeBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress, buffer.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw CommandFailure(
          "the transcript \(path) could not be written: \(String(cString: strerror(errno)))")
      }
      offset += written
    }
  }

  /// Forces what was written to the disk.
  func synchronize() { fsync(descriptor) }

  /// Checks that the disk has room for a session's transcript (a full disk is reported before
  /// the trainee starts work). When it has not, the file just created, still empty, is
  /// removed, so that the same path can be used again once there is room.
  func checkSpace(minimumBytes: Int64 = 256 * 1024) throws {
    var stats = statvfs()
    guard fstatvfs(descriptor, &stats) == 0 else { return }
    let free = Int64(stats.f_bavail) * Int64(stats.f_frsize)
    if free < minimumBytes {
      unlink(path)
      throw CommandFailure(
        "the disk holding \(path) is full (\(free / 1024) KiB free); free some space or choose"
          + " another --transcript path")
    }
  }
}

/// Where transcripts go by default, and how they are named.
enum TranscriptLocation {
  /// `$ATTUNE_TRANSCRIPTS`, else `$XDG_DATA_HOME/attune/transcripts`, else
  /// `~/.local/share/attune/transcripts`.
  static var defaultFolder: String {
    let environment = ProcessInfo.processInfo.environment
    if let folder = environment["ATTUNE_TRANSCRIPTS"], !folder.isEmpty { return folder }
    if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
      return data + "/attune/transcripts"
    }
    return NSHomeDirectory() + "/.local/share/attune/transcripts"
  }

  /// A new file name in `folder` for this scenario, trainee and time, with a number added if
  /// the name is taken.
  static func newPath(in folder: String, scenario: String, trainee: String, date: Date) -> String {
    let safeTrainee = String(
      trainee.unicodeScalars.map {
        $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
          ? Character($0) : "_"
      })
    let base = "\(folder)/\(scenario)-\(safeTrainee)-\(Timestamp.compact(date))"
    var path = base + ".jsonl"
    var counter = 2
    while FileManager.default.fileExists(atPath: path) {
      path = "\(base)-\(counter).jsonl"
      counter += 1
    }
    return path
  }

  /// The user's state folder for Attune (history): `$XDG_STATE_HOME/attune` or
  /// `~/.local/state/attune`.
  static var stateFolder: String {
    let environment = ProcessInfo.processInfo.environment
    if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/attune" }
    return NSHomeDirectory() + "/.local/state/attune"
  }
}
