#!/usr/bin/env python3
"""Ingest throughput: a folder of articles into a fresh temporary database, through the API.

    python benchmarks/ingest.py                 # ../shared/polnear/train/text when present, else seeds/
    python benchmarks/ingest.py FOLDER [--limit N]

Prints articles/s, claims/s and MB/s for the whole ingest (read, extract, store, analyse).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from corpus import add_folder_argument

from factcheck import api
from factcheck.config import MAX_FILE_BYTES
from factcheck.pipeline.document.read import collect_paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_folder_argument(parser)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    paths = collect_paths([args.folder])
    if args.limit:
        paths = paths[:args.limit]
    work = Path(tempfile.mkdtemp(prefix="fc-bench-"))
    try:
        started = time.perf_counter()
        summary = api.ingest(paths, work / "claims.db", max_bytes=MAX_FILE_BYTES)
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)
    megabytes = sum(path.stat().st_size for path in paths) / 1e6
    print(f"{args.folder}: {summary.documents} articles, {summary.claims} claims, {megabytes:.2f} MB "
          f"in {seconds:.2f} s ({len(summary.errors)} failed)")
    print(f"{summary.documents / seconds:.1f} articles/s  {summary.claims / seconds:.0f} claims/s  "
          f"{megabytes / seconds:.3f} MB/s")


if __name__ == "__main__":
    main()
