#!/usr/bin/env python3
"""Incremental analysis: the cost of ingesting a few new articles into a database of a given
size, this working tree beside an earlier commit in the same run.

    python benchmarks/incremental.py                          # bases of 10k and 160k claims
    python benchmarks/incremental.py --base-claims 10000 40000 [--new 10] [--baseline REV]
    python benchmarks/incremental.py --folder FOLDER --base-claims 5000

A base of N claims is made of the folder's articles (PolNeAR train by default), copied as often as
needed with one changed byte each (so every copy is a new document with claims of its own),
ingested once and kept under --cache (default /tmp/fc-incremental-bench, keyed by folder and
size; building 160k claims takes several minutes). Each trial copies the base and ingests --new
further articles into the copy, in a fresh process, and prints the wall seconds of that ingest
and the claims it added; the base's kept analysis is stamped as made by the code under test (its
rules fingerprint, its seal), so that neither side takes its first run for a complete one.
`--complete` also times `factcheck analyse` of the result.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import DEFAULT_CORPUS, ROOT
from ingest import checkout

CLAIMS_PER_ARTICLE = 44         # PolNeAR train: about 44 claims an article (stored), to size a base

TRIAL = r"""
import json, sqlite3, sys, time
from pathlib import Path
from factcheck import api
from factcheck.analysis.state import fingerprint
db, new, complete = Path(sys.argv[1]), [Path(p) for p in json.loads(sys.argv[2])], sys.argv[3] == "1"
with sqlite3.connect(db) as conn:
    conn.execute("UPDATE meta SET value = ? WHERE key = 'analysis_rules'", (fingerprint(),))
try:                        # the seal as the code under test leaves it (codes that update it row by row)
    from factcheck.store import Store, kept
    from factcheck.store.engine import writing
    if hasattr(kept, "reseal_analysis"):
        with Store.open(db) as store, writing(store._engine, store.path) as conn:
            kept.seal_analysis(conn)
except ImportError:
    pass
started = time.perf_counter()
added = api.ingest(new, db)
seconds = time.perf_counter() - started
whole = None
if complete:
    started = time.perf_counter()
    api.analyse(db)
    whole = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "claims": added.claims, "analysed": added.analysed, "complete": whole}))
"""


def articles(folder: Path, count: int, into: Path, skip: int = 0) -> list[Path]:
    """`count` articles made of the folder's, from the `skip`-th on: the k-th round of copies
    ends in k extra newlines, so that its bytes (and claim ids) differ and its claims do not."""
    sources = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    into.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(skip, skip + count):
        source = sources[n % len(sources)]
        copy = into / f"r{n // len(sources)}_{source.name}"
        copy.write_bytes(source.read_bytes() + b"\n" * (n // len(sources)))
        out.append(copy)
    return out


def base(folder: Path, claims: int, cache: Path) -> tuple[Path, int]:
    """The cached base database of about `claims` claims, built when missing; and its articles."""
    count = max(1, claims // CLAIMS_PER_ARTICLE)
    db = cache / f"{folder.name}-{claims}.db"
    if not db.exists():
        sys.path.insert(0, str(ROOT))
        from factcheck import api

        with tempfile.TemporaryDirectory(prefix="fc-base-") as work:
            api.ingest(articles(folder, count, Path(work) / "docs"), db.with_suffix(".tmp"))
        db.with_suffix(".tmp").rename(db)
    return db, count


def trial(code: Path, db: Path, new: list[Path], complete: bool) -> dict:
    with tempfile.TemporaryDirectory(prefix="fc-trial-") as work:
        copy = Path(work) / "claims.db"
        shutil.copyfile(db, copy)
        done = subprocess.run([sys.executable, "-c", TRIAL, str(copy), json.dumps([str(p) for p in new]),
                               "1" if complete else "0"], capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(code)}, cwd=code, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def stored_claims(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM claim").fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else ROOT / "seeds")
    parser.add_argument("--base-claims", type=int, nargs="+", default=[10_000, 160_000])
    parser.add_argument("--new", type=int, default=10, help="articles ingested into each base")
    parser.add_argument("--baseline", default="main", help="an earlier commit to measure beside (none: skip)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "fc-incremental-bench")
    parser.add_argument("--complete", action="store_true", help="also time a complete re-analysis")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="fc-bench-code-"))
    try:
        codes = [("this tree", ROOT)]
        if args.baseline != "none":
            codes.insert(0, (args.baseline, checkout(args.baseline, work / "baseline")))
        print(f"{'base claims':>11} {'code':12} {'new claims':>10} {'seconds':>8}"
              + ("  complete s" if args.complete else ""))
        # the same articles for every base: the last of the folder, in a round of copies of their own
        sources = len([p for p in args.folder.iterdir() if p.suffix in (".txt", ".md")])
        fresh = articles(args.folder, args.new, work / "new", skip=99 * sources + sources - args.new)
        for size in args.base_claims:
            db, count = base(args.folder, size, args.cache)
            new = fresh
            for label, code in codes:
                r = trial(code, db, new, args.complete)
                print(f"{stored_claims(db):11d} {label:12} {r['claims']:10d} {r['seconds']:8.2f}"
                      + (f"  {r['complete']:10.2f}" if args.complete else ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
