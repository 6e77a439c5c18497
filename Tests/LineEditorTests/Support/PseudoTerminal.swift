import Foundation
import Glibc

/// A failure of the test harness itself (a timeout, a system call).
struct HarnessError: Error, CustomStringConvertible {
  let description: String
}

/// A pseudo-terminal pair: a reader uses the slave side, the test types on the master side
/// and reads what the reader displays. Every wait has a timeout.
final class PseudoTerminal: @unchecked Sendable {
  let master: Int32
  let slave: Int32
  /// The slave's device path, for a child process to open as its controlling terminal.
  let slavePath: String
  /// Output read from the master and not yet consumed by ``expect(_:timeout:)``.
  private var pending: [UInt8] = []
  /// Everything read from the master.
  private(set) var transcript: [UInt8] = []
  private var masterOpen = true

  init(columns: UInt16 = 80, rows: UInt16 = 24) throws {
    // /dev/ptmx rather than openpty(): both sides are opened close-on-exec atomically, so
    // that a child process spawned meanwhile by another test cannot inherit the master
    // (closing it would then no longer hang up the slave).
    master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard master >= 0 else {
      throw HarnessError(description: "cannot open /dev/ptmx: errno \(errno)")
    }
    var unlocked: Int32 = 0
    var number: UInt32 = 0
    guard ioctl(master, Self.setLock, &unlocked) == 0, ioctl(master, Self.getNumber, &number) == 0
    else {
      close(master)
      throw HarnessError(description: "cannot unlock the pseudo-terminal: errno \(errno)")
    }
    slavePath = "/dev/pts/\(number)"
    slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard slave >= 0 else {
      close(master)
      throw HarnessError(description: "cannot open \(slavePath): errno \(errno)")
    }
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
  }

  /// TIOCSPTLCK and TIOCGPTN (Linux, <asm-generic/ioctls.h>); Swift does not import these
  /// macros because they are built with _IOW/_IOR.
  private static let setLock: UInt = 0x4004_5431
  private static let getNumber: UInt = 0x8004_5430

  deinit {
    hangUp()
    close(slave)
  }

  /// Types `text` (UTF-8) on the keyboard side.
  func send(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty && masterOpen {
      let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR {
          continue
        }
        return
      }
      bytes = bytes.dropFirst(written)
    }
  }

  /// Waits until `text` is displayed; returns what was displayed before it and consumes the
  /// output up to the end of `text`.
  @discardableResult
  func expect(_ text: String, timeout: Double = 10) throws -> String {
    let needle = Array(text.utf8)
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let range = Self.find(needle, in: pending) {
        let before = String(decoding: pending[..<range.lowerBound], as: UTF8.self)
        pending.removeSubrange(..<range.upperBound)
        return before
      }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0, masterOpen, readSome(timeout: remaining) else {
        throw HarnessError(
          description: "timed out waiting for \(text.debugDescription); screen so far: "
            + String(decoding: transcript, as: UTF8.self).debugDescription)
      }
    }
  }

  /// Reads whatever arrives within `timeout` seconds into the transcript.
  func drain(timeout: Double = 0.2) {
    let deadline = Date().addingTimeInterval(timeout)
    while deadline.timeIntervalSinceNow > 0 && masterOpen
      && readSome(timeout: deadline.timeIntervalSinceNow)
    {}
  }

  /// The terminal attributes of the slave side, as bytes (for comparisons).
  func slaveAttributes() -> [UInt8] {
    var state = termios()
    _ = tcgetattr(slave, &state)
    return withUnsafeBytes(of: &state) { Array($0) }
  }

  /// Whether the slave is in canonical (cooked) mode.
  func slaveIsCanonical() -> Bool {
    var state = termios()
    _ = tcgetattr(slave, &state)
    return state.c_lflag & tcflag_t(ICANON) != 0
  }

  /// Closes the master side: the reader sees the end of its input (or a hangup).
  func hangUp() {
    if masterOpen {
      masterOpen = false
      close(master)
    }
  }

  private func readSome(timeout: Double) -> Bool {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let milliseconds = Int32(max(1, min(timeout * 1000, 60_000)))
    guard poll(&descriptor, 1, milliseconds) > 0 else {
      return false
    }
    var block = [UInt8](repeating: 0, count: 4096)
    let count = block.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
    guard count > 0 else {
      return false
    }
    pending.append(contentsOf: block[..<count])
    transcript.append(contentsOf: block[..<count])
    return true
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    guard !needle.isEmpty, haystack.count >= needle.count else {
      return nil
    }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<start + needle.count].elementsEqual(needle) {
      return start..<start + needle.count
    }
    return nil
  }
}

/// Runs a closure on a thread of its own, so that the test can type while it reads.
final class Background<Value: Sendable>: @unchecked Sendable {
  private let finished = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var value: Value?

  init(_ body: @escaping @Sendable () -> Value) {
    let thread = Thread { [self] in
      let result = body()
      lock.withLock { value = result }
      finished.signal()
    }
    thread.start()
  }

  /// The closure's result; throws if it has not returned within `timeout` seconds.
  func result(timeout: Double = 10) throws -> Value {
    guard finished.wait(timeout: .now() + timeout) == .success else {
      throw HarnessError(description: "the reader did not return within \(timeout) s")
    }
    return lock.withLock { value! }
  }
}
