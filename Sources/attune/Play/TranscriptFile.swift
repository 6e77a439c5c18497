import AttuneCore
import Foundation

/// A transcript file, created new (never overwriting), readable by its owner only, written one
/// complete line per `write` so that a killed process leaves a valid prefix.
///
/// Where the file system allows it, the file is created without a name (`O_TMPFILE`) and
/// named only once its first line, the header, is written: a session killed at any moment
/// leaves either no file or one that starts with a complete header, never an empty one.
final class TranscriptFile: TranscriptSink {
  let path: String
  private let descriptor: Int32
  /// Whether the file still has no name; it gets `path` with its first line.
  private var unnamed: Bool

  /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import.
  private static let openUnnamed: Int32 = 0o20_000_000 | O_DIRECTORY

  /// Creates the file for `path`; fails if something is there or it cannot be created.
  init(creatingAt path: String) throws {
    self.path = path
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      try? FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    // Refuse a taken path at once; naming the file (link) refuses it again without a race.
    var existing = stat()
    if lstat(path, &existing) == 0 { throw Self.taken(path) }
    let unnamedDescriptor = open(
      folder.isEmpty ? "." : folder, Self.openUnnamed | O_WRONLY | O_CLOEXEC, 0o600)
    if unnamedDescriptor >= 0 {
      descriptor = unnamedDescriptor
      unnamed = true
      return
    }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      if errno == EEXIST { throw Self.taken(path) }
      throw Self.unwritable(path, errno)
    }
    self.descriptor = descriptor
    unnamed = false
  }

  private static func taken(_ path: String) -> CommandFailure {
    CommandFailure(
      "\(path): a file is already there, and transcripts are never overwritten; choose"
        + " another --transcript path")
  }

  private static func unwritable(_ path: String, _ code: Int32) -> CommandFailure {
    CommandFailure(
      "the transcript cannot be written to \(path): \(String(cString: strerror(code))); choose"
        + " a writable place with --transcript PATH")
  }

  /// Gives the unnamed file its name, once its first line is on disk.
  private func name() throws {
    fsync(descriptor)
    guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
    else {
      if errno == EEXIST { throw Self.taken(path) }
      throw Self.unwritable(path, errno)
    }
    unnamed = false
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
    if unnamed { try name() }
  }

  /// Forces what was written to the disk.
  func synchronize() { fsync(descriptor) }

  /// Checks that the disk has room for a session's transcript (a full disk is reported before
  /// the trainee starts work). When it has not, the file just created, still empty, is
  /// removed (an unnamed one vanishes by itself), so that the same path can be used again.
  func checkSpace(minimumBytes: Int64 = 256 * 1024) throws {
    var stats = statvfs()
    guard fstatvfs(descriptor, &stats) == 0 else { return }
    let free = Int64(stats.f_bavail) * Int64(stats.f_frsize)
    if free < minimumBytes {
      if !unnamed { unlink(path) }
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
