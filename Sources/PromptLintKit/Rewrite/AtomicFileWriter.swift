import Foundation

/// Writes a file the safe way: only if it still holds the bytes we read, through a temporary file
/// in the same folder renamed over the original (atomic on POSIX), keeping its permissions.
public enum AtomicFileWriter {
    public static func write(_ bytes: [UInt8], to path: String, expecting original: [UInt8]) throws(SourceError) {
        let manager = FileManager.default
        guard let current = manager.contents(atPath: path) else {
            throw SourceError(path: path, location: nil, message: "cannot re-read the file before writing; not written")
        }
        guard [UInt8](current) == original else {
            throw SourceError(path: path, location: nil, message: "the file changed on disk since it was read; not overwritten (run again)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).promptlint-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let attributes = try? manager.attributesOfItem(atPath: path)
        guard manager.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw SourceError(path: path, location: nil, message: "cannot write a temporary file next to it; not written")
        }
        if let permissions = attributes?[.posixPermissions] {
            try? manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(atPath: temporary)
            throw SourceError(path: path, location: nil, message: "cannot replace the file (\(reason)); not written")
        }
    }
}
