"""Fetching a briefing from a URL with httpx: bounded in time, size and redirects, one clear line
for each way it can fail. The bytes then go through the same sniffing and extraction as a file.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.formats import DocumentError

TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
# As for a saved page (analysis.documents.MAX_HTML_BYTES): past this it is not an article.
MAX_BYTES = 20 * 1024 * 1024
# Content types that are never a briefing, refused before their body is downloaded.
_NEVER = ("image/", "audio/", "video/", "font/", "application/octet-stream", "application/zip")
USER_AGENT = "briefing (a terminal reader; fetches one page when asked)"


@dataclass
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str
    charset: str | None


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Fetched:
    import httpx

    try:
        with httpx.Client(
            follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout, headers={"User-Agent": USER_AGENT}
        ) as client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise DocumentError(f"{url}: the server answered HTTP {response.status_code} {response.reason_phrase}")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type.startswith(_NEVER):
                raise DocumentError(f"{url}: the server sent {content_type}, not a page or a document")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise DocumentError(f"{url}: the page is {int(declared) / 1e6:.0f} MB, over the {max_bytes // 2**20} MiB limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise DocumentError(f"{url}: the page is over the {max_bytes // 2**20} MiB limit")
                chunks.append(chunk)
            return Fetched(str(response.url), b"".join(chunks), content_type, response.charset_encoding)
    except httpx.TooManyRedirects:
        raise DocumentError(f"{url}: redirected more than {MAX_REDIRECTS} times (a redirect loop?)") from None
    except httpx.TimeoutException:
        raise DocumentError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.InvalidURL as error:
        raise DocumentError(f"{url}: not a valid URL ({error})") from None
    except httpx.HTTPError as error:
        raise DocumentError(f"{url}: cannot be fetched ({type(error).__name__}: {error})") from None
