/// What a rule sees of one template: the template, its messages' text, and helpers that turn
/// text positions into file positions and text edits into file edits.
public final class TemplateContext: @unchecked Sendable {
    public let template: PromptTemplate
    public let settings: LintSettings

    public init(template: PromptTemplate, settings: LintSettings) {
        self.template = template
        self.settings = settings
    }

    public var file: SourceFile { template.file }
    public var messages: [PromptMessage] { template.messages }

    /// The Mustache scan of each message, computed once.
    public private(set) lazy var mustache: [MustacheScan] = template.messages.map { MustacheScan($0.text) }

    /// Each message prepared for the text analyzers (prose mask, sentences, language), once.
    public private(set) lazy var texts: [PromptText] = template.messages.map { PromptText($0.text, promptFences: settings.promptFences) }

    /// The model the template is counted and priced with.
    public private(set) lazy var model = ModelResolution(template.model ?? settings.defaultModel, registry: settings.registry)

    /// What a typical call sends, for the cost rules (built once).
    public private(set) lazy var sentPrompt = SentPrompt(template, library: settings.library)

    /// Prices the template with the run's registry, default model and volume.
    public var costEstimator: CostEstimator { settings.costEstimator }

    /// Messages whose wording is the author's instruction. Assistant messages are few-shot
    /// example answers: data, not instructions.
    public var instructionMessageIndices: [Int] {
        template.messages.indices.filter { template.messages[$0].role != .assistant }
    }

    /// Exact token count of a text with the template's model's encoding.
    public func tokens(_ text: String) -> Int {
        Tokenizer.shared(model.encoding).count(text)
    }

    /// The template's static prompt tokens (all messages, Mustache tags counted as written).
    public private(set) lazy var staticTokens: Int = template.messages.reduce(0) { $0 + tokens($1.text) }

    /// Tokens saved by applying `edits` to a message's text, exactly.
    ///
    /// Only a window around the edits is tokenized: it starts and ends right after a line break
    /// followed by a non-space character (or at the text's ends), strictly outside the edits. Both
    /// encodings' pre-tokenizers always split there (no piece spans "\n" into a following
    /// non-space), so the tokens outside the window are the same before and after the edit.
    public func tokensSaved(message index: Int, edits: [TextEdit]) -> Int {
        let text = template.messages[index].text
        let bytes = Array(text.utf8)
        guard let first = edits.map(\.range.lowerBound).min(), let last = edits.map(\.range.upperBound).max() else { return 0 }
        func isBoundary(_ position: Int) -> Bool {
            position == 0 || position == bytes.count
                || (bytes[position - 1] == 0x0A && ![0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(bytes[position]) && bytes[position] < 0x80)
        }
        var start = max(0, first - 1)
        while start > 0, !isBoundary(start) { start -= 1 }
        var end = min(bytes.count, last + 1)
        while end < bytes.count, !isBoundary(end) { end += 1 }
        let window = String(decoding: bytes[start..<end], as: UTF8.self)
        let shifted = edits.map { TextEdit(range: ($0.range.lowerBound - start)..<($0.range.upperBound - start), replacement: $0.replacement) }
        return tokens(window) - tokens(TextEdit.apply(shifted, to: window))
    }

    /// Findings for analyzer matches in a message, with fixes as the rule's description declares
    /// them (`RuleFixApplicability`; nil drops the analyzer's edits).
    public func findings(from matches: [TextMatch], message index: Int, fixes: RuleFixApplicability?,
                         fixTitle: (TextMatch) -> String, message describe: ((TextMatch) -> String)? = nil) -> [Finding] {
        matches.map { match in
            var fix: Fix?
            var saved: Int?
            if let fixes, !match.edits.isEmpty {
                let level = fixes.applicability(analyzerSaysSafe: match.isSafeFix)
                fix = self.fix(message: index, edits: match.edits, title: fixTitle(match), applicability: level)
                // Savings are reported for the fixes `--fix` applies; unsafe ones are counted by `compress`.
                if level == .safe || settings.measureAllFixes { saved = tokensSaved(message: index, edits: match.edits) }
            }
            return finding(message: index, range: match.range, describe?(match) ?? match.message, fix: fix, tokensSaved: saved)
        }
    }

    // MARK: Building findings

    /// A finding on a range of a message's text (UTF-8 offsets).
    public func finding(message index: Int, range: Range<Int>, _ message: String, fix: Fix? = nil,
                        tokensSaved: Int? = nil) -> Finding {
        Finding(file: file, range: fileRange(message: index, range), message: message, fix: fix, template: template.name, tokensSaved: tokensSaved)
    }

    /// Source maps of scalar messages, computed on first use and kept: a template with several
    /// findings in one message decodes its scalar once.
    private var sourceMaps: [Int: ScalarSourceMap] = [:]

    func sourceMap(message index: Int) -> ScalarSourceMap? {
        guard case .scalar(let scalar) = template.messages[index].source else { return nil }
        if let map = sourceMaps[index] { return map }
        let map = scalar.sourceMap()
        sourceMaps[index] = map
        return map
    }

    /// The file bytes of a range of a message's text (the whole scalar when the map is inexact).
    public func fileRange(message index: Int, _ range: Range<Int>) -> Range<Int> {
        template.messages[index].source.fileRange(forTextRange: range, map: sourceMap(message: index))
    }

    /// A fix made of text edits to one message (UTF-8 offsets into its text).
    public func fix(message index: Int, edits: [TextEdit], title: String, applicability: FixApplicability) -> Fix {
        let message = template.messages[index]
        return Fix(title: title, edits: message.source.byteEdits(for: edits, text: message.text, map: sourceMap(message: index)),
                   applicability: applicability)
    }

    /// A finding on a metadata key (e.g. where `max_output_tokens` is or should be), or on the
    /// template's start when the key is absent.
    public func finding(key: String, _ message: String) -> Finding {
        if let entry = template.layout.entry(key) {
            return Finding(file: file, range: entry.keyRange, message: message, template: template.name)
        }
        return finding(templateStart: message)
    }

    public func finding(templateStart message: String) -> Finding {
        // Point at the first key (or the first message for plain text), one token wide.
        if let first = template.layout.topLevel.first {
            return Finding(file: file, range: first.keyRange, message: message, template: template.name)
        }
        if let first = template.messages.first {
            let range = fileRange(message: 0, 0..<0)
            return Finding(file: file, range: range, message: message, template: template.name)
        }
        return Finding(file: file, range: template.range.lowerBound..<template.range.lowerBound, message: message, template: template.name)
    }

    public func finding(node: YAMLNode, _ message: String) -> Finding {
        Finding(file: file, range: node.range, message: message, template: template.name)
    }
}

/// Settings that apply to every template of a lint run.
public struct LintSettings: Sendable {
    /// The model assumed for templates that name none.
    public var defaultModel: String
    /// Models, prices and encodings (built in, plus `models:` from the config).
    public var registry: ModelRegistry
    /// `default_calls_per_month` from the config: the volume of templates that declare none.
    public var defaultCallsPerMonth: Int?
    /// Measure the token saving of unsafe fixes too (`compress --unsafe` needs it; lint does not).
    public var measureAllFixes = false
    /// `prompt_fences:` from the config: lint the prompt inside a prompt document's fence as prose.
    public var promptFences = true

    /// Prices templates with the run's registry, default model, volume and library (cost rules, the
    /// language server's code lens).
    public var costEstimator: CostEstimator {
        CostEstimator(registry: registry, defaultModel: defaultModel, defaultCallsPerMonth: defaultCallsPerMonth, library: library)
    }

    public init(defaultModel: String = "gpt-4o-mini", library: [PromptTemplate]? = nil, registry: ModelRegistry = .builtIn) {
        self.defaultModel = defaultModel
        self.registry = registry
        self.library = library.map(Self.index)
        includedAsPartial = Self.partialNames(in: self.library)
    }

    /// Templates by name; the first of a duplicated name wins (the loader reports the duplicate).
    public static func index(_ templates: [PromptTemplate]) -> [String: PromptTemplate] {
        Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The library by name, and which templates other templates include as partials.
    public var library: [String: PromptTemplate]? {
        didSet { includedAsPartial = Self.partialNames(in: library) }
    }

    /// Names of templates that some template of the library includes with `{{> name}}`.
    public private(set) var includedAsPartial: Set<String> = []

    /// A fast byte scan for `{{>` (most templates have none).
    static func mentionsPartial(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for index in 0..<(bytes.count - 2) where bytes[index] == 0x7B && bytes[index + 1] == 0x7B && bytes[index + 2] == 0x3E {
                return true
            }
            return false
        }
    }

    static func partialNames(in library: [String: PromptTemplate]?) -> Set<String> {
        var names: Set<String> = []
        for template in library?.values ?? [:].values {
            for message in template.messages where Self.mentionsPartial(message.text) {
                names.formUnion(MustacheScan(message.text).partials.map(\.name).filter { $0 != template.name })
            }
        }
        return names
    }
}
