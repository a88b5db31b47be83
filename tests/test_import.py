"""new-source from a URL, a saved page or a PDF, and refresh: through the real CLI against a local server.

The pages in tests/pages/ are four layouts (an article with navigation, sidebar, share bar,
caption, newsletter box, related links and footer; a government press release; a live blog;
a page with no metadata at all). ``<name>.expected.txt`` is what a reader of each page reads
as the article, written out by hand: the stored text must be exactly that. (The article's
standfirst under its headline is the one thing a reader sees that the extractor drops.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.server
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from tests.conftest import REPO, run_cli, write_source, write_yaml
from tests.pdfmaker import make_pdf

pytest.importorskip("trafilatura", reason="the import extra (scripts/test installs it)")
pytest.importorskip("pypdf", reason="the import extra (scripts/test installs it)")

PAGES = REPO / "tests" / "pages"
LAYOUTS = ["article", "press-release", "liveblog", "nometa"]
# Words on the pages that are not the article: none may reach the stored text.
BOILERPLATE = ["cookies", "Accept all", "Subscribe", "Most read", "Most viewed", "Share", "Advertisement",
               "Sign up", "Related stories", "Privacy policy", "All rights reserved", "Photograph",
               "Read more", "Kyiv’s power stations brace", "Skip to main content", "official website",
               "Media enquiries", "press@", "Open Government Licence", "Older posts", "Key events",
               "10.41 BST", "Powered by", "RSS", "Archive", "Home"]
PDF_PAGES = [["The of\ufb01cial \ufb01gures were con-", "\ufb01rmed by the \ufb02ight crew on Tuesday, and e\ufb00orts",
              "to reach the well-known station con-", "tinued."],
             ["A well-known pilot said 19,500 chil-", "dren had been moved, with some 400 a\ufb04uent",
              "volunteers helping."]]


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes, float]] = {}
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self.hits.append(self.path)
        status, headers, body, delay = self.routes.get(self.path, (404, {"Content-Type": "text/html"},
                                                                   b"<h1>Not found</h1>", 0.0))
        if delay:
            time.sleep(delay)
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers and not headers.get("X-No-Length"):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def server() -> Iterator[tuple[str, dict, list]]:
    routes: dict[str, tuple[int, dict[str, str], bytes, float]] = {}
    hits: list[str] = []
    handler = type("H", (_Handler,), {"routes": routes, "hits": hits})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    for name in LAYOUTS:
        routes[f"/{name}"] = (200, HTML, (PAGES / f"{name}.html").read_bytes(), 0.0)
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", routes, hits
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def _sources(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "content/sources").iterdir())


def _sidecar(root: Path, sid: str) -> dict:
    return yaml.safe_load((root / f"content/sources/{sid}.yml").read_text(encoding="utf-8"))


# --- what is stored -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", LAYOUTS)
def test_a_fetched_page_stores_what_a_reader_reads_and_nothing_more(workspace: Path, server, name: str) -> None:
    base, _, _ = server
    extra = ["--title", "Border notes"] if name == "nometa" else []
    r = run_cli("new-source", f"{base}/{name}", "--id", name, *extra, cwd=workspace)
    assert r.returncode == 0, r.stderr
    stored = (workspace / f"content/sources/{name}.txt").read_bytes()
    assert stored.decode("utf-8") == (PAGES / f"{name}.expected.txt").read_text(encoding="utf-8")
    for words in BOILERPLATE:
        assert words.lower() not in stored.decode().lower(), (name, words)
    assert _sidecar(workspace, name)["sha256"] == hashlib.sha256(stored).hexdigest()
    assert run_cli("validate", cwd=workspace).returncode == 0


def test_metadata_comes_from_the_page_and_is_shown_before_writing(workspace: Path, server) -> None:
    base, _, _ = server
    r = run_cli("new-source", f"{base}/article", "--id", "eu-aid", cwd=workspace)
    assert r.returncode == 0, r.stderr
    meta = _sidecar(workspace, "eu-aid")
    assert meta == {"title": "EU pledges €3.5bn in fresh aid as war enters fourth year",
                    "authors": ["Ana Kovač", "Tom Reyes"], "publisher": "The Meridian", "published": "2025-02-24",
                    "url": "https://meridian.example/world/2025/feb/24/eu-aid-ukraine",
                    "retrieved": dt.datetime.now(dt.timezone.utc).date().isoformat(), "language": "en-GB",
                    "sha256": meta["sha256"]}
    out = r.stdout
    assert out.index("title      EU pledges") < out.index("text: 7 paragraphs") < out.index("wrote ")
    assert "(JSON-LD headline)" in out and "(<link rel=canonical>)" in out and "fetched now" in out


def test_other_layouts_read_their_own_kinds_of_metadata(workspace: Path, server) -> None:
    base, _, _ = server
    assert run_cli("new-source", f"{base}/press-release", "--id", "press", cwd=workspace).returncode == 0
    press = _sidecar(workspace, "press")
    assert (press["title"], press["publisher"], press["published"], press["language"]) == (
        "Ministry announces winter support for energy infrastructure", "Ministry of Energy", "2024-11-05", "en")
    assert "authors" not in press  # the release names no author, so none is written
    assert run_cli("new-source", f"{base}/liveblog", "--id", "live", cwd=workspace).returncode == 0
    live = _sidecar(workspace, "live")
    # article:author is a profile URL, not a name: the name comes from <meta name=author>.
    assert (live["authors"], live["publisher"], live["published"]) == (["Lena Fischer"], "Daily Courier",
                                                                        "2023-04-06")


def test_a_page_without_metadata_gets_none_invented(workspace: Path, server) -> None:
    base, _, _ = server
    r = run_cli("new-source", f"{base}/nometa", "--id", "border", cwd=workspace)
    assert r.returncode == 1 and "states no title: pass --title" in r.stderr
    assert "title      -  (not stated; stays null)" in r.stdout  # shown, then refused
    assert _sources(workspace) == []
    r = run_cli("new-source", f"{base}/nometa", "--id", "border", "--title", "Border notes", cwd=workspace)
    assert r.returncode == 0, r.stderr
    meta = _sidecar(workspace, "border")
    # No publisher from the host name, no date from the text: only what was given or is known.
    assert set(meta) == {"title", "url", "retrieved", "sha256"}
    assert meta["url"] == f"{base}/nometa"


def test_flags_win_over_the_page(workspace: Path, server) -> None:
    base, _, _ = server
    r = run_cli("new-source", f"{base}/article", "--id", "eu", "--title", "EU aid", "--published", "2025-02-25",
                "--author", "Desk", "--publisher", "Meridian", "--language", "en", cwd=workspace)
    assert r.returncode == 0, r.stderr
    meta = _sidecar(workspace, "eu")
    assert (meta["title"], meta["published"], meta["authors"], meta["publisher"], meta["language"]) == (
        "EU aid", "2025-02-25", ["Desk"], "Meridian", "en")
    assert "(--title)" in r.stdout and "(--published)" in r.stdout


def test_a_saved_page_reads_the_same_without_the_network(workspace: Path) -> None:
    r = run_cli("new-source", str(PAGES / "article.html"), "--id", "saved", cwd=workspace)
    assert r.returncode == 0, r.stderr
    assert (workspace / "content/sources/saved.txt").read_text(encoding="utf-8") == \
        (PAGES / "article.expected.txt").read_text(encoding="utf-8")
    assert "retrieved" not in _sidecar(workspace, "saved")  # when it was saved is not known


def test_dry_run_shows_and_writes_nothing(workspace: Path, server) -> None:
    base, _, _ = server
    r = run_cli("new-source", f"{base}/article", "--id", "eu", "--dry-run", cwd=workspace)
    assert r.returncode == 0 and "nothing written (--dry-run)" in r.stdout
    assert _sources(workspace) == []


def test_excerpts_copied_from_the_page_validate(workspace: Path, server) -> None:
    base, _, _ = server
    for name in ("article", "press-release", "liveblog"):
        assert run_cli("new-source", f"{base}/{name}", "--id", name, cwd=workspace).returncode == 0
    write_yaml(workspace, "facts/people.yml", """
        ursula-von-der-leyen: {name: Ursula von der Leyen, aliases: [von der Leyen]}
        emmanuel-macron: {name: Emmanuel Macron, aliases: [Macron]}
    """)
    # As a browser copies them: across inline emphasis, a paragraph break, a list item.
    write_yaml(workspace, "facts/copied.yml", """
        title: Copied from the pages
        facts:
          - id: aid
            claim: The EU announced €3.5bn of aid.
            money: {value: 3.5 billion, currency: EUR}
            sources:
              - source: article
                excerpt: "The European Union announced 3.5 billion euros of fresh aid to Ukraine on Monday"
          - id: grid
            claim: The money would help repair the grid.
            sources:
              - source: article
                excerpt: "would help Ukraine repair its power grid before next winter."
          - id: across
            claim: A paragraph and a heading.
            sources:
              - source: article
                excerpt: "she told reporters at the railway station.\\n\\nA divided response\\n\\nHungary’s prime minister"
          - id: coalition
            claim: More than 50 countries joined.
            figure: {value: 50, unit: countries, qualifier: more than}
            sources:
              - source: article
                excerpt: "More than 50 countries have now joined a coalition"
          - id: generators
            claim: Generators for 1,200 hospitals and schools.
            figure: {value: 1200, unit: hospitals and schools}
            sources:
              - source: press-release
                excerpt: "mobile generators for 1,200 hospitals and schools;"
          - id: children
            claim: 19,500 children.
            figure: {value: 19500, unit: children}
            sources:
              - source: liveblog
                excerpt: "the number of children forcibly transferred by Russia had reached 19,500"
          - id: senses
            claim: Macron asked Xi to bring Russia to its senses.
            quote: {speaker: emmanuel-macron, text: "bring Russia to its senses"}
            sources:
              - source: liveblog
                excerpt: "“I know I can count on you to bring Russia to its senses and everyone back to the negotiating table,” Macron told Xi."
    """)
    r = run_cli("validate", cwd=workspace)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "7 facts, 7 verified" in r.stdout


# --- PDF ----------------------------------------------------------------------------------------

def _pdf() -> bytes:
    return make_pdf(PDF_PAGES, title="Field report", author="Monitoring Mission", creation_date="D:20240105120000Z",
                    lang="en")


def test_a_pdf_has_ligatures_and_line_end_hyphens_undone(workspace: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(_pdf())
    r = run_cli("new-source", str(pdf), "--id", "report", cwd=workspace)
    assert r.returncode == 0, r.stderr
    text = (workspace / "content/sources/report.txt").read_text(encoding="utf-8")
    assert not any(0xFB00 <= ord(ch) <= 0xFB06 for ch in text)
    assert text == ("The official figures were confirmed\nby the flight crew on Tuesday, and efforts\n"
                    "to reach the well-known station continued.\n"
                    "A well-known pilot said 19,500 children\nhad been moved, with some 400 affluent\n"
                    "volunteers helping.\n")
    meta = _sidecar(workspace, "report")
    assert (meta["title"], meta["authors"], meta["language"]) == ("Field report", ["Monitoring Mission"], "en")
    assert "published" not in meta  # a file's creation date is not its publication date
    assert meta["pages"] == [0, text.index("A well-known pilot")]
    c = run_cli("cite", "report", "19,500 children", cwd=workspace)
    assert c.returncode == 0 and c.stdout.startswith("# report, line 4, page 2\n"), c.stdout + c.stderr
    c = run_cli("cite", "report", "official figures", cwd=workspace)
    assert c.stdout.startswith("# report, line 1, page 1\n"), c.stdout
    assert "created 2024-01-05" in r.stdout and "2 pages" in r.stdout
    write_yaml(workspace, "facts/pdf.yml", """
        title: From the PDF
        facts:
          - id: confirmed
            claim: The figures were confirmed by the flight crew.
            sources:
              - source: report
                excerpt: "The official figures were confirmed by the flight crew"
          - id: children
            claim: 19,500 children had been moved.
            figure: {value: 19500, unit: children}
            sources:
              - source: report
                excerpt: "19,500 children had been moved"
    """)
    r = run_cli("validate", cwd=workspace)
    assert r.returncode == 0, r.stdout + r.stderr


def test_page_starts_must_begin_at_zero_and_ascend(workspace: Path) -> None:
    write_source(workspace, "p", "one\ntwo\n", pages=[0, 4])
    assert run_cli("validate", cwd=workspace).returncode == 0
    write_source(workspace, "p", "one\ntwo\n", pages=[4, 0])
    r = run_cli("validate", cwd=workspace)
    assert r.returncode == 1 and "0 first, then ascending" in r.stdout and "(schema-value)" in r.stdout


def test_a_pdf_url_is_read_as_a_pdf(workspace: Path, server) -> None:
    base, routes, _ = server
    routes["/report.pdf"] = (200, {"Content-Type": "application/pdf"}, _pdf(), 0.0)
    r = run_cli("new-source", f"{base}/report.pdf", "--id", "report", cwd=workspace)
    assert r.returncode == 0, r.stderr
    assert "confirmed by the flight crew" in " ".join(
        (workspace / "content/sources/report.txt").read_text(encoding="utf-8").split())
    assert _sidecar(workspace, "report")["url"] == f"{base}/report.pdf"


def test_the_ligature_and_hyphenation_tables() -> None:
    from generator.sources.pdf import LIGATURES, undo_hyphenation, undo_ligatures
    assert undo_ligatures("".join(LIGATURES)) == "fffiflffifflstst"
    assert undo_ligatures("½ ² ＡＢ") == "½ ² ＡＢ"  # not NFKC: only the ligatures change
    assert undo_hyphenation("a trans-\nferred man\n") == "a transferred\nman\n"
    assert undo_hyphenation("a well-known x, a well-\nknown y\n") == "a well-known x, a well-known\ny\n"
    assert undo_hyphenation("North-\nEast\n") == "North-\nEast\n"  # a capital after the line break: not a split
    assert undo_hyphenation("soft\u00adly, pro\u00ad\ncess\n") == "softly, process\n"


# --- every failure: exit 1, a clear message, nothing written -------------------------------------

def _refused(workspace: Path, *args: str, expect: str, rule: str) -> None:
    r = run_cli("new-source", *args, "--id", "x", "--title", "T", cwd=workspace)
    assert r.returncode == 1, (args, r.stdout, r.stderr)
    assert expect in r.stderr and f"({rule})" in r.stderr, (args, r.stderr)
    assert "Traceback" not in r.stderr
    assert _sources(workspace) == []


def test_fetch_errors(workspace: Path, server) -> None:
    base, routes, _ = server
    big = b"<html><body>" + b"<p>" + b"word " * 400 + b"</p>" * 1 + b"</body></html>"
    routes.update({
        "/json": (200, {"Content-Type": "application/json"}, b"{}", 0.0),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG", 0.0),
        "/big": (200, HTML, big, 0.0),
        "/big-undeclared": (200, {**HTML, "X-No-Length": "1"}, big, 0.0),
        "/loop": (302, {"Location": "/loop"}, b"", 0.0),
        "/to-ftp": (302, {"Location": "ftp://127.0.0.1/x"}, b"", 0.0),
        "/slow": (200, HTML, (PAGES / "article.html").read_bytes(), 3.0),
        "/nav-only": (200, HTML, b"<html><body><nav><a href='/'>Home</a> <a href='/b'>News</a></nav></body></html>", 0.0),
        "/blank": (200, HTML, b"", 0.0),
        "/error": (500, HTML, b"oops", 0.0),
    })
    _refused(workspace, f"{base}/gone", expect="the server answered 404", rule="fetch-failed")
    _refused(workspace, f"{base}/error", expect="the server answered 500", rule="fetch-failed")
    _refused(workspace, f"{base}/json", expect="sent application/json, not a web page or a PDF",
             rule="fetch-wrong-type")
    _refused(workspace, f"{base}/image", expect="image/png", rule="fetch-wrong-type")
    _refused(workspace, f"{base}/big", "--max-bytes", "1000", expect="over the limit of 1000 bytes",
             rule="fetch-too-large")
    _refused(workspace, f"{base}/big-undeclared", "--max-bytes", "1000", expect="more than 1000 bytes",
             rule="fetch-too-large")
    _refused(workspace, f"{base}/loop", expect="more than 5 redirects", rule="fetch-failed")
    _refused(workspace, f"{base}/to-ftp", expect="only http and https are followed", rule="fetch-failed")
    _refused(workspace, f"{base}/slow", "--timeout", "0.5", expect="no answer within 0.5 s", rule="fetch-failed")
    _refused(workspace, f"{base}/nav-only", expect="no article text found", rule="no-main-text")
    _refused(workspace, f"{base}/blank", expect="the page is empty", rule="no-main-text")
    _refused(workspace, base.replace("http://", "https://") + "/article", expect="TLS", rule="fetch-failed")
    port = base.rsplit(":", 1)[1]
    _refused(workspace, f"http://127.0.0.1:{int(port) + 0}/gone", expect="404", rule="fetch-failed")


def test_a_closed_port_and_broken_files(workspace: Path, tmp_path: Path) -> None:
    import socket
    with socket.socket() as s:  # a port nobody listens on: bind, note it, close
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _refused(workspace, f"http://127.0.0.1:{port}/x", expect="refused", rule="fetch-failed")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 this is not a pdf")
    _refused(workspace, str(tmp_path / "bad.pdf"), expect="not a readable PDF", rule="no-main-text")
    (tmp_path / "scan.pdf").write_bytes(make_pdf([[]]))
    _refused(workspace, str(tmp_path / "scan.pdf"), expect="no text layer", rule="no-main-text")
    _refused(workspace, str(tmp_path / "missing.html"), expect="no such file", rule="file-not-found")


def test_a_taken_id_is_refused_before_any_download(workspace: Path, server) -> None:
    base, _, hits = server
    write_source(workspace, "taken", "old\n")
    r = run_cli("new-source", f"{base}/article", "--id", "taken", cwd=workspace)
    assert r.returncode == 1 and "already exists" in r.stderr
    assert hits == []


# --- refresh ------------------------------------------------------------------------------------

def _cite_article(workspace: Path) -> None:
    write_yaml(workspace, "facts/eu.yml", """
        title: EU aid
        facts:
          - id: aid
            claim: The EU announced €3.5bn of aid.
            money: {value: 3.5 billion, currency: EUR}
            sources:
              - source: eu
                excerpt: "3.5 billion euros of fresh aid"
          - id: hungary
            claim: 26 of 27 members agreed.
            sources:
              - source: eu
                excerpt: "agreed by 26 of the bloc’s 27 members"
    """)


def test_refresh_shows_the_word_diff_and_the_citations_it_would_break(workspace: Path, server) -> None:
    base, routes, _ = server
    # The page's canonical address is the test server's.
    page = (PAGES / "article.html").read_bytes().replace(b"https://meridian.example/world/2025/feb/24/eu-aid-ukraine",
                                                          f"{base}/eu".encode())
    routes["/eu"] = (200, HTML, page, 0.0)
    assert run_cli("new-source", f"{base}/eu", "--id", "eu", "--retrieved", "2025-02-24", cwd=workspace).returncode == 0
    assert _sidecar(workspace, "eu")["retrieved"] == "2025-02-24"  # the flag wins over today
    _cite_article(workspace)
    assert run_cli("validate", cwd=workspace).returncode == 0

    r = run_cli("refresh", "eu", cwd=workspace)
    assert r.returncode == 0 and "still reads as the stored text" in r.stdout

    corrected = page.replace(b"agreed by 26 of the bloc", b"agreed by 25 of the bloc")
    routes["/eu"] = (200, HTML, corrected, 0.0)
    before = {p: p.read_bytes() for p in (workspace / "content/sources").iterdir()}
    r = run_cli("refresh", "eu", cwd=workspace)
    assert r.returncode == 1, r.stderr
    assert "[-26-] {+25+}" in r.stdout and "line 5:" in r.stdout
    assert "facts/eu.yml:13:" in r.stdout and "eu/hungary" in r.stdout and "(excerpt-not-found)" in r.stdout
    assert "eu/aid" not in r.stdout
    assert "1 of 2 citation(s) of eu would break" in r.stdout
    assert {p: p.read_bytes() for p in (workspace / "content/sources").iterdir()} == before  # nothing written

    r = run_cli("refresh", "eu", "--apply", cwd=workspace)
    assert r.returncode == 1, r.stderr
    stored = (workspace / "content/sources/eu.txt").read_bytes()
    assert b"agreed by 25 of the bloc" in stored
    meta_text = (workspace / "content/sources/eu.yml").read_text(encoding="utf-8")
    meta = yaml.safe_load(meta_text)
    assert meta["sha256"] == hashlib.sha256(stored).hexdigest()
    assert meta["retrieved"] == dt.datetime.now(dt.timezone.utc).date().isoformat()
    assert meta_text.startswith("# yaml-language-server:")  # only two lines changed
    archived = workspace / "content/archive/eu@2025-02-24.txt"
    assert archived.read_bytes() == before[workspace / "content/sources/eu.txt"]
    assert (workspace / "content/archive/eu@2025-02-24.yml").read_bytes() == before[workspace / "content/sources/eu.yml"]
    assert "kept the old snapshot as content/archive/eu@2025-02-24.txt" in r.stdout
    r = run_cli("validate", cwd=workspace)  # the archive is not read; the broken citation is
    assert r.returncode == 1 and "excerpt-not-found" in r.stdout and "source-hash" not in r.stdout
    assert run_cli("refresh", "eu", cwd=workspace).returncode == 0


def test_refresh_refuses_without_a_url_or_a_source_and_on_fetch_errors(workspace: Path, server) -> None:
    base, _, _ = server
    write_source(workspace, "plain", "text\n")
    r = run_cli("refresh", "plain", cwd=workspace)
    assert r.returncode == 1 and "has no url" in r.stderr
    r = run_cli("refresh", "plian", cwd=workspace)
    assert r.returncode == 1 and "did you mean 'plain'" in r.stderr
    write_source(workspace, "gone", "text\n", url=f"{base}/gone")
    before = (workspace / "content/sources/gone.yml").read_bytes()
    r = run_cli("refresh", "gone", "--apply", cwd=workspace)
    assert r.returncode == 1 and "404" in r.stderr and "(fetch-failed)" in r.stderr
    assert (workspace / "content/sources/gone.yml").read_bytes() == before
    assert not (workspace / "content/archive").exists()


def test_contributing_shows_what_new_source_prints_for_a_url(workspace: Path, server) -> None:
    # CONTRIBUTING's first example, replayed against the same page served here.
    base, routes, _ = server
    import re
    import shlex
    doc = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```console\n(.*?)```", doc, re.S) if b.startswith("$ factsheet new-source https"))
    command, _, shown = block.partition("\n")
    argv = shlex.split(command[2:])[1:]
    url = argv[1]
    origin = re.match(r"https://[^/]+", url).group(0)
    routes[url[len(origin):]] = (200, HTML, (PAGES / "article.html").read_bytes(), 0.0)
    r = run_cli(*[base + url[len(origin):] if a == url else a for a in argv], cwd=workspace)
    assert r.returncode == 0, r.stderr
    doc_day = re.search(r"retrieved  (\S+)", shown).group(1)
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    assert r.stdout.replace(base, origin).replace(today, doc_day) == shown
