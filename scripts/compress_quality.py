#!/usr/bin/env python3
"""Corpus quality check for `promptlint compress` (see scripts/compress-quality)."""
import collections, glob, json, os, re, statistics, subprocess, sys, tempfile

bin_path, corpus = os.path.abspath(sys.argv[1]), sys.argv[2]
unsafe = "--unsafe" in sys.argv
samples = int(sys.argv[sys.argv.index("--samples") + 1]) if "--samples" in sys.argv else 0
files = sorted(glob.glob(os.path.join(corpus, "**", "*.txt"), recursive=True))
extra = ["--unsafe"] if unsafe else []

def run_json(args, cwd=None):
    out = subprocess.run([bin_path] + args, cwd=cwd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"promptlint failed ({out.returncode}): {out.stderr[:500]}")
    return json.loads(out.stdout)

# Independent invariants (regexes, not the product's own scanner).
PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}|\$\{[^{}]*\}|\{[A-Za-z_][A-Za-z0-9_]*\}|\[[A-Z][A-Z0-9_ ]+\]|<[A-Za-z_][A-Za-z0-9_-]*>")
FENCE = re.compile(r"```.*?```", re.S)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
def invariants(text):
    return (collections.Counter(PLACEHOLDER.findall(text)), collections.Counter(FENCE.findall(text)),
            collections.Counter(NUMBER.findall(text)))

results = []
for start in range(0, len(files), 200):
    results += run_json(["compress", "--format", "json", "--model", "gpt-4o"] + extra + files[start:start + 200])

savings, shares, changed, broken = [], [], 0, []
for item in results:
    before, after = item["tokens_before"], item["tokens_after"]
    savings.append(before - after)
    shares.append((before - after) / before if before else 0)
    if before != after:
        changed += 1
    original, compressed = "".join(item["original"]), "".join(item["compressed"])
    if invariants(original) != invariants(compressed):
        broken.append(item["file"])

total_before = sum(r["tokens_before"] for r in results)
total_after = sum(r["tokens_after"] for r in results)
with_findings = [s for s, r in zip(shares, results) if r["edits"] or r["suggestions"]]

# Non-edited bytes: wrap each prompt in a YAML template, compress --write, compare the rest.
damaged = []
with tempfile.TemporaryDirectory() as work:
    os.makedirs(os.path.join(work, "prompts"))
    wrappers = {}
    for index, path in enumerate(files):
        text = open(path, encoding="utf-8").read()
        if text.startswith((" ", "\t", "\n")) or "\r" in text:
            continue  # a literal block cannot start with indentation without an indicator; skip
        body = "\n".join(("      " + line) if line else "" for line in text.rstrip("\n").split("\n"))
        head = f"# corpus prompt {index} — this comment must survive\nname: p{index}\nmodel: gpt-4o   # trailing comment\nmessages:\n  - role: user\n    content: |-\n"
        tail = "\n# footer comment\ntags: [corpus]\n"
        name = os.path.join(work, "prompts", f"p{index:04d}.yml")
        with open(name, "w", encoding="utf-8") as f:
            f.write(head + body + tail)
        wrappers[name] = (head, tail)
    subprocess.run([bin_path, "compress", "--all", "--write"] + extra, cwd=work, capture_output=True, text=True)
    for name, (head, tail) in wrappers.items():
        content = open(name, encoding="utf-8").read()
        if not content.startswith(head[: head.index("content:")]) or not content.endswith(tail):
            damaged.append(name)

print(f"corpus: {corpus} ({'safe + unsafe' if unsafe else 'safe'} fixes)")
print(f"prompts:                         {len(results)}")
print(f"changed:                         {changed} ({changed / len(results):.1%})")
print(f"tokens (o200k_base):             {total_before} -> {total_after} (saved {total_before - total_after}, {1 - total_after / total_before:.2%})")
print(f"median saving, all prompts:      {statistics.median(shares):.2%}")
print(f"median saving, with findings:    {statistics.median(with_findings) if with_findings else 0:.2%} ({len(with_findings)} prompts)")
print(f"median saving, changed prompts:  {statistics.median([s for s in shares if s > 0]) if changed else 0:.2%}")
print(f"broken placeholders/code/numbers: {len(broken)}")
print(f"files with non-edited bytes changed: {len(damaged)} (of {len(wrappers)} wrapped)")
for path in broken[:10]:
    print("  broken:", path)
for path in damaged[:10]:
    print("  damaged:", path)
if samples:
    import random
    random.seed(7)
    picked = random.sample([r for r in results if r["tokens_before"] != r["tokens_after"]], min(samples, changed))
    for item in picked:
        print("=" * 80)
        print(item["file"], item["tokens_before"], "->", item["tokens_after"])
        for edit in item["edits"]:
            print("  ", edit["code"], edit["title"])
sys.exit(1 if broken or damaged else 0)
