/// Where the parts of a scenario stand in its file, by JSON Pointer, so that later checks
/// can report exact positions.
public struct SourceMap: Hashable, Sendable {
  /// The file as the user named it.
  public var file: String?
  var locations: [String: SourceLocation]

  /// Creates an empty map for a file.
  public init(file: String?) {
    self.file = file
    self.locations = [:]
  }

  /// The location of the value at `pointer`, or of its nearest recorded ancestor.
  public func location(of pointer: String) -> SourceLocation {
    var pointer = pointer
    while true {
      if let location = locations[pointer] { return location }
      guard let slash = pointer.lastIndex(of: "/") else { return .start }
      pointer = String(pointer[..<slash])
    }
  }

  mutating func record(_ location: SourceLocation, for pointer: String) {
    locations[pointer] = location
  }
}
