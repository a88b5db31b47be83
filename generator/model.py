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
    RootModel,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from generator.findings import Severity, did_you_mean
from generator.matchers.dates import PartialDate, parse_partial_date
from generator.matchers.money import ISO_4217
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
        hint = " (codes are upper case)" if value.upper() in ISO_4217 else ""
        raise PydanticCustomError(
            "unknown_currency",
            "'{value}' is not an ISO 4217 currency code{hint}: write EUR, USD, GBP, ...",
            {"value": value, "hint": hint},
        )
    return value


def _url(value: str) -> str:
    if not value.startswith(("https://", "http://")):
        raise PydanticCustomError("value_error", "a url must start with https:// or http://")
    return value


def _page_starts(value: list[int]) -> list[int]:
    if value and (value[0] != 0 or any(b < a for a, b in zip(value, value[1:]))):
        raise PydanticCustomError("value_error", "pages lists where each page starts: 0 first, then ascending")
    return value


def _acceptable(value: str) -> str:
    if value not in RULES:
        raise PydanticCustomError("value_error", "'{value}' is not a rule id{hint}",
                                  {"value": value, "hint": did_you_mean(value, RULES)})
    if RULES[value].severity is Severity.ERROR:
        raise PydanticCustomError(
            "value_error", "'{value}' is an error, and only warnings and notes can be accepted: fix what it finds",
            {"value": value})
    return value


DateStr = Annotated[
    str,
    Field(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD, quoted"),
    AfterValidator(_date),
]
NumberValue = Annotated[
    int | float | str,
    Field(description="19500, 3.5, or text with a scale word: \"3.5 billion\", \"19,500\", \"600m\""),
    AfterValidator(_number),
]
Currency = Annotated[str, Field(description="ISO 4217 code: EUR, USD, GBP, ..."), AfterValidator(_currency)]
Url = Annotated[str, AfterValidator(_url)]
AcceptedRule = Annotated[str, Field(description="a warning's rule id, e.g. excerpt-ambiguous"),
                         AfterValidator(_acceptable)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class SourceMeta(_Strict):
    """content/sources/<id>.yml: what is known about one source text."""

    title: Text
    publisher: str | None = None
    authors: list[str] = []
    contributors: list[str] = Field(default=[], description="extension: people credited for reporting")
    published: DateStr | None = None
    url: Url | None = None
    retrieved: DateStr | None = None
    language: str | None = None
    note: str | None = Field(default=None, description="extension: how metadata was inferred")
    pages: Annotated[list[Annotated[int, Field(ge=0)]], AfterValidator(_page_starts)] | None = Field(
        default=None, description="extension: for a text taken from a PDF, the character offset in the text "
                                  "where each page starts (page 1 at 0); `cite` names the page")
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Person(_Strict):
    name: Text
    aliases: list[Text] = []
    role: str | None = None
    note: str | None = Field(default=None, description="extension")


class People(RootModel[dict[Slug, Person]]):
    """facts/people.yml: person id → person."""


class Figure(_Strict):
    value: NumberValue
    unit: str | None = None
    qualifier: Qualifier | None = None

    @property
    def amount(self) -> Decimal:
        return parse_value(self.value)


class Money(_Strict):
    value: NumberValue
    currency: Currency

    @property
    def amount(self) -> Decimal:
        return parse_value(self.value)


class Quote(_Strict):
    speaker: Slug
    text: Text


class Citation(_Strict):
    source: Slug
    excerpt: Text
    prefix: str | None = None
    suffix: str | None = None
    note: str | None = None
    accept: list[AcceptedRule] | None = Field(
        default=None, description="warnings the editors reviewed and accept for this citation: reported as "
                                  "notes, and an accepted rule that finds nothing is itself a warning")


class Fact(_Strict):
    id: Slug
    claim: Text
    sources: Annotated[list[Citation], Field(min_length=1)]
    date: DateStr | None = None
    figure: Figure | None = None
    money: Money | None = None
    quote: Quote | None = None
    when: DateStr | None = Field(
        default=None, description="extension: when the event the claim reports happened, for the timeline, "
                                  "when that is not the fact's date (a 2025 statement about 2022: the 2025 date)")
    note: str | None = Field(default=None, description="extension: an editor's note")
    tags: list[str] = Field(default=[], description="extension")

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

    title: Text
    date: DateStr | None = None
    summary: str | None = None
    tags: list[str] = []
    facts: list[Fact] = []
    redirects: dict[str, str] = Field(
        default={},
        description="extension: old fact id (or sheet-id/fact-id) → new global id sheet-id/fact-id",
    )
