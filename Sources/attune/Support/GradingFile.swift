import AttuneCore
import AttuneGrading
import Foundation

/// Where a transcript's grading file lives, and how it is read and appended to.
///
/// `session.jsonl` gets `session.grading.jsonl` beside it. The file is created readable by its
/// owner only, is only ever appended to (one line per rating or comment, flushed to disk at
/// once), and starts with a header that binds it to the transcript's SHA-256.
enum GradingFile {
  /// The ending that marks a grading file.
  static let suffix = ".grading.jsonl"

  /// The grading file of the transcript at `transcript`.
  static func path(forTranscript transcript: String) -> String {
    (transcript.hasSuffix(".jsonl") ? String(transcript.dropLast(".jsonl".count)) : transcript)
      + suffix
  }

  /// The grading log of the transcript at `transcript`, whose bytes are `bytes`: empty when
  /// nobody has graded it, and empty with a problem when the file is there but cannot be read.
  /// A grading file that belongs to another version of the transcript (its header's SHA-256
  /// differs) keeps only its header, so that its ratings and comments never count for this
  /// one and `replay --step` can refuse to add to it.
  static func log(forTranscript transcript: String, bytes: [UInt8]) -> GradingLog {
    let log = read(forTranscript: transcript)
    guard let header = log.header,
      !log.matches(transcriptSha256: ScenarioFingerprint.sha256(of: bytes))
    else { return log }
    var stale = GradingLog()
    stale.header = header
    stale.problems.append(
      TranscriptProblem(
        line: 1, code: .transcriptEvent,
        message:
          "\(path(forTranscript: transcript)) belongs to another version of this transcript"
          + " (its SHA-256 differs); its ratings and comments are left out"))
    return stale
  }

  private static func read(forTranscript transcript: String) -> GradingLog {
    let path = path(forTranscript: transcript)
    guard FileManager.default.fileExists(atPath: path) else { return GradingLog() }
    guard let bytes = try? FileInput.read(path, displayPath: path, limit: 64 << 20) else {
      var log = GradingLog()
      log.problems.append(
        TranscriptProblem(
          line: 1, code: .transcriptEvent,
          message: "\(path) cannot be read; its ratings are left out"))
      return log
    }
    return GradingLog(bytes: bytes)
  }

  /// Appends `events` to the grading file of `transcript`, creating it with `header` first if
  /// it does not exist yet. Each call writes whole lines and flushes them to disk.
  static func append(
    _ events: [GradingEvent], forTranscript transcript: String, header: GradingHeader
  ) throws {
    let path = path(forTranscript: transcript)
    let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw CommandFailure(
        "cannot write the grading file \(path): \(String(cString: strerror(errno)));"
          + " check that its folder is writable")
    }
    defer { close(descriptor) }
    var lines = events
    let size = lseek(descriptor, 0, SEEK_END)
    if size == 0 { lines.insert(.header(header), at: 0) }
    var text = lines.map { $0.line() + "\n" }.joined()
    // A grader's process killed mid-write leaves a torn last line; end it, so that the new
    // lines stand on their own (the fragment is then read as one unreadable line, left out).
    if size > 0, !endsWithNewline(descriptor, size: size) { text = "\n" + text }
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes {
        write(descriptor, $0.baseAddress, $0.count)
      }
      guard count > 0 else {
        if count < 0 && errno == EINTR { continue }
        throw CommandFailure(
          "cannot write the grading file \(path): \(String(cString: strerror(errno)))"
            + " (is the disk full?); the rating was not saved")
      }
      written += count
    }
    fsync(descriptor)
  }

  /// Whether the file open as `descriptor`, `size` bytes long, ends with a newline.
  private static func endsWithNewline(_ descriptor: Int32, size: off_t) -> Bool {
    var last: UInt8 = 0
    return pread(descriptor, &last, 1, size - 1) == 1 && last == UInt8(ascii: "\n")
  }
}
