"""Downloading one document, with limits: a timeout, a size limit, content types, bounded redirects.

Every failure is a ``Refused`` with a sentence an editor can act on; nothing is
written by this module.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from generator.authoring import Refused

HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPES = ("application/pdf",)
ACCEPTED_TYPES = HTML_TYPES + PDF_TYPES
MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 20.0  # seconds for connecting and for each read; three times that for the whole download
DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a news page with inline scripts is well under this
USER_AGENT = "factsheet-new-source/1 (+snapshot of a cited source)"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # lower-case media type, without parameters
    charset: str | None
    body: bytes


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow at most ``limit`` redirects, and only to http(s)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seen: list[str] = []
        # urllib's own loop check would speak first. typeshed calls these ClassVars, but urllib reads them
        # through self, and the limit is this handler's own.
        self.max_repeats = self.max_redirections = limit + 1  # type: ignore[misc]

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        self.seen.append(newurl)
        if len(self.seen) > self.limit:
            raise Refused("fetch-failed", f"{self.seen[0]}: more than {self.limit} redirects "
                                          f"(last to {newurl}); give the final address instead")
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise Refused("fetch-failed", f"redirected to {newurl}: only http and https are followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _parse_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    parts = [p.strip() for p in header.split(";")]
    charset = None
    for p in parts[1:]:
        key, _, value = p.partition("=")
        if key.strip().lower() == "charset" and value:
            charset = value.strip().strip('"\'').lower()
    return parts[0].lower(), charset


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
          max_redirects: int = MAX_REDIRECTS) -> Fetched:
    """The document at ``url`` (an http or https URL), or ``Refused`` naming what went wrong."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise Refused("fetch-failed", f"{url}: only http:// and https:// addresses can be fetched")
    redirects = _Redirects(max_redirects)
    opener = urllib.request.build_opener(redirects)
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9",
        "Accept-Encoding": "identity"})
    try:
        with opener.open(request, timeout=timeout) as response:
            final = response.geturl()
            media, charset = _parse_type(response.headers.get("Content-Type"))
            if media not in ACCEPTED_TYPES:
                raise Refused("fetch-wrong-type",
                              f"{final}: the server sent {media or 'no content type'}, not a web page or a PDF "
                              f"(accepted: {', '.join(ACCEPTED_TYPES)})")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise Refused("fetch-too-large",
                              f"{final}: {int(declared)} bytes is over the limit of {max_bytes} bytes "
                              "(--max-bytes raises it)")
            body = _read_bounded(response, final, max_bytes, deadline=time.monotonic() + 3 * timeout)
    except Refused:
        raise
    except urllib.error.HTTPError as exc:
        raise Refused("fetch-failed", f"{exc.url or url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise Refused("fetch-failed", f"{url}: {_reason(exc.reason, timeout)}") from None
    except (TimeoutError, socket.timeout):
        raise Refused("fetch-failed", f"{url}: no answer within {timeout:g} s (--timeout raises it)") from None
    except (http.client.HTTPException, ConnectionError, ssl.SSLError, OSError) as exc:
        raise Refused("fetch-failed", f"{url}: {_reason(exc, timeout)}") from None
    return Fetched(final, media, charset, body)


def _read_bounded(response: http.client.HTTPResponse, url: str, max_bytes: int, deadline: float) -> bytes:
    """The body, refused past ``max_bytes`` or past ``deadline`` (a server trickling bytes never ends)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(64 * 1024)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise Refused("fetch-too-large", f"{url}: more than {max_bytes} bytes (--max-bytes raises it)")
        if time.monotonic() > deadline:
            raise Refused("fetch-failed", f"{url}: the download did not finish in time (--timeout raises it)")
        chunks.append(chunk)


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s (--timeout raises it)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the TLS certificate is not valid: {reason.verify_message}"
    if isinstance(reason, ssl.SSLError):
        return f"the TLS connection failed: {reason.reason or reason}"
    if isinstance(reason, socket.gaierror):
        return "the host name does not resolve (check the address, or the network)"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused"
    return f"the connection failed: {reason}"
