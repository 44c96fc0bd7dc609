"""Drives `promptlint lsp` over stdio with pytest-lsp's real LSP client (pygls + lsprotocol).

The server binary is $PROMPTLINT_BIN (default: the debug build). Each test gets a fresh
workspace folder with a .promptlint.yml and a small library, which the server is initialized on.
"""

import asyncio
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp import client as lsp_client_module

REPO = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("PROMPTLINT_BIN", str(REPO / ".build" / "debug" / "promptlint"))

GREET = """\
description: Greet a customer.
model: gpt-4o-mini
max_output_tokens: 100
variables:
  audience: {description: Who reads it, default: engineer}
messages:
  - role: system
    content: "😀𠀀 Please summarize the ticket for an {{audience}} in at most 3 bullets. {{> shared/rules}}"
  - role: user
    content: |
      This is important. In order to help, reply in 2 lines.
  - role: user
    content: You should answer briefly.
"""

RULES = """\
description: Output rules.
max_output_tokens: 80
messages:
  - role: system
    content: Answer in at most 2 sentences.
"""


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / "prompts" / "shared").mkdir(parents=True)
    (tmp_path / ".promptlint.yml").write_text("library: prompts\n", encoding="utf-8")
    (tmp_path / "prompts" / "greet.yml").write_text(GREET, encoding="utf-8")
    (tmp_path / "prompts" / "shared" / "rules.yml").write_text(RULES, encoding="utf-8")
    return tmp_path


def make_client() -> LanguageClient:
    """pytest-lsp's test client, also keeping every publishDiagnostics with its version."""
    client = LanguageClient(converter_factory=lsp_client_module.default_converter)
    client.published = []

    def publish(client_: LanguageClient, params: types.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    client.registrations = []

    def register_capability(client_: LanguageClient, params: types.RegistrationParams):
        # An editor starts watching the files the server asks for.
        client.registrations.extend(params.registrations)
        return None

    features = dict(lsp_client_module.DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features[types.CLIENT_REGISTER_CAPABILITY] = register_capability
    lsp_client_module.register_lsp_features(client, features)
    return client


async def diagnostics_for(client, uri, version=None, timeout=10.0):
    """The first diagnostics published for `uri` at `version` (any version when None)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        for params in client.published:
            if params.uri == uri and (version is None or params.version == version):
                return params.diagnostics
        await asyncio.sleep(0.005)
    raise AssertionError(f"no diagnostics for {uri} at version {version}; got {[(p.uri, p.version) for p in client.published]}")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "lsp"], client_factory=make_client))
async def client(lsp_client: LanguageClient, workspace):
    capabilities = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
        ),
        text_document=types.TextDocumentClientCapabilities(
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(value_set=["quickfix", "source.fixAll"])
                ),
                is_preferred_support=True,
            ),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
        ),
    )
    lsp_client.initialize_result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities, root_uri=workspace.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def position_of(text: str, needle: str, occurrence: int = 0) -> types.Position:
    """The LSP position (UTF-16 columns) of the start of `needle` in `text`."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    before = text[:index]
    line = before.count("\n")
    column = utf16_length(before[before.rfind("\n") + 1:])
    return types.Position(line=line, character=column)


def offset_of(text: str, position: types.Position) -> int:
    """The str index of an LSP position (UTF-16 columns), as an editor computes it."""
    lines = text.split("\n")
    index = sum(len(line) + 1 for line in lines[: position.line])
    units = 0
    for character in lines[position.line] if position.line < len(lines) else "":
        if units >= position.character:
            break
        units += utf16_length(character)
        index += 1
    return index


def apply_edits(text: str, edits) -> str:
    """Applies LSP TextEdits the way an editor does: all ranges refer to the original text."""
    spans = sorted(((offset_of(text, e.range.start), offset_of(text, e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


def action_edits(action: types.CodeAction):
    changes = action.edit.document_changes
    assert changes and len(changes) == 1
    return changes[0].edits


def promptlint(*args, cwd):
    return subprocess.run([BINARY, *args], cwd=cwd, capture_output=True, text=True)
