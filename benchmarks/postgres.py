#!/usr/bin/env python3
"""Ingest time on SQLite beside PostgreSQL, measured in turn in the same run.

    python benchmarks/postgres.py [FOLDER ...] [--repeat N] [--url postgresql://...]

Each trial is `factcheck --db DB --quiet ingest FOLDER...` as a fresh process into a new, empty
database: an SQLite file in a temporary folder, and a new database on a PostgreSQL server (the
one at --url, whose role may create databases, or else a throwaway server started as the tests
start theirs, tests/postgres_server.py, over a unix socket). Prints the wall seconds of every
trial and their median per engine; the default folder is seeds/.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.postgres_server import create_database, start_server  # noqa: E402

ENV = {**{k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}, "PYTHONPATH": str(ROOT)}


def ingest_seconds(db: str, folders: list[Path], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "factcheck", "--db", db, "--quiet", "ingest", *map(str, folders)],
                   check=True, cwd=cwd, env=ENV)
    return time.perf_counter() - started


def new_postgres_database(url: str | None, server, name: str) -> str:
    if server is not None:
        return create_database(server, name)
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0].split("?")[0] + "/" + name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "seeds"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--url", help="a PostgreSQL server's URL (default: start a throwaway one)")
    args = parser.parse_args()
    args.folders = [folder.resolve() for folder in args.folders]
    server = None
    if args.url is None:
        server, reason = start_server()
        if server is None:
            print(f"no PostgreSQL server: {reason}", file=sys.stderr)
            return 1
    times: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
    try:
        with tempfile.TemporaryDirectory() as work:
            for trial in range(args.repeat):
                times["sqlite"].append(ingest_seconds(str(Path(work) / f"claims{trial}.db"), args.folders, Path(work)))
                url = new_postgres_database(args.url, server, f"bench_{int(time.time())}_{trial}")
                times["postgresql"].append(ingest_seconds(url, args.folders, Path(work)))
    finally:
        if server is not None:
            server.stop()
    folders = ", ".join(str(folder) for folder in args.folders)
    print(f"ingest of {folders} into a new database, {args.repeat} trials each, wall seconds")
    for engine, seconds in times.items():
        print(f"  {engine:<11} median {statistics.median(seconds):6.2f}   trials "
              + " ".join(f"{s:.2f}" for s in seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
