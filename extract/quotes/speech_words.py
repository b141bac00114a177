"""Speech and attribution verbs, and the small words around them ("also said", "told reporters")."""

from __future__ import annotations

from functools import cache

# Verbs that report speech or a stated position; every inflection news text uses.
_SPEECH_VERBS = """
say says said saying tell tells told telling add adds added adding write writes wrote writing post posts
posted posting tweet tweets tweeted tweeting state states stated declare declares declared announce
announces announced announcing warn warns warned warning claim claims claimed claiming argue argues
argued arguing insist insists insisted insisting note notes noted noting explain explains explained
explaining ask asks asked asking reply replies replied respond responds responded responding continue
continues continued conclude concludes concluded acknowledge acknowledges acknowledged acknowledging
admit admits admitted suggest suggests suggested suggesting stress stresses stressed stressing emphasize
emphasizes emphasized emphasizing emphasise emphasises emphasised urge urges urged urging recall recalls
recalled predict predicts predicted promise promises promised promising pledge pledges pledged vow vows
vowed demand demands demanded counter counters countered caution cautions cautioned complain complains
complained concede concedes conceded confirm confirms confirmed deny denies denied report reports
reported observe observes observed remark remarks remarked maintain maintains maintained contend
contends contended assert asserts asserted shout shouted joke joked jokes quip quipped mused boast
boasted lament lamented charge charges charged allege alleges alleged testify testified testifies reveal
reveals revealed disclose disclosed indicate indicates indicated agree agrees agreed describe describes
described decry decries decried decrying slam slams slammed slamming blast blasts blasted criticize
criticizes criticized criticise criticised condemn condemns condemned accuse accuses accused hint hints
hinted signal signaled signalled recount recounted text texted email emailed explain muse reiterate
reiterated reiterates underline underlined underscored underscore point pointed predicts forecast
estimated estimates estimate believe believes believed think thinks thought find finds found show shows
showed shown call calls called wonder wondered wonders question questioned tout touted touts praise
praised praises cite cites cited citing chime chimed concluded conclude exclaimed exclaim whispered
proclaimed proclaim announce reassured reads read
"""

# Verbs that take the content as a that-clause or plain clause: the core of indirect speech.
_INDIRECT_VERBS = """
say says said tell tells told add adds added warn warns warned claim claims claimed argue argues argued
insist insists insisted note notes noted explain explains explained acknowledge acknowledges
acknowledged admit admits admitted suggest suggests suggested stress stresses stressed emphasize
emphasizes emphasized emphasised predict predicts predicted announce announces announced confirm
confirms confirmed deny denies denied report reports reported state states stated declare declares
declared contend contends contended assert asserts asserted maintain maintains maintained allege alleges
alleged reveal reveals revealed indicate indicates indicated believe believes believed think thinks
thought estimate estimates estimated write writes wrote tweet tweeted post posted recall recalls
recalled concede concedes conceded complain complained complains caution cautioned cautions hint hinted
hints reiterate reiterated reiterates agree agreed agrees find finds found show shows showed testify
testified promise promised promises pledge pledged vow vowed signal signaled signalled observe observed
remark remarked
"""

# Verbs of stance and intention: their subject is a source for what follows ("X wants to …",
# "X cited …", "X called for …"). Used for reported positions, not for quotes.
_STANCE_VERBS = """
want wants wanted plan plans planned cite cites cited citing call calls called urge urges urged propose
proposes proposed criticize criticizes criticized criticise criticised attack attacks attacked support
supports supported oppose opposes opposed question questions questioned accuse accuses accused blame
blames blamed praise praises praised defend defends defended reject rejects rejected dismiss dismisses
dismissed describe describes described mention mentions mentioned highlight highlights highlighted
expect expects expected hope hopes hoped fear fears feared worry worries worried seek seeks sought
demand demands demanded recommend recommends recommended endorse endorses endorsed refuse refuses
refused decline declines declined vow vows vowed promise promises promised pledge pledges pledged insist
insists insisted blast blasts blasted slam slams slammed condemn condemns condemned rate rates rated
estimate estimates estimated project projects projected show shows showed find finds found know knows
knew ask asks asked invite invites invited acknowledge acknowledged cite refer referred refers attacked
mocked mock mocks dismissed touted tout touts questioned doubt doubts doubted argue argued
wanting planning calling urging proposing criticizing criticising attacking supporting opposing questioning
accusing blaming praising defending rejecting dismissing describing demanding seeking promising pledging
vowing touting mocking highlighting refusing declining hoping expecting threaten threatens threatened
"""

# Verbs whose reported content follows a preposition ("complained about …", "warned of …").
_PREPOSITIONAL = """
complain complains complained complaining talk talks talked talking speak speaks spoke speaking comment
comments commented commenting warn warns warned warning joke joked joking boast boasted rail railed
testify testified tweet tweeted tweeting post posted ask asks asked asking worry worries worried rant
ranted focus focused insist insisted reflect reflected weigh weighed elaborate elaborated
"""

_INDIRECT_PARTICIPLES = """
saying adding citing telling warning claiming arguing insisting noting explaining suggesting announcing
predicting stressing
emphasizing acknowledging admitting confirming denying reporting declaring asserting alleging revealing
"""

# Words that may stand between a speaker and the verb ("has also said", "later told").
AUXILIARIES = frozenset(
    """has have had also later then previously once repeatedly recently again further separately earlier
    would will could did does do is was were are be been being just quickly publicly privately never not
    already often still subsequently initially first last finally hasn't didn't now on monday tuesday
    wednesday thursday friday saturday sunday yesterday today""".split()
)

# Verbs that stand before their speaker in "CONTENT, said X".
INVERTING_VERBS = frozenset(
    "said says added wrote asked continued explained noted argued recalled insisted warned replied".split()
)

PRONOUNS = {"he": "m", "she": "f", "they": "p", "we": "p", "i": "s", "it": "n", "who": "?", "you": "s"}

# Objects of "told" that are audiences, not content ("told reporters", "told the BBC").
AUDIENCE_WORDS = frozenset(
    """reporters journalists lawmakers supporters voters the a an his her their its them him us me students
    crowd audience members delegates senators congress parliament viewers listeners interviewer""".split()
)


@cache
def speech_alternation() -> str:
    """Regex alternation (prefix-tree shaped) of every speech verb form."""
    return trie_alternation(sorted(set(_SPEECH_VERBS.split())))


# Headline forms: "Clinton Hid Health Problems, Former Doctor Says".
_HEADLINE_VERBS = "Says Said Warns Claims Tells Admits Insists Argues Suggests Predicts"


@cache
def finite_speech_alternation() -> str:
    """Speech verb forms that cannot be nouns ("said", "posted", "warns"), unlike "post" or "call"."""
    irregular = {"said", "told", "wrote", "spoke", "thought", "found", "knew", "sought", "shown"}
    words = {w for w in _SPEECH_VERBS.split() if w.endswith(("ed", "es")) or w in irregular}
    words |= {w for w in _SPEECH_VERBS.split() if w.endswith("s") and w[:-1] in _SPEECH_VERBS.split()}
    return trie_alternation(sorted(words))


@cache
def indirect_alternation() -> str:
    """Regex alternation of the verbs (and headline forms) that introduce reported speech."""
    words = set(_INDIRECT_VERBS.split()) | set(_HEADLINE_VERBS.split()) | set(_INDIRECT_PARTICIPLES.split())
    return trie_alternation(sorted(words))


@cache
def stance_verbs() -> frozenset[str]:
    """Stance verb forms that are not already indirect-speech verbs."""
    return frozenset(_STANCE_VERBS.split()) - frozenset(_INDIRECT_VERBS.split())


@cache
def stance_alternation() -> str:
    """Regex alternation of stance verbs and verb + preposition phrases."""
    return trie_alternation(sorted(stance_verbs() | prepositional_phrases()))


@cache
def prepositional_phrases() -> frozenset[str]:
    """ "complained about", "warned of", "weighed in on": a verb and the preposition its content follows."""
    return frozenset(f"{verb} {prep}" for verb in _PREPOSITIONAL.split() for prep in _PREPOSITIONS)


_PREPOSITIONS = ("about", "of", "on", "in on")


def trie_alternation(words: list[str]) -> str:
    """A regex alternation of `words` shaped as a prefix tree: Python's `re` tries one branch per
    letter instead of every word at every position, which makes scanning a verb list fast."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:  # type: ignore[type-arg]
    import re

    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if ends else body
