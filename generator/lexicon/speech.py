"""Words of reported speech: reporting verbs, titles, the small words around a speaker, institutions.

The quotation reader (``generator.matchers.quotes``) finds who said what with these lists: a new
reporting verb or title is one entry here.
"""

from __future__ import annotations

from generator.lexicon.calendar import MONTH_NAMES, WEEKDAY_NAMES

REPORTING_VERBS: frozenset[str] = frozenset("""
said says say told tells tell added adds noted notes wrote writes stressed stresses insisted insists
urged urges described describes called asked asks reiterated reiterates warned warns declared declares
announced announces reported explained explains emphasized emphasised emphasizes emphasises stated
remarked replied replies responded argued argues claimed claims complained acknowledged admitted
suggested suggests tweeted posted quoted cited recalled concluded hailed hails praised lauded lauds
welcomed branded labelled labeled dubbed termed promised pledged vowed predicted observed commented
confirmed conceded contended underlined underscored highlighted affirmed reaffirmed assured demanded
indicated mentioned boasted joked quipped cautioned countered repeated
saying telling adding noting writing stressing insisting urging describing calling asking reiterating
warning declaring announcing reporting explaining emphasizing emphasising stating arguing claiming
suggesting tweeting quoting citing hailing praising lauding welcoming branding labelling labeling
dubbing terming promising pledging vowing predicting underlining highlighting affirming reaffirming
demanding acknowledging admitting cautioning recalling repeating
""".split())
AUXILIARIES: frozenset[str] = frozenset("""
has have had was were is are been be being would will shall should could can may might must did does do
""".split())
BE_FORMS: frozenset[str] = frozenset("was were is are been be being".split())
NEGATIONS: frozenset[str] = frozenset("""
not never n't didn't doesn't don't hasn't haven't hadn't wasn't weren't isn't won't wouldn't cannot can't
""".split())
# Words between a subject and its verb ("X also said"); the relative day words are added where read.
ADVERBS: frozenset[str] = frozenset("""
also then later earlier again once long nonetheless nevertheless still already just first now further even too
previously repeatedly reportedly recently separately publicly privately however meanwhile
""".split())
PREPOSITIONS: frozenset[str] = frozenset("""
of with to for by on in at from about against between among after before during toward towards into onto over
under without like than via per including upon near behind beside besides
""".split())
CLAUSE_WORDS: frozenset[str] = frozenset("""
that which who whom whose and but or nor as if when while because although though since than where whether so
""".split())
# Nouns for someone who speaks for, or near, another: "an aide to Jones", "officials close to the
# talks", "a spokesman for the Kremlin". Their phrase runs on through the preposition.
PERSON_NOUNS: frozenset[str] = frozenset("""
aide aides adviser advisers advisor advisors spokesman spokeswoman spokesperson spokespeople spokesmen
spokeswomen official officials source sources diplomat diplomats ally allies member members people person
someone friend friends associate associates representative representatives envoy envoys staff staffer
staffers insider insiders lawyer lawyers secretary minister ministers deputy deputies colleague colleagues
""".split())
PERSON_LINKS: frozenset[str] = frozenset("to for of from at with in close near".split())
SUBJECT_PRONOUNS: frozenset[str] = frozenset("he she".split())
OTHER_PRONOUNS: frozenset[str] = frozenset("it they we i you him her them us me this these those".split())

# A full stop after these does not end the sentence ("Mr. Xi", "Gen. Milley").
SENTENCE_ABBREVIATIONS: frozenset[str] = frozenset("""
mr mrs ms dr st gen sen rep gov lt col sgt capt jr sr prof rev hon no vs inc corp co ltd jan feb aug sept oct
nov dec fig approx dept est
""".split())
# A capitalised word before a one-word name that is a title, an opener or a nationality
# ("President Xi", "But Xi", "Chinese Xi") leaves the name its own; any other makes it someone else's.
TITLES: frozenset[str] = frozenset("""
president premier minister prime chancellor secretary secretary-general mr mrs ms dr lord lady sir dame baroness
baron general gen chairman chair chairwoman leader senator sen governor gov king queen prince princess pope chief
spokesman spokeswoman spokesperson ambassador envoy commissioner mayor judge justice deputy vice foreign defence
defense home finance labour tory conservative democrat republican mp mep rep speaker commander colonel captain
admiral director head ceo editor professor prof reverend rev archbishop bishop cardinal sheikh emir ayatollah lt col
sgt capt state counterpart
""".split())
STARTERS: frozenset[str] = frozenset("""
the a an in on at but and or so when while after before as if then meanwhile however also yet it he she they we
this that these those there here speaking writing according for with from by to of since despite although though
earlier later last next asked his her their its our my i mr mrs ms
""".split()) - {"mr", "mrs", "ms"}
# A run of capitalised words with one of these names a body, not a person nobody indexed.
INSTITUTION_WORDS: frozenset[str] = frozenset("""
house office council union nations party parliament ministry department agency court security assembly government
committee bank fund organization organisation news media television times post street hall palace university church
group trust charter kingdom states republic federation forces army navy corporation company commission service
airlines association institute centre center foundation bureau police league club board authority summit
conference programme program today christmas easter airbus european eu un us uk nato
""".split()) | {d.lower() for d in WEEKDAY_NAMES} | {m.lower() for m in MONTH_NAMES if m != "May"}  # May: a name too

# For reading a speaker's description ("the president", "an aide to Jones", "officials").
DETERMINERS: frozenset[str] = frozenset(
    "a an the this that these those his her its their our my your one two three some several many other "
    "another".split())
DEFINITE_DETERMINERS: frozenset[str] = frozenset("the this that his her its their our my your".split())
# Words that relate the speaker to someone else: "an aide to Jones", "officials close to Jones".
SPEAKER_RELATIONS: frozenset[str] = frozenset(
    "to for of from at with close near in on within inside representing".split())
# Those who speak for a body: "a spokesman for the Kremlin" may be the Kremlin speaking.
VOICES: frozenset[str] = frozenset("""
spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen statement statements readout readouts release
office press secretary communique communiqué official officials
""".split())
# Who speaks for another: a spokesman, an aide, a source.
STAND_INS: frozenset[str] = VOICES | frozenset(
    "aide aides adviser advisers advisor advisors source sources ally allies lawyer lawyers staff staffer staffers "
    "insider insiders".split())
# The honorifics that open a parliament's speaker heading ("Mr Speaker:", "Mr. Lever", "Sir C. Osborne").
HEADING_HONORIFICS: tuple[str, ...] = (
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Baroness", "Baron", "Viscount", "Earl",
    "Madam", "Captain", "Major", "Colonel", "Commander", "Brigadier", "Lieut.-Colonel", "Lieut.-Commander")
# What "the following …:" introduces as someone's words ("offered the following prayer:").
SPEECH_NOUNS: frozenset[str] = frozenset(
    "prayer statement remarks address speech answer reply response message tribute".split())
# The Congressional Record's honorifics before a member's surname in capitals ("Mr. KELLY.").
RECORD_HONORIFICS: tuple[str, ...] = ("Mr", "Mrs", "Ms", "Miss", "Dr")
# Lower-case words inside a name: "Mr. du Cann", "Ursula von der Leyen".
NAME_PARTICLES: tuple[str, ...] = ("du", "de", "del", "della", "der", "den", "van", "von", "da", "di", "la", "le")
# Small words inside a title in capitals: "Commissioner for Neighbourhood and Enlargement".
TITLE_LINKS: frozenset[str] = frozenset("for of and the on".split())
# Words of the first and second person: a paragraph under "X said:" that has them is X speaking.
PERSONAL_PRONOUNS: frozenset[str] = frozenset("i i'm i've i'd i'll me my mine we we're we've we'll we'd us our ours "
                                              "you your yours".split())
# "Smith, quoting Jones, said": the words are Jones's; Smith relays them.
RELAYING_VERBS: frozenset[str] = frozenset("quoting citing".split())
# Words in a name or role that make it a body, not a person.
BODY_WORDS = frozenset("""
government office ministry department agency council commission committee kremlin palace house embassy
statement paper readout party company corporation organisation organization union nations assembly
parliament court bank bureau service administration presidency cabinet authority federation
""".split())
# A description's adjective and the name it fits: "the French president" may be the President of France.
DEMONYM_STEMS: dict[str, str] = {"french": "france", "dutch": "netherlands", "british": "britain", "english": "england",
             "welsh": "wales", "scottish": "scotland", "irish": "ireland", "swiss": "switzerland",
             "greek": "greece", "turkish": "turkey", "spanish": "spain", "polish": "poland",
             "danish": "denmark", "swedish": "sweden", "finnish": "finland", "norwegian": "norway",
             "belgian": "belgium", "portuguese": "portugal", "chinese": "china", "japanese": "japan",
             "us": "united", "uk": "united", "eu": "european", "un": "united"}
