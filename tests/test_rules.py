"""The rule registry (factcheck/rules.py): every rule a claim's trace names on the case tables and
the seeds is registered, each registered rule's example fires it, and its stage module and
lexicon files exist; `factcheck rules` lists them."""

from __future__ import annotations

import json
from functools import lru_cache

import pytest

from factcheck.lexicon import LEXICON_DIR
from factcheck.models import Document
from factcheck.pipeline import extract
from factcheck.pipeline.document.read import collect_paths, read_document
from factcheck.rules import RULES, RULES_BY_ID, find_rule, rule_id
from tests.casetables import CASES
from tests.conftest import ROOT, SEEDS

NOT_FOUND = 4


def _document(text: str) -> Document:
    return Document(name="a.txt", path="a.txt", sha256="0" * 64, text=text, published="2024-03-01")


def _ids(claims) -> set[str]:
    return {rule_id(step) for claim in claims for step in claim.trace}


@lru_cache(maxsize=1)
def emitted() -> dict[str, str]:
    """Rule id -> where it was first seen, over every case table text and every seed article."""
    seen: dict[str, str] = {}
    for table in sorted(CASES.glob("*.jsonl")):
        for line in table.read_text(encoding="utf-8").splitlines():
            case = json.loads(line) if line.strip() else {}
            if isinstance(case.get("text"), str):
                for found in _ids(extract(_document(case["text"])).claims):
                    seen.setdefault(found, f"{table.name}#{case['id']}")
    for path in collect_paths([SEEDS]):
        for found in _ids(extract(read_document(path, max_bytes=10**7)).claims):
            seen.setdefault(found, path.name)
    return seen


def test_every_emitted_rule_is_registered():
    assert len(emitted()) > 30
    assert {found: where for found, where in emitted().items() if found not in RULES_BY_ID} == {}


def test_every_registered_rule_is_emitted_somewhere():
    """A registered rule that neither the case tables nor the seeds emit is dead or untested."""
    assert sorted(set(RULES_BY_ID) - set(emitted())) == []


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_the_example_fires_the_rule(rule):
    assert rule.id in _ids(extract(_document(rule.example)).claims)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_stage_module_and_lexicons_exist(rule):
    assert (ROOT / rule.stage).is_file()
    assert [name for name in rule.lexicons if not (LEXICON_DIR / name).is_file()] == []


def test_rule_ids_are_read_from_trace_steps():
    assert rule_id("verb:say:speech:certain") == "verb" and rule_id("split:clause-and") == "split:clause-and"
    assert find_rule("quote-next:say:speech:certain").stage.endswith("attribution/quotes.py")
    assert find_rule("split:no-such-cut") is None


def test_rules_command_lists_every_rule(cli):
    result = cli("rules", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [record["rule"] for record in json.loads(result.stdout)] == [rule.id for rule in RULES]


def test_rules_command_shows_the_rule_of_a_trace_step(cli):
    result = cli("rules", "verb:say:speech:certain", "--format", "tsv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].split("\t")[:2] == ["verb", "factcheck/pipeline/attribution/attribute.py"]
    assert "1 rule" in result.stderr


def test_rules_command_refuses_an_unknown_rule(cli):
    result = cli("rules", "no-such-rule")
    assert result.exit_code == NOT_FOUND
    assert result.stdout == "" and "no rule 'no-such-rule'" in result.stderr
