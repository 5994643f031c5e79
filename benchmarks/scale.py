#!/usr/bin/env python3
"""The read commands on databases of growing size: process wall time and peak memory.

    python benchmarks/scale.py                                # 10k, 40k, 160k claims, this checkout
    python benchmarks/scale.py --sizes 10k,40k --work /tmp/fc-scale
    python benchmarks/scale.py --baseline /path/to/old/checkout   # both, side by side, one run

Databases are built once and cached under --work (default: fc-scale in the temp folder) from the
PolNeAR train texts, copied with changed bytes so that every copy is a new document: chunks of
copies are ingested in a loop, and the database is saved as `claims-SIZE.db` once it holds SIZE
claims (the real count is printed). They are built by the baseline checkout when one is given (a
newer schema cannot be read by older code); each checkout then reads its own copy, upgraded by a
first untimed run.

Every command runs as `python -m factcheck` in a process of its own, stdout to /dev/null; its wall
time is measured around it, and its CPU time (user + system) and peak memory (max RSS) are read
from its own `wait4` usage; a run longer than --timeout is stopped and marked. With --repeat N the
medians of N runs are shown (and the largest RSS). With --baseline, each
command runs in turn under the baseline's PYTHONPATH and this checkout's, so both see the same
machine load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from corpus import DEFAULT_CORPUS, ROOT

DEFAULT_SIZES = "10k,40k,160k"
DEFAULT_ACTOR = "Hillary Clinton"
DEFAULT_WORD = "immigration"
DEFAULT_QUERY = "Donald Trump leads the Republican field with 30 percent in a new poll."
MAX_CHUNK_ARTICLES = 840        # articles ingested at once while building


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="claim counts, e.g. 10k,40k,160k")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "fc-scale",
                        help="where the databases are built and cached")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the texts copied")
    parser.add_argument("--baseline", type=Path, help="another checkout to measure side by side")
    parser.add_argument("--repeat", type=int, default=1, help="runs per command (median wall)")
    parser.add_argument("--only", help="comma-separated command labels to run (default all)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a run is stopped")
    parser.add_argument("--actor", default=DEFAULT_ACTOR)
    parser.add_argument("--word", default=DEFAULT_WORD)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return
    args.work.mkdir(parents=True, exist_ok=True)
    checkouts = {"new": ROOT} if args.baseline is None else {"base": args.baseline.resolve(), "new": ROOT}
    builder = checkouts.get("base", ROOT)
    sizes = sorted(parse_size(size) for size in args.sizes.split(","))
    built = build_databases(args.work, args.corpus, sizes, builder)
    print(f"{'command':<26} {'claims':>7}" + "".join(f" {label + ' s':>8} {label + ' cpu':>8} {label + ' MB':>7}"
                                                   for label in checkouts))
    for size in sizes:
        pristine = built[size]
        dbs = {label: checkout_copy(pristine, label, root) for label, root in checkouts.items()}
        claims = count_claims(pristine)
        for label, command in commands(pristine, args).items():
            if args.only and label not in args.only.split(","):
                continue
            cells = []
            for name, root in checkouts.items():
                wall, cpu, rss, code = measure(root, dbs[name], command, args.repeat, args.timeout)
                mark = "" if code == 0 else " timeout" if code is None else f" exit {code}"
                cells.append(f" {wall:>8.2f} {cpu:>8.2f} {rss:>7.0f}{mark}")
            print(f"{label:<26} {claims:>7}" + "".join(cells), flush=True)


def parse_size(text: str) -> int:
    text = text.strip().lower()
    return int(float(text[:-1]) * 1000) if text.endswith("k") else int(text)


def size_label(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def commands(db: Path, args) -> dict[str, list[str]]:
    """The command lines measured, by label; `show` takes a claim from the middle of the database."""
    with sqlite3.connect(db) as conn:
        count = conn.execute("SELECT count(*) FROM claim").fetchone()[0]
        claim_id = conn.execute("SELECT id FROM claim ORDER BY id LIMIT 1 OFFSET ?", (count // 2,)).fetchone()[0]
    return {
        "--help": ["--help"],
        "list --actor X --limit 20": ["list", "--actor", args.actor, "--limit", "20"],
        "show": ["show", claim_id],
        "list --search WORD": ["list", "--search", args.word],
        "list --format jsonl": ["list", "--format", "jsonl"],
        "contradictions": ["contradictions"],
        "report": ["report"],
        "export --format jsonl": ["export", "--format", "jsonl"],
        "sources": ["sources"],
        "check QUERY": ["check", DEFAULT_QUERY],
    }


def measure(root: Path, db: Path, command: list[str], repeat: int,
            timeout: float) -> tuple[float, float, float, int | None]:
    """(median wall seconds, median CPU seconds, largest max RSS in MB, last exit code or None
    for a timeout) of `repeat` runs. CPU time (user + system) says what a run costs when the
    machine is shared; wall time is what a user waits."""
    walls, cpus, peaks, code = [], [], [], 0
    for _ in range(max(1, repeat)):
        wall, cpu, rss, code = run_once(root, db, command, timeout)
        walls.append(wall)
        cpus.append(cpu)
        peaks.append(rss)
        if code is None:
            break
    return statistics.median(walls), statistics.median(cpus), max(peaks), code


def run_once(root: Path, db: Path, command: list[str], timeout: float = 3600) -> tuple[float, float, float, int | None]:
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "120"}
    env.pop("FACTCHECK_DB", None)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "factcheck", "--db", str(db), *command],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=root)
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    timed_out = not timer.is_alive() and wall >= timeout
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, None if timed_out else process.returncode


def build_databases(work: Path, corpus: Path, sizes: list[int], builder: Path) -> dict[int, Path]:
    """claims-SIZE.db under `work` for every size, building the missing ones in one pass."""
    wanted = {size: work / f"claims-{size_label(size)}.db" for size in sizes}
    missing = [size for size, path in wanted.items() if not path.is_file()]
    if not missing:
        return wanted
    texts = sorted(corpus.glob("*.txt"))
    growing = work / "growing.db"
    state_file = work / "growing.json"
    state = json.loads(state_file.read_text()) if state_file.is_file() and growing.is_file() else {"next": 0}
    for size in sorted(missing):
        while (count := count_claims(growing) if growing.is_file() else 0) < size:
            per_article = count / state["next"] if state["next"] else 50
            need = max(1, min(MAX_CHUNK_ARTICLES, round((size - count) / per_article)))
            chunk = copy_chunk(work, texts, state["next"], need)
            started = time.perf_counter()
            ingest(builder, growing, chunk)
            state["next"] += need
            state_file.write_text(json.dumps(state))
            shutil.rmtree(chunk, ignore_errors=True)
            print(f"built: {state['next']} articles, {count_claims(growing)} claims "
                  f"(+{need} articles in {time.perf_counter() - started:.0f} s)", flush=True)
        backup(growing, wanted[size])
    return wanted


def copy_chunk(work: Path, texts: list[Path], first: int, count: int) -> Path:
    """Copies number first .. first+count of the corpus texts (round after round), each with a
    line naming its copy so its bytes, hash and claim ids are new."""
    folder = work / f"chunk-{first}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for number in range(first, first + count):
        source = texts[number % len(texts)]
        copy = number // len(texts)
        text = source.read_text(encoding="utf-8")
        if copy:
            text += f"\n\nCopy {copy}.\n"
        (folder / f"c{copy}-{source.name}").write_text(text, encoding="utf-8")
    return folder


def ingest(root: Path, db: Path, folder: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, "-m", "factcheck", "--db", str(db), "-q", "ingest", str(folder)],
                   check=True, env=env, cwd=root)


def backup(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as conn, sqlite3.connect(target) as copy:
        conn.backup(copy)


def checkout_copy(pristine: Path, label: str, root: Path) -> Path:
    """A fresh copy of `pristine` for `root`, upgraded to its schema (and read into the page
    cache) by an untimed run."""
    copy = pristine.with_name(f"{pristine.stem}.{label}.db")
    backup(pristine, copy)
    run_once(root, copy, ["list", "--limit", "1"])
    return copy


def count_claims(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM claim").fetchone()[0]


if __name__ == "__main__":
    main()
