"""Quotations in text: where the quoted spans are, where a quote's words are,
and who the text says spoke them.

Deterministic and rule-based. Three steps:

1. :func:`find_quoted_spans` pairs quotation marks (curly or straight, double
   or single; apostrophes inside words are not quote marks).
2. :func:`find_quote` finds a fact's quote text (``…``/``...`` split it into
   parts that must appear in order) at word boundaries, inside quoted spans
   whenever the text has any: a paraphrase outside quotation marks is not a
   quotation.
3. :func:`attribute` finds the reporting clause next to a quoted span
   (``"…," X said``, ``said X``, ``X said: "…"``, ``X told Y "…"``,
   ``according to X``, ``X reported Y as saying "…"``, ``with X calling …``,
   ``X, who had said …``) and its subject. Nested reports resolve to the
   innermost speaker (``the government said Xi told Zelenskyy`` → Xi). Names
   and aliases come from :class:`PeopleIndex`; ``he``/``she`` resolve only when
   exactly one person is named, as a subject, before the quote. Anything else is
   left unresolved rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from rapidfuzz import fuzz

from generator.matchers.people import PeopleIndex
from generator.normalize import Folded, fold, fold_text

# ---------------------------------------------------------------- quotation marks

_DOUBLE_OPEN = "\u201c\u201e\u00ab"  # “ „ «
_DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
_DOUBLE_ANY = '"\u201f'  # " ‟
_DOUBLES = _DOUBLE_OPEN + _DOUBLE_CLOSE + _DOUBLE_ANY
_SINGLE_OPEN = "\u2018\u201a\u201b"  # ‘ ‚ ‛
_SINGLE_CLOSE = "\u2019"  # ’
_SINGLE_ANY = "'"
_OPEN_BEFORE = "([{/\u2014\u2013-"  # what may stand right before an opening mark
_CLOSE_AFTER = ".,;:!?)]}\u2014\u2013-\u2026/"  # what may stand right after a closing mark
_SINGLE_REACH = 400  # a single-quoted span longer than this is not believed


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A quotation in the text: ``start``/``end`` include the marks, ``inner_*`` do not.

    When the text begins inside a quotation (an excerpt that cuts its opening
    mark) or ends before its closing mark, the span runs to the text's edge.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int

    def holds(self, a: int, b: int) -> bool:
        return self.inner_start <= a and b <= self.inner_end

    def overlaps(self, a: int, b: int) -> bool:
        return a < self.end and self.start < b


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """The quotations in ``text``, in order, not overlapping."""
    doubles = _double_spans(text)
    spans = list(doubles)
    gaps = _gaps(text, doubles)
    for a, b in gaps:
        spans.extend(_single_spans(text, a, b))
    spans.sort(key=lambda s: s.start)
    return spans


def _opening_context(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in _OPEN_BEFORE or prev in _DOUBLES) and not nxt.isspace()


def _closing_context(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER or nxt in _DOUBLES)


def _is_closer(text: str, i: int) -> bool:
    c = text[i]
    if c in _DOUBLE_CLOSE:
        return not _opening_context(text, i)
    if c in _DOUBLE_ANY:
        return _closing_context(text, i) and not _opening_context(text, i)
    return False


_PARA = re.compile(r"\n[ \t\r\f\v]*\n")


def _double_spans(text: str) -> list[QuotedSpan]:
    """Double marks pair up within a paragraph: one opens, the next closes.

    There are no nested double quotes in English, so while a quotation is open
    any double mark closes it, whatever its glyph (sources misuse “ for ”). A
    first mark that can only close means the text starts inside a quotation.
    A quotation left open ends with its paragraph (the convention for quotes
    running over paragraphs), or at a line break unless the next mark closes it
    (hard-wrapped text).
    """
    spans: list[QuotedSpan] = []
    marks = [i for i, c in enumerate(text) if c in _DOUBLES]
    para_ends = [m.start() for m in _PARA.finditer(text)] + [len(text)]
    opened: int | None = None
    first = True
    for n, i in enumerate(marks):
        if opened is not None:
            cut = _open_until(text, opened, i, marks[n:], para_ends)
            if cut is not None:  # the open quotation ended before this mark
                spans.append(_span(text, opened, cut, closed=False))
                opened = None
        if opened is None:
            if first and _is_closer(text, i):
                if text[:i].strip():
                    spans.append(_span(text, -1, i, closed=True))
            else:
                opened = i
        else:
            if i > opened + 1:
                spans.append(_span(text, opened, i, closed=True))
            opened = None
        first = False
    if opened is not None:
        cut = _open_until(text, opened, len(text), [], para_ends)
        spans.append(_span(text, opened, cut if cut is not None else len(text), closed=False))
    return spans


def _open_until(text: str, opened: int, upto: int, later: list[int], para_ends: list[int]) -> int | None:
    """Where a quotation opened at ``opened`` ends if not at ``upto``: a paragraph end
    or a line break not followed by a closing mark; None when it runs on."""
    for p in para_ends:
        if opened < p < upto:
            return p
    nl = text.find("\n", opened, upto)
    if nl < 0:
        return None
    nxt = later[0] if later else None
    if nxt is not None and _is_closer(text, nxt):
        return None
    return nl


def _span(text: str, opened: int, close: int, closed: bool) -> QuotedSpan:
    start = opened if opened >= 0 else 0
    inner_start = opened + 1 if opened >= 0 else 0
    if closed:
        return QuotedSpan(start, close + 1, inner_start, close)
    end = close
    while end > inner_start and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(start, end, inner_start, end)


def _gaps(text: str, spans: list[QuotedSpan]) -> list[tuple[int, int]]:
    gaps, pos = [], 0
    for s in spans:
        gaps.append((pos, s.start))
        pos = s.end
    gaps.append((pos, len(text)))
    return [(a, b) for a, b in gaps if b > a]


def _single_spans(text: str, a: int, b: int) -> list[QuotedSpan]:
    """Single-quoted spans (‘capitulation’) between ``a`` and ``b``, telling
    quote marks from apostrophes (Russia’s, don’t, ’90s, a stray ‘s)."""
    openers, closers = [], []
    for i in range(a, b):
        c = text[i]
        if c not in _SINGLE_OPEN and c not in _SINGLE_CLOSE and c not in _SINGLE_ANY:
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe inside a word
        if (c in _SINGLE_OPEN or c in _SINGLE_ANY) and _opening_context(text, i) and nxt.isalnum():
            rest = text[i + 1:i + 4]
            if re.match(r"s\b", rest) or re.match(r"\d\ds", rest):
                continue  # a detached possessive ('s) or a decade ('90s)
            openers.append(i)
        elif (c in _SINGLE_CLOSE or c in _SINGLE_ANY) and _closing_context(text, i):
            closers.append(i)
    spans: list[QuotedSpan] = []
    reach = a
    for n, o in enumerate(openers):
        if o < reach:
            continue
        limit = min(openers[n + 1] if n + 1 < len(openers) else b, o + _SINGLE_REACH)
        para = _PARA.search(text, o, limit)
        if para is not None:
            limit = para.start()
        cands = [c for c in closers if o + 1 < c < limit]
        if not cands:
            continue
        # A plural possessive (countries’) closes only when nothing else can.
        plain = [c for c in cands if text[c - 1] not in "sS"]
        close = plain[0] if plain else cands[0]
        spans.append(QuotedSpan(o, close + 1, o + 1, close))
        reach = close + 1
    return spans


# ---------------------------------------------------------------- finding the quote

_ELLIPSIS = re.compile(r"\.\.\.+|\[\s*\.\.\.\s*\]")
_EDGE = " ,.;:[]"


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """One place the quote's parts are, in order: offsets in the original text."""

    parts: tuple[tuple[int, int], ...]
    spans: tuple[QuotedSpan | None, ...]  # the quotation holding each part (None: text has none)


@dataclass(frozen=True, slots=True)
class QuoteMiss:
    reason: str  # "empty" | "outside-quotes" | "straddles" | "order" | "absent"
    message: str
    part: str = ""  # the folded part that is missing, for "absent"
    closest: str = ""  # the most similar quoted words (folded), for a word diff


def quote_parts(quote_text: str) -> list[str]:
    """The fact's quote folded and split at elisions, surrounding marks and edge punctuation dropped."""
    folded = fold_text(quote_text).strip().strip("'\" ").strip()
    parts = []
    for piece in _ELLIPSIS.split(folded):
        piece = piece.strip(_EDGE + "'\"").strip(_EDGE)
        if piece:
            parts.append(_unify_marks(piece))
    return parts


def _unify_marks(s: str) -> str:
    # A quotation within a quotation may be typed with either mark.
    return s.replace('"', "'")


def find_quote(quote_text: str, text: str, *, folded: Folded | None = None,
               spans: list[QuotedSpan] | None = None) -> list[QuoteMatch] | QuoteMiss:
    """Every place ``text`` holds the quote's parts in order (first part's
    occurrences each start one match), or why it does not."""
    parts = quote_parts(quote_text)
    if not parts:
        return QuoteMiss("empty", "the quote is empty once quote marks and elisions are dropped")
    folded = folded if folded is not None else fold(text)
    spans = spans if spans is not None else find_quoted_spans(text)
    hay = _unify_marks(folded.text)
    occurrences: list[list[tuple[int, int, QuotedSpan | None]]] = []
    loose: list[list[tuple[int, int]]] = []
    for part in parts:
        here, anywhere = [], []
        for i in _word_occurrences(hay, part):
            a, b = folded.span_in_original(i, i + len(part))
            anywhere.append((a, b))
            if not spans:
                here.append((a, b, None))
                continue
            holder = next((s for s in spans if s.holds(a, b)), None)
            if holder is not None:
                here.append((a, b, holder))
        occurrences.append(here)
        loose.append(anywhere)
    matches = _chains(occurrences)
    if matches:
        return matches
    return QuoteMiss(*_explain(parts, occurrences, loose, folded, spans))


def _word_occurrences(hay: str, needle: str) -> list[int]:
    found = []
    i = hay.find(needle)
    while i >= 0:
        j = i + len(needle)
        left_ok = not needle[0].isalnum() or i == 0 or not hay[i - 1].isalnum()
        right_ok = not needle[-1].isalnum() or j >= len(hay) or not hay[j].isalnum()
        if left_ok and right_ok:
            found.append(i)
        i = hay.find(needle, i + 1)
    return found


def _chains(occurrences: list[list[tuple[int, int, QuotedSpan | None]]]) -> list[QuoteMatch]:
    matches = []
    for first in occurrences[0][:50]:
        chain = [first]
        for later in occurrences[1:]:
            nxt = next((o for o in later if o[0] >= chain[-1][1]), None)
            if nxt is None:
                break
            chain.append(nxt)
        if len(chain) == len(occurrences):
            matches.append(QuoteMatch(tuple((a, b) for a, b, _ in chain), tuple(s for _, _, s in chain)))
    return matches


def _explain(parts: list[str], occurrences: list, loose: list, folded: Folded,
             spans: list[QuotedSpan]) -> tuple[str, ...]:
    text = folded.original
    for part, inside, anywhere in zip(parts, occurrences, loose):
        if inside:
            continue
        shown = _clip(part, 80)
        if anywhere:
            a, b = anywhere[0]
            if any(s.overlaps(a, b) for s in spans):
                return ("straddles", f"the words \"{shown}\" run past the quotation marks in the excerpt "
                        "(the words outside them are the reporter's): quote only the words inside the marks")
            return ("outside-quotes", f"the words \"{shown}\" are in the excerpt but not inside quotation "
                    "marks: a paraphrase is not a quotation")
        if spans and _word_occurrences(_unify_marks(fold_text(_without_marks(text, spans))), part):
            return ("straddles", f"the words \"{shown}\" run past the quotation marks in the excerpt "
                    "(the words outside them are the reporter's): quote only the words inside the marks")
        closest = _closest(part, folded, spans)
        where = "quoted words" if spans else "passage"
        hint = f"; closest {where} ({closest[0]:.0f}% similar): \"{_clip(closest[1])}\"" if closest else ""
        return ("absent", f"\"{shown}\" is not in the excerpt{hint}", part, closest[1] if closest else "")
    return ("order", "every part of the quote is in the excerpt, but not in the order the quote gives them "
            "(parts split at `...` must appear in order)")


def _without_marks(text: str, spans: list[QuotedSpan]) -> str:
    marks = {i for s in spans for i in range(s.start, s.inner_start)} | {
        i for s in spans for i in range(s.inner_end, s.end)}
    return "".join(c for i, c in enumerate(text) if i not in marks)


def _closest(part: str, folded: Folded, spans: list[QuotedSpan]) -> tuple[float, str] | None:
    """The quoted words (or passage, without quotation marks) most like ``part``: diagnostics only."""
    text = folded.original
    regions = [(s.inner_start, s.inner_end) for s in spans] or [(0, len(text))]
    best: tuple[float, str] | None = None
    for a, b in regions:
        region = _unify_marks(fold_text(text[a:b]))
        align = fuzz.partial_ratio_alignment(part, region, score_cutoff=40)
        if align is None:
            continue
        lo = region.rfind(" ", 0, align.dest_start) + 1
        hi = region.find(" ", align.dest_end)
        passage = region[lo:hi if hi >= 0 else len(region)].strip()
        score = fuzz.ratio(part, passage)
        if best is None or score > best[0]:
            best = (score, passage)
    return best


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- reading the text

_REPORTING = frozenset("""
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
_AUX = frozenset("has have had was were is are been be being would will shall should could can may might "
                 "must did does do".split())
_BE = frozenset("was were is are been be being".split())
_NEG = frozenset("not never n't didn't doesn't don't hasn't haven't hadn't wasn't weren't isn't won't "
                 "wouldn't cannot can't".split())
_ADVERBS = frozenset("also then later earlier again once long nonetheless nevertheless still already just "
                     "first now further even too previously repeatedly reportedly recently separately "
                     "publicly privately today yesterday tonight tomorrow however meanwhile".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_PREPOSITIONS = frozenset("of with to for by on in at from about against between among after before during "
                          "toward towards into onto over under without like than via per including upon "
                          "near behind beside besides".split())
_CLAUSE_WORDS = frozenset("that which who whom whose and but or nor as if when while because although though "
                          "since than where whether so".split())
_SUBJECT_PRONOUNS = frozenset("he she".split())
_OTHER_PRONOUNS = frozenset("it they we i you him her them us me".split())
_ABBREVIATIONS = frozenset("mr mrs ms dr st gen sen rep gov lt col sgt capt jr sr prof rev hon no vs inc corp "
                           "co ltd jan feb aug sept oct nov dec fig approx dept est".split())
_PRONOUN_REACH = 3  # sentences between a name and the he/she that stands for it
_TITLES = frozenset("""
president premier minister prime chancellor secretary secretary-general mr mrs ms dr lord lady sir dame baroness
baron general gen chairman chair chairwoman leader senator sen governor gov king queen prince princess pope chief
spokesman spokeswoman spokesperson ambassador envoy commissioner mayor judge justice deputy vice foreign defence
defense home finance labour tory conservative democrat republican mp mep rep speaker commander colonel captain
admiral director head ceo editor professor prof reverend rev archbishop bishop cardinal sheikh emir ayatollah lt col
sgt capt state counterpart
""".split())
_STARTERS = frozenset("""
the a an in on at but and or so when while after before as if then meanwhile however also yet it he she they we
this that these those there here speaking writing according for with from by to of since despite although though
earlier later last next asked his her their its our my i mr mrs ms
""".split()) - {"mr", "mrs", "ms"}
_INSTITUTION_WORDS = frozenset("""
house office council union nations party parliament ministry department agency court security assembly government
committee bank fund organization organisation news media television times post street hall palace university church
group trust charter kingdom states republic federation forces army navy corporation company commission service
airlines association institute centre center foundation bureau police league club board authority summit
conference programme program today monday tuesday wednesday thursday friday saturday sunday january february march
april june july august september october november december christmas easter airbus european eu un us uk nato
""".split())
_NATIONALITY = re.compile(r"[^\W\d_]+(?:ian|ean|ese|ish|can|ch|ic|i|an)$")


def _is_title_like(word: str) -> bool:
    return word in _TITLES or word in _STARTERS or _NATIONALITY.match(word) is not None


_TOKEN = re.compile(r"(?P<para>\n[ \t\r\f\v]*\n\s*)|(?P<brk>\n)|(?P<word>[^\W_]+(?:['\u2019\-.][^\W_]+)*)"
                    r"|(?P<punct>\S)")


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "word" | "punct" | "quote" | "name" | "break"
    start: int
    end: int
    low: str = ""
    ids: frozenset[str] = frozenset()
    possessive: bool = False
    upper: bool = False
    quote: int = -1  # index of the quoted span, for kind == "quote"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the text says spoke a quotation.

    ``speaker_ids`` is empty when the text does not say (or this module cannot
    tell); ``reason`` then says why. ``span`` is where the text names the speaker
    (for a pronoun: the pronoun; its antecedent is in ``antecedent``).
    """

    speaker_ids: frozenset[str] = frozenset()
    span: tuple[int, int] | None = None
    evidence: str = ""  # the reporting words, e.g. "Yermak said"
    reason: str = ""
    antecedent: tuple[int, int] | None = None
    negated: bool = False  # "X never said …": the text denies X said it
    ambiguous: bool = False  # a name or alias shared by several people

    @property
    def resolved(self) -> bool:
        return bool(self.speaker_ids) and not self.ambiguous and not self.negated

    def highlight_spans(self) -> list[tuple[int, int]]:
        return [s for s in (self.span, self.antecedent) if s is not None]


_NO_VERB = "no reporting verb (said, told, according to, …) next to the quote names who spoke"


@dataclass
class _Subject:
    kind: str  # "name" | "pronoun" (he, she) | "other-pronoun" (it, they, …) | "unknown" | "none"
    tok: _Tok | None = None
    ids: frozenset[str] = frozenset()
    words: str = ""
    negated: bool = False
    joint: bool = False
    extra: list[_Tok] = field(default_factory=list)


class QuoteReader:
    """One text read once: its quotations, the names in it, its sentences."""

    def __init__(self, text: str, people: PeopleIndex, *, extra_span: tuple[int, int] | None = None):
        self.text = text
        self.people = people
        self.folded = fold(text)
        self.spans = find_quoted_spans(text)
        if extra_span is not None and not any(s.start == extra_span[0] and s.end == extra_span[1]
                                              for s in self.spans):
            a, b = extra_span
            self.spans = sorted([s for s in self.spans if not s.overlaps(a, b)]
                                + [QuotedSpan(a, b, a, b)], key=lambda s: s.start)
        self.tokens = self._tokenize()
        self.sentence = self._sentences()
        self._memo: dict[int, Attribution | None] = {}

    # -- tokens

    def _tokenize(self) -> list[_Tok]:
        text = self.text
        regions: list[_Tok] = []
        for n, s in enumerate(self.spans):
            regions.append(_Tok("quote", s.start, s.end, quote=n))
        for m in self.people.mentions(self.folded.text):
            a, b = self.folded.span_in_original(m.start, m.end)
            if any(s.overlaps(a, b) for s in self.spans):
                continue
            poss = re.match(r"['\u2019](?:s\b|(?![^\W_]))", text[b:b + 3]) is not None
            regions.append(_Tok("name", a, b, low=m.name, ids=m.ids, possessive=poss, upper=text[a].isupper()))
        regions.sort(key=lambda t: (t.start, t.kind != "quote"))
        tokens: list[_Tok] = []
        pos = 0
        for r in regions:
            if r.start < pos:
                continue
            tokens.extend(self._plain(pos, r.start))
            tokens.append(r)
            pos = r.end
            if r.kind == "name" and r.possessive:
                skip = re.match(r"['\u2019]s?", text[pos:pos + 2])
                pos += skip.end() if skip else 0
        tokens.extend(self._plain(pos, len(text)))
        return [self._someone_else(tokens, i) for i in range(len(tokens))]

    def _someone_else(self, tokens: list[_Tok], i: int) -> _Tok:
        """"Helena Kennedy" is not Charles Kennedy: a one-word name after a capitalised
        word that is no title or sentence opener names someone else."""
        t = tokens[i]
        if t.kind != "name" or " " in t.low or i == 0:
            return t
        prev = tokens[i - 1]
        if prev.kind != "word" or not prev.upper or prev.end != t.start - 1 or _is_title_like(prev.low):
            return t
        return _Tok("word", t.start, t.end, low=fold_text(self.text[t.start:t.end]), upper=t.upper)

    def _unknown_people(self, lo: int, hi: int) -> list[str]:
        """Names of people the index does not know, among tokens ``lo``..``hi``: runs of
        capitalised words ("Klaus Ioannis", "Baroness Boothroyd") that are no institution."""
        found, run = [], []
        for t in self.tokens[lo:hi] + [_Tok("punct", 0, 0)]:
            if t.kind == "word" and t.upper and t.low not in _STARTERS:
                run.append(t)
                continue
            if len(run) >= 2 and not any(u.low in _INSTITUTION_WORDS for u in run):
                found.append(" ".join(self.text[run[0].start:run[-1].end].split()))
            run = []
        return found

    def _plain(self, a: int, b: int) -> Iterable[_Tok]:
        for m in _TOKEN.finditer(self.text, a, b):
            kind = m.lastgroup
            s, e = m.span()
            if kind in ("para", "brk"):
                yield _Tok("break", s, e, low="para" if kind == "para" else "line")
            elif kind == "word":
                yield _Tok("word", s, e, low=fold_text(m.group()), upper=m.group()[0].isupper())
            else:
                yield _Tok("punct", s, e, low=fold_text(m.group()))

    # -- sentences and paragraphs

    def _sentences(self) -> list[int]:
        """Sentence number of every token; a break token starts a new one."""
        out: list[int] = []
        n = 0
        toks = self.tokens
        for i, t in enumerate(toks):
            out.append(n)
            if self._ends_sentence(i):
                n += 1
        return out

    def _ends_sentence(self, i: int) -> bool:
        toks = self.tokens
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.kind == "break":
            return t.low == "para" or nxt is None or not (nxt.kind == "word" and not nxt.upper)
        if nxt is not None and nxt.kind == "break":
            return False  # the break itself ends it
        if t.kind == "punct" and t.low in (".", "!", "?", "..."):
            if nxt is None:
                return True
            prev = toks[i - 1] if i > 0 else None
            if prev is not None and prev.kind == "word" and t.low == "." and (
                    prev.low in _ABBREVIATIONS or "." in prev.low or (len(prev.low) == 1 and prev.upper)):
                return False
            return nxt.kind == "quote" or nxt.upper or (nxt.kind == "word" and nxt.low[:1].isdigit())
        if t.kind == "quote":
            inner = self.text[self.spans[t.quote].inner_start:self.spans[t.quote].inner_end].rstrip()
            if inner[-1:] in (".", "!", "?", "\u2026") and nxt is not None:
                return nxt.kind == "quote" or (nxt.kind in ("word", "name") and nxt.upper)
        return False

    def _sentence_range(self, k: int) -> tuple[int, int]:
        n = self.sentence[k]
        lo = k
        while lo > 0 and self.sentence[lo - 1] == n:
            lo -= 1
        hi = k
        while hi + 1 < len(self.tokens) and self.sentence[hi + 1] == n:
            hi += 1
        return lo, hi + 1

    # -- attribution

    def quote_token(self, span: QuotedSpan) -> int:
        return next(i for i, t in enumerate(self.tokens) if t.kind == "quote" and self.spans[t.quote] == span)

    def attribute_span(self, span: QuotedSpan) -> Attribution:
        k = self.quote_token(span)
        att = self._attribute(k)
        return att if att is not None else Attribution(reason=_NO_VERB)

    def _attribute(self, k: int) -> Attribution | None:
        if k in self._memo:
            return self._memo[k]
        self._memo[k] = None  # guards the continuation chain
        att = self._own(k)
        if att is None:
            att = self._continued(k)
        self._memo[k] = att
        return att

    def _own(self, k: int) -> Attribution | None:
        lo, hi = self._sentence_range(k)
        toks = self.tokens
        left = [i for i in range(lo, k) if toks[i].kind != "break"]
        right = []
        for i in range(k + 1, hi):
            if toks[i].kind == "quote":
                break
            if toks[i].kind != "break":
                right.append(i)
        before = toks[left[-1]] if left else None
        embedded = before is not None and not (before.kind == "punct" and before.low in (",", ";", "-", "(", "["))
        sides = (self._from_left, self._from_right) if embedded else (self._from_right, self._from_left)
        for side in sides:
            found = side(left if side == self._from_left else right, k)
            if found is not None:
                return found
        return None

    def _continued(self, k: int) -> Attribution | None:
        """A quotation that opens its sentence with no reporting words of its own
        continues the speaker of the sentence before, in the same paragraph:
        ``"…," Yermak said. "…"``, ``X said, according to Y. "…"``, or
        ``X reiterated his call … . "…"``."""
        lo, _ = self._sentence_range(k)
        toks = self.tokens
        if lo == 0 or any(toks[i].kind != "punct" for i in range(lo, k)):
            return None
        if toks[lo - 1].kind == "break":
            return None  # a new paragraph may bring a new speaker
        plo, _ = self._sentence_range(lo - 1)
        quotes = [i for i in range(plo, lo) if toks[i].kind == "quote"]
        if quotes:
            return self._attribute(quotes[-1])
        return self._first_clause([i for i in range(plo, lo) if toks[i].kind != "break"])

    def _first_clause(self, idx: list[int]) -> Attribution | None:
        toks = self.tokens
        for n, i in enumerate(idx):
            t = toks[i]
            if t.kind == "word" and self._is_reporting(idx, n):
                subj = self._subject_before(idx, n)
                if subj.kind == "none":
                    return None
                subj, n = self._descend(idx, n, subj)
                return self._conclude(subj, idx[n])
        return None

    # left: "X said “…”", "X told Y that “…”", "with X calling him his “…”"
    def _from_left(self, idx: list[int], k: int) -> Attribution | None:
        toks = self.tokens
        if len(idx) >= 2 and toks[idx[-1]].low == ":" and toks[idx[-2]].kind == "name":
            name = toks[idx[-2]]
            if not name.possessive:
                return self._conclude(_Subject("name", name, name.ids), idx[-2])
        for n in range(len(idx) - 1, -1, -1):
            if self._is_reporting(idx, n):
                if toks[idx[n]].low == "according":
                    subj = self._subject_after(idx, n + 2)
                else:
                    subj = self._subject_before(idx, n)
                    if subj.kind == "unknown" and self._passive(idx, n):
                        subj = self._agent(idx, n) or subj
                if subj.kind == "none":
                    return Attribution(reason=f"cannot tell who '{toks[idx[n]].low}' has as its subject")
                return self._conclude(subj, idx[n])
        return None

    # right: "“…,” X said", "“…,” said X", "“…,” the government said Xi told Y", "“…,” according to X"
    def _from_right(self, idx: list[int], k: int) -> Attribution | None:
        toks = self.tokens
        n = 0
        while n < len(idx) and toks[idx[n]].kind == "punct":
            n += 1
        idx = idx[n:]
        if not idx:
            return None
        first = toks[idx[0]]
        if first.kind == "word" and first.low == "according" and len(idx) > 1 and toks[idx[1]].low == "to":
            return self._conclude(self._subject_after(idx, 2), idx[0])
        if first.kind == "word" and self._is_reporting(idx, 0) and not first.low.endswith("ing"):
            subj = self._subject_after(idx, 1)
            return self._conclude(subj, idx[0])
        for n, i in enumerate(idx[:14]):
            t = toks[i]
            if t.kind == "punct" and t.low in (".", ";", "!", "?", ":"):
                return None
            if t.kind == "word" and self._is_reporting(idx, n) and t.low != "according":
                subj = self._subject_before(idx, n)
                if subj.kind == "none":
                    return None
                subj, n = self._descend(idx, n, subj)
                return self._conclude(subj, idx[n])
        return None

    def _descend(self, idx: list[int], n: int, subj: _Subject) -> tuple[_Subject, int]:
        """``the government said Xi told Zelenskyy``: the innermost reporter spoke."""
        toks = self.tokens
        while True:
            m = n + 1
            while m < len(idx) and toks[idx[m]].kind in ("word", "name") and m - n <= 8:
                if self._is_reporting(idx, m) and toks[idx[m]].low != "according":
                    break
                m += 1
            else:
                return subj, n
            if m >= len(idx) or m == n + 1:
                return subj, n
            inner = self._subject_before(idx, m, floor=n + 1)
            if inner.kind not in ("name", "pronoun"):
                return subj, n
            subj, n = inner, m

    def _is_reporting(self, idx: list[int], n: int) -> bool:
        t = self.tokens[idx[n]]
        if t.kind != "word":
            return False
        if t.low == "according":
            return n + 1 < len(idx) and self.tokens[idx[n + 1]].low == "to"
        if t.low not in _REPORTING:
            return False
        prev = self.tokens[idx[n - 1]] if n > 0 else None
        # "his call", "the report": determiners before a noun form
        return not (prev is not None and prev.low in ("a", "an", "the", "his", "her", "its", "their", "my", "our"))

    def _skip_fillers(self, idx: list[int], j: int, floor: int) -> tuple[int, bool, bool]:
        toks = self.tokens
        negated = passive = False
        while j >= floor:
            t = toks[idx[j]]
            if t.kind != "word":
                break
            w = t.low
            if w in _NEG:
                negated = True
            elif w in _BE:
                passive = True
            elif w in _AUX or w in _ADVERBS or w in _WEEKDAYS or (w.endswith("ly") and not t.upper and len(w) > 3):
                pass
            elif w in ("week", "month", "year") and j - 1 >= floor and toks[idx[j - 1]].low in ("last", "this"):
                j -= 1
            else:
                break
            if w in _WEEKDAYS and j - 1 >= floor and toks[idx[j - 1]].low == "on":
                j -= 1
            j -= 1
        return j, negated, passive

    def _passive(self, idx: list[int], n: int) -> bool:
        if self.tokens[idx[n]].low.endswith("ing"):
            return False
        _, _, passive = self._skip_fillers(idx, n - 1, 0)
        return passive

    def _agent(self, idx: list[int], n: int) -> _Subject | None:
        toks = self.tokens
        for m in range(n + 1, len(idx) - 1):
            if toks[idx[m]].low == "by" and toks[idx[m + 1]].kind == "name" and not toks[idx[m + 1]].possessive:
                t = toks[idx[m + 1]]
                return _Subject("name", t, t.ids)
        return None

    def _subject_before(self, idx: list[int], n: int, floor: int = 0) -> _Subject:
        toks = self.tokens
        verb = toks[idx[n]]
        j, negated, passive = self._skip_fillers(idx, n - 1, floor)
        if j < floor:
            return _Subject("none", negated=negated)
        t = toks[idx[j]]
        subj: _Subject
        if verb.low == "saying" or verb.low == "telling":
            if t.low == "as" and j - 1 >= floor:
                # "reported Xi as saying", "was quoted as saying"
                o = toks[idx[j - 1]]
                if o.kind == "name" and not o.possessive:
                    return self._named(idx, j - 1, floor, negated)
                if o.kind == "word" and o.low in _REPORTING:
                    return self._subject_before(idx, j - 1, floor)
                if o.kind == "word" and o.low in ("him", "her"):
                    return _Subject("pronoun", o, negated=negated)
                return _Subject("unknown", words=self._np_before(idx, j - 1, floor), negated=negated)
        if t.kind == "name" and not t.possessive and not passive:
            return self._named(idx, j, floor, negated)
        if t.kind == "word" and t.low in _SUBJECT_PRONOUNS:
            return _Subject("pronoun", t, negated=negated)
        if t.kind == "word" and t.low in _OTHER_PRONOUNS:
            return _Subject("other-pronoun", t, negated=negated)
        if t.kind == "word" and t.low in ("who", "that", "which"):
            a = j - 1
            if a >= floor and toks[idx[a]].kind == "punct" and toks[idx[a]].low == ",":
                a -= 1
            if a >= floor and toks[idx[a]].kind == "name" and not toks[idx[a]].possessive:
                return self._named(idx, a, floor, negated)
            return _Subject("unknown", words=self._np_before(idx, a, floor) if a >= floor else t.low,
                            negated=negated)
        if t.kind == "word" and t.low in ("and", "but", "or"):
            # "X said …, but said …": the subject is the first reporter's.
            for m in range(floor, j):
                if self._is_reporting(idx, m) and toks[idx[m]].low != "according":
                    first = self._subject_before(idx, m, floor)
                    first.negated = first.negated or negated
                    return first
            return _Subject("none", negated=negated)
        if verb.low.endswith("ing") and (t.kind == "punct" or t.low in ("while", "when", "after", "before", "by")):
            return self._dangling(idx, j, floor, negated)
        if t.kind == "punct" and t.low == ",":
            return self._appositive(idx, j, floor, negated)
        if t.kind == "punct" or t.kind == "quote" or t.low in _REPORTING or t.low in _CLAUSE_WORDS \
                or t.low in _PREPOSITIONS:
            return _Subject("none", negated=negated)
        return _Subject("unknown", words=self._np_before(idx, j, floor), negated=negated)

    def _named(self, idx: list[int], j: int, floor: int, negated: bool) -> _Subject:
        """A name as subject; ``A and B said`` (``A, B and C said``) makes a joint statement."""
        toks = self.tokens
        t = toks[idx[j]]
        subj = _Subject("name", t, t.ids, negated=negated)
        a, links = j - 1, ("and",)
        while a - 1 >= floor and toks[idx[a]].low in links and toks[idx[a - 1]].kind == "name" \
                and not toks[idx[a - 1]].possessive \
                and not (a - 2 >= floor and toks[idx[a - 2]].low in _PREPOSITIONS):
            other = toks[idx[a - 1]]
            subj.ids = subj.ids | other.ids
            subj.joint = True
            subj.extra.append(other)
            a, links = a - 2, ("and", ",")
        return subj

    def _appositive(self, idx: list[int], j: int, floor: int, negated: bool) -> _Subject:
        """``John Kirby, a spokesman, said``: the nearest comma-bounded part ending in a name."""
        toks = self.tokens
        end = j  # the comma before the verb
        for _ in range(3):
            start = end - 1
            while start >= floor and not (toks[idx[start]].kind == "punct"):
                start -= 1
            seg = list(range(start + 1, end))
            if seg:
                last = toks[idx[seg[-1]]]
                if last.kind == "name" and not last.possessive:
                    return self._named(idx, seg[-1], floor, negated)
            if start < floor or toks[idx[start]].low != ",":
                break
            end = start
        return _Subject("unknown", words=self._np_before(idx, j - 1, floor) if j - 1 >= floor else "",
                        negated=negated)

    def _dangling(self, idx: list[int], j: int, floor: int, negated: bool) -> _Subject:
        """``X took a hard line — saying …``: the one person (or he/she) the clause has as a subject."""
        toks = self.tokens
        cands = self._subject_names(idx[floor:j + 1])
        pronouns = [toks[i] for i in idx[floor:j + 1] if toks[i].kind == "word" and toks[i].low in _SUBJECT_PRONOUNS]
        ids = {c.ids for c in cands}
        if len(ids) == 1 and not pronouns:
            return _Subject("name", cands[0], cands[0].ids, negated=negated)
        if not cands and len(pronouns) == 1:
            return _Subject("pronoun", pronouns[0], negated=negated)
        return _Subject("unknown", words="", negated=negated)

    def _subject_names(self, positions: list[int]) -> list[_Tok]:
        """Names not owned ("Xi's") and not governed by a preposition ("with Xi")."""
        toks = self.tokens
        out = []
        for n, i in enumerate(positions):
            t = toks[i]
            if t.kind != "name" or t.possessive:
                continue
            prev = toks[positions[n - 1]] if n > 0 else None
            if prev is not None and prev.kind == "word" and prev.low in _PREPOSITIONS:
                continue
            out.append(t)
        return out

    def _subject_after(self, idx: list[int], n: int) -> _Subject:
        toks = self.tokens
        if n >= len(idx):
            return _Subject("none")
        t = toks[idx[n]]
        if t.kind == "name" and not t.possessive:
            return _Subject("name", t, t.ids)
        if t.kind == "word" and t.low in _SUBJECT_PRONOUNS:
            return _Subject("pronoun", t)
        words = []
        for i in idx[n:n + 6]:
            u = toks[i]
            if u.kind == "punct" or u.kind == "quote" or (u.kind == "word" and words and (
                    u.low in _PREPOSITIONS or u.low in _CLAUSE_WORDS)):
                break
            words.append(u)
        if not words:
            return _Subject("none")
        return _Subject("unknown", words=self._words(words[0], words[-1]))

    def _np_before(self, idx: list[int], j: int, floor: int) -> str:
        toks = self.tokens
        first = j
        while first - 1 >= floor and j - first < 6:
            u = toks[idx[first - 1]]
            if u.kind not in ("word", "name") or u.low in _CLAUSE_WORDS or u.low in _PREPOSITIONS \
                    or u.low in _REPORTING:
                break
            first -= 1
        return " ".join(self.text[toks[idx[first]].start:toks[idx[j]].end].split())

    def _conclude(self, subj: _Subject, verb_i: int) -> Attribution:
        toks = self.tokens
        verb = toks[verb_i]
        verb_words = self.text[verb.start:verb.end]
        if verb.low == "according":
            verb_words = "according to"
        if subj.kind == "name" and subj.tok is not None:
            name = self._words(subj.tok, subj.tok)
            evidence = self._evidence(subj.tok, verb, name, verb_words)
            ambiguous = len(subj.ids) > 1 and not subj.joint
            reason = ""
            if ambiguous:
                reason = (f"'{name}' names {', '.join(sorted(subj.ids))} (a shared name or alias in "
                          "facts/people.yml)")
            if subj.negated:
                reason = f"the text denies it: '{self._clause(subj.tok, verb)}'"
            return Attribution(subj.ids, (subj.tok.start, subj.tok.end), evidence, reason,
                               negated=subj.negated, ambiguous=ambiguous)
        if subj.kind == "pronoun" and subj.tok is not None:
            return self._resolve_pronoun(subj, verb, verb_words)
        if subj.kind == "other-pronoun" and subj.tok is not None:
            word = self.text[subj.tok.start:subj.tok.end]
            return Attribution(evidence=f"{word} {verb_words}",
                               reason=f"'{word} {verb_words}' does not say who '{word}' is")
        if subj.kind == "unknown" and subj.words:
            who = subj.words
            return Attribution(evidence=f"{who} {verb_words}",
                               reason=(f"the text attributes it to '{who}' ('{verb_words}'), which is not a "
                                       "name or alias in facts/people.yml"))
        return Attribution(reason=f"cannot tell who is the subject of '{verb_words}'")

    def _evidence(self, who: _Tok, verb: _Tok, name: str, verb_words: str) -> str:
        """The reporting words as the text has them: "Xi told", "said Macron", "Xi … saying"."""
        lo, hi = min(who.start, verb.start), max(who.end, verb.end)
        if verb_words == "according to" or hi - lo > 60:
            return f"{name} … {verb_words}" if who.start < verb.start else f"{verb_words} {name}"
        return " ".join(self.text[lo:hi].split())

    def _clause(self, a: _Tok, b: _Tok) -> str:
        return self._words(min(a, b, key=lambda t: t.start), max(a, b, key=lambda t: t.end))

    def _words(self, first: _Tok, last: _Tok) -> str:
        """The text from ``first`` to ``last`` on one line: messages quote it, and a finding is one line."""
        return " ".join(self.text[first.start:last.end].split())

    def _resolve_pronoun(self, subj: _Subject, verb: _Tok, verb_words: str) -> Attribution:
        """``he``/``she`` is someone only when the excerpt names exactly one person
        as a subject before it (outside quotations)."""
        pron = subj.tok
        assert pron is not None
        # Names before the pronoun (and so before the quotation it reports).
        upto = min(pron.start, verb.start)
        positions = [i for i, t in enumerate(self.tokens) if t.end <= upto and t.kind != "break"]
        cands = self._subject_names(positions)
        ids = {c.ids for c in cands}
        word = self.text[pron.start:pron.end]
        evidence = self._evidence(pron, verb, word, verb_words)
        if len(ids) == 1 and len(next(iter(ids))) == 1:
            ante = cands[-1]
            a_i = next(i for i, t in enumerate(self.tokens) if t.start == ante.start)
            p_i = next(i for i, t in enumerate(self.tokens) if t.start == pron.start)
            name = self._words(ante, ante)
            # Anyone else named from the name's sentence on could be the one meant.
            others = self._unknown_people(self._sentence_range(a_i)[0], p_i)
            if others:
                return Attribution(evidence=evidence, reason=(
                    f"'{word}' could refer to {name} or to {others[-1]}, who is not in facts/people.yml"))
            if self.sentence[p_i] - self.sentence[a_i] > _PRONOUN_REACH:
                return Attribution(evidence=evidence, reason=(
                    f"'{word}' is too far from '{name}' (more than {_PRONOUN_REACH} sentences) to be sure"))
            return Attribution(ante.ids, (pron.start, pron.end), evidence,
                               negated=subj.negated,
                               reason=(f"the text denies it: '{self._clause(pron, verb)}'" if subj.negated else ""),
                               antecedent=(ante.start, ante.end))
        if not ids:
            why = f"'{word}' refers to no one the excerpt names before it"
        else:
            names = sorted({self.people.display(i) for c in ids for i in c})
            why = f"'{word}' could refer to any of {', '.join(names)}"
        return Attribution(evidence=evidence, reason=why)


# ---------------------------------------------------------------- public helpers


def attribute(text: str, quote_span: tuple[int, int], people: PeopleIndex) -> Attribution:
    """Who ``text`` says spoke the quotation at ``quote_span`` (offsets in ``text``,
    marks included; any span when the text has no quotation marks there)."""
    reader = QuoteReader(text, people, extra_span=quote_span)
    span = next((s for s in reader.spans if s.start <= quote_span[0] and quote_span[1] <= s.end), None)
    if span is None:
        return Attribution(reason=_NO_VERB)
    return reader.attribute_span(span)


@dataclass(frozen=True, slots=True)
class ScannedQuote:
    text: str  # the quoted words, as the source has them
    speaker: str | None  # person id when the text resolves one speaker
    start: int  # offsets of the quoted words in the scanned text
    end: int
    attribution: Attribution


def scan_quotes(text: str, people: PeopleIndex) -> list[ScannedQuote]:
    """Every quotation in ``text`` with the speaker the text gives it (for ``factsheet cite``)."""
    reader = QuoteReader(text, people)
    out = []
    for span in reader.spans:
        att = reader.attribute_span(span)
        speaker = next(iter(att.speaker_ids)) if att.resolved and len(att.speaker_ids) == 1 else None
        words = " ".join(text[span.inner_start:span.inner_end].split())
        out.append(ScannedQuote(words, speaker, span.inner_start, span.inner_end, att))
    return out
