// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Attune",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "attune", targets: ["attune"]),
    .library(name: "AttuneCore", targets: ["AttuneCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
  ],
  targets: [
    .target(
      name: "AttuneCore",
      dependencies: [.product(name: "Crypto", package: "swift-crypto")]
    ),
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "AttuneAuthoring", dependencies: ["AttuneCore"]),
    .target(name: "AttuneGrading", dependencies: ["AttuneCore"]),
    .target(name: "LineEditor", dependencies: ["CLibEdit"]),
    .executableTarget(
      name: "attune",
      dependencies: [
        "AttuneCore",
        "AttuneAuthoring",
        "AttuneGrading",
        "LineEditor",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "AttuneCoreTests", dependencies: ["AttuneCore"], exclude: ["Fixtures"]),
    .testTarget(name: "AttuneAuthoringTests", dependencies: ["AttuneAuthoring"]),
    .testTarget(name: "AttuneGradingTests", dependencies: ["AttuneGrading"]),
    .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
    .testTarget(
      name: "AttuneCLITests", dependencies: ["AttuneCore"], exclude: ["Golden", "Terminal"]),
  ]
)
