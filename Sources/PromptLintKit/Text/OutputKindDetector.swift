/// What a prompt asks the model to produce, as far as an output-length cap is concerned. A cap fits an
/// answer (a summary, an analysis, a label); it would cut an artefact (a whole file, code, a web page, a
/// document, a rewrite), and it is not an answer length for an image prompt or an agent that works in
/// turns with tools. PL301 reports only answers, and says which cases it considered.
enum OutputKind: Equatable, Sendable {
    case answer
    case image
    /// The marker that made it an artefact ("code", "web page", "rewrite").
    case artefact(String)
    /// The marker that made it an agent or interactive prompt ("use this agent", "tool", "simulator").
    case agent(String)
}

enum OutputKindDetector {
    /// Words that name an output a length cap would cut. Matched as whole words, case-insensitively.
    static let artefactMarkers = [
        "code", "source code", "html", "css", "javascript", "typescript", "python code", "function", "functions",
        "class", "classes", "file", "files", "diff", "commit", "web page", "webpage", "website", "single-page",
        "landing page", "app", "application", "component", "components", "script", "essay", "story", "article",
        "blog post", "itinerary", "business plan", "proposal", "document", "rewrite", "rewritten", "translate",
        "translation", "convert", "notes", "prompt", "prompts", "flashcards", "anki", "tutorial", "graphviz",
        "markmap", "diagram", "resume", "template", "artifact", "artefact", "screenplay", "lyrics", "poem",
        "novel", "chapter", "chapters", "curriculum", "course", "report", "research", "plan", "threat model",
        "outreach", "refine", "message", "messages", "email", "emails", "posts", "post", "caption", "captions",
    ]

    /// Words that mark an agent, a tool user or an interactive session: its turns, not one answer, make the output.
    static let agentMarkers = [
        "use this agent", "agent", "agents", "tool", "tools", "mcp", "skill", "bash", "terminal", "command",
        "commands", "repository", "codebase", "pull request", "simulator", "simulation", "game", "session",
        "conversation", "each turn", "wait for", "ask the user", "interview", "step by step guide", "persona",
        "role-play", "roleplay",
    ]

    private static let artefactBytes = artefactMarkers.map { Array($0.utf8) }
    private static let agentBytes = agentMarkers.map { Array($0.utf8) }

    static func kind(of text: String) -> OutputKind {
        if ImagePromptDetector.isImagePrompt(text) { return .image }
        let lowered = text.utf8.map(Bytes.lower)
        if let k = firstWord(of: agentBytes, in: lowered) { return .agent(agentMarkers[k]) }
        if let k = firstWord(of: artefactBytes, in: lowered) { return .artefact(artefactMarkers[k]) }
        return .answer
    }

    /// The index of the first marker that occurs in `b` as a whole word.
    private static func firstWord(of markers: [[UInt8]], in b: [UInt8]) -> Int? {
        for (k, m) in markers.enumerated() where containsWord(m, in: b) { return k }
        return nil
    }

    static func containsWord(_ needle: [UInt8], in b: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= b.count else { return false }
        var i = 0
        let last = b.count - needle.count
        while i <= last {
            if b[i] == first, i == 0 || !Bytes.isASCIIAlnum(b[i - 1]) {
                var k = 1
                while k < needle.count, b[i + k] == needle[k] { k += 1 }
                if k == needle.count, i + k == b.count || !Bytes.isASCIIAlnum(b[i + k]) { return true }
            }
            i += 1
        }
        return false
    }
}
