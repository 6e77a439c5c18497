import Glibc
import Synchronization

/// Set to 1 by the SIGINT handler, cleared by whoever consumes the interrupt.
private let interruptPending = Atomic<Int>(0)
/// The thread blocked in `el_wgets`, or 0; the handler forwards SIGINT to it so that its
/// `read` fails with EINTR even when the kernel delivered the signal to another thread.
private let readingThread = Atomic<UInt>(0)

/// The SIGINT handler: only async-signal-safe work (atomics, `pthread_self`, `pthread_kill`).
private func handleInterrupt(_ signal: Int32) {
  interruptPending.store(1, ordering: .sequentiallyConsistent)
  let reader = readingThread.load(ordering: .sequentiallyConsistent)
  if reader != 0, pthread_equal(reader, pthread_self()) == 0 {
    _ = pthread_kill(reader, SIGINT)
  }
}

/// Keeps SIGINT from killing the process while at least one ``EditLineReader`` lives.
///
/// The handler is installed with `sigaction` without `SA_RESTART`, so that a SIGINT makes the
/// blocked `read` inside `el_wgets` fail with EINTR; the previous action comes back when the
/// last reader is gone.
enum InterruptTrap {
  private struct State {
    var users = 0
    var previous = sigaction()
  }

  private static let state = Mutex(State())

  /// Installs the handler (for the first user).
  static func acquire() {
    state.withLock { state in
      state.users += 1
      guard state.users == 1 else {
        return
      }
      // Touch the globals now: their lazy initialisation must not happen in the handler.
      interruptPending.store(0, ordering: .sequentiallyConsistent)
      readingThread.store(0, ordering: .sequentiallyConsistent)
      var action = sigaction()
      action.__sigaction_handler.sa_handler = handleInterrupt
      action.sa_flags = 0
      sigemptyset(&action.sa_mask)
      sigaction(SIGINT, &action, &state.previous)
    }
  }

  /// Restores the previous action (for the last user).
  static func release() {
    state.withLock { state in
      state.users -= 1
      guard state.users == 0 else {
        return
      }
      sigaction(SIGINT, &state.previous, nil)
    }
  }

  /// Whether a SIGINT arrived that nobody consumed yet.
  static var isPending: Bool {
    interruptPending.load(ordering: .sequentiallyConsistent) != 0
  }

  /// Consumes a pending SIGINT; true if there was one.
  static func consume() -> Bool {
    interruptPending.exchange(0, ordering: .sequentiallyConsistent) != 0
  }

  /// Consumes a SIGINT that made `el_wgets` fail with EINTR. When the kernel delivered the
  /// signal to another thread, its handler may set the flag a moment after the `read` failed,
  /// so wait for it briefly rather than leave it to be taken for a new Ctrl-C.
  static func consumeAfterInterruptedRead() {
    var attempts = 0
    while !consume() && attempts < 100 {
      var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
      nanosleep(&pause, nil)
      attempts += 1
    }
  }

  /// Runs `body` with the calling thread registered as the one reading.
  static func whileReading<T>(_ body: () -> T) -> T {
    readingThread.store(pthread_self(), ordering: .sequentiallyConsistent)
    defer { readingThread.store(0, ordering: .sequentiallyConsistent) }
    return body()
  }

  /// Runs `body` with the terminal's signals unblocked in the calling thread.
  ///
  /// Threads of Dispatch and of the Swift concurrency pool block signals; a reader called
  /// from one of them would otherwise never see Ctrl-C (nor Ctrl-Z, nor a resize) if every
  /// other thread blocks them too. A SIGINT left pending while they were blocked is delivered
  /// as soon as they are unblocked, so check for interrupts inside `body`.
  static func withTerminalSignalsUnblocked<T>(_ body: () -> T) -> T {
    var signals = sigset_t()
    sigemptyset(&signals)
    for signal in [SIGINT, SIGTSTP, SIGCONT, SIGWINCH] {
      sigaddset(&signals, signal)
    }
    var previous = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &signals, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return body()
  }
}
