import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The methods the server answers, each handed to its provider.
extension LanguageServer {
    static let configurationWatchID = "promptlint-watch-files"

    /// Handles one message; returns an exit status once the client sent `exit`.
    func handle(_ message: JSONRPCMessage) -> Int32? {
        switch message {
        case .request(let id, let method, let params):
            send(respond(id: id, method: method, params: params))
        case .notification(let method, let params):
            if method == "exit" { return shutdownRequested ? 0 : 1 }
            notify(method: method, params: params)
        case .response:
            break  // the answer to client/registerCapability
        }
        return nil
    }

    private func respond(id: JSONValue, method: String, params: JSONValue) -> JSONValue {
        if method == "initialize" { return JSONRPCMessage.response(id: id, result: initialize(params)) }
        guard let session else { return JSONRPCMessage.errorResponse(id: id, code: .serverNotInitialized, message: "initialize first") }
        if shutdownRequested { return JSONRPCMessage.errorResponse(id: id, code: .invalidRequest, message: "the server is shutting down") }
        let result: JSONValue
        switch method {
        case "shutdown":
            shutdownRequested = true
            result = .null
        case "textDocument/codeAction": result = CodeActionProvider.codeActions(params, session: session)
        case "textDocument/hover": result = HoverProvider.hover(params, session: session)
        case "textDocument/codeLens": result = CodeLensProvider.codeLenses(params, session: session)
        case "textDocument/completion": result = CompletionProvider.completion(params, session: session)
        case "textDocument/definition": result = DefinitionProvider.definition(params, session: session)
        default:
            return JSONRPCMessage.errorResponse(id: id, code: .methodNotFound, message: "promptlint lsp does not handle '\(method)'")
        }
        return JSONRPCMessage.response(id: id, result: result)
    }

    private func initialize(_ params: JSONValue) -> JSONValue {
        let rootURI = params["rootUri"]?.stringValue ?? params["workspaceFolders"]?.arrayValue?.first?["uri"]?.stringValue
        let root = rootURI.flatMap { URL(string: $0) }.flatMap { $0.isFileURL ? $0.path : nil } ?? params["rootPath"]?.stringValue
        // The working directory becomes the root: config discovery, the library and the paths in
        // messages then behave exactly as `promptlint lint` run there.
        if let root, !FileManager.default.changeCurrentDirectoryPath(root) {
            FileHandle.standardError.write(Data("promptlint lsp: cannot enter workspace folder \(root)\n".utf8))
        }
        session = LSPSession(root: FileManager.default.currentDirectoryPath)
        if let milliseconds = params["initializationOptions"]?["debounceMilliseconds"]?.intValue, milliseconds >= 0 {
            debounce = Double(milliseconds) / 1000
        }
        watchesFiles = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue == true
        let capabilities: JSONValue = .object([
            ("positionEncoding", .string("utf-16")),
            ("textDocumentSync", .object([
                ("openClose", .bool(true)),
                ("change", .int(2)),  // incremental
                ("save", .object([("includeText", .bool(false))])),
            ])),
            ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix"), .string(CodeActionProvider.fixAllKind)]))])),
            ("hoverProvider", .bool(true)),
            ("codeLensProvider", .object([("resolveProvider", .bool(false))])),
            ("completionProvider", .object([("triggerCharacters", .array([.string("{"), .string(">")]))])),
            ("definitionProvider", .bool(true)),
        ])
        return .object([
            ("capabilities", capabilities),
            ("serverInfo", .object([("name", .string("promptlint")), ("version", .string(PromptLintKit.version))])),
        ])
    }

    private func notify(method: String, params: JSONValue) {
        guard let session else { return }
        switch method {
        case "initialized":
            if watchesFiles { registerFileWatchers() }
            if let error = session.configurationError { showMessage("promptlint: \(error.description) (using the default configuration)") }
        case "textDocument/didOpen":
            guard let document = params["textDocument"], let uri = document["uri"]?.stringValue, let text = document["text"]?.stringValue else { return }
            session.open(uri: uri, languageId: document["languageId"]?.stringValue ?? "", version: document["version"]?.intValue ?? 0, text: text)
            markStale(uri, session: session)
        case "textDocument/didChange":
            guard let uri = params["textDocument"]?["uri"]?.stringValue, let version = params["textDocument"]?["version"]?.intValue,
                  let changes = params["contentChanges"]?.arrayValue else { return }
            session.change(uri: uri, version: version, changes: changes.compactMap { change in
                change["text"]?.stringValue.map { DocumentStore.Change(range: LSPRange(json: change["range"]), text: $0) }
            })
            markStale(uri, session: session)
        case "textDocument/didClose":
            guard let uri = params["textDocument"]?["uri"]?.stringValue else { return }
            let wasMember = session.documents[uri].map(session.isLibraryMember) ?? false
            session.close(uri: uri)
            send(JSONRPCMessage.notification(method: "textDocument/publishDiagnostics", params: .object([("uri", .string(uri)), ("diagnostics", .array([]))])))
            if wasMember { markAllStale(session) }
        case "textDocument/didSave":
            guard let uri = params["textDocument"]?["uri"]?.stringValue else { return }
            savedOrChanged(paths: [session.uris.path(for: uri)], session: session)
        case "workspace/didChangeWatchedFiles":
            let paths = params["changes"]?.arrayValue?.compactMap { $0["uri"]?.stringValue }.map { session.uris.path(for: $0) } ?? []
            savedOrChanged(paths: paths, session: session)
        default:
            break  // $/cancelRequest, $/setTrace and the rest: nothing to do
        }
    }

    /// A saved config re-reads the workspace; a saved library file the library. Either changes
    /// every open document's diagnostics.
    private func savedOrChanged(paths: [String], session: LSPSession) {
        if paths.contains(where: { ($0 as NSString).lastPathComponent == ProjectConfig.fileName }) {
            session.reloadWorkspace()
            if let error = session.configurationError { showMessage("promptlint: \(error.description) (using the default configuration)") }
            markAllStale(session)
        } else if paths.contains(where: { TemplateFormat(path: $0)?.isTemplateFile == true }) {
            session.reloadLibrary()
            markAllStale(session)
        }
    }

    /// The document first; when it is a library file, every other open document after it.
    private func markStale(_ uri: String, session: LSPSession) {
        if !stale.contains(uri) { stale.append(uri) }
        if let document = session.documents[uri], session.isLibraryMember(document) { markAllStale(session) }
    }

    private func markAllStale(_ session: LSPSession) {
        for uri in session.documents.documents.keys.sorted() where !stale.contains(uri) { stale.append(uri) }
    }

    func publishStale() {
        guard let session else { stale.removeAll(); return }
        let uris = stale
        stale.removeAll()
        for uri in uris {
            guard let analysis = session.analysis(uri: uri) else { continue }
            send(LSPDiagnostics.publish(analysis, session: session))
        }
    }

    private func registerFileWatchers() {
        let watchers: JSONValue = .array([
            .object([("globPattern", .string("**/" + ProjectConfig.fileName))]),
            .object([("globPattern", .string("**/*.{yml,yaml,prompty,prompt}"))]),
        ])
        let registration: JSONValue = .object([
            ("id", .string(Self.configurationWatchID)), ("method", .string("workspace/didChangeWatchedFiles")),
            ("registerOptions", .object([("watchers", watchers)])),
        ])
        send(.object([("jsonrpc", .string("2.0")), ("id", .string(Self.configurationWatchID)), ("method", .string("client/registerCapability")),
                      ("params", .object([("registrations", .array([registration]))]))]))
    }

    private func showMessage(_ text: String) {
        send(JSONRPCMessage.notification(method: "window/showMessage", params: .object([("type", .int(1)), ("message", .string(text))])))
    }

    func send(_ message: JSONValue) {
        let bytes = LSPFraming.frame(Array(message.serialized(pretty: false).utf8))
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return }  // the client is gone; `read` will see the end
            written += count
        }
    }
}
