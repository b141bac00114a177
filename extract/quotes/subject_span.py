"""Where the reported words start in a sentence whose subject said the quoted words.

`quote.subject_words` (find.py) gives quoted words with no cue to the sentence's subject: "Ana Ruiz
dismissed the plan as “a stunt”". The words she is reported to have said do not include the
narrator's verb: the report starts after it ("the plan as “a stunt”"), after a reporting participle
(", saying, “…”": the quoted words alone), after a speech verb ("said the vote was “a farce”"), or
at a "that" opening the reported clause ("for saying that the tax was “a theft”").
"""

from __future__ import annotations

import re
from functools import cache

from extract.lexicons import words
from extract.quotes.attribution import cue_pattern


@cache
def _participle() -> re.Pattern[str]:
    """ ", saying, ", "saying that ", ", adding: ": a reporting participle and what joins it to its words."""
    verbs = "|".join(sorted(words("speech_participles"), key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs})\b(?:[ \u00a0]+that\b)?[ \u00a0]*[,:]?[ \u00a0]*")


# "his state-of-the-state address", "the claim": the cue word is a noun after its determiner
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|its|their|our|my|your)[ \u00a0]+(?:[\w’'-]+[ \u00a0]+)?$", re.IGNORECASE
)
# "asking her, “…”", "told me: “…”": the person spoken to, then the words
_SPOKEN_TO = re.compile(r"[ \u00a0]*(?:her|him|them|me|us|you)[ \u00a0]*[,:][ \u00a0]*")
_THAT = re.compile(r"(?<=[ \u00a0])that[ \u00a0]")
# Words of the narrator's verb group before the verb itself: "has", "was widely", "then", "also".
_AUXILIARY = re.compile(
    r"(?:(?:has|have|had|is|was|were|will|would|also|then|later|again|not|[a-z]+ly)[ \u00a0]+)*"
    r"[a-z][a-z’'-]*[ \u00a0]+"
)


def reported_start(text: str, after_subject: int, open_mark: int) -> int:
    """Where the subject's reported words begin between the subject's end and the opening mark."""
    lo = after_subject
    best = -1
    for m in _participle().finditer(text, lo, open_mark):
        best = max(best, m.end())  # ", saying, “…”": the quoted words are the words said
    for m in cue_pattern().finditer(text, lo, open_mark):
        if _NOUN_BEFORE.search(text, max(lo, m.start() - 40), m.start()):
            continue
        end = m.end()
        if (to := _SPOKEN_TO.match(text, end, open_mark)) is not None:
            end = to.end()
        while end < open_mark and text[end] in " \u00a0,:":
            end += 1
        best = max(best, end)  # "said the vote was “a farce”": what was said follows the verb
    for m in _THAT.finditer(text, lo, open_mark):
        best = max(best, m.start())  # "for saying that the tax was “a theft”": the clause with its "that"
    if best >= 0:
        return min(best, open_mark)
    if text[lo : lo + 1] not in " \u00a0":
        return lo  # an aside (", the chief of …") or a possessive follows the subject: no verb to step over
    verb = _AUXILIARY.match(text, lo + 1, open_mark)
    return verb.end() if verb is not None else lo


__all__ = ["reported_start"]
