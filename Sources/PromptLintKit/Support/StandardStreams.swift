#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input, output and error as the process found them. A descriptor the caller closed
/// (`promptlint lint - <&-`, `>&-`) is taken over by /dev/null at start: otherwise the next file
/// promptlint opens would get that number, and be read as standard input or written as output.
public enum StandardStreams {
    /// Which of descriptors 0, 1 and 2 were closed when `claim` ran.
    public nonisolated(unsafe) private(set) static var closed: [Bool] = [false, false, false]

    /// Call first thing, before any file is opened.
    public static func claim() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            closed[Int(descriptor)] = true
            _ = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
        }
    }

    public static var inputClosed: Bool { closed[0] }
}
