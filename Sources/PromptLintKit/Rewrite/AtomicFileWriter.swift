import Foundation

/// Writes a file the safe way: only if it still holds the bytes we read, through a temporary file
/// in the same folder renamed over the original (atomic on POSIX), keeping its permissions.
///
/// Plain POSIX calls: Foundation's `createFile` writes through a temporary file and a rename of
/// its own, which doubled the file-system work of `lint --fix` on a large library.
public enum AtomicFileWriter {
    public static func write(_ bytes: [UInt8], to path: String, expecting original: [UInt8]) throws(SourceError) {
        guard let current = FileManager.default.contents(atPath: path) else {
            throw SourceError(path: path, location: nil, message: "cannot re-read the file before writing; not written")
        }
        guard [UInt8](current) == original else {
            throw SourceError(path: path, location: nil, message: "the file changed on disk since it was read; not overwritten (run again)")
        }
        var info = stat()
        let permissions = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).promptlint-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, permissions)
        guard descriptor >= 0 else {
            throw SourceError(path: path, location: nil, message: "cannot write a temporary file next to it; not written")
        }
        // The mode given to open() is masked by the umask; set it exactly.
        let written = bytes.withUnsafeBytes { buffer in writeAll(descriptor, buffer) } && fchmod(descriptor, permissions) == 0
        if close(descriptor) != 0 || !written {
            unlink(temporary)
            throw SourceError(path: path, location: nil, message: "cannot write a temporary file next to it; not written")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SourceError(path: path, location: nil, message: "cannot replace the file (\(reason)); not written")
        }
    }

    /// write(2) until every byte is out (it may write less than asked), retrying on EINTR.
    private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }
}
