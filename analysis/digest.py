"""SHA-256 for content hashes and cache keys, without importing hashlib for a short text.

`import hashlib` loads OpenSSL (`_hashlib`): 4.1 ms of a cached `briefing analyze` whose whole
budget over `import tinydb` is ~25 ms (bench (a)). CPython's own SHA-256 module loads in 0.3 ms and
gives the same digest, so content hashes, and the notes and cache keys built on them, do not
change. It is slower per byte (16 ms for 4 MB against OpenSSL's 2.3 ms with SHA-NI, measured here),
so a text over OPENSSL_FROM bytes, where OpenSSL's speed pays for its import, or any text once
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

# Where the two cost the same: 1 MB by the builtin module is ~4 ms, hashlib's import plus OpenSSL ~4.5 ms.
OPENSSL_FROM = 1 << 20


def sha256(data: bytes):
    """A SHA-256 object over `data` (`hexdigest()`, `digest()`), from whichever is cheaper here."""
    if _builtin_sha256 is None or len(data) >= OPENSSL_FROM or "hashlib" in sys.modules:
        import hashlib

        return hashlib.sha256(data)
    return _builtin_sha256(data)


def sha256_hex(data: bytes) -> str:
    return sha256(data).hexdigest()
