import Dispatch
import Foundation

extension Array where Element: Sendable {
  /// The results of `transform` on every element, in order, computed on all cores.
  func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
    guard count > 1 else { return map(transform) }
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
      results.deinitialize()
      results.deallocate()
    }
    nonisolated(unsafe) let slots = results
    withoutActuallyEscaping(transform) { transform in
      self.withUnsafeBufferPointer { elements in
        nonisolated(unsafe) let input = elements
        DispatchQueue.concurrentPerform(iterations: count) { index in
          // Each index is written by exactly one iteration.
          slots[index] = transform(input[index])
        }
      }
    }
    return results.map { $0! }
  }
}
