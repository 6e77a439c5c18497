import Crypto

/// The SHA-256 of a scenario file's bytes, as recorded in transcripts.
public enum ScenarioFingerprint {
  /// The lower-case hex SHA-256 of `bytes`.
  public static func sha256(of bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
