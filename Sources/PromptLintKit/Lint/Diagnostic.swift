/// Another place a finding refers to (the first occurrence of a repeated instruction...).
public struct RelatedLocation: Sendable, Hashable {
    public var path: String
    public var range: Range<Int>
    public var start: SourceLocation
    public var message: String
}

/// One finding of one rule, located in the file.
public struct Diagnostic: Sendable, Hashable {
    public var code: String
    public var rule: String
    public var severity: Severity
    public var message: String
    public var path: String
    /// Byte range in the file.
    public var range: Range<Int>
    public var start: SourceLocation
    public var end: SourceLocation
    public var fix: Fix?
    public var related: [RelatedLocation]
    /// The template the finding belongs to (nil for file-level problems).
    public var template: String?
    /// Tokens the fix saves, when measured.
    public var tokensSaved: Int?

    public init(code: String, rule: String, severity: Severity, message: String, path: String, range: Range<Int>,
                start: SourceLocation, end: SourceLocation, fix: Fix? = nil, related: [RelatedLocation] = [],
                template: String? = nil, tokensSaved: Int? = nil) {
        self.code = code
        self.rule = rule
        self.severity = severity
        self.message = message
        self.path = path
        self.range = range
        self.start = start
        self.end = end
        self.fix = fix
        self.related = related
        self.template = template
        self.tokensSaved = tokensSaved
    }

    /// Orders findings by file, then position, then code.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.path, a.range.lowerBound, a.range.upperBound, a.code) < (b.path, b.range.lowerBound, b.range.upperBound, b.code)
    }
}
