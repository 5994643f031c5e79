"""What the benchmarks run on: PolNeAR train beside the project when present, else seeds/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))           # the working tree's package, installed or not

DEFAULT_CORPUS = ROOT.parent / "shared" / "polnear" / "train" / "text"


def add_folder_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", nargs="?", type=Path,
                        default=DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else ROOT / "seeds")
