import Foundation

/// Computes the `SiteModel` of a library: lint findings, token counts and cost per call, the
/// compressed variant and the git history of each template file, on all cores.
public struct SiteBuilder: Sendable {
    public var configuration: LintConfiguration
    /// Calls per month assumed for every template, until templates declare their own volume.
    public var callsPerMonth: Int?
    /// Read `git log` of the library (off for libraries outside git, or when asked).
    public var includeHistory: Bool

    public init(configuration: LintConfiguration, callsPerMonth: Int? = nil, includeHistory: Bool = true) {
        self.configuration = configuration
        self.callsPerMonth = callsPerMonth
        self.includeHistory = includeHistory
    }

    var registry: ModelRegistry { configuration.settings.registry }

    public func build(library: PromptLibrary, title: String, generatedAt: String, spend: SpendData? = nil) -> SiteModel {
        var configuration = configuration
        configuration.settings.library = LintSettings.index(library.templates)
        let engine = LintEngine(configuration: configuration)
        let diagnostics = engine.lint(library.templates)
        let findings = Dictionary(grouping: diagnostics, by: { $0.template ?? "" })

        // Compress each file once (a file may hold several templates), and only files with a fix
        // compress would try: on the others it would lint again to find nothing.
        let compressor = Compressor(engine: engine, applyUnsafe: false)
        let fixable = Set(diagnostics.filter(compressor.isCandidate).map(\.path))
        let files = Dictionary(grouping: library.templates.filter { fixable.contains($0.file.path) }, by: { $0.file.path })
            .values.compactMap(\.first).map(\.file)
        let compressed = ConcurrentResults<Compressor.Result>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            compressed.set(index, compressor.compress(file, defaultName: PromptLibrary.defaultName(for: file.path, libraryRoot: library.root)))
        }
        let compression = Dictionary(compressed.values.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })

        let history = includeHistory ? GitHistory.read(folder: library.root) : nil
        let costs = history.map { historicalCosts(library.templates, root: library.root, history: $0) } ?? [:]

        let templates = library.templates
        let entries = ConcurrentResults<TemplateEntry>(count: templates.count)
        DispatchQueue.concurrentPerform(iterations: templates.count) { index in
            let template = templates[index]
            entries.set(index, entry(template, findings: findings[template.name] ?? [], compression: compression[template.file.path],
                                     history: history?.changes(ofFile: template.file.path) ?? [], historicalCosts: costs))
        }
        let list = entries.values.sorted { $0.name < $1.name }
        return SiteModel(title: title, generatedAt: generatedAt, pricesNote: "list prices as of \(ModelRegistry.pricesAsOf)",
                         templates: list, spend: spend, savings: savings(list))
    }

    func resolution(_ template: PromptTemplate) -> ModelResolution {
        ModelResolution(template.model ?? configuration.settings.defaultModel, registry: registry)
    }

    /// Tokens sent per call and the cost of one call, as `promptlint tokens` computes them.
    func tokenReport(_ template: PromptTemplate) -> TokenReport {
        TokenReport.messages(template.messages.map { ($0.role.rawValue, $0.text) }, name: template.name, model: resolution(template),
                             outputLimit: template.maxOutputTokens)
    }

    func entry(_ template: PromptTemplate, findings: [Diagnostic], compression: Compressor.Result?, history: [GitHistory.FileChange],
               historicalCosts: [String: [String: TokenReport]]) -> TemplateEntry {
        let model = resolution(template)
        let report = tokenReport(template)
        let tokenizer = Tokenizer.shared(model.encoding)
        let messages = template.messages.map { message in
            let file = message.source.file
            let range = message.source.range
            let start = file.lineStarts[file.lineIndex(ofByte: range.lowerBound)]
            // A block scalar's token ends after its last line break (or blank lines): stop at the
            // last line with text; a flow scalar ends mid-line: show the rest of that line.
            var end = range.upperBound
            while end > range.lowerBound, file.bytes[end - 1] == 10 || file.bytes[end - 1] == 13 || file.bytes[end - 1] == 32 { end -= 1 }
            while end < file.bytes.count, file.bytes[end] != 10, file.bytes[end] != 13 { end += 1 }
            return MessageView(role: message.role.rawValue, tokens: tokenizer.count(message.text), source: Array(file.bytes[start..<end]),
                               sourceOffset: start, firstLine: file.location(ofByte: start).line)
        }
        var diffs: [MessageDiff] = []
        var saved = 0
        if let compression, let index = compression.before.firstIndex(where: { $0.name == template.name }),
           let compressionReport = CompressionReport.make(compression, templateIndex: index, model: model), compressionReport.saved > 0 {
            saved = compressionReport.saved
            diffs = compressionReport.messages.filter { $0.before != $0.after }.map {
                MessageDiff(role: $0.role, lines: UnifiedDiff.lines($0.before, $0.after), tokensBefore: $0.tokensBefore, tokensAfter: $0.tokensAfter)
            }
        }
        let commits = history.map { change -> CommitChange in
            let after = change.newBlob.flatMap { historicalCosts[$0]?[template.name] }
            let before = change.oldBlob.flatMap { historicalCosts[$0]?[template.name] }
            var delta: Double?
            if let afterCost = after?.cost?.total, let beforeCost = before?.cost?.total { delta = afterCost - beforeCost }
            return CommitChange(hash: change.hash, date: change.day.description, author: change.author, subject: change.subject,
                                inputTokens: after.map { $0.tokens + ($0.chatOverhead ?? 0) }, costPerCallChange: delta)
        }
        return TemplateEntry(name: template.name, file: template.file.path, description: template.description, tags: template.tags,
                             model: model.info?.name ?? model.requested, isEstimate: model.isEstimate,
                             inputTokens: report.tokens + (report.chatOverhead ?? 0), maxOutputTokens: template.maxOutputTokens,
                             costPerCall: report.cost?.total, callsPerMonth: callsPerMonth, variables: template.variables, messages: messages,
                             findings: findings, compression: diffs, tokensSavedByCompression: saved, history: commits)
    }

    /// Blob id → template name → token report of that version of the file.
    func historicalCosts(_ templates: [PromptTemplate], root: String, history: GitHistory) -> [String: [String: TokenReport]] {
        var ids: Set<String> = []
        var paths: [String: String] = [:]
        for template in templates {
            for change in history.changes(ofFile: template.file.path) {
                for id in [change.oldBlob, change.newBlob].compactMap({ $0 }) {
                    ids.insert(id)
                    paths[id] = template.file.path
                }
            }
        }
        let blobs = Array(history.blobs(ids))
        let pathOfBlob = paths
        let reports = ConcurrentResults<[String: TokenReport]>(count: blobs.count)
        DispatchQueue.concurrentPerform(iterations: blobs.count) { index in
            let (id, bytes) = blobs[index]
            let path = pathOfBlob[id] ?? "template.yml"
            let file = SourceFile(path: path, bytes: bytes)
            let parsed = PromptLibrary.parse(file, defaultName: PromptLibrary.defaultName(for: path, libraryRoot: root))
            var byName: [String: TokenReport] = [:]
            for template in parsed.templates { byName[template.name] = tokenReport(template) }
            reports.set(index, byName)
        }
        var result: [String: [String: TokenReport]] = [:]
        for (index, report) in reports.values.enumerated() { result[blobs[index].key] = report }
        return result
    }

    /// What each lever saves per month, from what is known today: the wording fixes `compress`
    /// confirms, priced at each template's input price and volume.
    func savings(_ entries: [TemplateEntry]) -> [LeverSaving] {
        var usd = 0.0
        var count = 0
        for entry in entries where entry.tokensSavedByCompression > 0 {
            guard let calls = entry.callsPerMonth, let info = registry.lookup(entry.model) else { continue }
            usd += Double(entry.tokensSavedByCompression) * info.inputPricePerMillion / 1_000_000 * Double(calls)
            count += 1
        }
        return count == 0 ? [] : [LeverSaving(lever: "wording", usdPerMonth: usd, templates: count)]
    }
}
