"""The rules a claim's `trace` names, each found in one hop: its stage module, its lexicon files,
an example sentence it fires on, and what it means in words.

A trace holds the attribution rule first ("verb:say:speech:certain": construction, cue lemma,
cue type, cue certainty; or "author") and then the split rule ("split:clause-and"). A rule's id
is the construction ("verb") or the split step ("split:clause-and"); `rule_id` reads it from a
trace step. `render/explain.py` takes its words from here, `factcheck rules` lists them, and
tests/test_rules.py checks that every id the case tables and the seeds emit is registered and
that each example fires its rule. Pure data: no imports from the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass

ATTRIBUTION = "attribution"
SPLIT = "split"
SPLIT_PREFIX = "split:"


@dataclass(frozen=True)
class Rule:
    id: str                         # as the trace carries it: "verb", "split:clause-and"
    kind: str                       # ATTRIBUTION (who said it) or SPLIT (how the span was cut)
    stage: str                      # the module that applies it
    lexicons: tuple[str, ...]       # the files of lexicon/en/ it reads
    example: str                    # a sentence it fires on
    words: str                      # what it means; "{cue}" stands for the cue as written


def _attribution(id_: str, stage: str, lexicons: str, example: str, words: str) -> Rule:
    return Rule(id_, ATTRIBUTION, f"factcheck/pipeline/{stage}", tuple(lexicons.split()), example, words)


def _split(name: str, stage: str, lexicons: str, example: str, words: str) -> Rule:
    return Rule(SPLIT_PREFIX + name, SPLIT, f"factcheck/pipeline/{stage}", tuple(lexicons.split()), example, words)


CUES = "reporting_verbs.txt cue_prefixes.txt"
RULES: tuple[Rule, ...] = (
    _attribution("author", "claims/build.py", "", "The two met in Geneva.",
                 "author: no reporting cue covers it"),
    _attribution("verb", "attribution/attribute.py", CUES + " source_roles.txt",
                 "Lee warned of delays.", "verb: {cue} with its subject as speaker"),
    _attribution("inverted", "attribution/attribute.py", CUES,
                 "“I never said that,” Ms. Ortiz said.", "inverted: speaker after the quotation, then {cue}"),
    _attribution("according", "attribution/nominal.py", "",
                 "“We are done,” Smith said, according to the Post.", "according to: the speaker named after {cue}"),
    _attribution("coordinated", "attribution/attribute.py", CUES,
                 "The agency denied this and insisted that the satellite was civilian.",
                 "coordinated: {cue} shares the speaker of the previous cue"),
    _attribution("participle", "attribution/attribute.py", CUES,
                 "He called the plan “a disgrace,” saying it would fail.",
                 "participle: {cue} opens a clause that keeps the main clause's speaker"),
    _attribution("participle-opening", "attribution/opening.py", CUES,
                 "Dismissing the complaint, the harbour board said the fees were fair.",
                 "opening participle: {cue} opens the sentence and takes the subject after its comma"),
    _attribution("continued", "claims/continued.py", CUES,
                 "The probe first lost contact on May 3. It then drifted off course, a mission engineer said.",
                 "continued: a sentence that goes on about what a speaker's words were about is theirs too ({cue})"),
    _attribution("asked", "attribution/attribute.py", CUES, "Lee was asked whether she would run again.",
                 "asked: the question put to a speaker ('Asked whether ..., X said'), by whom 'by' names"),
    _attribution("passive-by", "attribution/attribute.py", CUES,
                 "The accord marks a turning point, as described by the foreign ministry.",
                 "passive: {cue} with the speaker after 'by'"),
    _attribution("passive", "attribution/attribute.py", CUES, "The mayor is not expected to attend the ceremony.",
                 "passive: {cue} with no speaker named ('it was reported', 'is expected to')"),
    _attribution("evidential", "attribution/attribute.py", CUES, "It seems that the council has run out of money.",
                 "evidential: {cue} hedges the writer's own report ('appears to', 'it seems that')"),
    _attribution("noun", "attribution/nominal.py", "reporting_nouns.txt",
                 "There have been reports of troops crossing the river.",
                 "noun: the reporting noun {cue} ('reports of ...', 'Iranian denials')"),
    _attribution("noun-that", "attribution/nominal.py", "reporting_nouns.txt",
                 "The minister’s warning that fuel prices would rise, however, went unheeded.",
                 "noun: {cue} with its holder before it and a that-clause of what was said or thought"),
    _attribution("nominal", "claims/build.py", "denied_report_nouns.txt",
                 "The club brushed off reports that its coach would leave.",
                 "denied report: the report a denial names ('denied reports that ...'), its owner as speaker"),
    _attribution("colon", "attribution/colon.py", "", "Mayor Lin was blunt: “We cannot pay for this.”",
                 "colon: a quotation after a colon, its speaker before it"),
    _attribution("adverb", "attribution/nominal.py", "reporting_adverbs.txt",
                 "The ministry is reportedly drafting a new export ban.",
                 "adverb: {cue} puts the clause in the mouth of unnamed reports"),
    _attribution("survey", "attribution/nominal.py", "", "Support fell to 45% in the poll.",
                 "survey: the poll or survey named after {cue} is the source of the clause's figures"),
    _attribution("name-colon", "attribution/colon.py", "colon_labels.txt common_verbs.txt",
                 "SMITH: We will not raise taxes.",
                 "name and colon: a speaker, poll or outlet named before a colon, what it said "
                 "after it ('Poll: ...', 'SMITH: ...')"),
    _attribution("stance", "attribution/nominal.py", "stance_nouns.txt", "In his view, the treaty is already dead.",
                 "stance: an opening {cue} names whose view the sentence gives"),
    _attribution("quote-continued", "attribution/quotes.py", "",
                 "''It is over,'' Mr. Gunn said. ''What about the flood? I was there.''",
                 "quote continued: a quotation opened in an earlier sentence keeps its speaker and cue {cue}"),
    _attribution("quote-before", "attribution/quotes.py", "",
                 "“We played badly. Nobody should be proud of it,” the coach said.",
                 "quote before: a quotation that the next sentence's {cue} closes and attributes"),
    _attribution("quote-next", "attribution/quotes.py", "", "''Why not?'' Mr. Lee asked, smiling. ''We won.''",
                 "quote next: a quoted sentence with no cue of its own goes on the previous sentence's "
                 "quotation ({cue})"),
    _attribution("quote-colon", "attribution/quotes.py", "",
                 "Lee continued:\n“You look at the numbers and they are bad.”",
                 "quote colon: a quotation opening the sentence after one that ends in {cue} and a colon"),
    _attribution("quote-paragraph", "attribution/quotes.py", "",
                 "“We played badly,” the coach said.\n“Nobody on this team should be proud of it.”",
                 "quote paragraph: a paragraph that is one quotation goes on the last speaker ({cue})"),
    _split("head", "claims/split.py", "", "Lee warned of delays.", "whole: the first or only part of its span"),
    _split("semicolon", "claims/split.py", "", "Exports fell in March; imports rose slightly.", "cut at a semicolon"),
    _split("contrast", "claims/split.py", "",
           "The mayor said the plan was costly, but it would pay off within a decade.",
           "cut at a contrast (', while', ', whereas', ', but')"),
    _split("clause-and", "claims/split.py", "common_verbs.txt",
           "It may take months, and the talks in Brussels may fail.", "cut at ', and' before a new subject"),
    _split("relative", "claims/split.py", "", "The dam could burst, in which case the valley floods.",
           "cut at a non-restrictive relative clause (', which', ', where')"),
    _split("participle", "claims/split.py", "", "The storm cut power to the city, leaving thousands without heat.",
           "cut at a participial clause after a comma (', creating ...'); shares the head's hedges"),
    _split("predicate-and", "claims/split.py", "common_verbs.txt",
           "The army seized the port and closed the border.",
           "cut at 'and' before a second verb of the same subject; shares the head's hedges"),
    _split("list", "claims/split.py", "",
           "They agreed to cut tariffs on steel, open new border crossings, and double grain shipments.",
           "one item of a list ('X, Y, and Z'); shares the head's hedges"),
    _split("list-end", "claims/split.py", "",
           "Despite the two countries’ improved relations, strengthening strategic dialogue, and increasing "
           "economic cooperation, Iran is a partner of convenience for Moscow.", "what follows a list"),
    _split("dash", "claims/split.py", "", "The rebels advanced quickly—especially since the bridge was undefended.",
           "cut at a dash"),
    _split("purpose", "claims/split.py", "", "Washington has called it a satellite intended for spying on Israel.",
           "cut at a purpose ('intended for', 'designed to')"),
    _split("appositive", "claims/split.py", "", "The company has close ties with Fabrikam, a supplier of the army.",
           "cut at a closing appositive (', a supplier of ...'): what it says of the noun before it"),
    _split("along-with", "claims/split.py", "",
           "The navy may lease three ports—Alpha, Beta, and Gamma—along with a fuel depot.",
           "cut at ', along with' (or a dash and 'along with'): an added item"),
    _split("reason", "claims/split.py", "", "The merger matters, especially given the bank’s large debts.",
           "cut at a reason (', especially given', 'because', 'due to')"),
    _split("sequence", "claims/split.py", "", "The envoy flew to Cairo before visiting neighbouring Jordan.",
           "cut at an earlier or later event ('before visiting ...', 'after meeting ...')"),
    _split("enumeration", "claims/split.py", "",
           "The raids were meant (a) to destroy the depots and (b) to avoid civilian deaths.",
           "one item of an enumeration ('(a) ... and (b) ...')"),
    _split("denial", "claims/build.py", "denied_report_nouns.txt",
           "The club brushed off reports that its coach would leave.",
           "the denial itself, cut before the report it denies"),
    _split("denied-report", "claims/build.py", "denied_report_nouns.txt",
           "The club brushed off reports that its coach would leave.",
           "the report a denial denies ('reports that ...'), a claim of its own"),
    _split("embedded-possessive", "claims/embedded.py", "event_nouns.txt",
           "Macron’s brief visit to Kyiv shows that Paris wants a role in the talks.",
           "nested: an event with a possessive actor ('Macron's visit to Kyiv')"),
    _split("embedded-relative", "claims/embedded.py", "event_nouns.txt",
           "Anger grew after the blast that destroyed the old harbour in Beirut.",
           "nested: a relative clause that states an event ('the blast that destroyed ...')"),
    _split("embedded-participle", "claims/embedded.py", "event_nouns.txt",
           "The plan resembles the trade accord signed between Chile and Peru in 2006.",
           "nested: a participle that states an event ('the accord signed between ...')"),
    _split("embedded-dated-event", "claims/embedded.py", "event_nouns.txt",
           "Trade between the two grew after the fall of the Berlin Wall in 1989.",
           "nested: an event noun with an 'of' phrase and a date ('the fall of the Berlin Wall in 1989')"),
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def rule_id(step: str) -> str:
    """The registered id a trace step names: "verb:say:speech:certain" -> "verb"; a split step is its own id."""
    return step if step.startswith(SPLIT_PREFIX) else step.split(":", 1)[0]


def find_rule(step: str) -> Rule | None:
    """The rule a trace step names, or None when it is not registered."""
    return RULES_BY_ID.get(rule_id(step))
