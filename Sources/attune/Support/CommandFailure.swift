import AttuneCore

/// A failure that ends a command with a message and a non-zero exit status.
struct CommandFailure: Error, CustomStringConvertible {
  var message: String
  var exitCode: Int32 = 1

  init(_ message: String, exitCode: Int32 = 1) {
    self.message = message
    self.exitCode = exitCode
  }

  var description: String { message }
}

/// A failure made of diagnostics, rendered with their source lines.
struct DiagnosticFailure: Error {
  var diagnostics: [Diagnostic]
  var sources: [String: [UInt8]]
}
