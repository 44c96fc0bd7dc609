"""Diagnostics on open and on incremental change, in UTF-16 positions, with lint's rules."""

from lsprotocol import types

from conftest import GREET, diagnostics_for, position_of, promptlint, utf16_length


def open_document(client, path, text, language="yaml", version=1):
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))
    return uri


async def test_initialize_announces_incremental_sync_and_utf16(client):
    capabilities = client.initialize_result.capabilities
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.text_document_sync.save is not None
    assert capabilities.hover_provider and capabilities.definition_provider
    assert "source.fixAll.promptlint" in capabilities.code_action_provider.code_action_kinds
    assert client.initialize_result.server_info.name == "promptlint"


async def test_open_reports_lint_findings_at_utf16_positions(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    diagnostics = await diagnostics_for(client, uri, 1)
    by_code = {d.code: d for d in diagnostics}
    assert {"PL102", "PL201", "PL104"} <= set(by_code)
    please = by_code["PL102"]
    # "😀𠀀 " before "Please": the emoji and the CJK extension B character are 2 UTF-16 units each.
    expected = position_of(GREET, "Please")
    assert please.range.start == expected
    assert please.range.end == types.Position(line=expected.line, character=expected.character + len("Please"))
    assert please.severity == types.DiagnosticSeverity.Warning
    assert please.source == "promptlint"
    # The same findings as `promptlint lint` on the saved file, at the same lines.
    cli = promptlint("lint", "--format", "json", "prompts/greet.yml", cwd=workspace)
    import json
    expected_codes = sorted((f["code"], f["line"]) for f in json.loads(cli.stdout))
    assert sorted((d.code, d.range.start.line + 1) for d in diagnostics) == expected_codes


async def test_incremental_change_relints_the_new_text(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    await diagnostics_for(client, uri, 1)
    start = position_of(GREET, "Please ")
    end = types.Position(line=start.line, character=start.character + len("Please "))
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end), text="Kindly ")]))
    diagnostics = await diagnostics_for(client, uri, 2)
    polite = [d for d in diagnostics if d.code == "PL102"]
    assert len(polite) == 1
    assert polite[0].range.start == start
    assert polite[0].range.end.character == start.character + len("Kindly")


async def test_unsaved_buffer_is_read_by_its_language(client):
    uri = "untitled:Untitled-1"
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=GREET)))
    diagnostics = await diagnostics_for(client, uri, 1)
    # Read as a YAML template (a plain-text read would not know max_output_tokens and report PL301).
    codes = {d.code for d in diagnostics}
    assert "PL102" in codes and "PL301" not in codes


async def test_a_burst_of_changes_ends_with_the_last_versions_diagnostics(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    await diagnostics_for(client, uri, 1)
    at = position_of(GREET, "This is important.")
    for version in range(2, 22):
        # Type "Kindly " one character at a time, as an editor sends keystrokes.
        character = "Kindly "[(version - 2) % 7] if version < 9 else " "
        position = types.Position(line=at.line, character=at.character + version - 2)
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=position, end=position), text=character)]))
    diagnostics = await diagnostics_for(client, uri, 21)
    versions = [p.version for p in client.published if p.uri == uri]
    print("published versions:", versions)
    assert versions == sorted(versions)  # never an older version after a newer one
    kindly = [d for d in diagnostics if d.code == "PL102" and d.range.start.line == at.line]
    assert len(kindly) == 1 and kindly[0].range.start.character == at.character
