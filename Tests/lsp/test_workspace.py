"""Configuration and library changes, library-wide rules over open buffers, shutdown."""

from lsprotocol import types

from conftest import GREET, diagnostics_for, position_of
from test_diagnostics import open_document


async def test_saved_config_relints_open_documents(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    assert "PL102" in {d.code for d in await diagnostics_for(client, uri, 1)}
    client.published.clear()
    config = workspace / ".promptlint.yml"
    config.write_text("library: prompts\nrules:\n  PL102: off\n  PL201: error\n", encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config.as_uri())))
    after = await diagnostics_for(client, uri, 1)
    assert "PL102" not in {d.code for d in after}
    assert next(d for d in after if d.code == "PL201").severity == types.DiagnosticSeverity.Error


async def test_watched_config_change_relints_and_a_bad_config_is_reported(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    await diagnostics_for(client, uri, 1)
    assert any(r.method == "workspace/didChangeWatchedFiles" for r in client.registrations)
    client.published.clear()
    config = workspace / ".promptlint.yml"
    config.write_text("library: prompts\nrulez: {}\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    await diagnostics_for(client, uri, 1)
    assert any(".promptlint.yml" in m.message and "rulez" in m.message for m in client.messages)


async def test_unknown_partial_resolves_against_an_unsaved_buffer(client, workspace):
    text = GREET.replace("{{> shared/rules}}", "{{> shared/tone}}")
    uri = open_document(client, workspace / "prompts" / "greet.yml", text)
    unknown = [d for d in await diagnostics_for(client, uri, 1) if d.code == "PL405"]
    assert len(unknown) == 1 and unknown[0].range.start.line == position_of(text, "shared/tone").line
    client.published.clear()
    # A new library file, open in the editor and never saved: the partial now exists.
    tone = workspace / "prompts" / "shared" / "tone.yml"
    open_document(client, tone, "description: Tone.\nmax_output_tokens: 50\nmessages:\n  - role: system\n    content: Be direct.\n")
    assert "PL405" not in {d.code for d in await diagnostics_for(client, uri, 1)}


async def test_near_duplicates_across_open_buffers(client, workspace):
    body = ("Read the support ticket below and write a summary for the on-call engineer, with the customer's "
            "problem, the steps already tried, the error messages quoted exactly and the next action to take.")
    first = f"max_output_tokens: 100\nmessages:\n  - role: system\n    content: \"{body}\"\n"
    a = open_document(client, workspace / "prompts" / "a.yml", first)
    b = open_document(client, workspace / "prompts" / "b.yml", first)
    await diagnostics_for(client, a, 1)
    later = await diagnostics_for(client, b, 1)
    duplicate = [d for d in later if d.code == "PL501"]
    assert duplicate and duplicate[0].related_information[0].location.uri == a


async def test_close_clears_diagnostics(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    await diagnostics_for(client, uri, 1)
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    for _ in range(200):
        if list(client.diagnostics.get(uri, [None])) == []:
            break
        import asyncio
        await asyncio.sleep(0.01)
    assert list(client.diagnostics[uri]) == []


async def test_broken_yaml_is_a_located_error_not_a_crash(client, workspace):
    text = "messages:\n  - role: system\n    content: \"😀 unclosed\n"
    uri = open_document(client, workspace / "prompts" / "broken.yml", text)
    diagnostics = await diagnostics_for(client, uri, 1)
    assert [d.code for d in diagnostics] == ["PL001"]
    assert diagnostics[0].severity == types.DiagnosticSeverity.Error
    # The server still answers.
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)))
    assert hover is None or hover.contents


async def test_requests_before_initialize_and_unknown_methods_are_errors(workspace):
    """A raw session (no fixture): the server answers errors, never crashes, and exits 0 after shutdown."""
    import asyncio
    import json as json_module
    from conftest import BINARY

    process = await asyncio.create_subprocess_exec(BINARY, "lsp", cwd=workspace, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)

    async def exchange(message):
        body = json_module.dumps(message).encode()
        process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        await process.stdin.drain()
        if "id" not in message:
            return None
        header = await process.stdout.readuntil(b"\r\n\r\n")
        length = int(header.split(b":")[1].split(b"\r\n")[0])
        return json_module.loads(await process.stdout.readexactly(length))

    early = await exchange({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}})
    assert early["error"]["code"] == -32002
    init = await exchange({"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {"rootUri": workspace.as_uri(), "capabilities": {}}})
    assert init["result"]["serverInfo"]["name"] == "promptlint"
    unknown = await exchange({"jsonrpc": "2.0", "id": 3, "method": "textDocument/rename", "params": {}})
    assert unknown["error"]["code"] == -32601
    assert (await exchange({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}))["result"] is None
    await exchange({"jsonrpc": "2.0", "method": "exit"})
    assert await asyncio.wait_for(process.wait(), 10) == 0
