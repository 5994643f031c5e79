#!/usr/bin/env python3
"""Ingest throughput: a folder of articles into a fresh temporary database, through the API,
with 1 and 2 jobs, this working tree beside an earlier commit in the same run.

    python benchmarks/ingest.py                 # ../shared/polnear/train/text when present, else seeds/
    python benchmarks/ingest.py FOLDER [--limit N] [--jobs 1 2] [--baseline REV] [--repeat N]

Each trial runs in a fresh process (so imports and caches count as they do for a user) and
prints articles/s, claims/s, wall seconds and the peak resident memory of the writer and of its
largest worker. `--baseline REV` (default: main) is checked out into a temporary folder with
`git archive` and measured the same way, with one job (an older commit may have no --jobs).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import ROOT, add_folder_argument

TRIAL = r"""
import json, resource, sys, tempfile, time
from pathlib import Path
from factcheck import api
from factcheck.config import MAX_FILE_BYTES
try:
    from factcheck.pipeline.document.read import collect_paths
except ImportError:              # a baseline from before the stage folders
    from factcheck.pipeline.read import collect_paths
folder, limit, jobs = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
paths = collect_paths([folder])
paths = paths[:limit] if limit else paths
options = {"jobs": jobs} if jobs else {}
with tempfile.TemporaryDirectory(prefix="fc-bench-") as work:
    started = time.perf_counter()
    summary = api.ingest(paths, Path(work) / "claims.db", max_bytes=MAX_FILE_BYTES, **options)
    seconds = time.perf_counter() - started
print(json.dumps({"articles": summary.documents, "claims": summary.claims, "failed": len(summary.errors),
                  "seconds": seconds, "writer_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def trial(code: Path, folder: Path, limit: int, jobs: int) -> dict:
    """One ingest in a fresh process importing the package found in `code`."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run([sys.executable, "-c", TRIAL, str(folder), str(limit), str(jobs)],
                          capture_output=True, text=True, env=env, cwd=code, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def checkout(revision: str, into: Path) -> Path:
    """The tree of `revision` (as `git archive` gives it) under `into`."""
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_folder_argument(parser)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="job counts to measure")
    parser.add_argument("--baseline", default="main", help="an earlier commit to measure beside (none: skip)")
    parser.add_argument("--repeat", type=int, default=1, help="trials per setting; the fastest is shown")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="fc-bench-code-"))
    try:
        settings = [(f"{args.baseline} (1 process)", checkout(args.baseline, work), 0)] \
            if args.baseline != "none" else []
        settings += [(f"this tree, --jobs {jobs}", ROOT, jobs) for jobs in args.jobs]
        rows = []
        for label, code, jobs in settings:
            best = min((trial(code, args.folder, args.limit, jobs) for _ in range(args.repeat)),
                       key=lambda r: r["seconds"])
            rows.append((label, best))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    base = rows[0][1]["articles"] / rows[0][1]["seconds"]
    print(f"{args.folder}: {rows[0][1]['articles']} articles, {rows[0][1]['claims']} claims")
    print(f"{'code':32} {'articles/s':>10} {'claims/s':>9} {'seconds':>8} {'vs first':>8} "
          f"{'writer MB':>9} {'worker MB':>9}")
    for label, r in rows:
        rate = r["articles"] / r["seconds"]
        print(f"{label:32} {rate:10.1f} {r['claims'] / r['seconds']:9.0f} {r['seconds']:8.1f} "
              f"{rate / base:7.2f}x {r['writer_mb']:9.0f} {r['worker_mb']:9.0f}")


if __name__ == "__main__":
    main()
