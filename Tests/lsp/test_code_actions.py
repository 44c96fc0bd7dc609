"""Quick fixes (safe and unsafe), fix-all-safe and suppression comments, applied as an editor does."""

import shutil

from lsprotocol import types

from conftest import GREET, action_edits, apply_edits, diagnostics_for, position_of, promptlint
from test_diagnostics import open_document


async def actions_at(client, uri, diagnostic, only=None):
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic], only=only)))


async def change_all(client, uri, version, text):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    return await diagnostics_for(client, uri, version)


async def test_safe_quick_fix_edits_exactly_the_finding(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    diagnostics = await diagnostics_for(client, uri, 1)
    please = next(d for d in diagnostics if d.code == "PL102")
    actions = await actions_at(client, uri, please)
    fix = next(a for a in actions if a.title.startswith("Remove 'Please'"))
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.is_preferred
    assert fix.edit.document_changes[0].text_document.version == 1
    fixed = apply_edits(GREET, action_edits(fix))
    assert fixed == GREET.replace("Please summarize", "summarize")
    after = await change_all(client, uri, 2, fixed)
    assert "PL102" not in {d.code for d in after}
    assert "PL201" in {d.code for d in after}


async def test_unsafe_fix_is_marked_and_not_preferred(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    diagnostics = await diagnostics_for(client, uri, 1)
    should = next(d for d in diagnostics if d.code == "PL104")
    assert "unsafe" in should.message
    actions = await actions_at(client, uri, should)
    fix = next(a for a in actions if "PL104" in a.title and "Disable" not in a.title)
    assert "unsafe" in fix.title
    assert not fix.is_preferred
    assert apply_edits(GREET, action_edits(fix)) == GREET.replace("You should answer briefly.", "Answer briefly.")


async def test_fix_all_safe_matches_lint_fix(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    diagnostics = await diagnostics_for(client, uri, 1)
    actions = await actions_at(client, uri, diagnostics[0], only=["source.fixAll"])
    assert [a.kind for a in actions] == ["source.fixAll.promptlint"]
    fixed = apply_edits(GREET, action_edits(actions[0]))
    # `promptlint lint --fix` on the same saved file writes the same text.
    copy = workspace / "copy"
    shutil.copytree(workspace / "prompts", copy / "prompts")
    shutil.copy(workspace / ".promptlint.yml", copy)
    promptlint("lint", "--fix", cwd=copy)
    assert fixed == (copy / "prompts" / "greet.yml").read_text(encoding="utf-8")
    assert fixed != GREET
    after = await change_all(client, uri, 2, fixed)
    assert not [d for d in after if d.code in {"PL102", "PL201"}]


async def test_suppression_comment_silences_the_rule_for_that_key(client, workspace):
    uri = open_document(client, workspace / "prompts" / "greet.yml", GREET)
    diagnostics = await diagnostics_for(client, uri, 1)
    wordy = next(d for d in diagnostics if d.code == "PL201")
    actions = await actions_at(client, uri, wordy)
    disable = next(a for a in actions if a.title.startswith("Disable PL201"))
    suppressed = apply_edits(GREET, action_edits(disable))
    assert "    # promptlint: disable PL201\n    content: |\n      This is important." in suppressed
    after = await change_all(client, uri, 2, suppressed)
    codes = {d.code for d in after}
    assert "PL201" not in codes and "PL102" in codes


async def test_plain_text_fix_after_non_bmp_characters(client, workspace):
    text = "𠀀😀 Please write a haiku in order to relax. Reply in at most 3 lines.\n"
    uri = open_document(client, workspace / "notes.md", text, language="markdown")
    diagnostics = await diagnostics_for(client, uri, 1)
    wordy = next(d for d in diagnostics if d.code == "PL201")
    assert wordy.range.start == position_of(text, "in order to")
    actions = await actions_at(client, uri, wordy)
    fix = next(a for a in actions if a.kind == types.CodeActionKind.QuickFix)
    assert apply_edits(text, action_edits(fix)) == text.replace("in order to", "to")
    # A plain prompt has no comment syntax the model would not read: no suppression action.
    assert not [a for a in actions if a.title.startswith("Disable")]
