#!/usr/bin/env python3
"""Writes a synthetic prompt library of N prompt-sized templates (for benchmarks).

Usage: gen-library.py DIR N [FLAWED_SHARE]  -> DIR/prompts/tNNNN.yml, 0.5-2 KB each, deterministic.
FLAWED_SHARE (default 0.2) of the templates contain findings (polite filler, wordy phrases,
missing limits); the rest are clean, like a library that already uses promptlint."""
import os, random, sys

out, n = sys.argv[1], int(sys.argv[2])
flawed_share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.2
rng = random.Random(42)
os.makedirs(os.path.join(out, "prompts"), exist_ok=True)
topics = ["support ticket", "pull request diff", "meeting transcript", "invoice", "incident report", "product review",
          "SQL schema", "release commits", "job post", "customer email"]
clean = [
    "Focus on facts stated in the {t}; do not speculate.",
    "Use plain language a new team member understands.",
    "Quote identifiers exactly as written.",
    "Group related points together and order them by impact.",
    "If information is missing, say which field is missing.",
    "Mark every assumption with (assumption).",
    "Write dates in ISO 8601.",
    "Keep names of services and people as they appear.",
]
sentences = [
    "Focus on facts stated in the {t}; do not speculate.",
    "Use plain language a new team member understands.",
    "Quote identifiers exactly as written.",
    "Group related points together and order them by impact.",
    "If information is missing, say which field is missing.",
    "Please keep the tone neutral and professional.",
    "In order to save time, skip greetings.",
    "It is important to note that dates use ISO 8601.",
    "Mark every assumption with (assumption).",
    "チケットの要点を箇条書きでまとめてください。",
]
for i in range(n):
    topic = rng.choice(topics)
    flawed = rng.random() < flawed_share
    pool = sentences if flawed else clean
    picked = rng.sample(pool, min(len(pool), rng.randint(5, 8)))
    body = " ".join(p.format(t=topic) for p in picked)
    limit = "" if flawed and i % 2 == 0 else "max_output_tokens: %d\n" % rng.choice([150, 300, 600])
    bound = "" if flawed and i % 3 == 0 else " Answer in at most %d bullet points." % rng.randint(3, 8)
    text = (
        f"# generated template {i}\n"
        f"description: Summarize a {topic} for the weekly review ({i}).\n"
        f"tags: [{topic.split()[0]}, generated]\n"
        f"model: {rng.choice(['gpt-4o-mini', 'gpt-4.1', 'claude-sonnet-4'])}\n"
        f"{limit}"
        "variables:\n"
        "  input: {description: The source text, required: true}\n"
        "messages:\n"
        "  - role: system\n"
        "    content: |\n"
        f"      You review {topic}s for an engineering team.{bound}\n"
        f"      {body}\n"
        "  - role: user\n"
        "    content: \"{{input}}\"\n"
    )
    with open(os.path.join(out, "prompts", "t%04d.yml" % i), "w") as f:
        f.write(text)
