"""SHA-256 and SHA-1 from CPython's own modules or from OpenSSL: the same digests either way, so
content hashes (and the notes, cache keys and shards named by them) never change with a size."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from store import digest
from tests.helpers import REPO_ROOT


@pytest.mark.parametrize("size", [0, 1, 10_000, digest.OPENSSL_FROM - 1, digest.OPENSSL_FROM + 1])
def test_cpythons_own_module_gives_openssls_digest(size):
    # In this process hashlib is loaded, so digest.sha256 itself would always take it: the builtin
    # module is compared directly, and the choice between them is tested in a fresh process below.
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    assert digest._builtin_sha256 is not None
    assert digest._builtin_sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    assert digest._builtin_sha256(data).digest() == digest.sha256(data).digest()
    assert digest._builtin_sha1 is not None
    assert digest._builtin_sha1(data).hexdigest() == hashlib.sha1(data).hexdigest() == digest.sha1_hex(data)


def test_a_short_text_is_hashed_without_importing_hashlib_and_a_long_one_with_it():
    code = (
        "import sys\n"
        "from store.digest import OPENSSL_FROM, sha1_hex, sha256_hex\n"
        "print(sha256_hex(b'Ankara'), sha1_hex(b'Ankara'), 'hashlib' in sys.modules)\n"
        "print(sha256_hex(b'a' * OPENSSL_FROM), 'hashlib' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    )
    assert result.stdout.split() == [
        hashlib.sha256(b"Ankara").hexdigest(), hashlib.sha1(b"Ankara").hexdigest(), "False",
        hashlib.sha256(b"a" * digest.OPENSSL_FROM).hexdigest(), "True",
    ]
