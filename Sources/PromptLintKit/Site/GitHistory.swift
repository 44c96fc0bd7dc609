import Foundation

/// The commits that touched each template file, read with one `git log` over the library and one
/// `git cat-file --batch` for the file versions, so a library of thousands of files costs two
/// processes, not two per file.
public struct GitHistory: Sendable {
    /// One change of one file in one commit.
    public struct FileChange: Sendable {
        public var hash: String
        public var day: CalendarDay
        public var author: String
        public var subject: String
        /// Blob ids before and after (nil: the file did not exist on that side).
        public var oldBlob: String?
        public var newBlob: String?
    }

    /// Absolute, symlink-resolved path of the work tree.
    public var topLevel: String
    /// Repository-relative path → changes, newest first.
    public var changes: [String: [FileChange]]

    /// The history of `folder`, or nil outside a git work tree (or without git).
    /// `perFile` bounds the commits kept for each file.
    public static func read(folder: String, perFile: Int = 20) -> GitHistory? {
        guard let top = run(["-C", folder, "rev-parse", "--show-toplevel"]).flatMap({ String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .newlines) }),
              !top.isEmpty,
              let log = run(["-C", folder, "log", "--no-renames", "--raw", "--no-abbrev", "-z", "--format=%H%x1f%at%x1f%an%x1f%s", "--", "."]) else { return nil }
        var changes: [String: [FileChange]] = [:]
        var header: (hash: String, day: CalendarDay, author: String, subject: String)?
        var pendingStatus: [Substring]?
        for token in log.split(separator: 0, omittingEmptySubsequences: true) {
            var text = String(decoding: token, as: UTF8.self)
            if let status = pendingStatus, let commit = header {
                pendingStatus = nil
                // ":old-mode new-mode old-blob new-blob status"
                guard status.count >= 5 else { continue }
                let path = text
                if changes[path, default: []].count < perFile {
                    let zero = String(repeating: "0", count: status[2].count)
                    changes[path, default: []].append(FileChange(hash: commit.hash, day: commit.day, author: commit.author, subject: commit.subject,
                                                                 oldBlob: status[2] == zero ? nil : String(status[2]),
                                                                 newBlob: status[3] == zero ? nil : String(status[3])))
                }
                continue
            }
            if text.hasPrefix("\n") { text.removeFirst() }
            if text.hasPrefix(":") {
                pendingStatus = text.dropFirst().split(separator: " ")
                continue
            }
            let fields = text.split(separator: "\u{1F}", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let time = Int(fields[1]) else { continue }
            header = (String(fields[0]), CalendarDay(unixTime: time), String(fields[2]), String(fields[3]))
        }
        return GitHistory(topLevel: URL(fileURLWithPath: top).resolvingSymlinksInPath().path, changes: changes)
    }

    /// The changes of a file given by a path relative to the working folder (or absolute).
    public func changes(ofFile path: String) -> [FileChange] {
        let absolute = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard absolute.hasPrefix(topLevel + "/") else { return [] }
        return changes[String(absolute.dropFirst(topLevel.count + 1))] ?? []
    }

    /// The contents of blobs, by id, in one `git cat-file --batch` call.
    public func blobs(_ ids: Set<String>) -> [String: [UInt8]] {
        guard !ids.isEmpty else { return [:] }
        let ordered = ids.sorted()
        guard let output = GitHistory.run(["-C", topLevel, "cat-file", "--batch"], input: ordered.joined(separator: "\n") + "\n") else { return [:] }
        var blobs: [String: [UInt8]] = [:]
        var index = output.startIndex
        while index < output.endIndex {
            // "<id> blob <size>\n<bytes>\n", or "<id> missing\n".
            guard let newline = output[index...].firstIndex(of: 10) else { break }
            let header = String(decoding: output[index..<newline], as: UTF8.self).split(separator: " ")
            index = newline + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]), index + size <= output.endIndex else { continue }
            blobs[String(header[0])] = Array(output[index..<index + size])
            index += size + 1
        }
        return blobs
    }

    /// Runs git; nil when it is missing or fails (a folder outside git has no history, not an error).
    static func run(_ arguments: [String], input: String? = nil) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        if let input, let inputPipe {
            // Write from another thread: git's output can fill the pipe before it has read all ids.
            let handle = inputPipe.fileHandleForWriting
            let data = Data(input.utf8)
            Thread.detachNewThread {
                handle.write(data)
                try? handle.close()
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [UInt8](data) : nil
    }
}
