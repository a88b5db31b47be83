"""`factsheet cite`: find words in a source and print the citation to paste, in the source's own characters.

Adding a fact is: run `cite`, paste, write the claim. The excerpt printed is
copied from the source text (its quotes, dashes and spelling), never from what
was typed; when the words occur more than once, the shortest prefix and/or
suffix that picks the chosen place is added. Every citation printed is checked
with the validator's own `locate` before it is shown.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.authoring import Refused, check_slug, yaml_quote, yaml_scalar
from generator.findings import did_you_mean
from generator.loading import Source, load_workspace
from generator.matchers.people import PeopleIndex
from generator.matchers.quotes import Attribution, ScannedQuote, quote_parts, scan_quotes
from generator.kinds import KINDS, suggest
from generator.matchers.scan import describe_values
from generator.model import Citation, Quote
from generator.normalize import fold_text
from generator.validation.attribution import SourceSpeakers
from generator.validation.checks.base import Context
from generator.validation.checks.quotes import check_quote
from generator.validation.locate import Located, line_of, locate, whole_token_starts

MAX_CONTEXT_WORDS = 12


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "cite", help="find words in a source and print a citation to paste",
        description="Find TEXT in the source (forgiving quotes, dashes, white space and case), print a "
                    "ready-to-paste YAML citation with the excerpt in the source's own characters, and "
                    "list the figures, amounts, dates and quotes it states. Exit 1 if TEXT is not found "
                    "(the closest passage is shown).")
    p.add_argument("source_id", metavar="SOURCE-ID")
    p.add_argument("text", metavar="TEXT", help="words copied from the source")
    p.add_argument("--occurrence", type=int, metavar="N",
                   help="which occurrence to cite when TEXT occurs more than once (1 = first)")
    p.add_argument("--fact", metavar="ID", help="print a whole fact with this id, not just the citation")
    p.add_argument("--root", type=Path, default=Path("."), help="the repository (default: .)")
    p.set_defaults(run=run)


@dataclass(frozen=True, slots=True)
class Found:
    citation: Citation
    start: int  # in the source's original text
    end: int
    line: int
    occurrence: int
    occurrences: int


def run(args: argparse.Namespace) -> int:
    check_slug(args.source_id, "source", "SOURCE-ID")
    if args.fact is not None:
        check_slug(args.fact, "fact", "--fact")
    ws = load_workspace(args.root)
    source = ws.sources.get(args.source_id)
    if source is None:
        broken = [f for f in ws.findings if f.path.startswith(f"content/sources/{args.source_id}.")]
        if broken:
            for f in broken:
                print(f.format_text(), file=sys.stderr)
            raise Refused(broken[0].rule, f"source '{args.source_id}' cannot be read: fix the file(s) above")
        raise Refused("unknown-source", f"source '{args.source_id}' does not exist in content/sources/"
                                        f"{did_you_mean(args.source_id, ws.sources)}")
    stale = [f for f in ws.findings if f.rule == "source-hash-mismatch" and f.path.startswith(
        f"content/sources/{args.source_id}.")]
    if stale:
        raise Refused("source-hash-mismatch",
                      f"content/sources/{args.source_id}.txt changed since its sha256 was recorded: if the change "
                      f"is deliberate, run `factsheet rehash {args.source_id}` first")
    found = cite(source, args.text, args.occurrence)
    sys.stdout.write(render(found, source, args.fact, PeopleIndex.from_mapping(ws.people)))
    return 0


def cite(source: Source, text: str, occurrence: int | None = None) -> Found:
    """The citation of ``text`` in ``source`` (``occurrence``: 1-based), or :class:`Refused`."""
    if not fold_text(text).strip():
        raise Refused("excerpt-not-found", "TEXT is empty")
    if len(text) > 20_000:
        raise Refused("schema-value", "TEXT is longer than 20,000 characters: cite a shorter passage")
    where = locate(Citation(source=source.id, excerpt=text), source.folded)
    if not isinstance(where, Located):
        raise Refused(where.rule, f"[{source.id}] {where.message}")
    folded = source.folded
    needle = fold_text(text).strip()
    starts = whole_token_starts(folded, needle)
    n = 1 if occurrence is None else occurrence
    if not 1 <= n <= len(starts):
        lines = ", ".join(str(line_of(source.text, folded.start_in_original(s))) for s in starts[:20])
        raise Refused("excerpt-ambiguous", f"--occurrence {n}: TEXT occurs {len(starts)} time(s) "
                                           f"(at line {lines}); choose 1 to {len(starts)}")
    start, end = folded.span_in_original(starts[n - 1], starts[n - 1] + len(needle))
    excerpt = " ".join(source.text[start:end].split())  # the source's characters; breaks become spaces
    citation = Citation(source=source.id, excerpt=excerpt)
    if len(starts) > 1:
        citation = _disambiguate(source, citation, start, end)
    return Found(citation, start, end, line_of(source.text, start), n, len(starts))


def _picks(source: Source, citation: Citation, start: int) -> bool:
    where = locate(citation, source.folded)
    return isinstance(where, Located) and where.occurrences == 1 and where.start == start


def _disambiguate(source: Source, citation: Citation, start: int, end: int) -> Citation:
    """The citation with the shortest prefix and/or suffix (whole words) that picks this occurrence."""
    before = source.text[max(0, start - 2000):start].split()
    after = source.text[end:end + 2000].split()
    candidates = []
    for i in range(min(len(before), MAX_CONTEXT_WORDS) + 1):
        for j in range(min(len(after), MAX_CONTEXT_WORDS) + 1):
            if i or j:
                prefix = " ".join(before[len(before) - i:]) if i else None
                suffix = " ".join(after[:j]) if j else None
                size = len(prefix or "") + len(suffix or "")
                candidates.append((size, (i > 0) + (j > 0), prefix, suffix))
    for _, _, prefix, suffix in sorted(candidates, key=lambda c: (c[0], c[1])):
        attempt = citation.model_copy(update={"prefix": prefix, "suffix": suffix})
        if _picks(source, attempt, start):
            return attempt
    return citation  # the same words around every occurrence: nothing in reach tells them apart


# --- What the span states: read by the validator's own grammars ---

UNRESOLVED = "speaker unresolved: extend the excerpt to the words that name the speaker"


@dataclass(frozen=True, slots=True)
class Seen:
    kind: str  # figure | money | date | quote
    text: str  # the words in the source
    value: str | None  # the fact's typed value they support, as YAML (`money: {value: 3.5 billion, currency: EUR}`)
    note: str = ""  # why there is no value: a date without a year, a quote whose speaker is not resolved
    said_by: str = ""  # for a quote: the words that name its speaker ("Xi told")

    @property
    def why(self) -> str:
        """What in the source gives the value: the words, or for a quote the words naming its speaker."""
        return self.said_by if self.said_by else f"\"{self.text}\""


def _flow(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, str):
        # Dates are always quoted, as FORMAT.md writes them ("2022-02" would read back, "2022" would not).
        return yaml_quote(value) if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value) else yaml_scalar(value, flow=True)
    return str(value)


def seen_values(text: str, default_year: int | None, people: PeopleIndex | None = None,
                around: tuple[str, int] | None = None, currency_symbols: Mapping[str, str] | None = None,
                numeric_dates: str | None = None) -> list[Seen]:
    """Figures, money, dates and quotes in ``text``, each with the typed value a fact would write.

    ``around``: the whole source text and where ``text`` starts in it, so that a quote's speaker
    is read around the words as the validator reads it (a clause after the excerpt's end counts)."""
    out: list[Seen] = []
    described = describe_values(text, default_year, currency_symbols, numeric_dates)
    for kind in KINDS.values():  # money, figure, date: amounts before the numbers inside them
        for mention in described[kind.scanned] if kind.scanned is not None else ():
            a, b = getattr(mention, "span", (mention.start, mention.end))  # with its qualifier
            words = " ".join(text[a:b].split())
            value = suggest(mention, text)
            typed = ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) if value else None
            out.append(Seen(kind.name, words, typed, "" if typed else "(no year given: not a date by itself)"))
    people = people if people is not None else PeopleIndex()
    # Marks around no words ("“…”", "“,”") quote nothing.
    ctx = Context(None, people)
    if around is not None:
        speakers = SourceSpeakers(around[0], people)
        ctx = Context(None, people, lambda: speakers.reader.spans, around[1], speakers)
    out += [_seen_quote(q, text, ctx) for q in scan_quotes(text, people) if quote_parts(q.text)]
    return out


def _seen_quote(quote: ScannedQuote, text: str, ctx: Context) -> Seen:
    # The comma before "X said" is the reporter's punctuation, not the speaker's words (FORMAT.md drops it).
    words = quote.text.rstrip(",;: ")
    att, speaker = quote.attribution, quote.speaker
    if ctx.speakers is not None:
        # Who the source says spoke them, read around the excerpt as the validator reads it.
        att = ctx.speakers.attribute(quote.start + ctx.offset, quote.end + ctx.offset)
        speaker = next(iter(att.speaker_ids)) if att.resolved and len(att.speaker_ids) == 1 else None
    if speaker is None:
        return Seen("quote", words, None, _unresolved(att))
    # Offered only when the validator's own quote check accepts it, so the pasted fact validates.
    outcome = check_quote(Quote(speaker=speaker, text=words), text, ctx)
    if outcome.problems:
        return Seen("quote", words, None, f"not offered, the validator would refuse it: {outcome.problems[0][1]}")
    value = f"quote: {{speaker: {speaker}, text: {yaml_quote(words)}}}"
    return Seen("quote", words, value, said_by=att.evidence)


def _unresolved(att: Attribution) -> str:
    if not att.evidence:
        return UNRESOLVED  # no reporting words in reach: the words before or after may have them
    if att.speaker_ids or att.negated or "facts/people.yml" in att.reason:
        return f"speaker unresolved: {att.reason}"  # more of the text will not change who is named
    return f"{UNRESOLVED} ({att.reason})"  # he/she with no one named before it, a verb with no subject


def render(found: Found, source: Source, fact_id: str | None, people: PeopleIndex | None = None) -> str:
    c = found.citation
    where = f"line {found.line}"
    if source.meta.pages:  # a PDF's text: its page too (offsets of page starts, in the sidecar)
        where += f", page {bisect.bisect_right(source.meta.pages, found.start)}"
    if found.occurrences > 1:
        where += f", occurrence {found.occurrence} of {found.occurrences} (--occurrence N picks another)"
    head = [f"# {source.id}, {where}"]
    if found.occurrences > 1 and c.prefix is None and c.suffix is None:
        head.append("# the same words surround every occurrence: cite a longer passage to pick one")
    published = source.meta.published
    seen = seen_values(source.text[found.start:found.end], int(published[:4]) if published else None, people,
                       around=(source.text, found.start), currency_symbols=source.meta.currency_symbols,
                       numeric_dates=source.meta.numeric_dates)
    cite_lines = [f"- source: {c.source}", f"  excerpt: {yaml_quote(c.excerpt)}"]
    if c.prefix is not None:
        cite_lines.append(f"  prefix: {yaml_quote(c.prefix)}")
    if c.suffix is not None:
        cite_lines.append(f"  suffix: {yaml_quote(c.suffix)}")
    if fact_id is None:
        body = ["      " + line for line in cite_lines]
    else:
        body = [f"  - id: {fact_id}", "    claim:   # one sentence, in your words"]
        typed = [x for x in seen if x.value is not None]
        if len(typed) == 1:
            # One value in the words: the fact states it (delete the line for a plain statement).
            body.append(f"    {typed[0].value}   # ← {typed[0].why}")
        else:
            # Each uncomments (drop the first "# ") to a valid line.
            body += [f"    # {x.value}   # ← {x.why} (keep at most one)" for x in typed]
        body += [f"    # {x.kind} \"{x.text}\": {x.note}" for x in seen if x.value is None]
        body += ["    sources:"] + ["      " + line for line in cite_lines]
    tail = []
    if seen and fact_id is None:
        tail = ["# the excerpt states:"] + [f"#   {s.kind} \"{s.text}\" → {_stated(s)}" for s in seen]
    return "\n".join(head + body + tail) + "\n"


def _stated(seen: Seen) -> str:
    if seen.value is None:
        return seen.note
    return f"{seen.value}   ({seen.said_by})" if seen.said_by else seen.value
