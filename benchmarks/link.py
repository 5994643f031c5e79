#!/usr/bin/env python3
"""Linking at scale, and how many gold relations become candidates.

    python benchmarks/link.py                       # ../shared/polnear/{train,dev}/text
    python benchmarks/link.py --sizes 10000 30000 100000 [--corpus DIR ...]
    python benchmarks/link.py --recall              # candidate recall@k on ../shared/crossdoc and the seeds

Timing: `analyze` on 10k and 100k synthetic claims built from news text.

Claims are made on the fly from the corpus (nothing of it is stored here): each sentence split
naively at commas into clause-sized quotes; actors are the capitalised words that recur across
the corpus (a crude gazetteer); the source is the capitalised name before "said", else the
author; `when` is the month in the file name (PolNeAR: outlet_YYYY-MM-DD_slug.txt). When the
corpus runs out, it is reused as next year's news (same words, another period), as a database
grows. Prints, per size, the seconds for the candidate pairs (the retrieval index, each claim's
top k) and for the whole analysis, and how the time grew against the claim count: a quadratic
method would grow by the square of the size ratio.

Recall: the gold corpora's documents are extracted in process, each gold claim mapped to the
extracted claim covering most of its quote (as ../shared/eval/score_claims.py maps them), and
every gold relation whose two ends map to two claims is looked up among the candidate pairs of
each claim's top k: the share found, per relation kind and per k. The gold is read for measuring
only.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.analysis import analyze  # noqa: E402
from factcheck.analysis.index import ClaimIndex  # noqa: E402
from factcheck.analysis.profile import build_profiles  # noqa: E402
from factcheck.models import Claim  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = [SHARED / "polnear" / split / "text" for split in ("train", "dev")]
GOLD_SETS = {"crossdoc": (SHARED / "crossdoc" / "docs", SHARED / "crossdoc" / "gold"),
             "seeds": (SHARED / "seeds", SHARED / "gold" / "seeds")}
RECALL_KS = (5, 10, 20, 40)
MIN_CLAUSE_WORDS = 5
MAX_ACTORS = 4
# A capitalised word is taken for an actor when this many sentences use it (and not at their start).
ACTOR_MIN_SENTENCES = 20
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_CAPITAL = re.compile(r"(?<!^)(?<![.!?]\s)\b([A-Z][a-z]{2,})\b")
_SAID = re.compile(r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:said|says|told|added)\b")
_DATE = re.compile(r"_(\d{4})-(\d{2})-\d{2}_")


def read_sentences(corpora: list[Path]) -> list[tuple[str, str, str]]:
    """(document name, month, sentence) for every sentence of the corpus."""
    out = []
    for folder in corpora:
        for path in sorted(folder.glob("*.txt")):
            date = _DATE.search(path.name)
            month = f"{date.group(1)}-{date.group(2)}" if date else None
            text = path.read_text(encoding="utf-8", errors="replace")
            for paragraph in text.split("\n"):
                out += [(path.name, month, s) for s in _SENTENCE.split(paragraph) if s.strip()]
    return out


def build_claims(sentences, size: int) -> list[Claim]:
    counts = Counter(w for _, _, s in sentences for w in set(_CAPITAL.findall(s)))
    actors_known = {w for w, n in counts.items() if n >= ACTOR_MIN_SENTENCES}
    claims: list[Claim] = []
    year_shift = 0
    while len(claims) < size:
        for k, (doc, month, sentence) in enumerate(sentences):
            said = _SAID.search(sentence)
            source = said.group(1) if said and said.group(1) in actors_known else "author"
            actors = tuple(dict.fromkeys(w for w in _CAPITAL.findall(sentence) if w in actors_known))[:MAX_ACTORS]
            when = f"{int(month[:4]) + year_shift}{month[4:]}" if month else None
            start = 0
            for clause in sentence.split(", "):
                if len(clause.split()) >= MIN_CLAUSE_WORDS:
                    claims.append(Claim(
                        id=f"c{len(claims)}", document=f"y{year_shift}/{doc}", start=k * 1000 + start,
                        end=k * 1000 + start + len(clause), quote=clause, text=clause,
                        source=source, source_type="author" if source == "author" else "official",
                        actors=actors, when=when, sentence=k, paragraph=k // 4))
                    if len(claims) == size:
                        return claims
                start += len(clause) + 2
        year_shift += 1
    return claims


def time_size(sentences, size: int) -> tuple[float, float, int, int]:
    """Seconds for the candidate pairs alone (as `analyze` runs them, without the cyclic garbage
    collector) and for the whole analysis; candidate pairs and relations found."""
    claims = build_claims(sentences, size)
    gc.disable()
    started = time.perf_counter()
    pairs = ClaimIndex(build_profiles(claims)).candidate_pairs()
    linking = time.perf_counter() - started
    gc.enable()
    started = time.perf_counter()
    relations, _ = analyze(claims)
    return linking, time.perf_counter() - started, len(pairs), len(relations)


def candidate_recall(name: str, docs_dir: Path, gold_dir: Path) -> None:
    """Print the share of gold relations whose two claims are candidates, per kind and k."""
    sys.path.insert(0, str(SHARED / "eval"))
    import score_claims  # noqa: PLC0415 - the shared scorer, present only beside the project

    from factcheck.pipeline import extract
    from factcheck.pipeline.document.read import read_document

    docs, gold, _, _ = score_claims.load_gold([(docs_dir, gold_dir)])
    from factcheck.config import MAX_FILE_BYTES

    claims = [c for name_ in sorted(docs)
              for c in extract(read_document(docs_dir / name_, max_bytes=MAX_FILE_BYTES)).claims]
    system = [{"doc": c.document, "start": c.start, "end": c.end} for c in claims]
    best, _ = score_claims.match(system, gold)
    relations = score_claims.gold_relations(gold, docs)
    index = ClaimIndex(build_profiles(claims))
    for k in RECALL_KS:
        pairs = index.candidate_pairs(k)
        found, total = Counter(), Counter()
        for kind, a, b in relations:
            if a in best and b in best and best[a] != best[b]:
                total[kind] += 1
                found[kind] += (min(best[a], best[b]), max(best[a], best[b])) in pairs
        shares = "  ".join(f"{kind} {found[kind] / total[kind]:.2f} ({found[kind]}/{total[kind]})"
                           for kind in sorted(total))
        print(f"{name:>9} top {k:>2}: {len(pairs):>5} candidate pairs; recall {shares}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--corpus", type=Path, action="append", help="folder of .txt news articles")
    parser.add_argument("--recall", action="store_true", help="candidate recall@k on the gold corpora instead")
    args = parser.parse_args()
    if args.recall:
        present = {name: dirs for name, dirs in GOLD_SETS.items() if dirs[0].is_dir() and dirs[1].is_dir()}
        if not present:
            raise SystemExit(f"no gold corpora under {SHARED}")
        for name, (docs_dir, gold_dir) in present.items():
            candidate_recall(name, docs_dir, gold_dir)
        return
    corpora = [c for c in (args.corpus or CORPORA) if c.is_dir()]
    if not corpora:
        raise SystemExit("no corpus: give --corpus DIR (a folder of .txt news articles)")
    sentences = read_sentences(corpora)
    print(f"corpus: {len(sentences)} sentences from {', '.join(map(str, corpora))}", file=sys.stderr)
    previous = None
    for size in args.sizes:
        linking, total, pairs, relations = time_size(sentences, size)
        growth = ""
        if previous:
            ratio = size / previous[0]
            growth = (f"  time x{total / previous[1]:.1f} for claims x{ratio:.0f} "
                      f"(quadratic would be x{ratio ** 2:.0f})")
        print(f"{size:>8} claims: {pairs} candidate pairs in {linking:5.1f} s; full analysis "
              f"{total:5.1f} s, {relations} relations;{growth}")
        previous = (size, total)


if __name__ == "__main__":
    main()
