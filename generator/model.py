"""The model: sources, people, sheets, facts and citations, as FORMAT.md defines them.

Pydantic gives precise errors per field (mapped back to YAML positions by
``loading``) and the JSON Schema that editors' tools complete against.
Optional fields beyond FORMAT.md are marked "extension".
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    RootModel,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from generator.findings import Severity, did_you_mean
from generator.matchers.dates import PartialDate, parse_partial_date
from generator.lexicon.money import ISO_4217, SHARED_SYMBOLS, SYMBOLS
from generator.matchers.numbers import parse_value
from generator.rules import RULES

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,79}$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Qualifier = Literal["about", "more than", "less than", "at least", "at most", "almost", "up to"]
VALUE_KINDS = ("date", "figure", "money", "quote")


def _date(value: str) -> str:
    try:
        parse_partial_date(value)
    except ValueError as exc:
        raise PydanticCustomError("invalid_date", str(exc)) from None
    return value


# Values are compared and scaled in decimal arithmetic of 28 significant digits: past these bounds
# a value could not be read exactly, so it is refused rather than rounded or crashed on.
MAX_DIGITS = 24


def _number(value: int | float | str) -> int | float | str:
    try:
        number = parse_value(value)  # refuses YAML's .inf and .nan too
    except ValueError as exc:
        raise PydanticCustomError("invalid_number", str(exc)) from None
    digits = len(number.normalize().as_tuple().digits)
    if abs(number) >= Decimal(10) ** MAX_DIGITS or digits > MAX_DIGITS:
        raise PydanticCustomError(
            "invalid_number",
            "'{value}' has more digits than can be checked exactly (at most {most} significant digits, "
            "below 10^{most}): leave the value out and let the excerpt state it (a fact without a value)",
            {"value": str(value)[:60], "most": MAX_DIGITS})
    return value


def _currency(value: str) -> str:
    if value not in ISO_4217:
        # A code that starts like the typed one first ("AUS" is AUD, not UZS), then any close one.
        near = [c for c in ISO_4217 if c[:2] == value[:2].upper()]
        hint = (" (codes are upper case)" if value.upper() in ISO_4217
                else did_you_mean(value, near) or did_you_mean(value, ISO_4217))
        raise PydanticCustomError(
            "unknown_currency",
            "'{value}' is not an ISO 4217 currency code{hint}: write EUR, USD, GBP, ...",
            {"value": value[:60], "hint": hint},
        )
    return value


def _shared_symbol(value: str) -> str:
    if value not in SHARED_SYMBOLS:
        shared = ", ".join(SHARED_SYMBOLS)
        own = SYMBOLS.get(value)
        why = (f"'{value}' names {own[0]} already" if own and len(own) == 1
               else f"'{value}' is not a currency symbol several currencies share")
        raise PydanticCustomError("currency_symbol", "{why}: write one of {shared} as the key (only they take a meaning here){hint}",
                                  {"why": why, "shared": shared, "hint": did_you_mean(value, SHARED_SYMBOLS)})
    return value


def _url(value: str) -> str:
    if not value.startswith(("https://", "http://")):
        raise PydanticCustomError("value_error", "a url must start with https:// or http://: write the full address, "
                                                 "e.g. https://example.org/news/story.html")
    return value


def _page_starts(value: list[int]) -> list[int]:
    if value and (value[0] != 0 or any(b < a for a, b in zip(value, value[1:]))):
        raise PydanticCustomError("value_error", "pages lists where each page starts: write 0 first, then ascending offsets")
    return value


def _acceptable(value: str) -> str:
    if value not in RULES:
        raise PydanticCustomError("value_error", "'{value}' is not a rule id{hint}: write the id of a warning to "
                                  "accept, as README's rule table lists them (e.g. excerpt-ambiguous)",
                                  {"value": value[:60], "hint": did_you_mean(value, RULES)})
    if RULES[value].severity is Severity.ERROR:
        raise PydanticCustomError(
            "value_error", "'{value}' is an error, and only warnings and notes can be accepted: fix what it finds",
            {"value": value})
    return value


# Editors' tools get a tighter pattern than the loader's first check: month 13 or day 32 is marked as
# it is typed (and day 31 of a 30-day month, day 30 of February). The loader still says why in words.
EDITOR_DATE_PATTERN = (
    r"^[0-9]{4}(-("
    r"(0[13578]|1[02])(-(0[1-9]|[12][0-9]|3[01]))?"
    r"|(0[469]|11)(-(0[1-9]|[12][0-9]|30))?"
    r"|02(-(0[1-9]|1[0-9]|2[0-9]))?"
    r"))?$"
)
DateStr = Annotated[
    str,
    Field(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD, quoted",
          json_schema_extra={"pattern": EDITOR_DATE_PATTERN}),
    AfterValidator(_date),
]
NumberValue = Annotated[
    int | float | str,
    Field(description="19500, 3.5, or text with a scale word: \"3.5 billion\", \"19,500\", \"600m\""),
    AfterValidator(_number),
]
Currency = Annotated[str, Field(description="ISO 4217 code: EUR, USD, GBP, ...",
                                json_schema_extra={"enum": sorted(ISO_4217)}), AfterValidator(_currency)]
Url = Annotated[str, AfterValidator(_url)]
SharedSymbol = Annotated[str, Field(json_schema_extra={"enum": list(SHARED_SYMBOLS)}), AfterValidator(_shared_symbol)]
AcceptedRule = Annotated[str, Field(description="a warning's rule id, e.g. excerpt-ambiguous"),
                         AfterValidator(_acceptable)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class SourceMeta(_Strict):
    """content/sources/<id>.yml: what is known about one source text."""

    title: Text = Field(description="The source's own headline or title",
                        examples=["Xi Jinping holds phone call with Ukrainian President Zelensky"])
    publisher: str | None = Field(default=None, description="Who published it", examples=["Xinhua"])
    authors: list[str] = Field(default=[], description="Who wrote it, one name per item",
                               examples=[["Jane Doe", "John Roe"]])
    contributors: list[str] = Field(default=[], description="extension: people credited for reporting",
                                    examples=[["Anna Li"]])
    published: DateStr | None = Field(default=None, description="When it was published: YYYY, YYYY-MM or "
                                                                "YYYY-MM-DD, quoted", examples=["2023-04-26"])
    url: Url | None = Field(default=None, description="Where it was read: https:// or http://",
                            examples=["https://example.org/news/2023/04/26/call.html"])
    retrieved: DateStr | None = Field(default=None, description="When the text was saved: YYYY-MM-DD, quoted",
                                      examples=["2023-04-27"])
    language: str | None = Field(default=None, description="Language of the text, a BCP 47 tag",
                                 examples=["en"])
    note: str | None = Field(default=None, description="extension: how metadata was inferred",
                             examples=["publication date read from the page's byline"])
    currency_symbols: dict[SharedSymbol, Currency] | None = Field(
        default=None, description="extension: what a currency symbol several currencies share means in this text "
                                  "when it is written bare: {\"$\": AUD} for an Australian text reads $5m and "
                                  "\"5 million dollars\" as AUD (A$, US$, HK$ and \"US dollars\" keep their own); "
                                  "unsaid, $ is USD, \u00a3 GBP, and \u00a5 JPY or CNY",
        examples=[{"$": "AUD"}])
    numeric_dates: Literal["day first", "month first"] | None = Field(
        default=None, description="extension: how this text writes a numeric date: \"day first\" (26/04/2023, "
                                  "British and most of the world) or \"month first\" (04/26/2023, American); "
                                  "unsaid, 04/05/2023 reads both ways and a fact it supports gets a warning",
        examples=["month first"])
    pages: Annotated[list[Annotated[int, Field(ge=0)]], AfterValidator(_page_starts)] | None = Field(
        default=None, description="extension: for a text taken from a PDF, the character offset in the text "
                                  "where each page starts (page 1 at 0); `cite` names the page",
        examples=[[0, 2817, 5940]])
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="SHA-256 of the .txt file's bytes, 64 lower-case hex digits (factsheet rehash writes it)",
        examples=["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"])


class Person(_Strict):
    """One person who is quoted or named as a speaker."""

    name: Text = Field(description="Full name as sources write it", examples=["Xi Jinping"])
    aliases: list[Text] = Field(default=[], description="Other names sources use for this person",
                                examples=[["Xi", "President Xi"]])
    role: str | None = Field(default=None, description="What the person is, for readers",
                             examples=["President of China"])
    note: str | None = Field(default=None, description="extension: an editor's note",
                             examples=["also General Secretary of the Communist Party"])


class People(RootModel[dict[Slug, Person]]):
    """facts/people.yml: person id → person."""


class Figure(_Strict):
    """A number the excerpt states, with what it counts."""

    value: NumberValue = Field(examples=[50, 3.5, "19,500", "3.5 billion"])
    unit: str | None = Field(default=None, description="What is counted, as the claim says it",
                             examples=["countries"])
    qualifier: Qualifier | None = Field(default=None, description="How the excerpt bounds the number",
                                        examples=["more than"])

    @property
    def amount(self) -> Decimal:
        return parse_value(self.value)


class Money(_Strict):
    """An amount of money the excerpt states."""

    value: NumberValue = Field(examples=["3.5 billion", 19500])
    currency: Currency = Field(examples=["EUR"])

    @property
    def amount(self) -> Decimal:
        return parse_value(self.value)


class Quote(_Strict):
    """Words someone said, as the excerpt quotes them."""

    speaker: Slug = Field(description="The speaker's id in facts/people.yml", examples=["xi-jinping"])
    text: Text = Field(description="The quoted words; the excerpt must hold them in quotation marks",
                       examples=["There are no winners in nuclear wars"])


class Citation(_Strict):
    """Where a source says it: a verbatim excerpt of content/sources/<source>.txt."""

    source: Slug = Field(description="The source's id: content/sources/<source>.txt", examples=["day-407-xi-macron"])
    excerpt: Text = Field(description="Words copied exactly from the source text", examples=[
        "denounced by more than 50 nations"])
    prefix: str | None = Field(default=None, description="Words just before the excerpt, when it occurs more "
                                                         "than once", examples=["remarks"])
    suffix: str | None = Field(default=None, description="Words just after the excerpt, when it occurs more "
                                                         "than once", examples=["on Tuesday"])
    note: str | None = Field(default=None, description="An editor's note on this citation",
                             examples=["the readout, not the speech"])
    accept: list[AcceptedRule] | None = Field(
        default=None, description="warnings the editors reviewed and accept for this citation: reported as "
                                  "notes, and an accepted rule that finds nothing is itself a warning",
        examples=[["excerpt-ambiguous"]])


def _one_typed_value() -> dict[str, JsonValue]:
    """The one-typed-value rule for editors: no two of date/figure/money/quote given (and not null)."""
    given: dict[str, JsonValue] = {"not": {"type": "null"}}
    return {"not": {"anyOf": [
        {"required": [a, b], "properties": {a: given, b: given}}
        for i, a in enumerate(VALUE_KINDS) for b in VALUE_KINDS[i + 1:]
    ]}}


class Fact(_Strict):
    """One claim and the sources that support it; at most one of date, figure, money and quote."""

    model_config = ConfigDict(json_schema_extra=_one_typed_value())

    id: Slug = Field(description="Unique in the sheet; lower case, digits and hyphens", examples=["call-date"])
    claim: Text = Field(description="The sentence readers see", examples=[
        "Xi Jinping and Volodymyr Zelensky spoke by phone on 26 April 2023."])
    sources: Annotated[list[Citation], Field(min_length=1)] = Field(
        description="At least one citation; each excerpt must support the claim's typed value",
        examples=[[{"source": "xi-zelensky-first-call", "excerpt": "26 April 2023 Wednesday"}]])
    date: DateStr | None = Field(default=None, description="A date the excerpt states: YYYY, YYYY-MM or "
                                                           "YYYY-MM-DD, quoted", examples=["2023-04-26"])
    figure: Figure | None = Field(default=None, description="A number the excerpt states",
                                  examples=[{"value": 50, "unit": "countries", "qualifier": "more than"}])
    money: Money | None = Field(default=None, description="An amount of money the excerpt states",
                                examples=[{"value": "3.5 billion", "currency": "EUR"}])
    quote: Quote | None = Field(default=None, description="Words a person said, quoted in the excerpt",
                                examples=[{"speaker": "xi-jinping", "text": "There are no winners in nuclear wars"}])
    when: DateStr | None = Field(
        default=None, description="extension: when the event the claim reports happened, for the timeline, "
                                  "when that is not the fact's date (a 2025 statement about 2022: the 2025 date)",
        examples=["2022-02-24"])
    note: str | None = Field(default=None, description="extension: an editor's note",
                             examples=["figures from the ministry's first count"])
    tags: list[str] = Field(default=[], description="extension: words to group facts by", examples=[["aid"]])

    @model_validator(mode="after")
    def _one_value(self) -> "Fact":
        given = [k for k in VALUE_KINDS if getattr(self, k) is not None]
        if len(given) > 1:
            raise PydanticCustomError(
                "value_error",
                "a fact has at most one typed value, this one has {given}: split it into two facts",
                {"given": " and ".join(given)},
            )
        return self

    @property
    def kind(self) -> str:
        return next((k for k in VALUE_KINDS if getattr(self, k) is not None), "statement")

    @property
    def date_value(self) -> PartialDate | None:
        return parse_partial_date(self.date) if self.date else None


class Sheet(_Strict):
    """facts/<sheet-id>.yml: one topic or event and its facts."""

    title: Text = Field(description="The sheet's headline", examples=[
        "Xi Jinping and Volodymyr Zelensky's first phone call"])
    date: DateStr | None = Field(default=None, description="When the topic or event happened: YYYY, YYYY-MM "
                                                           "or YYYY-MM-DD, quoted", examples=["2023-04-26"])
    summary: str | None = Field(default=None, description="One or two sentences shown under the title",
                                examples=["The first known contact between the two leaders since the invasion."])
    tags: list[str] = Field(default=[], description="Words to group sheets by", examples=[["china", "ukraine"]])
    facts: list[Fact] = Field(default=[], description="The sheet's facts, in reading order", examples=[[{
        "id": "call-date", "claim": "Xi Jinping and Volodymyr Zelensky spoke by phone on 26 April 2023.",
        "date": "2023-04-26", "sources": [{"source": "xi-zelensky-first-call", "excerpt": "26 April 2023 Wednesday"}],
    }]])
    redirects: dict[str, str] = Field(
        default={},
        description="extension: old fact id (or sheet-id/fact-id) → new global id sheet-id/fact-id",
        examples=[{"old-id": "xi-zelensky/call-date"}],
    )
