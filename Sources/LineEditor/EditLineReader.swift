import CLibEdit
import Glibc

/// Reads lines with libedit: editing (UTF-8 aware), history, Tab completion; for when
/// standard input and output are both terminals (``Terminal/isInteractive(input:output:)``).
///
/// Ctrl-C while a line is being typed cancels it (``LineInput/interrupted``). While the reader
/// lives, SIGINT does not kill the process: a Ctrl-C that arrives between two reads makes the
/// next ``readLine(prompt:)`` return ``LineInput/interrupted`` at once, so the caller can say
/// something and prompt again. Any thread may read: SIGINT, SIGTSTP, SIGCONT and SIGWINCH are
/// unblocked in the reading thread during a read, and a SIGINT handled by another thread is
/// forwarded to it.
///
/// Process-wide effects: the LC_CTYPE locale is set (the user's, else C.UTF-8); during a read
/// libedit handles SIGINT, SIGTSTP, SIGQUIT, SIGHUP, SIGTERM, SIGCONT and SIGWINCH and, after
/// restoring the terminal, re-sends the signal to the whole process group (`kill(0, sig)`).
/// Only one reader at a time should read.
///
/// `deinit` ends libedit, restores the terminal state found at `init` and puts the previous
/// SIGINT action back.
public final class EditLineReader: LineReader {
  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private let historyFile: String?
  private let session: EditLineSession
  private let input: Int32
  private let openedFiles: [UnsafeMutablePointer<FILE>]
  private let initialTerminalState: termios?

  /// A reader on standard input and output.
  ///
  /// - Parameters:
  ///   - programName: the name by which `~/.editrc` lines are selected (`attune:bind ...`).
  ///   - historyFile: loaded now, saved after each ``remember(_:)``; created with mode 0600,
  ///     missing folders with mode 0700. Nil: history for this session only.
  ///   - historySize: the most lines kept (at least 1).
  ///   - completer: what Tab completes; nil: Tab is left to libedit's default.
  public convenience init(
    programName: String,
    historyFile: String?,
    historySize: Int = 500,
    completer: LineCompleter?
  ) {
    self.init(
      programName: programName, historyFile: historyFile, historySize: historySize,
      completer: completer, input: STDIN_FILENO, output: STDOUT_FILENO)
  }

  /// A reader on the given terminal descriptors (for instance the slave side of a
  /// pseudo-terminal). The descriptors stay owned by the caller.
  ///
  /// - Parameter sourcesEditrc: read the user's `~/.editrc` (or `$EDITRC`); tests turn it off.
  public init(
    programName: String,
    historyFile: String?,
    historySize: Int = 500,
    completer: LineCompleter?,
    input: Int32,
    output: Int32,
    sourcesEditrc: Bool = true
  ) {
    CharacterLocale.prepare()
    self.input = input
    self.historyFile = historyFile
    var state = termios()
    initialTerminalState = tcgetattr(input, &state) == 0 ? state : nil

    let outputFile: UnsafeMutablePointer<FILE>
    var opened: [UnsafeMutablePointer<FILE>] = []
    let created: OpaquePointer?
    if input == STDIN_FILENO && output == STDOUT_FILENO {
      outputFile = attune_stdout()
      created = attune_el_init_std(programName)
    } else {
      // Close-on-exec duplicates: child processes of the program must not inherit them.
      guard let inputFile = fdopen(fcntl(input, F_DUPFD_CLOEXEC, 0), "r"),
        let file = fdopen(fcntl(output, F_DUPFD_CLOEXEC, 0), "w")
      else {
        fatalError("EditLineReader: cannot open streams on descriptors \(input) and \(output)")
      }
      opened = [inputFile, file]
      outputFile = file
      created = attune_el_init_fd(programName, inputFile, file, file, input, output, output)
    }
    guard let editLine = created, let history = history_winit() else {
      fatalError("EditLineReader: libedit could not be initialised")
    }
    self.editLine = editLine
    self.history = history
    openedFiles = opened
    session = EditLineSession(
      completer: completer, outputFile: outputFile, outputDescriptor: output)

    attune_el_set_clientdata(editLine, Unmanaged.passUnretained(session).toOpaque())
    attune_el_set_string(editLine, EL_EDITOR, "emacs")
    attune_el_set_int(editLine, EL_SIGNAL, 1)
    attune_el_wset_prompt_esc(
      editLine,
      { editLine in
        guard let editLine, let data = attune_el_get_clientdata(editLine) else {
          return nil
        }
        return Unmanaged<EditLineSession>.fromOpaque(data).takeUnretainedValue().prompt
      },
      WideText.invisibleMarker)

    var event = HistEventW()
    attune_history_int(history, &event, H_SETSIZE, Int32(clamping: max(historySize, 1)))
    attune_history_int(history, &event, H_SETUNIQUE, 1)
    attune_el_wset_history(editLine, history)
    if let historyFile {
      attune_history_file(history, &event, H_LOAD, historyFile)
    }

    if completer != nil {
      attune_el_add_function(
        editLine, "attune-complete", "Complete the word under the cursor",
        { editLine, _ in
          guard let editLine, let data = attune_el_get_clientdata(editLine) else {
            return UInt8(CC_ERROR)
          }
          return Unmanaged<EditLineSession>.fromOpaque(data).takeUnretainedValue()
            .complete(editLine)
        })
      attune_el_bind(editLine, "^I", "attune-complete")
    }
    if sourcesEditrc {
      el_source(editLine, nil)
    }
    InterruptTrap.acquire()
  }

  deinit {
    el_end(editLine)
    history_wend(history)
    for file in openedFiles {
      fclose(file)
    }
    if var state = initialTerminalState {
      tcsetattr(input, TCSADRAIN, &state)
    }
    InterruptTrap.release()
  }

  /// Whether a Ctrl-C arrived since the last read; the next ``readLine(prompt:)`` will
  /// return ``LineInput/interrupted`` for it.
  public var hasPendingInterrupt: Bool {
    InterruptTrap.isPending
  }

  public func readLine(prompt: String) -> LineInput {
    InterruptTrap.withTerminalSignalsUnblocked { read(prompt: prompt) }
  }

  private func read(prompt: String) -> LineInput {
    if InterruptTrap.consume() {
      // The terminal echoed ^C itself (it was not in raw mode): end that line.
      session.write("\n")
      return .interrupted
    }
    session.prepareForLine(prompt: prompt)
    fflush(nil)
    var count: Int32 = 0
    errno = 0
    let line = InterruptTrap.whileReading {
      // Raw mode before the prompt is shown: on its first read libedit would only switch
      // after printing it, and keys typed in between would be handled by the cooked line
      // discipline (echoed twice, erase applied to bytes).
      attune_el_set_int(editLine, EL_PREP_TERM, 1)
      return el_wgets(editLine, &count)
    }
    let failure = errno
    if let line, count > 0 {
      var length = Int(count)
      if line[length - 1] == wchar_t(UInt8(ascii: "\n")) {
        length -= 1
      }
      return .line(WideText.string(line, count: length))
    }
    if count < 0 && (failure == EINTR || InterruptTrap.isPending) {
      InterruptTrap.consumeAfterInterruptedRead()
      session.write("^C\n")
      return .interrupted
    }
    // Ctrl-D (libedit has echoed ^D), end of file or a read error.
    session.write("\n")
    return .endOfInput
  }

  /// Adds the line to the history (empty lines are ignored; a line equal to the previous one
  /// is not added twice) and saves the history file if there is one. Failing to save is not
  /// reported: history is a convenience.
  public func remember(_ line: String) {
    guard !line.isEmpty else {
      return
    }
    var event = HistEventW()
    let wide = WideText.nulTerminated(line)
    attune_history_wstring(history, &event, H_ENTER, wide)
    if let historyFile, HistoryFile.prepare(historyFile) {
      attune_history_file(history, &event, H_SAVE, historyFile)
    }
  }
}
