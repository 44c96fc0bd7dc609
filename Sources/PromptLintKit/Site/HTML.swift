/// Escaping for text and attribute values: every string that came from a user (template names,
/// descriptions, messages, commit subjects) goes through here, so `<script>` renders as text.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // NUL and the C0/C1 controls other than tab and line breaks are not allowed in HTML text.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}"..."\u{9F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Bytes of a UTF-8 file (validated when loaded), escaped.
    public static func escape(_ bytes: ArraySlice<UInt8>) -> String {
        escape(String(decoding: bytes, as: UTF8.self))
    }

    /// A number for an SVG coordinate: one decimal, no exponent.
    static func coordinate(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
