"""Regenerate the README's console session from the shipped claims.db, as a terminal of 80
columns shows it: `python .ci/readme_session.py` rewrites the block between <!-- session --> and
<!-- /session -->. Run it from the virtual environment factcheck is installed in.

Each `$ ` line of the block is run again with bash in a scratch copy of claims.db and seeds/
(a `--db` under /tmp names a scratch file there), stdout then stderr, colours and styles off.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- session -->\n```console\n)(.*?)(```\n<!-- /session -->)", re.DOTALL)
STYLES = re.compile(r"\x1b\[[0-9;]*m")
COLUMNS = 80


def run(command: str, folder: Path) -> str:
    env = {**os.environ, "COLUMNS": str(COLUMNS), "NO_COLOR": "1", "TTY_COMPATIBLE": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("FACTCHECK_DB", None)
    command = command.replace("/tmp/", f"{folder}/")
    done = subprocess.run(["bash", "-c", command], cwd=folder, env=env, capture_output=True, text=True)
    output = STYLES.sub("", done.stdout + done.stderr).replace(str(folder), "/tmp")
    return "\n".join(line.rstrip() for line in output.splitlines())


def session(text: str) -> str:
    commands = [line[2:] for line in BLOCK.search(text).group(2).splitlines() if line.startswith("$ ")]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        shutil.copyfile(ROOT / "claims.db", folder / "claims.db")
        shutil.copytree(ROOT / "seeds", folder / "seeds")
        return "\n\n".join(f"$ {command}\n{run(command, folder)}" for command in commands) + "\n"


def main() -> int:
    text = README.read_text(encoding="utf-8")
    match = BLOCK.search(text)
    fresh = text[:match.start(2)] + session(text) + text[match.end(2):]
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
