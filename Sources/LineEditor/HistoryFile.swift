import Glibc

/// Creation of the history file and its folders with private permissions.
enum HistoryFile {
  /// Creates the missing folders of `path` (mode 0700) and the file itself (mode 0600) if it
  /// does not exist; existing ones are left as they are. False if the file cannot be created.
  @discardableResult
  static func prepare(_ path: String) -> Bool {
    createParentDirectories(of: path)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, mode_t(0o600))
    guard descriptor >= 0 else {
      return false
    }
    close(descriptor)
    return true
  }

  /// Creates each missing folder on the way to `path`, outermost first, with mode 0700.
  static func createParentDirectories(of path: String) {
    let components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    var prefix = ""
    for (index, component) in components.enumerated() {
      prefix += index == 0 ? String(component) : "/" + component
      guard !component.isEmpty, component != ".", component != ".." else {
        continue
      }
      var status = stat()
      if stat(prefix, &status) != 0 {
        _ = mkdir(prefix, mode_t(0o700))
      }
    }
  }
}
