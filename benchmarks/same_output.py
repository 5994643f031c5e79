#!/usr/bin/env python3
"""Same output: ingest the same articles with two versions of factcheck and compare the exports.

    python benchmarks/same_output.py OLD_COMMIT [NEW_COMMIT] [--folder DIR ...] [--polnear]

Each commit is unpacked with `git archive` into a temporary folder and run from there with
PYTHONPATH; without NEW_COMMIT the working tree is the new side. Both sides ingest the same folders
(by default seeds/ and ../shared/crossdoc/docs) into a fresh database and write
`factcheck export --format jsonl`; the records are compared with timestamps (keys ending in `_at`)
and file paths set aside. Prints the records compared, the first differences and the seconds each
side took; exits 1 when the exports differ.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_FOLDERS = (ROOT / "seeds", SHARED / "crossdoc" / "docs")
POLNEAR = SHARED / "polnear" / "train" / "text"
VOLATILE_KEYS = ("path",)          # where the file lay when ingested, not what was read from it
SHOWN_DIFFERENCES = 5


def unpack(commit: str, into: Path) -> Path:
    """The package of `commit` unpacked under `into`; the folder to put on PYTHONPATH."""
    into.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "factcheck"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def export(package_root: Path, folders: list[Path], work: Path) -> tuple[list[str], float]:
    """The JSONL export after ingesting `folders` with the package under `package_root`."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("FACTCHECK_")}
    env["PYTHONPATH"] = str(package_root)
    # One hash seed for both sides: where the extraction depends on the order of a set of strings
    # (a bare surname shared by two full names in one text), the sides would otherwise differ by chance.
    env["PYTHONHASHSEED"] = "0"
    database = work / "claims.db"
    command = [sys.executable, "-m", "factcheck", "--db", str(database), "--quiet"]
    started = time.perf_counter()
    subprocess.run(command + ["ingest", *map(str, folders)], check=True, env=env, cwd=work)
    seconds = time.perf_counter() - started
    out = subprocess.run(command + ["export", "--format", "jsonl"], check=True, env=env, cwd=work,
                         capture_output=True, text=True).stdout
    return out.splitlines(), seconds


def comparable(line: str) -> str:
    """One export record without its timestamps and paths, as canonical JSON."""
    record = json.loads(line)
    kept = {key: value for key, value in record.items()
            if not key.endswith("_at") and key not in VOLATILE_KEYS}
    return json.dumps(kept, sort_keys=True, ensure_ascii=False)


def differences(old: list[str], new: list[str]) -> list[str]:
    """Human-readable lines for the records that differ, position by position."""
    found = [f"record {n}:\n  old {a}\n  new {b}"
             for n, (a, b) in enumerate(zip(old, new), 1) if a != b]
    if len(old) != len(new):
        found.append(f"{len(old)} records before, {len(new)} after")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", help="the commit to compare against (e.g. main)")
    parser.add_argument("new", nargs="?", help="the commit to check; default: the working tree")
    parser.add_argument("--folder", type=Path, action="append", help="a folder to ingest (repeatable)")
    parser.add_argument("--polnear", action="store_true", help=f"also ingest {POLNEAR}")
    args = parser.parse_args()
    folders = [path.resolve() for path in args.folder] if args.folder else list(DEFAULT_FOLDERS)
    if args.polnear:
        folders.append(POLNEAR)
    with tempfile.TemporaryDirectory(prefix="fc-same-") as tmp:
        sides = {}
        for name, commit in (("old", args.old), ("new", args.new)):
            work = Path(tmp) / name
            work.mkdir()
            root = unpack(commit, work / "src") if commit else ROOT
            lines, seconds = export(root, folders, work)
            sides[name] = [comparable(line) for line in lines]
            print(f"{name} ({commit or 'working tree'}): {len(lines)} records, ingest {seconds:.1f} s")
    found = differences(sides["old"], sides["new"])
    print(f"folders: {', '.join(map(str, folders))}")
    if not found:
        print(f"same output: {len(sides['new'])} records identical (timestamps and paths aside)")
        return 0
    print(f"DIFFERENT: {len(found)} differences; the first {min(len(found), SHOWN_DIFFERENCES)}:")
    print("\n".join(found[:SHOWN_DIFFERENCES]))
    return 1


if __name__ == "__main__":
    sys.exit(main())
