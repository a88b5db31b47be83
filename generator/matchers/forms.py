"""The forms the grammars read, as named entries with examples: a readable specification.

Each grammar lists its forms (``generator.matchers.numbers.FORMS``, ``money.MONEY_FORMS``,
``dates.DATE_FORMS``, ``headings.SPEAKER_FORMS``); the tests are generated from their examples and counter-examples, and
README's tables of forms from the same entries (`python -m generator.matchers.forms`; a test keeps
them current). A contributor adds a form as one entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Form:
    """A form a grammar reads: its name, what it means, examples as (text, reading) and
    counter-examples as (text, what it is instead).

    How a reading is written is each grammar's own: a value (``2/3``), a qualifier and a value
    (``almost 2``) or a range (``10 to 20``) for numbers; ``USD 5 billion`` for money; ``2023-04-26``
    for dates. What a counter-example is instead: ``none`` or a grammar's word for it.
    """

    name: str
    means: str
    examples: tuple[tuple[str, str], ...]
    counter: tuple[tuple[str, str], ...] = ()


def forms_table(forms: tuple[Form, ...]) -> str:
    """A Markdown table of ``forms``: name, meaning, what is read, what is not."""
    rows = ["| form | means | read | not read |", "|---|---|---|---|"]
    for f in forms:
        read = ", ".join(f"`{t}` = {r}" for t, r in f.examples) or "\u2014"
        not_read = ", ".join(f"`{t}` ({r})" for t, r in f.counter) or "\u2014"
        rows.append(f"| {f.name} | {f.means} | {read} | {not_read} |")
    return "\n".join(rows)


def tables() -> dict[str, str]:
    """README's marker name → its generated table."""
    from generator.matchers.dates import DATE_FORMS
    from generator.matchers.headings import SPEAKER_FORMS
    from generator.matchers.money import MONEY_FORMS
    from generator.matchers.numbers import FORMS

    return {"number-forms": forms_table(FORMS), "money-forms": forms_table(MONEY_FORMS),
            "date-forms": forms_table(DATE_FORMS),
            "speaker-forms": forms_table(tuple(f.form for f in SPEAKER_FORMS))}


def block(text: str, name: str) -> str:
    """The generated block of README ``text`` between ``<!-- name:start ...-->`` and ``<!-- name:end -->``."""
    return text.split(f"<!-- {name}:start", 1)[1].split("\n", 1)[1].split(f"<!-- {name}:end -->")[0]


def update_readme(path: str | Path = "README.md") -> bool:
    """Rewrite every forms table between README's markers; True when one changed."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    new = text
    for name, table in tables().items():
        start, end = new.index(f"<!-- {name}:start"), new.index(f"<!-- {name}:end -->")
        head = new[:start] + new[start:].split("\n", 1)[0] + "\n"
        new = head + table + "\n" + new[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    print("README.md updated" if update_readme() else "README.md is current")
