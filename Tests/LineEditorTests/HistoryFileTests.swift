import Foundation
import Glibc
import Testing

@testable import LineEditor

struct HistoryFileTests {
  @Test func historyFoldersAreCreatedOnlyWhereMissing() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(HistoryFile.prepare(root + "/one/two/history"))
    #expect(try permissions(root + "/one") == 0o700)
    #expect(try permissions(root + "/one/two") == 0o700)
    #expect(try permissions(root + "/one/two/history") == 0o600)
    #expect(!HistoryFile.prepare(root + "/one/two/history/inside-a-file"))
  }

  @Test func anExistingFileKeepsItsContents() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = root + "/history"
    try "_HiStOrY_V2_\nhello\n".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(HistoryFile.prepare(path))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "_HiStOrY_V2_\nhello\n")
  }
}
