import Foundation

/// The transcripts named on a command line: files as given, and every `*.jsonl` file under a
/// folder (grading files excluded), visited folder by folder in name order so that output is
/// the same on every machine. Folders are read one at a time, never all at once.
struct TranscriptFiles: Sequence {
  /// The paths and folders given.
  var arguments: [String]

  /// Whether `name` is a transcript's file name (and not a grading file's).
  static func isTranscript(_ name: String) -> Bool {
    name.hasSuffix(".jsonl") && !name.hasSuffix(GradingFile.suffix)
  }

  func makeIterator() -> Iterator { Iterator(pending: arguments.reversed()) }

  /// Walks depth first, keeping only the folders not yet opened.
  struct Iterator: IteratorProtocol {
    /// Paths still to visit, last first.
    var pending: [String]

    mutating func next() -> String? {
      while let path = pending.popLast() {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        // A file the user named is graded whatever its name (and a missing one is reported
        // when it is read); inside folders only transcripts were queued.
        guard exists, isDirectory.boolValue else { return path }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
          .filter { !$0.hasPrefix(".") }.sorted()
        for name in names.reversed() {
          let child = path == "." ? name : (path as NSString).appendingPathComponent(name)
          var childIsDirectory: ObjCBool = false
          FileManager.default.fileExists(atPath: child, isDirectory: &childIsDirectory)
          if childIsDirectory.boolValue || TranscriptFiles.isTranscript(name) {
            pending.append(child)
          }
        }
      }
      return nil
    }
  }
}
