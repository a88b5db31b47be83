"""A PDF → its text (pypdf) with typesetting undone, and the metadata the file states.

Typesetting is undone by two explicit rules, not by Unicode NFKC (which would
also change fractions, superscripts, full-width forms and more that a citation
must keep):

* ``LIGATURES``: each presentation-form ligature becomes the letters it joins.
* Hyphenation at a line end: ``word-`` at the end of a line followed by a line
  starting with a lower-case letter is one word split by the typesetter; it is
  joined, the rest of the word moving up to the first line. The hyphen is kept
  when the document writes that same compound with a hyphen elsewhere, inside
  a line (``well-known``): then it was a real hyphen that fell at a line end.
  A soft hyphen (U+00AD) is never text and is always dropped.

Lines stay lines otherwise (matching forgives line breaks), and each page ends
with a line break; ``pages`` records where each page starts, for page numbers.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
import re

from generator.authoring import Refused
from generator.sources.document import Extracted, Found

LIGATURES = {
    "\ufb00": "ff",   # ﬀ
    "\ufb01": "fi",   # ﬁ
    "\ufb02": "fl",   # ﬂ
    "\ufb03": "ffi",  # ﬃ
    "\ufb04": "ffl",  # ﬄ
    "\ufb05": "st",   # ﬅ (long s + t)
    "\ufb06": "st",   # ﬆ
}
_LIGATURE = re.compile("[" + "".join(LIGATURES) + "]")
# A word broken at a line end: letters, a hyphen (ASCII or U+2010), the line break, the rest of the word
# (a split only when it starts with a lower-case letter).
_BROKEN = re.compile(r"(?P<left>\w+)(?P<hyphen>[-\u2010])[ \t]*\n(?P<right>\w\S*)[ \t]*")
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")


def undo_ligatures(text: str) -> str:
    return _LIGATURE.sub(lambda m: LIGATURES[m.group(0)], text)


def undo_hyphenation(text: str) -> str:
    text = text.replace("\u00ad\n", "").replace("\u00ad", "")
    inline = {m.group(0).lower() for m in re.finditer(r"\w+[-\u2010]\w+", text.replace("-\n", "\n"))}

    def join(m: re.Match[str]) -> str:
        left, right = m.group("left"), m.group("right")
        if not right[0].islower():
            return m.group(0)
        hyphen = m.group("hyphen") if f"{left}{m.group('hyphen')}{right}".lower() in inline else ""
        # The rest of the word moves up; the rest of its line starts a line of its own.
        at_end = m.end() == len(text) or text[m.end()] == "\n"
        return f"{left}{hyphen}{right}" + ("" if at_end else "\n")

    return _BROKEN.sub(join, text)


def extract_pdf(body: bytes, what: str) -> Extracted:
    try:
        import pypdf
        from pypdf.errors import PdfReadError
    except ImportError:
        raise Refused("extractor-missing", "reading a PDF needs pypdf: pip install 'factsheet[import]' "
                                           "(or bash scripts/setup test import)") from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            raise Refused("no-main-text", f"{what}: the PDF is encrypted; save its text by hand as a .txt file")
        raw_pages = [page.extract_text() or "" for page in reader.pages]
    except Refused:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise Refused("no-main-text", f"{what}: not a readable PDF ({exc})") from None
    pages: list[int] = []
    parts: list[str] = []
    offset = 0
    for raw in raw_pages:
        page = undo_hyphenation(undo_ligatures(raw.replace("\r\n", "\n").replace("\r", "\n")))
        page = "\n".join(line.rstrip() for line in page.split("\n")).strip("\n")
        page = page + "\n" if page else ""
        pages.append(offset)
        parts.append(page)
        offset += len(page)
    text = "".join(parts)
    if not text.strip():
        raise Refused("no-main-text", f"{what}: the PDF has no text layer (a scan?); "
                                      "save its text by hand as a .txt file")
    meta: dict[str, Found] = {}
    notes: list[str] = []
    info: Mapping[str, object] = reader.metadata or {}
    title, author = _info(info, "/Title"), _info(info, "/Author")
    if title:
        meta["title"] = Found(title, "PDF /Title")
    if author:
        meta["authors"] = Found([author], "PDF /Author")
    root = reader.trailer["/Root"].get_object()
    lang: object = root.get("/Lang") if isinstance(root, Mapping) else None
    if isinstance(lang, str) and re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", lang):
        meta["language"] = Found(str(lang), "PDF /Lang")
    created = _PDF_DATE.match(_info(info, "/CreationDate") or "")
    if created:
        day = "-".join(p for p in created.groups() if p)
        notes.append(f"the PDF file was created {day}; that is not necessarily when it was published "
                     "(not used: pass --published)")
    return Extracted(text, "PDF", meta, notes, pages)


def _info(info: Mapping[str, object], key: str) -> str | None:
    value = info.get(key)
    value = " ".join(str(value).split()) if value is not None else ""
    return value or None
