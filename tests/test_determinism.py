"""Deterministic output: the extraction and the analysis give the same result whatever Python's
string hash seed, so no result hangs on the order in which a set of strings happens to be walked.

Each side runs in its own interpreter with PYTHONHASHSEED fixed. The seeds 1 and 3 walk the two
full names of SHARED_SURNAME in opposite orders, and the terms of TIED_CLAIMS in different
orders, so a tie broken by set order (a surname's full name, the retrieval's top k among claims
that score alike) shows up as a difference here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT, SEEDS

HASH_SEEDS = ("1", "3")
CROSSDOC = ROOT.parent / "shared" / "crossdoc" / "docs"

# Two full names end in the same surname; the bare surname later must always go to the same one.
SHARED_SURNAME = ("Spokesman Tomas Reyes said the fire was contained on Monday. Analyst Maria Reyes said "
                  "the crews were tired. Reyes added that two crews remained.")

# Claims that share all their words but one: each has more equally similar neighbours than the
# retrieval index keeps.
TIED_CLAIMS = "\n\n".join(f"The harbour council approved the new budget plan for the {name} district."
                           for name in "alder birch cedar dogwood elm fir ginkgo hazel ivy juniper larch maple "
                                       "nutmeg oak pine quince rowan spruce teak upas vine willow yew".split())

PROBE = """
import dataclasses, json, sys
from factcheck.analysis import analyze
from factcheck.analysis.index import ClaimIndex
from factcheck.analysis.profile import build_profiles
from factcheck.models import Document
from factcheck.pipeline import extract
from factcheck.pipeline.document.read import collect_paths, read_document
from factcheck.pipeline.names.named import named_actors
from factcheck.pipeline.segment import split_sentences

text, tied = sys.argv[1:3]
documents = [read_document(p, max_bytes=10**7) for p in collect_paths(sys.argv[3:])]
tied_index = ClaimIndex(build_profiles(extract(Document(name="tied.txt", path="tied.txt", sha256="1" * 64,
                                                        text=tied)).claims))
documents.append(Document(name="shared.txt", path="shared.txt", sha256="0" * 64, text=text,
                          published="2024-03-01"))
claims = [c for d in documents for c in extract(d).claims]
relations, assessments = analyze(claims)
sentences = [(s.start, s.text) for s in split_sentences(text) if s.role == "body"]
print(json.dumps({"named": named_actors(sentences),
                  "neighbours": [tied_index.neighbours(i) for i in range(len(tied_index.profiles))],
                  "claims": [dataclasses.asdict(c) for c in claims],
                  "relations": [dataclasses.asdict(r) for r in relations],
                  "assessments": [dataclasses.asdict(a) for a in assessments]}, default=str))
"""


def _run(hash_seed: str, folders: list[str]) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("FACTCHECK_")}
    env.update(PYTHONHASHSEED=hash_seed, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", PROBE, SHARED_SURNAME, TIED_CLAIMS, *folders], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_output_does_not_depend_on_the_hash_seed():
    folders = [str(SEEDS)] + ([str(CROSSDOC)] if CROSSDOC.is_dir() else [])
    first, second = (_run(seed, folders) for seed in HASH_SEEDS)
    assert first["named"] == second["named"]
    assert first["named"]["Reyes"] == "Tomas Reyes"      # the full name the text gives first
    assert len(first["claims"]) > 100 and first["relations"]
    assert len(first["neighbours"]) > 20 and all(len(found) == 10 for found in first["neighbours"])
    for part in ("neighbours", "claims", "relations", "assessments"):
        assert first[part] == second[part], part
