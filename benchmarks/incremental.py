#!/usr/bin/env python3
"""Incremental analysis: the cost of ingesting a few new articles into a large database.

    python benchmarks/incremental.py            # ../shared/polnear/train/text when present, else seeds/
    python benchmarks/incremental.py FOLDER [--new N]

Ingests all but the last N articles (default 5) into a fresh database, then times the ingest of
those N (incremental analysis) and a complete re-analysis (`factcheck analyse`) of the result.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from corpus import add_folder_argument

from factcheck import api
from factcheck.pipeline.document.read import collect_paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_folder_argument(parser)
    parser.add_argument("--new", type=int, default=5, help="articles ingested into the full database")
    args = parser.parse_args()
    paths = collect_paths([args.folder])
    old, new = paths[:-args.new], paths[-args.new:]
    work = Path(tempfile.mkdtemp(prefix="fc-bench-"))
    try:
        db = work / "claims.db"
        started = time.perf_counter()
        base = api.ingest(old, db)
        first = time.perf_counter() - started
        started = time.perf_counter()
        added = api.ingest(new, db)
        second = time.perf_counter() - started
        started = time.perf_counter()
        whole = api.analyse(db)
        complete = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(old)} articles, {base.claims} claims into a fresh database: {first:.2f} s")
    print(f"then {len(new)} articles, {added.claims} claims: {second:.2f} s (incremental analysis)")
    print(f"complete re-analysis of {whole.claims} claims: {complete:.2f} s")


if __name__ == "__main__":
    main()
