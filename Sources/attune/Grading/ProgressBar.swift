import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal
/// and the work is large enough to wait for.
struct ProgressBar {
  private let total: Int
  private let enabled: Bool
  private var done = 0
  private var lastDrawn = -1

  /// A bar for `total` items, shown when standard error is a terminal and `total` reaches
  /// `threshold`.
  init(total: Int, threshold: Int = 200) {
    self.total = total
    enabled = total >= threshold && Self.canShow
  }

  /// Whether a bar can be shown at all (standard error is a terminal); when it cannot, callers
  /// need not count the work first.
  static var canShow: Bool { isatty(STDERR_FILENO) == 1 }

  /// Counts one item done, redrawing when the percentage changes.
  mutating func advance() {
    done += 1
    guard enabled else { return }
    let percent = total == 0 ? 100 : done * 100 / total
    guard percent != lastDrawn else { return }
    lastDrawn = percent
    let width = 30
    let filled = percent * width / 100
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    FileHandle.standardError.write(Data("\r[\(bar)] \(percent)% \(done)/\(total)".utf8))
  }

  /// Clears the bar.
  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
