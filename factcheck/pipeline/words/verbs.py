"""Verb forms: every inflection of the common verbs, for the stages that look for a verb."""

from __future__ import annotations

from functools import lru_cache

from factcheck.lexicon import load_list


@lru_cache(maxsize=1)
def verb_forms() -> frozenset[str]:
    """Every inflection of the verbs in common_verbs.txt: base, -s, -es, -ed, -d, -ing."""
    forms = set()
    for verb in load_list("common_verbs.txt"):
        forms.update({verb, verb + "s", verb + "es", verb + "ed", verb + "d", verb + "ing"})
        if verb.endswith("y"):
            forms.update({verb[:-1] + "ies", verb[:-1] + "ied"})
        if verb.endswith("e"):
            forms.add(verb[:-1] + "ing")
    return frozenset(forms)
