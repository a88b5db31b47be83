"""The catalogue of rule ids. Every finding names one; README documents each.

Ids are stable kebab-case: CI configurations and editors' muscle memory rely on them.
"""

from __future__ import annotations

from generator.findings import Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: dict[str, tuple[Severity, str]] = {
    # Files and YAML
    "file-too-large": (E, "A file is larger than the limit for its kind."),
    "file-binary": (E, "A file holds NUL bytes: it is binary, not text."),
    "file-encoding": (E, "A file is not valid UTF-8; the message names the byte offset."),
    "file-empty": (E, "A YAML file holds no document."),
    "file-outside-root": (E, "A file links outside its folder (content/sources/ or facts/); it is not read."),
    "file-unreadable": (E, "A file cannot be read: not a regular file, or the system refuses it."),
    "file-not-found": (E, "A file named on the command line does not exist."),
    "file-exists": (E, "A command would overwrite an existing file; it refuses."),
    "yaml-syntax": (E, "The YAML does not parse."),
    "yaml-duplicate-key": (E, "A mapping repeats a key; YAML would silently keep the last one."),
    "yaml-anchor": (E, "Anchors and aliases are refused (they hide data and allow alias bombs)."),
    "yaml-tag": (E, "Explicit tags such as `!!python/object` are refused."),
    "yaml-ambiguous-bool": (E, "Unquoted yes/no/on/off: quote it, or write true/false."),
    "yaml-complex-key": (E, "A mapping key is not a plain string."),
    "yaml-multiple-documents": (E, "A file holds more than one YAML document."),
    "yaml-too-deep": (E, "Lists and mappings are nested deeper than any fact file needs (a recursion bomb)."),
    "yaml-ambiguous-number": (E, "An unquoted number YAML 1.1 reads otherwise: 010 is 8, 0x1F is 31, 1:30 is 90."),
    # Model
    "schema-missing-field": (E, "A required field is missing."),
    "schema-unknown-field": (E, "A field the format does not know (often a typo)."),
    "schema-type": (E, "A field has the wrong type."),
    "schema-value": (E, "A field's value is not allowed."),
    "invalid-id": (E, "An id is not a slug (`^[a-z0-9][a-z0-9-]{0,79}$`)."),
    "invalid-date": (E, "A date is not YYYY, YYYY-MM or YYYY-MM-DD, or does not exist."),
    "unknown-currency": (E, "A currency is not an ISO 4217 code."),
    "invalid-number": (E, "A figure or amount value cannot be read as a number."),
    "duplicate-fact-id": (E, "Two facts in one sheet share an id."),
    "duplicate-person-alias": (W, "Two people share a name or alias, so attribution through it is ambiguous."),
    "unknown-source": (E, "A citation names a source that does not exist."),
    "unknown-speaker": (E, "A quote names a speaker who is not in facts/people.yml."),
    # Sources
    "source-hash-mismatch": (E, "A source text's bytes do not match the sha256 in its sidecar."),
    "source-missing-text": (E, "A source sidecar has no text file beside it."),
    "source-missing-sidecar": (E, "A source text has no sidecar beside it."),
    # Citations
    "excerpt-not-found": (E, "The excerpt is not in the source (after folding quotes, dashes, space and case)."),
    "excerpt-ambiguous": (W, "The excerpt occurs more than once; prefix/suffix would pick one."),
    "excerpt-context-mismatch": (E, "No occurrence of the excerpt has the given prefix/suffix around it."),
    "figure-not-supported": (E, "The excerpt does not state the fact's figure."),
    "qualifier-contradicted": (E, "The excerpt's qualifier (about, more than, ...) differs from the fact's."),
    "qualifier-missing": (W, "The excerpt qualifies the number but the fact does not."),
    "money-not-supported": (E, "The excerpt does not state the fact's amount."),
    "money-currency-mismatch": (E, "The excerpt states the amount in another currency."),
    "date-not-supported": (E, "The excerpt does not state the fact's date."),
    "date-year-inferred": (I, "A date without a year took the year that places it nearest to the source's published date."),
    "date-relative": (I, "A relative date (today, yesterday, last month) was read against the source's published date."),
    "date-weekday-only": (W, "Only a weekday supports the date: weak evidence."),
    "quote-not-found": (E, "The quoted words are not in the excerpt."),
    "quote-wrong-speaker": (E, "The source, read around the excerpt, gives the quote to someone else, named or "
                               "described (an aide to X, officials)."),
    "quote-attribution-unresolved": (W, "The source does not say who said the quote: the fact is "
                                        "speaker-unconfirmed, not verified."),
    # Claims: the sentence readers read
    "claim-contradicts-value": (E, "The claim states a figure, amount or date (or qualifier) other than the fact's value."),
    "claim-not-in-excerpt": (E, "The claim states a number, amount, date or quotation that no cited excerpt states."),
    "claim-place-not-in-source": (E, "The claim names a country (or its people, or its capital) that no cited source names."),
    "claim-place-not-in-excerpt": (W, "The claim names a country that its sources name, but no cited excerpt does."),
    "claim-name-not-in-excerpt": (W, "The claim names a person from people.yml whom no cited excerpt names."),
    "claim-wrong-speaker": (E, "The claim makes someone other than the quote's speaker the one who said it."),
    "redirect-missing": (W, "A fact id that was published is gone and has no redirect."),
    "redirect-invalid": (E, "A redirect's old id is still a fact, or its target is not a fact, or redirects loop."),
}


def severity_of(rule: str) -> Severity:
    return RULES[rule][0]


def markdown_table() -> str:
    """The README's rule table."""
    rows = ["| rule | severity | meaning |", "|---|---|---|"]
    rows += [f"| `{rule}` | {sev.value} | {text} |" for rule, (sev, text) in RULES.items()]
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
