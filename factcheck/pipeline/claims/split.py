"""A content span -> atomic propositions: one claim per clause, list item or coordinated predicate.

Split points (each part records the rule that cut it, for `explain`):
  semicolon     "A; B"
  contrast      "A, while B" / "A, whereas B" / "A, but B"
  clause-and    "A, and there is little doubt that B" (a conjunction before a new subject)
  relative      "the agreement, which includes B" (a non-restrictive relative clause)
  participle    "A, creating B" (a participial clause after a comma)
  predicate-and "cooperation strengthened after 1990 and is primarily military" (a second verb)
  list          "They agreed to use X, establish Y, increase Z, and double W"
  dash          "A – Russia was showcasing B" / "A—particularly since B"
  purpose       "A, in order to B" / "a satellite intended for B"
  sequence      "A before visiting B" / "A while shadowing B" (a second event, same subject)
  reason        "A because B" / "A, especially given B" / "A due to B"
  along-with    "A, along with B"
  enumeration   "(a) A and (b) B"
  appositive    "A, an ally of B" / "A, his second visit since B" (at the end of the span)
Never inside quotation marks or brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.pipeline.words.tokens import DASHES, Token
from factcheck.pipeline.words.verbs import verb_forms

MIN_PART_TOKENS = 2
MIN_LIST_ITEM_TOKENS = 2
MAX_LIST_ITEM_TOKENS = 30
CONTRAST_WORDS = frozenset({"while", "whereas", "but", "yet"})
SUBJECT_STARTERS = frozenset("the a an this that these those it they he she we i there his her its their our "
                             "both each some many most all".split())
AUX_VERBS = frozenset("is are was were has have had will would can could may might should must shall does "
                      "did do also".split())
NOT_PARTICIPLES = frozenset("including according during following regarding concerning notwithstanding "
                            "excluding involving amounting totalling totaling ranging starting beginning "
                            "nothing something anything everything thing king spring morning evening "
                            "building meeting funding training bring sing string ring wing".split())
PREDICATE_ADVERBS = frozenset("probably possibly likely also then still even further later".split())
DASH_SUBORDINATORS = frozenset("particularly especially since because as which who although though "
                               "while whereas".split())
# "before visiting Turkey", "while shadowing a carrier group": a second event of the same subject.
SEQUENCE_WORDS = frozenset("before after while when".split())
# ", especially since the discourse ...": the reason a claim gives is a claim of its own.
EMPHASIS_WORDS = frozenset("especially particularly notably".split())
REASON_WORDS = frozenset("since because given as".split())
APPOSITIVE_DETERMINERS = frozenset("a an his her its their".split())
# "a satellite intended for spying on its neighbours": what a thing is for is a claim of its own.
PURPOSE_PARTICIPLES = frozenset("intended designed meant".split())
ENUMERATION_MARKS = frozenset("a b c d e f i ii iii iv v 1 2 3 4 5 6".split())


@dataclass(frozen=True)
class Part:
    lo: int             # token indices [lo, hi)
    hi: int
    rule: str           # how this part was cut from the one before it ("head" for the first)
    inherits: bool      # shares the head's hedges (list items, coordinated predicates)


def _depths(tokens: list[Token]) -> list[int]:
    """Nesting depth of each token inside quotation marks and brackets."""
    depth, out = 0, []
    straight_open = False
    for tok in tokens:
        if tok.text in ("“", "(", "["):
            out.append(depth)
            depth += 1
            continue
        if tok.text in ("”", ")", "]"):
            depth = max(0, depth - 1)
        elif tok.text == '"':
            straight_open = not straight_open
            depth += 1 if straight_open else -1
            depth = max(0, depth)
        out.append(depth)
    return out


def _is_verb(word: str) -> bool:
    return word in verb_forms() or word in AUX_VERBS


def _cut_rule(tokens: list[Token], i: int) -> tuple[str, int, bool] | None:
    """Whether a new part starts near token i: (rule, index where the part starts, inherits)."""
    tok, prev = tokens[i], tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    low = tok.low
    if prev is None or nxt is None:
        return None
    if tok.text == ";":
        return "semicolon", i + 1, False
    if prev.text == "," and low in CONTRAST_WORDS and (nxt.low in SUBJECT_STARTERS or nxt.text[:1].isupper()):
        return "contrast", i + 1, False
    if (prev.text == "," or prev.text in DASHES) and low in ("and", "but") \
            and (nxt.low in SUBJECT_STARTERS or nxt.text[:1].isupper()) \
            and _has_verb_soon(tokens, i + 1) and not _name_list(tokens, i):
        return "clause-and", i + 1, False
    after_comma = prev.text == "," or prev.text in ("”", '"') and i > 1 and tokens[i - 2].text == ","
    if after_comma and low in ("which", "who") and nxt.low not in ("is", "are") or \
            after_comma and low in ("which", "who") and _has_verb_soon(tokens, i + 1):
        return "relative", i, False
    if after_comma and low in ("in", "under", "after", "through", "by", "at") and nxt.low == "which":
        return "relative", i, False                 # ", in which case Tehran can ..."
    if prev.text == "," and low == "where" and (nxt.low in SUBJECT_STARTERS or nxt.text[:1].isupper()):
        return "relative", i, False                 # "..., where Moscow and Tehran enjoy ..."
    if prev.text == "," and low == "that" and (nxt.low in SUBJECT_STARTERS or nxt.text[:1].isupper()):
        return "relative", i, False                 # "organizations ..., that Iran may join"
    if prev.text == "," and low.endswith("ing") and low not in NOT_PARTICIPLES and low.islower() \
            and not low.startswith("thus"):
        return "participle", i, True
    if prev.text == "," and low == "thus" and nxt.low.endswith("ing"):
        return "participle", i + 1, True
    if prev.text == "," and low.endswith("ly") and low.isalpha() and _is_participle(nxt.low):
        return "participle", i, True                # "..., potentially aiding efforts to ...": hedge kept
    verb_at = i + 2 if nxt.low in PREDICATE_ADVERBS and i + 2 < len(tokens) else i + 1
    following = tokens[verb_at].low
    if low == "and" and prev.text != "," and _is_verb(following) and following not in ("is", "are", "has") \
            or low == "and" and prev.text != "," and following in ("is", "are", "has", "to") and i > 3:
        return "predicate-and", i + 1, True
    if tok.text in ("–", "—", "--") and (nxt.low in DASH_SUBORDINATORS or nxt.text[:1].isupper()
                                          and prev.text not in (",",) and nxt.low != "not"):
        return "dash", i + 1, False
    if low == "in" and nxt.low == "order" and prev.text == ",":
        return "purpose", i, False
    return _adjunct_rule(tokens, i)


def _adjunct_rule(tokens: list[Token], i: int) -> tuple[str, int, bool] | None:
    """Cuts before adjuncts that state a proposition of their own: a second event, a reason,
    an added item, an enumeration mark, a closing appositive."""
    tok, prev, nxt = tokens[i], tokens[i - 1], tokens[i + 1]
    low = tok.low
    if low in PURPOSE_PARTICIPLES and nxt.low in ("for", "to") and prev.text[:1].isalpha() \
            and prev.low not in AUX_VERBS and prev.low not in ("be", "been", "being") and i >= MIN_PART_TOKENS:
        return "purpose", i, True
    if low in SEQUENCE_WORDS and _is_participle(nxt.low) and i >= MIN_PART_TOKENS:
        return "sequence", i, True
    if prev.text == "," and low in EMPHASIS_WORDS and nxt.low in REASON_WORDS and i + 2 < len(tokens):
        return "reason", i + 2, False
    if prev.text == "," and low == "given" and nxt.low in SUBJECT_STARTERS:
        return "reason", i, False
    if low == "because" and nxt.low != "of" and i >= MIN_PART_TOKENS + 1 and _has_verb_soon(tokens, i + 1):
        return "reason", i + 1, False
    if low == "due" and nxt.low == "to" and prev.text not in ("is", "are", "was", "were", "be") and i > 3 \
            and _has_verb_soon(tokens[:i], 0, window=i):
        return "reason", i, False
    if low == "along" and nxt.low == "with" and (prev.text == "," or prev.text in DASHES):
        return "along-with", i + 2, True
    if tok.text == "(" and nxt.low in ENUMERATION_MARKS and i + 2 < len(tokens) and tokens[i + 2].text == ")" \
            and _enumerated(tokens, i):
        return "enumeration", i + 3, True
    if prev.text == "," and low in APPOSITIVE_DETERMINERS and _closing_appositive(tokens, i):
        return "appositive", i, False
    return None


def _is_participle(word: str) -> bool:
    return word.endswith("ing") and word not in NOT_PARTICIPLES and len(word) > 4


def _enumerated(tokens: list[Token], i: int) -> bool:
    """'(b)' after an earlier '(a)': a lettered or numbered enumeration inside the sentence."""
    marks = [k for k in range(len(tokens) - 2) if tokens[k].text == "(" and tokens[k + 2].text == ")"
             and tokens[k + 1].low in ENUMERATION_MARKS]
    return len(marks) >= 2 and i in marks


def _closing_appositive(tokens: list[Token], i: int) -> bool:
    """', an ally of Moscow' / ', his second foreign visit since ...' closing the span: a noun
    phrase renaming what comes before, with no verb and no further list item after it."""
    rest = tokens[i:]
    stop = next((n for n, t in enumerate(rest) if t.text in (",", ";")), None)
    if stop is not None:
        if stop + 1 >= len(rest) or rest[stop].text != "," or rest[stop + 1].low not in ("which", "who"):
            return False
        rest = rest[:stop]                          # ", an ally of Moscow, which has ...": up to the relative
    if len(rest) < 3:
        return False
    words = [t.low for t in rest[1:]]
    head = next((n for n, w in enumerate(words) if w in ("of", "since", "in", "to", "for", "with")), len(words))
    return 1 <= head <= 4 and not any(_is_verb(w) for w in words[:head] if w not in ("second", "first"))


def _name_list(tokens: list[Token], i: int) -> bool:
    """'Russia, China, and Iran held ...': the 'and' closes a list of names, not a clause."""
    return i >= 3 and tokens[i - 2].text[:1].isupper() and tokens[i - 3].text == ","


def _has_verb_soon(tokens: list[Token], start: int, window: int = 6) -> bool:
    return any(_is_verb(t.low) or t.low.endswith("ed") for t in tokens[start:start + window])


def split_parts(tokens: list[Token]) -> list[Part]:
    """Cut `tokens` (one content span) into parts at clause, predicate and list boundaries."""
    if not tokens:
        return []
    depths = _depths(tokens)
    cuts: list[tuple[int, int, str, bool]] = []     # (end of previous part, start of next, rule, inherits)
    for i in range(1, len(tokens) - 1):
        if depths[i]:
            continue
        rule = _cut_rule(tokens, i)
        if rule:
            name, start, inherits = rule
            end = i
            if end > 1 and tokens[end - 1].low in ("and", "or") and name == "enumeration":
                end -= 1                            # "(a) A and (b) B": the "and" belongs to neither
            if tokens[end - 1].text == ",":
                end -= 1
            cuts.append((end, start, name, inherits))
    cuts.extend(_list_cuts(tokens, depths))
    return _assemble(tokens, sorted(set(cuts)))


def _assemble(tokens, cuts) -> list[Part]:
    parts, lo, rule, inherits = [], 0, "head", False
    for end, start, name, inh in cuts:
        if start <= lo or end <= lo:
            continue
        parts.append(Part(lo, end, rule, inherits))
        lo, rule, inherits = start, name, inh
    parts.append(Part(lo, len(tokens), rule, inherits))
    merged: list[Part] = []
    for part in parts:
        hi = part.hi
        while hi > part.lo and tokens[hi - 1].text in ",;:—–":
            hi -= 1
        long_enough = hi - part.lo >= MIN_PART_TOKENS
        if long_enough and (not merged or not _only_names(tokens[part.lo:hi])):
            merged.append(Part(part.lo, hi, part.rule, part.inherits))
        elif merged:
            last = merged.pop()
            merged.append(Part(last.lo, hi, last.rule, last.inherits))
    return merged


def _only_names(piece: list[Token]) -> bool:
    """'Chabahar, Bandar Abbas, and Bandar Bushehr' after a dash: names that only specify what came
    before; they stay with it."""
    words = [t for t in piece if t.text[:1].isalnum()]
    return bool(words) and all(t.text[:1].isupper() or t.low in ("and", "or", "of", "the") for t in words) \
        and any(t.text[:1].isupper() for t in words)


def _list_cuts(tokens: list[Token], depths: list[int]) -> list[tuple[int, int, str, bool]]:
    """'X, Y, and Z' with items of several words: each item is its own claim."""
    commas = [i for i, t in enumerate(tokens) if t.text == "," and not depths[i]]
    for n, comma in enumerate(commas):
        nxt = tokens[comma + 1] if comma + 1 < len(tokens) else None
        if not nxt or nxt.low not in ("and", "or") or n == 0:
            continue
        run = [comma]
        k = n - 1
        while k >= 0 and _item_ok(tokens, commas[k] + 1, run[0]):
            run.insert(0, commas[k])
            k -= 1
        head_lo = (commas[k] + 1) if k >= 0 else 0
        end = commas[n + 1] if n + 1 < len(commas) else len(tokens)
        if len(run) < 2 or not _item_ok(tokens, head_lo, run[0], first=True) or _examples(tokens, head_lo, end):
            continue
        if not _item_ok(tokens, comma + 2, end):
            continue
        cuts = [(c, c + 1, "list", True) for c in run[:-1]]
        cuts.append((comma, comma + 2, "list", True))
        if end < len(tokens):
            cuts.append((end, end + 1, "list-end", False))
        return cuts
    return []


def _examples(tokens: list[Token], lo: int, hi: int) -> bool:
    """'purposes, such as A, B, and C': examples of one claim, not claims of their own."""
    lows = [t.low for t in tokens[max(0, lo - 3):hi]]
    return any(a == "such" and b == "as" for a, b in zip(lows, lows[1:])) or "including" in lows


def _item_ok(tokens: list[Token], lo: int, hi: int, first: bool = False) -> bool:
    """A list item worth its own claim: a few words, not only a proper name ('the Arab Gulf')."""
    words = [t for t in tokens[lo:hi] if re.match(r"\w", t.text)]
    if first:
        return len(words) >= MIN_LIST_ITEM_TOKENS
    if not MIN_LIST_ITEM_TOKENS <= len(words) <= MAX_LIST_ITEM_TOKENS:
        return False
    content = [w for w in words if w.low not in ("the", "a", "an", "of", "and", "or", "in", "to")]
    return not all(w.text[:1].isupper() for w in content)
