/// File names of the generated pages. A template name becomes one file name that no other name
/// maps to, on case-sensitive and case-insensitive file systems alike: letters a–z, digits, '-'
/// and '_' stay, every other byte (upper-case letters, '/', '.', spaces…) becomes `~XX`.
public enum SitePaths {
    public static let index = "index.html"
    public static let templateFolder = "t"

    public static func templatePage(_ name: String) -> String {
        var file = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                file.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                file += "~" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return "\(templateFolder)/\(file.isEmpty ? "~" : file).html"
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
