"""Hover, code lens (tokens and cost), completion and go-to-definition."""

import json
import re

from lsprotocol import types

from conftest import GREET, diagnostics_for, position_of, promptlint
from test_diagnostics import open_document


def inside(text, needle, extra=1):
    position = position_of(text, needle)
    return types.Position(line=position.line, character=position.character + extra)


async def test_hover_on_a_finding_explains_the_rule(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    await diagnostics_for(client, uri, 1)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=inside(GREET, "Please")))
    assert hover.contents.kind == types.MarkupKind.Markdown
    explain = promptlint("explain", "PL102", cwd=workspace).stdout
    assert "# PL102 polite_filler" in hover.contents.value
    assert explain.strip().splitlines()[2] in hover.contents.value


async def test_hover_on_a_variable_shows_its_declaration(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=inside(GREET, "{{audience}}", 4)))
    assert "variable **audience**" in hover.contents.value
    assert "Who reads it" in hover.contents.value
    assert "default: `engineer`" in hover.contents.value
    start = position_of(GREET, "audience}}")
    assert hover.range == types.Range(start=start, end=types.Position(line=start.line, character=start.character + len("audience")))


async def test_code_lens_shows_the_monthly_cost_when_the_template_declares_a_volume(client, workspace):
    text = GREET.replace("max_output_tokens: 100\n", "max_output_tokens: 100\ncalls_per_month: 40000\nexpected_output_tokens: 60\n")
    path = workspace / "prompts" / "greet.yml"
    path.write_text(text, encoding="utf-8")
    uri = open_document(client, path, text)
    lenses = await client.text_document_code_lens_async(types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    match = re.search(r" · \$([0-9.,]+)/month at 40,000 calls$", lenses[0].command.title)
    assert match, lenses[0].command.title
    cost = json.loads(promptlint("cost", "greet", "--format", "json", cwd=workspace).stdout)["templates"][0]
    assert cost["calls_per_month"] == 40000
    # The lens shows the figure `promptlint cost` computes, rounded as cost's text table rounds it.
    assert abs(float(match.group(1).replace(",", "")) - cost["cost_per_month_usd"]) < 0.01 + cost["cost_per_month_usd"] * 0.001
    # Without a volume there is no monthly figure.
    plain = open_document(client, workspace / "prompts" / "plain.yml", GREET)
    plain_lenses = await client.text_document_code_lens_async(types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=plain)))
    assert "/month" not in plain_lenses[0].command.title


async def test_code_lens_shows_exact_tokens_and_cost(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    lenses = await client.text_document_code_lens_async(types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    report = json.loads(promptlint("tokens", "greet", "--format", "json", cwd=workspace).stdout)
    titles = [lens.command.title for lens in lenses]
    prompt_tokens = report["tokens"] + report["chat_overhead_tokens"]
    assert titles[0].startswith(f"gpt-4o-mini: {prompt_tokens} prompt tokens")
    assert "per call (incl. 100 output tokens)" in titles[0]
    assert [t.split(":")[1].split()[0] for t in titles[1:]] == [str(m["tokens"]) for m in report["messages"]]
    assert all("per call" in t for t in titles)
    assert lenses[1].range.start.line == position_of(GREET, '"😀').line


async def test_completion_of_variables_and_partials(client, workspace):
    text = GREET.replace("{{audience}}", "{{aud")
    uri = open_document(client, workspace / "prompts" / "greet.yml", text)
    at = position_of(text, "{{aud")
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=at.line, character=at.character + 5)))
    assert [item.label for item in result.items] == ["audience"]
    assert result.items[0].text_edit.range.start.character == at.character + 2
    at = position_of(text, "{{> shared/rules")
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=at.line, character=at.character + 4)))
    assert "shared/rules" in [item.label for item in result.items]
    assert "greet" not in [item.label for item in result.items]
    outside = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "summarize")))
    assert list(outside.items) == []


async def test_definition_of_a_partial_opens_its_template(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    location = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=inside(GREET, "shared/rules", 3)))
    assert location.uri == (workspace / "prompts" / "shared" / "rules.yml").as_uri()
    assert location.range.start == types.Position(line=0, character=0)
    variable = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=inside(GREET, "{{audience}}", 3)))
    assert variable.uri == uri
    assert variable.range.start.line == position_of(GREET, "audience:").line
