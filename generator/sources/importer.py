"""What SOURCE names (a text file, a saved web page, a PDF, a URL), its snapshot text, and its metadata.

``import.py`` would be the natural name, but ``import`` is a Python keyword. The
metadata is what the document states (``html.read_metadata``, ``pdf.extract_pdf``)
overridden by the editor's flags; nothing else is filled in: a field that is
neither stated nor given stays null.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.authoring import Refused
from generator.sources.document import FIELDS, Extracted, Found
from generator.sources.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, PDF_TYPES, Fetched, fetch

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def kind_of(source: str) -> str:
    """"url", "html", "pdf" or "text" (anything else is copied byte for byte, as new-source always did)."""
    if is_url(source):
        return "url"
    suffix = Path(source).suffix.lower()
    return "html" if suffix in HTML_SUFFIXES else "pdf" if suffix in PDF_SUFFIXES else "text"


@dataclass
class Snapshot:
    text: str
    extracted: Extracted
    origin: str  # what was read: the final URL or the file
    size: int  # bytes read
    meta: dict[str, Found] = field(default_factory=dict)


def extract_fetched(got: Fetched, what: str) -> Extracted:
    from generator.sources.html import extract_html
    from generator.sources.pdf import extract_pdf
    if got.content_type in PDF_TYPES:
        return extract_pdf(got.body, what)
    return extract_html(got.body, got.charset, got.url, what)


def read_url(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
             today: dt.date | None = None) -> Snapshot:
    got = fetch(url, timeout=timeout, max_bytes=max_bytes)
    extracted = extract_fetched(got, got.url)
    meta = dict(extracted.meta)
    # Where it was fetched from is a fact, not a guess: the URL when the page names no canonical one.
    meta.setdefault("url", Found(got.url, "the address fetched"))
    day = today or dt.datetime.now(dt.timezone.utc).date()
    meta["retrieved"] = Found(day.isoformat(), "fetched now, UTC date")
    return Snapshot(extracted.text, extracted, got.url, len(got.body), meta)


def read_file(path: Path, kind: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Snapshot:
    from generator.sources.html import extract_html
    from generator.sources.pdf import extract_pdf
    if not path.is_file():
        raise Refused("file-not-found", f"{path}: no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise Refused("file-too-large", f"{path}: {size} bytes is over the limit of {max_bytes} bytes "
                                        "(--max-bytes raises it)")
    body = path.read_bytes()
    extracted = extract_pdf(body, str(path)) if kind == "pdf" else extract_html(body, None, None, str(path))
    return Snapshot(extracted.text, extracted, str(path), len(body), dict(extracted.meta))


def merge(stated: dict[str, Found], flags: dict[str, str | list[str] | None]) -> dict[str, Found]:
    """Flags win over what the document states; empty flags are not given."""
    out = dict(stated)
    for key, value in flags.items():
        if value is not None and value not in ([], ""):
            out[key] = Found(value, f"--{'author' if key == 'authors' else key}")
    return out


def preview(snap: Snapshot, meta: dict[str, Found], *, width: int = 100) -> str:
    """What was extracted, shown before anything is written."""
    lines = [f"read {snap.origin} ({snap.extracted.kind}, {snap.size:,} bytes)"]
    for key in (*FIELDS[:5], "retrieved", FIELDS[5]):
        found = meta.get(key)
        if found is None:
            lines.append(f"  {key:<10} -  (not stated; stays null)")
        else:
            value = ", ".join(found.value) if isinstance(found.value, list) else found.value
            lines.append(f"  {key:<10} {value}  ({found.where})")
    lines += [f"  note: {n}" for n in snap.extracted.notes]
    paras = [p for p in snap.text.split("\n") if p.strip()]
    words = len(snap.text.split())
    pages = f", {len(snap.extracted.pages)} pages" if snap.extracted.pages else ""
    lines.append(f"text: {len(paras)} paragraphs, {words:,} words, {len(snap.text):,} characters{pages}")
    shown = paras if len(paras) <= 5 else [*paras[:3], "…", paras[-1]]
    for p in shown:
        lines.append("  | " + (p if len(p) <= width else p[: width - 1] + "…"))
    return "\n".join(lines)
