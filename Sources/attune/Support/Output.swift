import ArgumentParser
import AttuneCore
import Foundation

/// Where commands print, and the one place where failures become messages and exit codes.
enum Output {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  static func err(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// Runs a command body, rendering failures to standard error with a non-zero exit.
  static func run(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let failure as CommandFailure {
      err("attune: error: " + TerminalText.sanitized(failure.message))
      throw ExitCode(failure.exitCode)
    } catch let failure as FileInputError {
      err("attune: error: " + TerminalText.sanitized(failure.description))
      throw ExitCode(1)
    } catch let failure as DiagnosticFailure {
      let renderer = DiagnosticRenderer(style: Style.forOutput(STDERR_FILENO))
      for diagnostic in failure.diagnostics {
        err(renderer.render(diagnostic, source: diagnostic.file.flatMap { failure.sources[$0] }))
      }
      let errors = failure.diagnostics.filter { $0.severity == .error }.count
      err(
        "attune: \(errors) error\(errors == 1 ? "" : "s") in the scenario;"
          + " fix \(errors == 1 ? "it" : "them") and try again (`attune check FILE` lists them)")
      throw ExitCode(1)
    }
  }
}
