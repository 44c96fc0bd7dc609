import Foundation

/// JSON examples written in the prose of a prompt (not in code fences, which are never edited):
/// a `{…}` or `[…]` span over several lines that parses as JSON.
enum JSONBlocks {
    struct Block {
        /// UTF-8 range of the JSON text.
        var range: Range<Int>
        var content: String
    }

    static func find(in text: String) -> [Block] { find(in: PromptText(text)) }

    /// Reuses the prose analysis a template context already holds.
    static func find(in prose: PromptText) -> [Block] {
        prose.mask.spans(of: [.json]).compactMap { span in
            guard !prose.mask.isInCodeFence(span.range.lowerBound) else { return nil }
            let content = prose.string(span.range)
            guard content.contains("\n"), isJSON(content) else { return nil }
            return Block(range: span.range, content: content)
        }
    }

    /// True when the text parses as JSON once Mustache placeholders are replaced by a string.
    static func isJSON(_ text: String) -> Bool {
        var probe = text
        for tag in MustacheScan(text).tags.reversed() {
            let bytes = Array(probe.utf8)
            probe = String(decoding: bytes[..<tag.range.lowerBound] + Array("0".utf8) + bytes[tag.range.upperBound...], as: UTF8.self)
        }
        guard let data = probe.data(using: .utf8) else { return false }
        return (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
    }

    /// Removes whitespace outside strings and outside `{{…}}` / `${…}` placeholders; everything
    /// else is kept byte for byte.
    static func minify(_ text: String) -> String {
        var out: [UInt8] = []
        var inString = false
        var escaped = false
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if !inString, byte == 0x7B || byte == 0x24, index + 1 < bytes.count, bytes[index + 1] == 0x7B {
                // Copy a placeholder verbatim, up to its closing braces.
                let close: [UInt8] = byte == 0x24 ? [0x7D] : [0x7D, 0x7D]
                var end = index + 2
                while end < bytes.count, !bytes[end...].starts(with: close) { end += 1 }
                end = min(bytes.count, end + close.count)
                out.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            index += 1
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            if byte == 0x22 { inString = true; out.append(byte); continue }
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
