// swift-tools-version: 6.0
import PackageDescription

// The libFuzzer targets, a package of their own so that the main build never sees the fuzzer
// flags. Build and run them with `bash Fuzz/run TARGET SECONDS` (see README.md).
let package = Package(
  name: "AttuneFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "Attune", path: "..")],
  targets: [
    .target(name: "CFuzzerDriver"),
    .executableTarget(
      name: "AttuneFuzz",
      dependencies: ["CFuzzerDriver", .product(name: "AttuneCore", package: "Attune")]
    ),
  ]
)
