import Foundation

/// Writes a file the safe way, for `lint --fix` and `compress --write`:
///
/// - a symbolic link is followed: the file it points to is rewritten, and the link stays a link;
/// - a file with several hard links, or one its owner may not write (0444), is refused: a rename
///   would split the links or defeat the protection;
/// - the new bytes go to a temporary file in the same folder, created with the file's own mode
///   (never readable by more people than the original, not even for a moment), owner and group;
/// - an exclusive `flock` on the file keeps two promptlint runs off it;
/// - right before the rename (atomic on POSIX) the file is read again and must still hold the
///   bytes promptlint read: an edit made meanwhile is kept, and the fix refused;
/// - SIGINT or SIGTERM during the write removes the temporary file.
///
/// What remains: an editor that saves between that last comparison and the rename (microseconds)
/// loses its save, as with any tool that replaces files by rename.
public enum AtomicFileWriter {
    public static func write(_ bytes: [UInt8], to path: String, expecting original: [UInt8]) throws(SourceError) {
        func failure(_ message: String) -> SourceError { SourceError(path: path, location: nil, message: message) }
        guard let resolved = realpath(path, nil) else {
            throw failure("cannot resolve the file (\(String(cString: strerror(errno)))); not written")
        }
        let target = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(target, &info) == 0 else { throw failure("cannot stat the file (\(String(cString: strerror(errno)))); not written") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw failure("not a regular file; not written") }
        guard info.st_nlink <= 1 else {
            throw failure("the file has \(info.st_nlink) hard links and replacing it would split them; not written (fix a copy, or break the links)")
        }
        guard access(target, W_OK) == 0, info.st_mode & S_IWUSR != 0 else {
            throw failure("the file is read-only; not written")
        }
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let lock = try FileLock(file: target, reportedAs: path)
        defer { lock.release() }

        let temporary = directory + "/.\(name).promptlint-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let mode = info.st_mode & 0o7777
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure("cannot create a temporary file next to it (\(String(cString: strerror(errno)))); not written") }
        SignalCleanup.shared.register(temporary: temporary)
        defer { SignalCleanup.shared.clear() }
        var written = false
        defer {
            if !written { unlink(temporary) }
        }
        // The umask may have taken bits away; owner and group as the original's (allowed to the owner
        // for a group they are in, and to root).
        let setOwner = info.st_uid == geteuid() && info.st_gid == getegid() ? 0 : fchown(descriptor, info.st_uid, info.st_gid)
        let complete = bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let count = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        let synced = fchmod(descriptor, mode) == 0 && fsync(descriptor) == 0
        close(descriptor)
        guard complete, synced else { throw failure("cannot write a temporary file next to it; not written") }
        guard setOwner == 0 else { throw failure("cannot give the new file the original's owner and group; not written") }

        // The last look before the rename: compare what is on disk now with what was read.
        guard let current = try? SourceFile.readBytes(target) else {
            throw failure("cannot re-read the file before writing; not written")
        }
        guard current == original else {
            throw failure("the file changed on disk since it was read; not overwritten (run again)")
        }
        guard rename(temporary, target) == 0 else {
            throw failure("cannot replace the file (\(String(cString: strerror(errno)))); not written")
        }
        written = true
    }
}

/// An exclusive `flock` on the file being replaced, held until the rename is done. It lives on the
/// file itself, not a lock file beside it: nothing extra is created in the user's folder, and
/// `--fix` on many files does two fewer directory changes per file. A second promptlint that
/// opens the file after the rename locks the new file, and its own before-rename comparison
/// refuses the write, as for any edit made meanwhile.
struct FileLock {
    private let descriptor: Int32

    init(file target: String, reportedAs path: String) throws(SourceError) {
        let descriptor = open(target, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SourceError(path: path, location: nil, message: "cannot open the file to lock it (\(String(cString: strerror(errno)))); not written")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw SourceError(path: path, location: nil, message: "another promptlint is writing this file; not written")
        }
        self.descriptor = descriptor
    }

    func release() {
        close(descriptor)
    }
}

/// Removes the temporary file of a write under way when SIGINT, SIGTERM or SIGHUP arrives, then
/// lets the signal end the process as it would have.
final class SignalCleanup: @unchecked Sendable {
    static let shared = SignalCleanup()

    /// The C string the handler may unlink (async-signal-safe); swapped by `register`/`clear`.
    private static nonisolated(unsafe) var temporary: UnsafeMutablePointer<CChar>?
    private var installed = false

    func register(temporary: String) {
        if !installed {
            installed = true
            for signal in [SIGINT, SIGTERM, SIGHUP] {
                Foundation.signal(signal) { number in
                    if let path = SignalCleanup.temporary { unlink(path) }
                    Foundation.signal(number, SIG_DFL)
                    raise(number)
                }
            }
        }
        Self.temporary = strdup(temporary)
    }

    func clear() {
        let temporary = Self.temporary
        Self.temporary = nil
        free(temporary)
    }
}
