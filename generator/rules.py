"""The catalogue of rules. Every finding names one; README's table is generated from here.

Ids are stable kebab-case: CI configurations and editors' muscle memory rely on them. A rule is one
entry in ``_TABLE``: its default severity, a one-line summary, and (optional) how to fix what it finds.
Every finding is made by :func:`finding`, so a rule's default severity is applied in one place; a
repository's configuration (generator.config) changes what is reported, never a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.findings import Finding, Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity  # the default; a configuration may report it otherwise
    summary: str
    help: str  # how to fix what it finds

    @property
    def anchor(self) -> str:
        """The id of the rule's row in README's table: help links land on it."""
        return f"rule-{self.id}"


_TABLE: dict[str, tuple[Severity, str] | tuple[Severity, str, str]] = {
    # Files and YAML
    "file-too-large": (E, "A file is larger than the limit for its kind.",
        "Split the text into smaller sources, or check it is the file you meant."),
    "file-binary": (E, "A file holds NUL bytes: it is binary, not text.",
        "Save the file as plain UTF-8 text; a PDF or word-processor file needs converting first."),
    "file-encoding": (E, "A file is not valid UTF-8; the message names the byte offset.",
        "Re-save the file as UTF-8 (the message names the first bad byte)."),
    "file-empty": (E, "A YAML file holds no document.",
        "Write the file's content, or delete the file."),
    "file-outside-root": (E, "A file links outside its folder (content/sources/ or facts/); it is not read.",
        "Keep the file itself inside its folder instead of a link to elsewhere."),
    "file-unreadable": (E, "A file cannot be read: not a regular file, or the system refuses it.",
        "Check the path is a regular file you can read."),
    "file-not-found": (E, "A file named on the command line does not exist.",
        "Check the path (relative to --root), or create the file."),
    "file-exists": (E, "A command would overwrite an existing file; it refuses.",
        "Choose another id or file name; nothing was overwritten."),
    "file-ignored": (E, "A file in facts/ or content/sources/ that is never read: a `.yaml` name, or a subfolder.",
        "Rename it to `.yml`, or move it out of the subfolder into facts/ (or content/sources/) itself."),
    "root-invalid": (E, "`--root` is not a folder holding facts/ or content/sources/.",
        "Pass the folder that holds facts/ and content/sources/ (the default is the current folder)."),
    "worker-died": (E, "A worker process of `validate --jobs` ended without answering, killed from outside (often for memory); exit 2.",
        "Run again with `--jobs 1` (or fewer jobs), or give the machine more memory."),
    "output-not-a-folder": (E, "The site or output folder named on the command line is a file (exit 2).",
        "Name a new folder, or one an earlier render or build wrote."),
    "yaml-syntax": (E, "The YAML does not parse.",
        "Fix the YAML at the position given: often a tab, indentation, or an unquoted `:` or `,` in a value."),
    "yaml-duplicate-key": (E, "A mapping repeats a key; YAML would silently keep the last one.",
        "Keep one of the two keys."),
    "yaml-anchor": (E, "Anchors and aliases are refused (they hide data and allow alias bombs).",
        "Write the value out in full instead of `&anchor` / `*alias`."),
    "yaml-tag": (E, "Explicit tags such as `!!python/object` are refused.",
        "Remove the `!tag`; quote the value if it is text."),
    "yaml-ambiguous-bool": (E, "Unquoted yes/no/on/off: quote it, or write true/false.",
        "Quote it (`\"yes\"`) or write `true`/`false`."),
    "yaml-complex-key": (E, "A mapping key is not a plain string.",
        "Use a plain string as the key."),
    "yaml-multiple-documents": (E, "A file holds more than one YAML document.",
        "Remove the `---` line: one document per file."),
    "yaml-too-deep": (E, "Lists and mappings are nested deeper than any fact file needs (a recursion bomb).",
        "Flatten the nesting; no fact file needs it."),
    "yaml-ambiguous-number": (E, "An unquoted number YAML 1.1 reads otherwise: 010 is 8, 0x1F is 31, 1:30 is 90.",
        "Quote the value (`\"010\"`), or write the number you mean."),
    # Model
    "schema-missing-field": (E, "A required field is missing.",
        "Add the field named in the message."),
    "schema-unknown-field": (E, "A field the format does not know (often a typo).",
        "Fix the field's name (the message suggests the closest), or remove it."),
    "schema-type": (E, "A field has the wrong type.",
        "Write the value in the type the message names."),
    "schema-value": (E, "A field's value is not allowed.",
        "Use one of the values the message lists."),
    "invalid-id": (E, "An id is not a slug (`^[a-z0-9][a-z0-9-]{0,79}$`).",
        "Use lower-case letters, digits and hyphens, starting with a letter or digit."),
    "invalid-date": (E, "A date is not YYYY, YYYY-MM or YYYY-MM-DD, or does not exist.",
        "Write `\"YYYY-MM-DD\"`, `\"YYYY-MM\"` or `\"YYYY\"`, quoted, for a day that exists."),
    "unknown-currency": (E, "A currency is not an ISO 4217 code.",
        "Use the ISO 4217 code (EUR, USD, GBP, ...)."),
    "invalid-number": (E, "A figure or amount value cannot be read as a number.",
        "Write the number with digits and an optional scale word (`3.5 billion`, `19500`)."),
    "duplicate-fact-id": (E, "Two facts in one sheet share an id.",
        "Give one of the facts another id (and a redirect if the old one was published)."),
    "duplicate-person-alias": (W, "Two people share a name or alias, so attribution through it is ambiguous.",
        "Keep the name or alias on one person only."),
    "unknown-source": (E, "A citation names a source that does not exist.",
        "Use the id of a file in content/sources/ (the message suggests the closest), or add the source."),
    "unknown-speaker": (E, "A quote names a speaker who is not in facts/people.yml.",
        "Use an id from facts/people.yml, or add the person there."),
    # Sources
    "source-hash-mismatch": (E, "A source text's bytes do not match the sha256 in its sidecar.",
        "Restore the text; if the change is a deliberate correction, run `factsheet rehash ID`."),
    "source-missing-text": (E, "A source sidecar has no text file beside it.",
        "Add the text beside its sidecar, or remove the sidecar."),
    "source-missing-sidecar": (E, "A source text has no sidecar beside it.",
        "Run `factsheet new-source` to write the sidecar, or add it by hand."),
    # Importing sources (new-source from a URL, a web page or a PDF; refresh)
    "fetch-failed": (E, "A URL could not be fetched: no answer in time, TLS, an HTTP error, too many redirects.",
        "Check the address in a browser; --timeout raises the time allowed, or save the page and import the file."),
    "fetch-wrong-type": (E, "A URL answered with something other than a web page or a PDF.",
        "Give the address of the article page or the PDF itself."),
    "fetch-too-large": (E, "A URL's document is larger than the download limit.",
        "Check it is the article you meant; --max-bytes raises the limit."),
    "no-main-text": (E, "No article text could be found in a web page or a PDF.",
        "Copy the text by hand into a .txt file and run new-source on that."),
    "extractor-missing": (E, "Importing a web page or a PDF needs the optional `import` dependencies.",
        "Install them: pip install 'factsheet[import]' (or bash scripts/setup test import)."),
    # Citations
    "excerpt-not-found": (E, "The excerpt is not in the source (after folding quotes, dashes, space, case and Unicode forms).",
        "Copy the words from the source again; the message shows the closest passage and what differs."),
    "excerpt-ambiguous": (W, "The excerpt occurs more than once; prefix/suffix would pick one.",
        "Add `prefix:` or `suffix:` with the words just before or after the place you mean."),
    "excerpt-context-mismatch": (E, "No occurrence of the excerpt has the given prefix/suffix around it.",
        "Fix `prefix:`/`suffix:` to the words really next to the excerpt."),
    "excerpt-cuts-token": (E, "The excerpt starts or ends inside a word, a number or a character of the source.",
        "Cite the whole word or number: the message shows the excerpt widened to it."),
    "figure-not-supported": (E, "The excerpt does not state the fact's figure.",
        "Cite words that state the number, or correct the figure."),
    "qualifier-contradicted": (E, "The excerpt's qualifier (about, more than, ...) differs from the fact's.",
        "Use the source's qualifier (or a synonym) in the figure."),
    "qualifier-missing": (W, "The excerpt qualifies the number but the fact does not.",
        "Add the source's qualifier to the figure (`qualifier: about`)."),
    "unit-mismatch": (E, "The source counts something else at the number than the figure's `unit` (tanks, not trucks).",
        "Write the unit the source counts there (the message names it), or cite the number that counts yours."),
    "range-end": (E, "The number is one end of a range (10 to 20): it says only `at least` its low end or `up to` its high end.",
        "Add the qualifier the range allows (`qualifier: at least` for its low end, `up to` for its high end), or cite a single number."),
    "figure-year-like": (W, "The number may be a year (four digits, nothing counted after it), not a count.",
        "Cite words that say what the number counts, or check that the fact is not a date."),
    "unit-not-stated": (W, "The source names nothing that the number counts, so the figure's `unit` is unconfirmed.",
        "Cite words that say what the number counts, or leave `unit` out."),
    "money-not-supported": (E, "The excerpt does not state the fact's amount.",
        "Cite words that state the amount, or correct it."),
    "money-currency-mismatch": (E, "The excerpt states the amount in another currency.",
        "Use the currency the source states."),
    "date-not-supported": (E, "The excerpt does not state the fact's date.",
        "Cite words that state the date, or correct it."),
    "date-year-inferred": (I, "A date without a year took the year that places it nearest to the source's published date.",
        "Nothing to fix: check the year is the one meant, or cite words that give it."),
    "date-relative": (I, "A relative date (today, yesterday, last month) was read against the source's published date.",
        "Nothing to fix: check the day is the one meant, or cite words that give the date."),
    "date-numeric-ambiguous": (W, "The date is supported by a numeric date that reads two ways (04/05/2023: 4 May or "
                                  "5 April), and the source does not say which way it writes them.",
        "Set `numeric_dates: day first` or `numeric_dates: month first` in the source's sidecar."),
    "date-weekday-only": (W, "Only a weekday supports the date: weak evidence.",
        "Cite words that give the date itself."),
    "quote-not-found": (E, "The quoted words are not in the excerpt, or the source gives them as narrative or "
                           "indirect speech, not a quotation.",
        "Copy the quoted words from the excerpt (`...` marks an elision); words the source does not quote "
        "are a statement, not a quote."),
    "quote-wrong-speaker": (E, "The source, read around the excerpt, gives the quote to someone else, named or "
                               "described (an aide to X, officials).",
        "Correct the speaker, or cite the quote of the person you mean."),
    "quote-attribution-unresolved": (W, "The source does not say who said the quote: the fact is "
                                        "speaker-unconfirmed, not verified.",
        "Cite a source that names the speaker next to the words, or add the words the text uses for them "
        "(`the president`) to their aliases in facts/people.yml; accepting it after review keeps the fact "
        "speaker-unconfirmed."),
    # Claims: the sentence readers read
    "claim-contradicts-value": (E, "The claim states a figure, amount or date (or qualifier) other than the fact's value.",
        "Say in the claim what the value says (any notation), or correct the value."),
    "claim-not-in-excerpt": (E, "The claim states a number, amount, date or quotation that no cited excerpt states.",
        "Take it out of the claim, or cite an excerpt that states it."),
    "claim-place-not-in-source": (E, "The claim names a country (or its people, or its capital) that no cited source names.",
        "Name the place the source names, or cite a source that names it."),
    "claim-name-swapped": (E, "The claim names something no cited source names, where its excerpt names "
                              "something else the claim leaves out (\"Woking\" for \"Guildford\").",
        "Name what the excerpt names, or cite a source that names the claim's."),
    "claim-year-mismatch": (E, "The claim gives its value a year, but the excerpt binds that value to another "
                               "year and the claim's year to another number (\"0.26% in 2012 to 0.05% in 2024\").",
        "Give the value the year the excerpt binds it to."),
    "claim-date-mismatch": (E, "The claim gives a number a month or day, but the excerpt binds that number to "
                               "another one and the claim's to another number (\"1.7 percent in August, an "
                               "increase from the July figure of 1.4 percent\").",
        "Give the number the date the excerpt binds it to, or the number it binds to the claim's date."),
    "claim-place-mismatch": (E, "The claim puts a number in a place, but the excerpt binds that number to "
                                "another place and the claim's place to another number (\"412 in the north, 96 in "
                                "the south\").",
        "Give the number the excerpt binds to the claim's place, or the place it binds the number to."),
    "claim-polarity-mismatch": (E, "The claim negates what its excerpt states without a negation, or uses a word whose "
                                   "opposite the excerpt uses (rise for cut, smaller for larger).",
        "Write the claim with the excerpt's polarity, or cite the words that say the negative."),
    "claim-place-not-in-excerpt": (W, "The claim names a country that its sources name, but no cited excerpt does.",
        "Extend the excerpt to the words that name it, or leave it out of the claim."),
    "claim-name-not-in-excerpt": (W, "The claim names a person from people.yml whom no cited excerpt names.",
        "Extend the excerpt to the words that name them, or leave them out of the claim."),
    "claim-wrong-speaker": (E, "The claim makes someone other than the quote's speaker the one who said it.",
        "Make the quote's speaker the one who says it in the claim (naming the one spoken to is fine)."),
    "accept-unused": (W, "A citation accepts a rule that finds nothing there.",
        "Remove the rule id from `accept:`; the warning it accepted is gone."),
    "config-invalid": (E, "The configuration ([tool.factsheet] or factsheet.toml) cannot be used.",
        "Fix the setting the message names; rule ids are listed in README's table."),
    "redirect-missing": (W, "A fact id that was published is gone and has no redirect.",
        "Add a redirect from the old id to the fact that replaces it."),
    "redirect-invalid": (E, "A redirect's old id is still a fact, or its target is not a fact, or redirects loop.",
        "Point the redirect from an id that is gone to one that exists, without loops."),
}

RULES: dict[str, Rule] = {
    rid: Rule(rid, entry[0], entry[1], entry[2] if len(entry) > 2 else "")
    for rid, entry in _TABLE.items()
}


def severity_of(rule: str) -> Severity:
    return RULES[rule].severity


def finding(path: str, pos: tuple[int, int], rule: str, message: str, fact: str | None = None) -> Finding:
    """The one way a finding is made: at ``path`` line:col ``pos``, with the rule's default severity."""
    return Finding(path, pos[0], pos[1], RULES[rule].severity, rule, message, fact)


def markdown_table() -> str:
    """The README's rule table; each row carries the anchor that help links point to."""
    rows = ["| rule | severity | meaning | how to fix |", "|---|---|---|---|"]
    rows += [f'| <a id="{r.anchor}"></a>`{r.id}` | {r.severity.value} | {r.summary} | {r.help} |'
             for r in RULES.values()]
    return "\n".join(rows)


def update_readme(path: str = "README.md") -> bool:
    """Rewrite the table between the README's markers; True when it changed."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    start, end = text.index("<!-- rules:start"), text.index("<!-- rules:end -->")
    head = text[:start] + text[start:].split("\n", 1)[0] + "\n"
    new = head + markdown_table() + "\n" + text[end:]
    if new != text:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(new)
    return new != text


if __name__ == "__main__":
    print("README.md updated" if update_readme() else "README.md is current")
