import Glibc
import Synchronization

/// The terminal state saved by ``Terminal/restoreOnTermination()``; written once before
/// `savedTerminalDescriptor` is published, then only read (also from signal handlers).
nonisolated(unsafe) private let savedTerminalState = UnsafeMutablePointer<termios>.allocate(
  capacity: 1)
/// The descriptor whose state was saved, or -1.
private let savedTerminalDescriptor = Atomic<Int32>(-1)
private let restoreInstalled = Atomic<Bool>(false)

private func restoreSavedTerminal() {
  let descriptor = savedTerminalDescriptor.load(ordering: .acquiring)
  if descriptor >= 0 {
    _ = tcsetattr(descriptor, TCSANOW, savedTerminalState)
  }
}

/// SIGTERM/SIGHUP: restore the terminal, then die of the same signal with the default action.
private func restoreAndReraise(_ signal: Int32) {
  restoreSavedTerminal()
  var action = sigaction()
  action.__sigaction_handler.sa_handler = SIG_DFL
  sigemptyset(&action.sa_mask)
  sigaction(signal, &action, nil)
  // The signal is blocked while its handler runs: it is delivered, now with the default
  // action, as soon as the handler returns.
  raise(signal)
}

/// Facts about the terminal, and its restoration when the process ends.
public enum Terminal {
  /// True when both descriptors are terminals, the condition for ``EditLineReader``.
  public static func isInteractive(
    input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO
  ) -> Bool {
    isatty(input) == 1 && isatty(output) == 1
  }

  /// The width in columns of the terminal behind `fd` (TIOCGWINSZ); nil when it is not a
  /// terminal or reports no size.
  public static func width(of fd: Int32 = STDOUT_FILENO) -> Int? {
    var size = winsize()
    guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
      return nil
    }
    return Int(size.ws_col)
  }

  /// Saves the terminal state now, and installs SIGTERM and SIGHUP handlers that restore it
  /// (tcsetattr is async-signal-safe) and then re-raise the signal with the default action,
  /// so the process still dies of that signal. Also restores it at normal exit (atexit).
  /// Idempotent: only the first call saves and installs.
  ///
  /// The state saved is that of the first of standard input, output and error that is a
  /// terminal; without a terminal nothing is restored, but the handlers are still harmless.
  public static func restoreOnTermination() {
    guard
      restoreInstalled.compareExchange(
        expected: false, desired: true, ordering: .sequentiallyConsistent
      ).exchanged
    else {
      return
    }
    // Touch the globals now: their lazy initialisation must not happen in a handler.
    _ = savedTerminalState
    _ = savedTerminalDescriptor.load(ordering: .acquiring)
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where isatty(descriptor) == 1 {
      if tcgetattr(descriptor, savedTerminalState) == 0 {
        savedTerminalDescriptor.store(descriptor, ordering: .releasing)
        break
      }
    }
    for signal in [SIGTERM, SIGHUP] {
      var current = sigaction()
      sigaction(signal, nil, &current)
      let ignored = unsafeBitCast(SIG_IGN, to: Int.self)
      if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == ignored {
        continue  // e.g. SIGHUP under nohup: stay immune
      }
      var action = sigaction()
      action.__sigaction_handler.sa_handler = restoreAndReraise
      action.sa_flags = 0
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
    }
    atexit { restoreSavedTerminal() }
  }
}
