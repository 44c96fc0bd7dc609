#!/usr/bin/env python3
"""Writes a synthetic prompt library of N prompt-sized templates (for benchmarks).

Usage: gen-library.py DIR N  -> DIR/prompts/tNNNN.yml, a mix of clean and flawed templates
(polite filler, wordy phrases, missing limits, Japanese text), 0.5-2 KB each, deterministic."""
import os, random, sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
os.makedirs(os.path.join(out, "prompts"), exist_ok=True)
topics = ["support ticket", "pull request diff", "meeting transcript", "invoice", "incident report", "product review",
          "SQL schema", "release commits", "job post", "customer email"]
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
    body = " ".join(rng.choice(sentences).format(t=topic) for _ in range(rng.randint(6, 18)))
    limit = "" if i % 7 == 0 else "max_output_tokens: %d\n" % rng.choice([150, 300, 600])
    bound = "" if i % 5 == 0 else " Answer in at most %d bullet points." % rng.randint(3, 8)
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
