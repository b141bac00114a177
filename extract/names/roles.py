"""Words that mark people, organisations and speakers: titles, roles, organisation words, demonyms.

Plain data, parsed into sets on first use.
"""

from __future__ import annotations

from functools import cache

# Capitalised titles that stand before a name ("President Vladimir Putin", "Sen. Cruz").
_TITLES = """
secretary-general director-general attorney-general solicitor-general surgeon-general inspector-general
cllr cllr. mp mep msp president vice-president premier chancellor minister secretary senator sen sen.
rep rep. representative congressman congresswoman governor gov gov. mayor ambassador envoy general gen
gen. admiral adm adm. colonel col col. lieutenant lt lt. major maj sergeant sgt capt capt. captain
commander judge justice chief king queen prince princess sheikh emir pope cardinal bishop archbishop
rabbi imam pastor father sister brother dr dr. prof prof. professor mr mr. mrs mrs. ms ms. miss sir dame
lord lady speaker leader chairman chairwoman chair director spokesman spokeswoman spokesperson
commissioner inspector superintendent officer detective attorney deputy undersecretary under-secretary
treasurer councillor councilman councilwoman councilor coach president-elect prosecutor sheriff marshal
rabbi ayatollah patriarch metropolitan candidate nominee rev rev. reverend pastor del del. hon hon. amb
amb. supt det
"""

# Words that, before a title, belong to the role ("Foreign Minister", "Press Secretary").
_ROLE_QUALIFIERS = """
prime foreign defense defence interior finance treasury health justice economy economic trade energy
education labor labour transport transportation agriculture environment culture home state deputy vice
acting former first assistant associate senior chief executive press national security general attorney
supreme majority minority house senate party campaign white special foreign-policy communications
homeland commerce
"""

# Lower-case role nouns ("press secretary Karoline Leavitt", "Kallas, the EU's foreign policy chief").
_ROLE_NOUNS = """
organiser organizer campaigner chairperson secretary-general head-of-state governor-general president
minister secretary spokesperson spokesman spokeswoman chief head leader envoy ambassador official
governor senator mayor director adviser advisor analyst expert economist professor researcher scientist
commander general officer lawyer attorney prosecutor judge chairman chairwoman chair ceo founder
executive manager candidate nominee lawmaker legislator congressman congresswoman representative
diplomat negotiator correspondent reporter journalist editor columnist commentator strategist pollster
activist spokesmen spokespeople aide aides counsel member partner owner president-elect coordinator
commissioner inspector investigator sheriff deputy fellow historian author host anchor narrator
businessman businesswoman billionaire mogul star actor actress singer rapper writer filmmaker developer
entrepreneur investor veteran mother father wife husband daughter son niece nephew friend woman man
employee worker nurse doctor teacher driver farmer shopkeeper guard soldier pilot passenger survivor
victim neighbour neighbor bystander eyewitness witness customer patient student parent resident voter
coach trader broker banker dealer fan player captain referee principal headteacher landlord tenant shopper
relative sister brother announcer lecturer priest bishop pastor imam rabbi councillor councilor
protester protestor volunteer engineer
"""

# Capitalised words that make a name an organisation ("Defense Ministry", "Bank of Japan").
_ORG_WORDS = """
ministry ministries department council commission agency party corp corp. corporation inc inc. co co.
ltd ltd. llc plc bank university college school institute institution foundation fund center centre
committee court senate congress parliament assembly duma rada knesset bundestag army navy forces force
guard police office bureau service services administration authority board union federation association
organization organisation group company companies times post news journal herald tribune gazette
telegraph guardian press network channel radio television tv magazine review reuters airlines airways
motors industries holdings partners capital securities exchange cabinet government regime coalition
alliance movement front league society church hospital clinic laboratory lab labs museum club team
campaign secretariat tribunal caucus directorate command logistics energy pharmaceuticals pharma
technologies technology systems solutions media entertainment foods steel oil petroleum mining shipping
telecom telecommunications communications insurance investments ventures robotics networks railways
railway bancorp financial brands studios records publishing
"""

# Single names of organisations that carry no organisation word.
_KNOWN_ORGS = """
reuters ap afp bloomberg cnn bbc nbc abc cbs fox msnbc npr pbs politico axios nato un eu opec who imf
wto fbi cia nsa pentagon kremlin hamas hezbollah taliban isis isil al-qaeda google apple amazon
microsoft meta facebook twitter tesla openai nasa gop dnc rnc ukrinform interfax tass xinhua ria yonhap
kyodo dpa efe ansa politifact wikileaks greenpeace amnesty unicef unesco ecb fed sec ftc fda epa irs dhs
doj ice nhs white-house downing
"""

# Multi-word organisation names used by metonymy.
_KNOWN_ORG_PHRASES = """
white house|downing street|the kremlin|the pentagon|elysee palace|élysée palace|blue house|capitol hill|
wall street|silicon valley|united nations|red cross|red crescent|interpol|europol|
goldman sachs|morgan stanley|jpmorgan|jpmorgan chase|wells fargo|
citigroup|barclays|hsbc|blackrock|fitch|moody's|standard & poor's|the vatican|holy see|whitehall|
number 10|quai d'orsay|foggy bottom|zhongnanhai
"""

_DEMONYMS = """
american americans russian russians ukrainian ukrainians chinese british french german germans italian
spanish polish dutch belgian swiss austrian swedish norwegian danish finnish estonian latvian lithuanian
hungarian czech slovak romanian bulgarian serbian croatian greek turkish turks iranian iraqi syrian
israeli israelis palestinian palestinians lebanese jordanian egyptian saudi emirati qatari yemeni afghan
pakistani indian indians bangladeshi japanese korean north korean south korean vietnamese thai
indonesian filipino malaysian australian canadian mexican brazilian argentine argentinian chilean
colombian venezuelan cuban peruvian nigerian kenyan ethiopian south african moroccan algerian tunisian
libyan sudanese belarusian georgian armenian azerbaijani kazakh uzbek european western eastern african
asian arab arabs kurdish kurds irish scottish welsh english portuguese moldovan taiwanese
"""

# Generic speakers: "officials said", "a source said", "police said", "experts say".
_SOURCE_NOUNS = """
official officials source sources spokesperson spokesman spokeswoman spokespeople spokesmen police
authorities authority analyst analysts expert experts observer observers witness witnesses resident
residents diplomat diplomats aide aides adviser advisers advisor advisors lawmaker lawmakers critic
critics supporter supporters officer officers investigator investigators prosecutor prosecutors lawyer
lawyers attorney attorneys economist economists researcher researchers scientist scientists survey poll
polls report reports study statement statements ministry military army government agency campaign
committee administration people voters leader leaders member members executive executives doctor doctors
democrats republicans organizers organisers activists protesters protestors students employees workers
staff staffer staffers representative representatives negotiator negotiators commander commanders memo
letter filing data figures records documents agency's narrator pollster pollsters insiders insider
person familiar percent majority bank network company firm group union party court panel board council
commission department team newspaper paper website site magazine channel station foundation organization
association coalition office bureau embassy transcript video footage slide analysis review complaint
lawsuit ruling order release article editorial ad commercial book column post tweet utility operator
regulator watchdog airline insurer manufacturer producer carrier retailer lender automaker carmaker
startup broadcaster publisher university hospital school district city county state province region
ministry's kremlin pentagon spokesperson's prosecutor's coroner medics paramedics rescuers firefighters
inspectors monitors
club clubs league federation charity charities church trust fund funds society institute institution centre
center alliance bloc opposition consulate cabinet family families jury tribunal inquiry clinic museum
petition placard banner sign notice resolution bill message verdict judgment judgement
"""


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


@cache
def titles() -> frozenset[str]:
    """Titles written before a name (lower case)."""
    return _words(_TITLES)


@cache
def role_qualifiers() -> frozenset[str]:
    """Words that qualify a title ("Foreign" Minister)."""
    return _words(_ROLE_QUALIFIERS)


@cache
def role_nouns() -> frozenset[str]:
    """Lower-case role nouns ("press secretary", "spokesperson")."""
    return _words(_ROLE_NOUNS)


@cache
def org_words() -> frozenset[str]:
    """Words that make a capitalised name an organisation."""
    return _words(_ORG_WORDS)


@cache
def known_orgs() -> frozenset[str]:
    """Organisations known by name alone, and metonyms ("the Kremlin")."""
    return _words(_KNOWN_ORGS) | frozenset(p.strip() for p in _KNOWN_ORG_PHRASES.split("|") if p.strip())


@cache
def demonyms() -> frozenset[str]:
    """Nationality adjectives and plurals; alone they name nobody."""
    return _words(_DEMONYMS)


@cache
def source_nouns() -> frozenset[str]:
    """Nouns that head a generic speaker ("officials", "a source", "police")."""
    return _words(_SOURCE_NOUNS)
