// The baseline of the start-up benchmark: a program that imports Foundation and prints.
import Foundation

print("hello, \(ProcessInfo.processInfo.processName)")
