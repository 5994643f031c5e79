#!/usr/bin/env python3
"""`factcheck check`: how well a claim finds its proposition and its disputes, and how fast.

    python benchmarks/check.py                       # ../shared/crossdoc, and PolNeAR timing if built
    python benchmarks/check.py --polnear-db /tmp/pn.db [--queries N] [--baseline ../main]

Quality: the 15 crossdoc articles go into one database (with what a user knows of each: outlet,
date, title, url). Every gold claim is then put to `check` as a user would: its standalone `claim`
text, its source (the outlet for the author's own claims) and its document's date. The gold is
read for measuring only: a gold claim's partners are mapped to the stored claims that cover their
quotes (as `../shared/eval/score_claims.py` maps them), and the stored claims cut from the
query's own quote (the one it maps to, and any other whose span overlaps the quote, such as a
longer claim around it) are left out of its results: finding itself proves nothing.

  recall@1, @5    queries with a repeats/corroborates partner (mapped) that have one among the
                  first 1 or 5 claims of the results (propositions best first, each proposition's
                  claims by similarity); "as states" counts only partners shown as stating it
  stance right    of the denies/contradicts partners found in the results, those shown as denying
                  or contradicting it

Speed: `factcheck check` run as a process on a database of the 840 PolNeAR train articles, wall
time per query (build it once: `factcheck --db /tmp/pn.db ingest ../shared/polnear/train/text`).
Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import ROOT

SHARED = ROOT.parent / "shared"
CROSSDOC = SHARED / "crossdoc"
EVAL = SHARED / "eval"
POLNEAR_QUERIES = (
    "Hillary Clinton said she would not raise taxes on the middle class.",
    "Donald Trump leads the Republican field with 30 percent in a new poll.",
    "The State Department released 7,000 pages of Clinton's emails.",
    "Bernie Sanders won the New Hampshire primary.",
    "Ted Cruz denied that his campaign misled voters in Iowa.",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear-db", type=Path, default=Path("/tmp/check-pn/pn.db"),
                        help="a database of the PolNeAR train articles, for the timing")
    parser.add_argument("--queries", type=int, default=len(POLNEAR_QUERIES))
    parser.add_argument("--baseline", type=Path, metavar="TREE",
                        help="another working tree of the project (e.g. a `git worktree` of main) whose "
                             "`check` is timed beside this one's, query by query, in the same run")
    args = parser.parse_args()
    if not CROSSDOC.is_dir() or not EVAL.is_dir():
        print(f"skipped: {CROSSDOC} or {EVAL} is not there")
        return
    quality()
    if args.polnear_db.is_file():
        timing(args.polnear_db, POLNEAR_QUERIES[:args.queries], args.baseline)
    else:
        print(f"timing skipped: no PolNeAR database at {args.polnear_db}")


def _gold():
    sys.path.insert(0, str(EVAL))
    import score_claims as sc

    pairs = [(CROSSDOC / "docs", CROSSDOC / "gold")]
    docs, claims, _, problems = sc.load_gold(pairs)
    return sc, docs, claims, sc.load_metadata(pairs)


def _database(work: Path, metadata: dict) -> Path:
    from factcheck import api

    meta = work / "metadata.jsonl"
    meta.write_text("".join(json.dumps({"file": name, **{k: str(v) for k, v in row.items() if v}}) + "\n"
                            for name, row in metadata.items()), encoding="utf-8")
    db = work / "claims.db"
    paths = sorted(p for p in (CROSSDOC / "docs").glob("*.txt"))
    api.ingest(paths, db, metadata=meta)
    return db


def _partners(sc, key: str, claims: dict, docs: dict) -> tuple[set[str], set[str]]:
    """Gold keys of the claim's same-proposition partners and of its conflict partners."""
    same, conflict = set(), set()
    stem = key.split("#")[0]
    for rel in claims[key].get("relations") or []:
        other = sc.resolve_target(rel.get("target"), stem, claims, docs)
        if other is None or other not in claims or other == key:
            continue
        if rel.get("type") in ("repeats", "corroborates"):
            same.add(other)
        elif rel.get("type") in ("denies", "denied_by", "contradicts"):
            conflict.add(other)
    return same, conflict


def _itself(gold: dict, stored: list[dict]) -> set[str]:
    """The stored claims whose span overlaps the gold claim's own quote in its document."""
    start, end = gold["span"]
    return {c["id"] for c in stored if c["doc"] == gold["doc"] and c["start"] < end and start < c["end"]}


def _ranked(result) -> list:
    out = []
    for p in result.propositions:
        out += sorted(p.claims, key=lambda e: (e.stance != p.stance, -e.similarity, e.claim.id))
    return out


def quality() -> None:
    from factcheck import api

    sc, docs, claims, metadata = _gold()
    with tempfile.TemporaryDirectory(prefix="fc-check-") as tmp:
        db = _database(Path(tmp), metadata)
        stored = [{"id": c.id, "doc": c.document, "start": c.start, "end": c.end} for c in api.list_claims(db)
                  for c in [c.claim]]
        best, _ = sc.match(stored, claims)
        system = {k: stored[j]["id"] for k, j in best.items()}
        queries = same_q = at1 = at5 = at5_states = 0
        conflict_total = conflict_found = conflict_right = 0
        per_story: dict[str, list[int]] = {}
        started = time.perf_counter()
        for key, gold in sorted(claims.items()):
            meta = metadata.get(gold["doc"], {})
            source = gold.get("source") if gold.get("source") not in (None, "author") else meta.get("publisher")
            published = str(meta["published"]) if meta.get("published") else None
            result = api.check(db, gold["claim"], source=source, date=published)
            queries += 1
            self_id = system.get(key)
            itself = _itself(gold, stored) | {self_id}
            ranked = [e for e in _ranked(result) if e.claim.id not in itself]
            same, conflict = _partners(sc, key, claims, docs)
            same_ids = {system[k] for k in same if k in system} - {self_id}
            conflict_ids = {system[k] for k in conflict if k in system} - {self_id} - same_ids
            story = key[:2]
            tally = per_story.setdefault(story, [0, 0, 0])
            if same_ids:
                same_q += 1
                tally[0] += 1
                ids = [e.claim.id for e in ranked]
                at1 += bool(ids[:1] and ids[0] in same_ids)
                tally[1] += bool(ids[:1] and ids[0] in same_ids)
                at5 += bool(set(ids[:5]) & same_ids)
                tally[2] += bool(set(ids[:5]) & same_ids)
                at5_states += bool({e.claim.id for e in ranked[:5] if e.stance in ("states", "reports")} & same_ids)
            shown = {e.claim.id: e.stance for e in ranked}
            for cid in conflict_ids:
                conflict_total += 1
                if cid in shown:
                    conflict_found += 1
                    conflict_right += shown[cid] in ("denies", "contradicts")
        elapsed = time.perf_counter() - started
    print(f"crossdoc: {queries} gold claims as queries ({elapsed / max(1, queries) * 1000:.0f} ms each in-process)")
    print(f"  with a same-proposition partner stored: {same_q}")
    print(f"  recall@1 {at1 / max(1, same_q):.2f}   recall@5 {at5 / max(1, same_q):.2f}   "
          f"recall@5 shown as stating it {at5_states / max(1, same_q):.2f}")
    for story, (n, one, five) in sorted(per_story.items()):
        print(f"    {story}: {n} queries, recall@1 {one / max(1, n):.2f}, recall@5 {five / max(1, n):.2f}")
    print(f"  conflict partners: {conflict_total}, found in the results {conflict_found} "
          f"({conflict_found / max(1, conflict_total):.2f}), shown as denying or contradicting "
          f"{conflict_right} (stance right {conflict_right / max(1, conflict_found):.2f})")


def timing(db: Path, queries: tuple[str, ...], baseline: Path | None = None) -> None:
    """Process wall of `factcheck check` per query; with a baseline tree, each query is run by
    both trees in turn, so that both meet the same load on a shared machine."""
    trees = {"this tree": ROOT} | ({"baseline": baseline.resolve()} if baseline else {})
    walls: dict[str, list[float]] = {name: [] for name in trees}
    for query in queries:
        for name, tree in trees.items():
            command = [sys.executable, "-m", "factcheck", "--db", str(db), "check", query]
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, cwd=tree,
                                  env={**os.environ, "PYTHONPATH": str(tree)})
            walls[name].append(time.perf_counter() - started)
            if done.returncode not in (0, 8):
                print(f"  {name}, {query!r}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
    for name, tree in trees.items():
        print(f"PolNeAR ({db}): `factcheck check` process wall ({name}, {tree}), {len(walls[name])} queries: "
              f"median {statistics.median(walls[name]):.2f} s, max {max(walls[name]):.2f} s (target < 0.5 s)")


if __name__ == "__main__":
    main()
