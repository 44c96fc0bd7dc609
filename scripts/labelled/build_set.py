#!/usr/bin/env python3
"""Builds the labelled prompt set's files (Tests/PromptLintKitTests/Fixtures/labelled/prompts) once.

Sources (each file copied byte-identical, with its provenance and licence in MANIFEST.tsv):
  ../shared/corpora/awesome-chatgpt-prompts  CC0-1.0   long prompts (1.5-12 KB) and prompt documents
  ../shared/corpora/fabric                   MIT       every 4th pattern
  PyPI gpt-engineer 0.3.1 (sdist)            MIT       gpt_engineer/preprompts/*
  PyPI letta 0.34.12 (wheel)                 Apache-2.0 letta_code/_payload/app/skills/*/SKILL.md (<= 6 KB)
Usage: build_set.py SHARED_DIR UNPACKED_PYPI_DIR OUT_DIR
(UNPACKED_PYPI_DIR holds the unpacked sdist/wheel: `pip download --no-deps gpt-engineer==0.3.1 letta==0.34.12`.)
"""
import csv, os, re, shutil, sys

shared, pypi, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
rows = []

def manifest(corpus):
    with open(os.path.join(shared, "corpora", corpus, "MANIFEST.tsv"), newline="") as f:
        return {r["file"]: r for r in csv.DictReader(f, delimiter="\t")}

acp = manifest("awesome-chatgpt-prompts")
acp_dir = os.path.join(shared, "corpora", "awesome-chatgpt-prompts")
docs, longs = [], []
for name in sorted(acp):
    text = open(os.path.join(acp_dir, name), encoding="utf-8").read()
    if re.search(r"(?im)^#+ .*\b(system prompt|prompt|instructions)\b", text) and "```" in text and len(text) < 15000:
        docs.append(name)
    elif 1500 <= len(text) <= 12000:
        longs.append(name)
chosen = docs[:20] + longs[::max(1, len(longs) // 70)][:70]
for name in chosen:
    r = acp[name]
    rows.append(("acp-" + name, "awesome-chatgpt-prompts " + r["source"], r["title"], "CC0-1.0"))
    shutil.copyfile(os.path.join(acp_dir, name), os.path.join(out, "acp-" + name))

fab = manifest("fabric")
for name in sorted(fab)[::4]:
    r = fab[name]
    rows.append(("fabric-" + name, "danielmiessler/fabric " + r["source"], r["title"], "MIT (Copyright (c) 2012-2024 Scott Chacon and others)"))
    shutil.copyfile(os.path.join(shared, "corpora", "fabric", name), os.path.join(out, "fabric-" + name))

pre = os.path.join(pypi, "gpt_engineer-0.3.1", "gpt_engineer", "preprompts")
for name in sorted(os.listdir(pre)):
    rows.append(("gpte-" + name + ".txt", "PyPI gpt-engineer 0.3.1 gpt_engineer/preprompts/" + name, name, "MIT (Copyright (c) 2023 Anton Osika)"))
    shutil.copyfile(os.path.join(pre, name), os.path.join(out, "gpte-" + name + ".txt"))

skills = os.path.join(pypi, "letta_code", "_payload", "app", "skills")
for name in sorted(os.listdir(skills)):
    path = os.path.join(skills, name, "SKILL.md")
    if os.path.getsize(path) <= 6000:
        rows.append(("letta-" + name + ".md", "PyPI letta 0.34.12 letta_code/_payload/app/skills/" + name + "/SKILL.md", name, "Apache-2.0 (Letta)"))
        shutil.copyfile(path, os.path.join(out, "letta-" + name + ".md"))

with open(os.path.join(out, "..", "MANIFEST.tsv"), "w", newline="") as f:
    w = csv.writer(f, delimiter="\t", lineterminator="\n")
    w.writerow(["file", "source", "title", "license"])
    w.writerows(rows)
print(len(rows), "prompts")
