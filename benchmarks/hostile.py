#!/usr/bin/env python3
"""Ingest time on hostile inputs (issue 18): each file alone into a fresh temporary database,
through the API, at two sizes, so that the ratio shows whether the cost grows linearly.

    python benchmarks/hostile.py                # the issue's sizes, scaled by --scale (default 1)
    python benchmarks/hostile.py --scale 0.1    # a quick run

Prints, per input, its size, the seconds taken, the claims stored and what the ingest said
(a sentence over the length limit, a document over the time budget ...).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from factcheck import api
from factcheck.config import DOCUMENT_SECONDS


def hostile_inputs(scale: float) -> dict[str, str]:
    """name -> text: the reproducers of issue 18, `scale` times their size."""
    n = lambda count: max(1, int(count * scale))  # noqa: E731 - a local shorthand
    return {
        "nested_said.txt": "the official said that " * n(2000) + "it rained.\n",
        "nested_div.html": "<html><body>" + "<div>\n" * n(20000) + "x" + "</div>\n" * n(20000) + "</body></html>\n",
        "nested_div_text.html": "<html><body>" + "<div>x \n" * n(20000) + "</body></html>\n",
        "deep_divs.html": "<html><body>" + "<div>" * n(100000) + "x" + "</div>" * n(100000) + "</body></html>\n",
        "comma_clauses.txt": ", ".join(["the minister said the plan failed"] * n(140000)) + ".\n",
        # one claim restated thousands of times: extraction is linear, but the analysis compares
        # every pair of claims that share their words, so this one grows with the square
        "many_restatements.txt": " ".join(["The official said that it rained."] * n(4000)) + "\n",
    }


def ingest_one(name: str, text: str, budget: float) -> tuple[float, int, list[str]]:
    work = Path(tempfile.mkdtemp(prefix="fc-hostile-"))
    try:
        path = work / name
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        summary = api.ingest([path], work / "claims.db", max_bytes=len(text.encode()) + 1, time_budget=budget)
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)
    notes = [message.split(": ", 1)[-1][:90] for message in summary.errors + summary.warnings]
    return seconds, summary.claims, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="size of the inputs against the issue's")
    parser.add_argument("--time-budget", type=float, default=DOCUMENT_SECONDS, help="seconds per document")
    args = parser.parse_args()
    print(f"{'input':24} {'bytes':>10} {'seconds':>8} {'claims':>7}  notes")
    for scale in (args.scale / 2, args.scale):
        for name, text in hostile_inputs(scale).items():
            seconds, claims, notes = ingest_one(name, text, args.time_budget)
            print(f"{name:24} {len(text.encode()):>10,} {seconds:>8.2f} {claims:>7}  {'; '.join(notes)[:100]}",
                  flush=True)


if __name__ == "__main__":
    main()
