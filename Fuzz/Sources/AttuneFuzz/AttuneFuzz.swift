import CFuzzerDriver
import Foundation

/// `attune-fuzz TARGET [libFuzzer flags and corpus folders or files]`: runs libFuzzer on one
/// target. The program has its own `main`, as SwiftPM requires, and hands the remaining
/// arguments to libFuzzer through `LLVMFuzzerRunDriver`.
@main
enum AttuneFuzz {
  static func main() {
    var arguments = CommandLine.arguments
    guard arguments.count >= 2, let target = FuzzTarget.named(arguments[1]) else {
      var usage = "usage: AttuneFuzz TARGET [libFuzzer flags] [CORPUS...]\ntargets:\n"
      for target in FuzzTarget.all { usage += "  \(target.name)\t\(target.summary)\n" }
      FileHandle.standardError.write(Data(usage.utf8))
      exit(2)
    }
    arguments.remove(at: 1)
    var argc = Int32(arguments.count)
    var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let status = cArguments.withUnsafeMutableBufferPointer { buffer in
      var argv = buffer.baseAddress
      return LLVMFuzzerRunDriver(&argc, &argv, target.callback)
    }
    exit(status)
  }
}
