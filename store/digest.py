"""SHA-256 and SHA-1 for content hashes, cache keys and shard names, without importing hashlib
for a short input.

`import hashlib` loads OpenSSL (`_hashlib`): 4.1 ms of a cached `briefing analyze` whose whole
budget over `import tinydb` is ~25 ms (bench (a)), and of the reader's start, where nothing else
loads it (bench (b)). CPython's own SHA modules load in 0.3 ms and give the same digests, so
content hashes, and the notes, cache keys and shards named by them, do not change. They are
slower per byte (SHA-256: 16 ms for 4 MB against OpenSSL's 2.3 ms with SHA-NI, measured here),
so an input from OPENSSL_FROM bytes, where OpenSSL's speed pays for its import, or any input once
hashlib is loaded anyway, goes to hashlib.
"""

from __future__ import annotations

import sys

try:  # the module's name from Python 3.12 on
    from _sha2 import sha256 as _builtin_sha256
except ImportError:
    try:
        from _sha256 import sha256 as _builtin_sha256
    except ImportError:  # pragma: no cover - a Python built without it: hashlib has its own fallback
        _builtin_sha256 = None
try:
    from _sha1 import sha1 as _builtin_sha1
except ImportError:  # pragma: no cover
    _builtin_sha1 = None

# Where the two cost the same: 1 MB by the builtin module is ~4 ms, hashlib's import plus OpenSSL ~4.5 ms.
OPENSSL_FROM = 1 << 20


def _openssl(data: bytes, builtin) -> bool:
    return builtin is None or len(data) >= OPENSSL_FROM or "hashlib" in sys.modules


def sha256(data: bytes):
    """A SHA-256 object over `data` (`hexdigest()`, `digest()`), from whichever is cheaper here."""
    if _openssl(data, _builtin_sha256):
        import hashlib

        return hashlib.sha256(data)
    return _builtin_sha256(data)


def sha256_hex(data: bytes) -> str:
    return sha256(data).hexdigest()


def sha1_hex(data: bytes) -> str:
    """SHA-1 for names only (shards), never for integrity."""
    if _openssl(data, _builtin_sha1):
        import hashlib

        return hashlib.sha1(data).hexdigest()
    return _builtin_sha1(data).hexdigest()
