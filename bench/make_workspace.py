"""Turn a news corpus into a factsheet workspace for benchmarking.

Every article becomes a source (id ``<category>-<NNN>``, sidecar with its sha256
and its first line as title). Facts are drawn from its sentences with regexes
of our own — deliberately *not* the validator's matchers, so the benchmark
tests them independently: money amounts (``$1.13bn``, ``£600m``, ``5bn euros``),
percentages and counts (with a qualifier such as ``more than`` when the text
has one), dates (``26 April 2005``, ``April 2005``, ``in 2003``), quotations
with their speakers (``"…," said Jane Doe``; ``facts/people.yml`` is built from
the names found next to "said") and plain statements. Sheets group
``--per-sheet`` articles of one category.

``--kinds`` limits the typed values drawn (the rest of each article's facts are
statements), e.g. to benchmark before every value check exists.

``--scale N`` duplicates every source and sheet N-1 more times under new ids
(``-x2``, ``-x3``, …), so 2× and 4× workspaces have the same texture.

The corpus is read in place (default ``../shared/corpora/bbc-news-2005`` next
to this repository) and never copied into the repository; when it is absent a
generated corpus of the same shape is used (``synth_corpus.py``). An article
that is not valid UTF-8 is imported as a source without facts, so that
``validate`` reports it as ``file-encoding`` (``--skip-invalid`` leaves it out).

    python bench/make_workspace.py OUT [--scale N] [--corpus DIR | --synthetic N]
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from synth_corpus import write_corpus

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "bbc-news-2005"

MONTHS = {m: i for i, m in enumerate(calendar.month_name) if m}
_MONTH = "(" + "|".join(MONTHS) + ")"
SCALE_WORDS = {"bn": "billion", "billion": "billion", "m": "million", "million": "million",
               "tn": "trillion", "trillion": "trillion", "k": "thousand"}
SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR"}
CURRENCY_WORDS = {"euros": "EUR", "yen": "JPY", "dollars": "USD", "pounds": "GBP"}
QUALIFIERS = {"more than": "more than", "over": "more than", "about": "about", "around": "about",
              "some": "about", "almost": "almost", "nearly": "almost", "at least": "at least",
              "up to": "up to", "less than": "less than", "fewer than": "less than", "at most": "at most"}

_NUM = r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
MONEY_SYMBOL = re.compile(r"(?<![\w.$£€])([$£€])\s?" + _NUM + r"(?:\s?(bn|billion|m|million|tn|trillion|k)\b)?")
MONEY_WORD = re.compile(r"(?<![\w.$£€,])" + _NUM + r"\s?(bn|billion|m|million)?\s(euros|yen|dollars|pounds)\b")
PERCENT = re.compile(r"(?<![\w.$£€,])(\d+(?:\.\d+)?)(?:%| per ?cent\b)")
COUNT = re.compile(r"(?<![\w.$£€,-])" + _NUM + r"\s([a-z]{3,})\b")
NOT_UNITS = {"million", "billion", "trillion", "per", "percent", "and", "or", "to", "of", "the", "in", "on",
             "at", "for", "from", "with", "was", "were", "is", "are", "has", "had", "than", "by", "as"} | {
    m.lower() for m in MONTHS}
DATE_DMY = re.compile(r"\b(\d{1,2}) " + _MONTH + r",? (\d{4})\b")
DATE_MDY = re.compile(r"\b" + _MONTH + r" (\d{1,2}),? (\d{4})\b")
DATE_MY = re.compile(r"(?<!\d )\b" + _MONTH + r" (\d{4})\b")
DATE_Y = re.compile(r"\bin ((?:19|20)\d\d)\b(?!-)")
_NAME = r"[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2}"
_TITLED = r"(?:Mr|Mrs|Ms|Dr) [A-Z][\w'-]+"
QUOTE_SAID_NAME = re.compile(r'"([^"\n]{12,400}?),"\s+(?:said|says)\s+(' + _TITLED + "|" + _NAME + r")(?=[.,])")
QUOTE_NAME_SAID = re.compile(r'"([^"\n]{12,400}?),"\s+(' + _TITLED + "|" + _NAME + r")\s+(?:said|says)\b")
NOT_NAMES = {"The", "A", "An", "In", "On", "But", "And", "It", "He", "She", "They", "We", "This", "That",
             "If", "Its", "His", "Her", "Their", "Our", "When", "After", "Before", "Last", "Next"}
SENTENCE_END = re.compile(r"[.!?][\"']?(?=\s+[\"'A-Z(])")


@dataclass
class Fact:
    id: str
    kind: str
    value: dict[str, object] | str | None
    source: str
    excerpt: str


@dataclass
class Article:
    id: str
    category: str
    number: str
    data: bytes
    text: str | None  # None when the bytes are not UTF-8
    title: str
    facts: list[Fact] = field(default_factory=list)


def slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:80]


def ystr(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def read_corpus(corpus: Path, limit: int | None) -> tuple[list[Article], list[str]]:
    articles: list[Article] = []
    messages: list[str] = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.txt")):
            data = path.read_bytes()
            try:
                text: str | None = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                text = None
                messages.append(f"{folder.name}/{path.name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at "
                                f"offset {exc.start})")
            title = (text if text is not None else data.decode("utf-8", "replace")).strip().split("\n")[0].strip()
            articles.append(Article(f"{folder.name}-{path.stem}", folder.name, path.stem, data, text, title))
    if limit is not None:
        articles = articles[:limit]
    return articles, messages


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for para in text.split("\n")[1:]:  # the first line is the title
        start = 0
        for m in SENTENCE_END.finditer(para):
            out.append(para[start:m.end()].strip())
            start = m.end()
        out.append(para[start:].strip())
    return [s for s in out if 20 <= len(s) <= 400]


def _number(whole: str, frac: str | None) -> int | float:
    digits = whole.replace(",", "")
    return float(f"{digits}.{frac}") if frac else int(digits)


def _value(whole: str, frac: str | None, scale: str | None) -> int | float | str:
    if scale:
        return f"{whole.replace(',', '')}{'.' + frac if frac else ''} {SCALE_WORDS[scale.lower()]}"
    return _number(whole, frac)


def _qualifier(before: str) -> str | None:
    tail = before.lower().rstrip()
    for words, qualifier in QUALIFIERS.items():
        if tail.endswith(" " + words) or tail == words:
            return qualifier
    return None


def money_values(s: str) -> list[dict[str, object]]:
    out = [{"value": _value(m[2], m[3], m[4]), "currency": SYMBOLS[m[1]]} for m in MONEY_SYMBOL.finditer(s)]
    out += [{"value": _value(m[1], m[2], m[3]), "currency": CURRENCY_WORDS[m[4]]} for m in MONEY_WORD.finditer(s)]
    return out


def figure_values(s: str) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for m in PERCENT.finditer(s):
        whole, _, frac = m[1].partition(".")
        fig: dict[str, object] = {"value": _number(whole, frac or None), "unit": "percent"}
        if (q := _qualifier(s[:m.start()])) is not None:
            fig["qualifier"] = q
        out.append(fig)
    for m in COUNT.finditer(s):
        whole, frac, unit = m[1], m[2], m[3]
        if unit in NOT_UNITS or (re.fullmatch(r"(19|20)\d\d", whole) and not frac):
            continue
        fig = {"value": _number(whole, frac), "unit": unit}
        if (q := _qualifier(s[:m.start()])) is not None:
            fig["qualifier"] = q
        out.append(fig)
    return out


def _ymd(year: str, month: str, day: str | None) -> str | None:
    y, mo = int(year), MONTHS[month]
    if day is None:
        return f"{y:04d}-{mo:02d}"
    d = int(day)
    if not 1 <= d <= calendar.monthrange(y, mo)[1]:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def date_values(s: str) -> list[str]:
    out = [_ymd(m[3], m[2], m[1]) for m in DATE_DMY.finditer(s)]
    out += [_ymd(m[3], m[1], m[2]) for m in DATE_MDY.finditer(s)]
    if not out:
        out += [_ymd(m[2], m[1], None) for m in DATE_MY.finditer(s)]
    if not out:
        out += [m[1] for m in DATE_Y.finditer(s)]
    return [d for d in out if d]


def quotes_in(text: str) -> list[tuple[str, str, str]]:
    """(excerpt, quoted words, speaker as written) for each attributed quotation."""
    out = []
    for rx in (QUOTE_SAID_NAME, QUOTE_NAME_SAID):
        for m in rx.finditer(text):
            name = m[2]
            if name.split()[0] in NOT_NAMES or "'s " in name:
                continue
            out.append((m[0], m[1], name))
    return out


class People:
    """People found next to "said": full names, with surnames as aliases where they are unambiguous."""

    def __init__(self, articles: list[Article]) -> None:
        self.names: dict[str, str] = {}  # id -> full name
        titled: set[str] = set()
        for a in articles:
            if a.text is None:
                continue
            for _, _, name in quotes_in(a.text):
                if re.match(_TITLED + "$", name):
                    titled.add(name)
                else:
                    self.names.setdefault(slug(name), name)
        surnames = Counter(n.split()[-1] for n in self.names.values())
        self.by_surname = {n.split()[-1]: pid for pid, n in self.names.items() if surnames[n.split()[-1]] == 1}
        self.aliases: dict[str, list[str]] = {pid: [] for pid in self.names}
        for surname, pid in self.by_surname.items():
            self.aliases[pid].append(surname)
        for t in sorted(titled):
            pid = self.by_surname.get(t.split()[-1])
            if pid is not None:
                self.aliases[pid].append(t)
        used = Counter(a for aliases in self.aliases.values() for a in aliases) + Counter(self.names.values())
        # A surname that is also someone's full name or alias elsewhere would be ambiguous: drop it.
        self.aliases = {pid: [a for a in al if used[a] == 1] for pid, al in self.aliases.items()}

    def resolve(self, name: str) -> str | None:
        if re.match(_TITLED + "$", name):
            pid = self.by_surname.get(name.split()[-1])
            return pid if pid is not None and name in self.aliases[pid] else None
        pid = slug(name)
        return pid if pid in self.names else None

    def yaml(self) -> str:
        lines = []
        for pid in sorted(self.names):
            lines.append(f"{pid}:")
            lines.append(f"  name: {ystr(self.names[pid])}")
            if self.aliases[pid]:
                lines.append(f"  aliases: [{', '.join(ystr(a) for a in self.aliases[pid])}]")
        return "\n".join(lines) + "\n"


TYPED_KINDS = frozenset({"money", "figure", "date", "quote"})


def extract(article: Article, people: People, per_article: int, kinds: frozenset[str] = TYPED_KINDS) -> None:
    text = article.text
    if text is None:
        return
    lowered = text.lower()
    counts: Counter[str] = Counter()
    used: set[str] = set()
    caps = {"money": 3, "date": 2, "quote": 3, "figure": 3}

    def add(kind: str, value: object, excerpt: str) -> None:
        if lowered.count(excerpt.lower()) != 1:
            return  # ambiguous without prefix/suffix: leave it out
        counts[kind] += 1
        article.facts.append(Fact(f"{article.number}-{kind}-{counts[kind]}", kind, value,  # type: ignore[arg-type]
                                  article.id, excerpt))
        used.add(excerpt)

    sents = sentences(text)
    if "quote" in kinds:
        for excerpt, words, name in quotes_in(text):
            pid = people.resolve(name)
            if pid is not None and counts["quote"] < caps["quote"]:
                add("quote", {"speaker": pid, "text": words}, excerpt)
    for s in sents:
        for kind, find in (("money", money_values), ("figure", figure_values), ("date", date_values)):
            if kind in kinds and counts[kind] < caps[kind] and (values := find(s)):
                add(kind, values[0], s)
    for s in sents:
        if len(article.facts) >= per_article:
            break
        if s not in used:
            add("statement", None, s)


def sheet_yaml(sheet_id: str, title: str, category: str, articles: list[Article], suffix: str,
               drop: frozenset[str] = frozenset()) -> str:
    lines = [f"title: {ystr(title)}", f"tags: [bench, {category}]", "facts:"]
    for a in articles:
        for f in a.facts:
            if f"{sheet_id.removesuffix(suffix)}/{f.id}" in drop:
                continue
            lines.append(f"  - id: {f.id}")
            claim = f.excerpt if len(f.excerpt) <= 300 else f.excerpt[:299] + "…"
            lines.append(f"    claim: {ystr(claim)}")
            if f.kind == "date":
                lines.append(f"    date: {ystr(str(f.value))}")
            elif f.kind != "statement":
                assert isinstance(f.value, dict)
                inner = ", ".join(f"{k}: {ystr(v) if isinstance(v, str) else v}" for k, v in f.value.items())
                lines.append(f"    {f.kind}: {{{inner}}}")
            lines.append("    sources:")
            lines.append(f"      - source: {f.source}{suffix}")
            lines.append(f"        excerpt: {ystr(f.excerpt)}")
    return "\n".join(lines) + "\n"


def sidecar(a: Article, sha: str) -> str:
    return (f"title: {ystr(a.title or a.id)}\npublisher: BBC News\nlanguage: en\n"
            f"note: \"bench: BBC News 2004-2005 corpus (Greene & Cunningham, ICML 2006), {a.category}/{a.number}.txt\"\n"
            f"sha256: {sha}\n")


def build(out: Path, articles: list[Article], people: People, scale: int, per_sheet: int,
          drop: frozenset[str]) -> dict[str, object]:
    sources = out / "content" / "sources"
    facts = out / "facts"
    sources.mkdir(parents=True)
    facts.mkdir()
    (facts / "people.yml").write_text(people.yaml(), encoding="utf-8")
    groups: dict[str, list[Article]] = {}
    for a in articles:
        groups.setdefault(a.category, []).append(a)
    sheets = 0
    kinds: Counter[str] = Counter()
    for copy in range(1, scale + 1):
        suffix = "" if copy == 1 else f"-x{copy}"
        for a in articles:
            (sources / f"{a.id}{suffix}.txt").write_bytes(a.data)
            (sources / f"{a.id}{suffix}.yml").write_text(
                sidecar(a, hashlib.sha256(a.data).hexdigest()), encoding="utf-8")
        for category, members in groups.items():
            for i in range(0, len(members), per_sheet):
                chunk = members[i:i + per_sheet]
                sid = f"{category}-{i // per_sheet + 1:03d}{suffix}"
                title = f"BBC {category} 2004-2005, articles {chunk[0].number}-{chunk[-1].number}"
                (facts / f"{sid}.yml").write_text(sheet_yaml(sid, title, category, chunk, suffix, drop),
                                                  encoding="utf-8")
                sheets += 1
                kinds.update(f.kind for a in chunk for f in a.facts
                             if f"{sid.removesuffix(suffix)}/{f.id}" not in drop and copy == 1)
    return {
        "scale": scale, "articles": len(articles), "sources": len(articles) * scale, "sheets": sheets,
        "people": len(people.names), "facts": sum(kinds.values()) * scale,
        "facts_by_kind": {k: v * scale for k, v in sorted(kinds.items())},
    }


def make_workspace(out: Path, corpus: Path | None = None, scale: int = 1, per_sheet: int = 20,
                   per_article: int = 8, limit: int | None = None, synthetic: int | None = None,
                   kinds: frozenset[str] = TYPED_KINDS, skip_invalid: bool = False,
                   drop: frozenset[str] = frozenset()) -> dict[str, object]:
    """Write the workspace to ``out`` (replacing it whole, never half-written); return a summary.

    ``drop``: global fact ids (``sheet/fact``, of the first copy) to leave out, e.g. those a
    validator did not verify, for a site that must build without errors.
    """
    with tempfile.TemporaryDirectory(prefix="factsheet-bench-corpus-") as scratch:
        corpus = corpus or DEFAULT_CORPUS
        generated = synthetic is not None or not corpus.is_dir()
        if generated:
            if synthetic is None:
                print(f"make_workspace: {corpus} is absent; using a generated corpus of the same shape",
                      file=sys.stderr)
            corpus = write_corpus(Path(scratch), synthetic or 2225)
        articles, messages = read_corpus(corpus, limit)
    for message in messages:
        action = "left out (--skip-invalid)" if skip_invalid else \
            "imported without facts; validate reports it as file-encoding"
        print(f"make_workspace: {message}: {action}", file=sys.stderr)
    if skip_invalid:
        articles = [a for a in articles if a.text is not None]
    people = People(articles)
    for a in articles:
        extract(a, people, per_article, kinds)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        summary = build(tmp, articles, people, scale, per_sheet, drop)
        summary.update(corpus="generated" if generated else str(corpus), invalid_utf8=messages,
                       typed_kinds=sorted(kinds))
        (tmp / "bench-workspace.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        if out.exists():
            out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return summary


def parse_kinds(text: str) -> frozenset[str]:
    kinds = frozenset(k for k in text.split(",") if k)
    if not kinds <= TYPED_KINDS:
        raise SystemExit(f"--kinds: unknown {', '.join(sorted(kinds - TYPED_KINDS))}; "
                         f"choose from {', '.join(sorted(TYPED_KINDS))}")
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="workspace folder to (re)create")
    parser.add_argument("--corpus", type=Path, help=f"corpus folder (default: {DEFAULT_CORPUS})")
    parser.add_argument("--synthetic", type=int, metavar="N", help="use N generated articles instead of a corpus")
    parser.add_argument("--scale", type=int, default=1, help="copies of every source and sheet (default 1)")
    parser.add_argument("--per-sheet", type=int, default=20, help="articles per sheet (default 20)")
    parser.add_argument("--per-article", type=int, default=8,
                        help="facts per article, filled up with statements (default 8)")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--kinds", default=",".join(sorted(TYPED_KINDS)),
                        help="typed values to draw, comma-separated (default: all of date,figure,money,quote; "
                             "'' for statements only)")
    parser.add_argument("--skip-invalid", action="store_true", help="leave out articles that are not UTF-8")
    parser.add_argument("--drop", type=Path, metavar="FILE",
                        help="leave out the facts whose global ids (sheet/fact) are listed in FILE, one per line")
    args = parser.parse_args()
    drop = frozenset(args.drop.read_text(encoding="utf-8").split()) if args.drop else frozenset()
    summary = make_workspace(args.out, args.corpus, args.scale, args.per_sheet, args.per_article, args.limit,
                             args.synthetic, parse_kinds(args.kinds), args.skip_invalid, drop)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
