"""Reading a briefing: the file's bytes, their format sniffed, the one extractor it needs.

Everything but plain text goes through the extraction cache (keyed by the bytes, the extractor's
name and version and the options), so a briefing opened before imports no extractor at all.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from analysis.formats import DocumentError
from analysis.formats.sniff import sniff
from analysis.formats.text import from_bytes
from analysis.types import Document
from store.digest import sha256
from store.files import NotAFile, read_bounded


# Above this a file is refused rather than read into memory: far beyond any briefing, small enough
# that a mistaken path to a disk image fails fast.
MAX_BYTES = 64 * 1024 * 1024
# A web article is a few hundred KB even with its scripts inlined; a page far past this is a data
# dump or an archive, and parsing it would take the reader minutes.
MAX_HTML_BYTES = 20 * 1024 * 1024
# format -> (module in analysis.formats, distribution whose version names the extractor)
EXTRACTORS = {
    "html": ("html", "trafilatura"),
    "mhtml": ("html", "trafilatura"),
    "pdf": ("pdf", "pypdfium2"),
    "docx": ("docx", "python-docx"),
    "epub": ("epub", "trafilatura"),
    "markdown": ("markdown", "markdown-it-py"),
}


def read_document(path: str | Path, *, whole_page: bool = False, data_dir: str | None = None) -> Document:
    """Read a briefing file, or raise DocumentError with a one-line reason."""
    path = Path(path)
    if not path.exists():
        raise DocumentError(f"{path}: no such file")
    if path.is_dir():
        raise DocumentError(f"{path}: is a folder, not a briefing file")
    try:
        data = read_bounded(path, MAX_BYTES)  # a regular file only, never more than MAX_BYTES
    except NotAFile as error:
        raise DocumentError(str(error)) from None
    except PermissionError:
        raise DocumentError(f"{path}: permission denied") from None
    except OSError as error:
        raise DocumentError(f"{path}: cannot be read ({error.strerror or error})") from None
    return read_bytes(data, str(path), whole_page=whole_page, data_dir=data_dir)


def read_bytes(
    data: bytes,
    source: str,
    *,
    whole_page: bool = False,
    data_dir: str | None = None,
    url: str | None = None,
    charset: str | None = None,
) -> Document:
    """The Document in `data` (a file's, standard input's or a fetched page's bytes)."""
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{source}: {len(data) / 1e6:.0f} MB is too large for a briefing")
    format = sniff(data, source)
    if format == "text":
        return from_bytes(data, source)
    if format in ("html", "mhtml") and len(data) > MAX_HTML_BYTES:
        raise DocumentError(
            f"{source}: a {len(data) / 1e6:.0f} MB web page is too large to extract "
            f"(the limit is {MAX_HTML_BYTES // 2**20} MiB)"
        )
    module_name, distribution = EXTRACTORS[format]
    extractor = f"{distribution}/{_version(distribution)}+{module_name}{_glue_version(module_name)}"
    if whole_page:
        extractor += "+whole-page"
    key = sha256(sha256(data).digest() + f"|{format}|{extractor}|{url}|{charset}".encode()).hexdigest()
    cache = _extracts(data_dir)
    raw = cache.get(key)
    if raw is not None:
        try:
            document = Document.from_dict(raw)
        except (KeyError, TypeError, ValueError):
            document = None  # an entry of an older shape: extract again
        if document is not None:
            document.path = source
            return document
    module = import_module(f"analysis.formats.{module_name}")
    document = module.extract(data, source, format=format, whole_page=whole_page, url=url, charset=charset)
    document.extractor = extractor
    if not document.text.strip():
        raise DocumentError(f"{source}: holds no text")
    cache.put(key, document.to_dict())
    return document


def _extracts(data_dir: str | None):
    from store.cache import AnalysisCache
    from store.paths import extracts_cache_dir

    return AnalysisCache(extracts_cache_dir(data_dir))


_VERSIONS: dict[str, str] = {}


def _version(distribution: str) -> str:
    """The installed version, from package metadata: importing the extractor to ask would defeat the cache."""
    if distribution not in _VERSIONS:
        from importlib import metadata

        try:
            _VERSIONS[distribution] = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            raise DocumentError(f"reading this format needs the '{distribution}' package, which is not installed") from None
    return _VERSIONS[distribution]


def _glue_version(module_name: str) -> str:
    """Our own code around the library: bumped in the module (GLUE_VERSION) when its output changes."""
    from analysis.formats import GLUE_VERSIONS

    return GLUE_VERSIONS[module_name]
