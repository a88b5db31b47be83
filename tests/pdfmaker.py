"""A tiny PDF writer for tests: pages of text lines in Helvetica, with ligature glyphs where the text has them.

Written by hand (no binary fixture, no extra library): each page is a content stream of
``Tj`` lines; the font's /Differences map bytes 0x80.. to the glyphs /fi, /fl, /ff, /ffi, /ffl,
so a PDF reader finds the ligature characters U+FB00.. exactly as in typeset documents.
"""

from __future__ import annotations

_GLYPHS = {"\ufb01": (0x80, "fi"), "\ufb02": (0x81, "fl"), "\ufb00": (0x82, "ff"),
           "\ufb03": (0x83, "ffi"), "\ufb04": (0x84, "ffl")}


def _pdf_string(line: str) -> bytes:
    out = bytearray(b"(")
    for ch in line:
        if ch in _GLYPHS:
            out += b"\\%03o" % _GLYPHS[ch][0]
        elif ch in "()\\":
            out += b"\\" + ch.encode("ascii")
        else:
            out += ch.encode("cp1252")
    return bytes(out + b")")


def make_pdf(pages: list[list[str]], *, title: str | None = None, author: str | None = None,
             creation_date: str | None = None, lang: str | None = None) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    diffs = b" ".join(b"%d /%s" % (code, name.encode()) for code, name in _GLYPHS.values())
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
               b"/BaseEncoding /WinAnsiEncoding /Differences [" + diffs + b"] >> >>")
    pages_id = len(objects) + 1 + 2 * len(pages)  # after every page and its content
    kids = []
    for lines in pages:
        ops = [b"BT /F1 11 Tf 14 TL 72 760 Td"]
        for line in lines:
            ops.append(_pdf_string(line) + b" Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)))
    assert add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
               + b"] /Count %d >>" % len(kids)) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R" % pages_id
                  + (b" /Lang (" + lang.encode() + b")" if lang else b"") + b" >>")
    info_items = [(b"Title", title), (b"Author", author), (b"CreationDate", creation_date)]
    info = add(b"<< " + b" ".join(b"/" + k + b" (" + v.encode("latin-1") + b")" for k, v in info_items if v)
               + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, catalog, info, xref))
    return bytes(out)
