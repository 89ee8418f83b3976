"""Crash-safe JSON files: atomic replacement, an inter-process lock, and a TinyDB storage on top.

TinyDB's own JSONStorage rewrites the file in place and takes no lock, so a kill mid-write leaves
a torn file and two processes overwrite each other's changes. Here a write goes to a temporary
file beside the target, is fsynced, then `os.replace`d over it: a reader or a crash only ever sees
the old bytes or the new ones. Callers wrap every read-modify-write in `locked()`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from store.files import NotAFile, is_regular_file, read_bounded, resolve_link

TYPE_CHECKING = False  # typing's constant without importing typing: ~3 ms of a cached `briefing analyze`
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Any

    from tinydb import TinyDB

DEFAULT_LOCK_TIMEOUT = 10.0
# Far beyond any notes or corrections file we write; a link swapped to /dev/zero fails fast.
MAX_STORE_FILE_BYTES = 512 * 1024 * 1024
# Temporary files carry this suffix so leftovers of a killed writer can be recognised and swept.
TEMP_SUFFIX = ".tmp"


class StoreError(Exception):
    """Base of the store's own errors, so callers can catch them in one place."""


class StoreLocked(StoreError):
    def __init__(self, path: Path, timeout: float) -> None:
        self.path = Path(path)
        self.timeout = timeout
        super().__init__(
            f"{self.path} is locked by another briefing process (waited {timeout:g} s); "
            "close the other instance or try again"
        )


class CorruptFile(StoreError):
    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


# datetime and tempfile are imported where used: a cached open reads files and never writes or
# stamps one, and the two cost ~2.5 ms of its start-up (bench (a)).
def utc_now() -> datetime:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    from datetime import timezone

    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def fsync_folder(folder: Path) -> None:
    # Without this a power cut can forget the rename even though the file's bytes are safe.
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals the rename.
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace `path` with `data` so that no moment exists at which the file is partly written.

    A symlink is written through (its target is replaced, the link kept); a link to something that
    is not a regular file (a device, a FIFO) is refused rather than followed. `durable=False`
    skips the fsyncs (still atomic for a killed process, not across a power cut): for copies of a
    file that was itself written durably, such as the backup after each write.
    """
    path = resolve_link(Path(path))
    if path.exists() and not is_regular_file(path):
        raise NotAFile(path, "is not a regular file; not written")
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile

    # Same folder as the target: os.replace is only atomic within one filesystem.
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    if durable:
        fsync_folder(path.parent)


def write_json_atomic(path: Path, value: Any, **dump_options: Any) -> None:
    # Serialise before touching the disk, so a value json cannot encode leaves no trace at all.
    text = json.dumps(value, **dump_options)
    write_bytes_atomic(path, text.encode("utf-8"))


def copy_atomic(source: Path, target: Path) -> None:
    write_bytes_atomic(target, read_bounded(source, MAX_STORE_FILE_BYTES))


def read_json(path: Path) -> Any | None:
    """The parsed file, None if it does not exist or is empty; CorruptFile if it is not JSON."""
    path = Path(path)
    try:
        raw = read_bounded(path, MAX_STORE_FILE_BYTES)
    except FileNotFoundError:
        return None
    except NotAFile as error:
        raise CorruptFile(path, error.reason) from None
    if not raw.strip():
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        # json's C parser refuses nesting past the recursion limit cleanly; our files never nest.
        raise CorruptFile(path, "not valid JSON (nested too deeply)") from None
    except UnicodeDecodeError as error:
        raise CorruptFile(path, f"not UTF-8 text ({error.reason} at byte {error.start})") from error
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise CorruptFile(path, f"not valid JSON ({error.msg} at {where})") from error


def check_tinydb_shape(path: Path, data: Any) -> dict[str, dict[str, dict]]:
    """Tables are objects of documents keyed by integer ids; anything else is not our database."""
    if not isinstance(data, dict):
        raise CorruptFile(path, f"expected a JSON object of tables, found {type(data).__name__}")
    for table, documents in data.items():
        if not isinstance(documents, dict):
            raise CorruptFile(path, f"table {table!r} is a {type(documents).__name__}, expected an object")
        for doc_id, document in documents.items():
            if not doc_id.isdigit():
                raise CorruptFile(path, f"table {table!r} has a document id {doc_id!r} that is not a number")
            if not isinstance(document, dict):
                raise CorruptFile(path, f"document {doc_id} of table {table!r} is not an object")
    return data


class AtomicJSONStorage:
    """A TinyDB storage that writes atomically and whose reads never touch the file.

    A missing file reads as an empty database and is only created by the first write.

    TinyDB asks its storage for `read`, `write` and `close` only, so this one implements them
    without subclassing `tinydb.storages.Storage`: a cached `briefing analyze` reads the
    corrections file through it, and importing tinydb for the base class (with typing) was ~6 ms
    of that run (bench (a)). TinyDB itself is imported by the first write (`open_locked_database`).
    """

    def __init__(self, path: str | os.PathLike[str], **dump_options: Any) -> None:
        super().__init__()
        self.path = Path(path)
        self.dump_options = dump_options

    def read(self) -> dict[str, dict[str, Any]] | None:
        data = read_json(self.path)
        if data is None:
            return None
        return check_tinydb_shape(self.path, data)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        write_json_atomic(self.path, data, **self.dump_options)

    def close(self) -> None:
        """Nothing is held open between operations."""


class LockedSessionStorage(AtomicJSONStorage):
    """For one operation under the file's lock: the file is read once, then served from memory.

    TinyDB re-reads the whole file for every step of an operation (find, next id, update), which
    made each note written parse the file four times. Serving our own writes back is only safe
    because no one else can write while we hold the lock; so a session lives for one operation.
    """

    def __init__(self, path: str | os.PathLike[str], data: Any = None, **dump_options: Any) -> None:
        super().__init__(path, **dump_options)
        # `data` is what the caller just read and checked under the same lock (None: no file).
        self._data = data

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        super().write(data)
        self._data = data


def open_locked_database(path: Path, data: dict | None) -> TinyDB:
    """A TinyDB for one operation while holding `locked(path)`, starting from `data` just read."""
    from tinydb import TinyDB

    # No indent: it switches json to its pure-Python encoder, ten times slower on a large file.
    return TinyDB(path, storage=LockedSessionStorage, data=data, ensure_ascii=False)


@contextmanager
def locked(path: Path, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the inter-process lock of `path` (a `.lock` file beside it) or raise StoreLocked.

    Not re-entrant: a second `locked()` on the same file inside the first would wait for itself.
    """
    # filelock costs ~35 ms to import (asyncio); reads never need it, so it loads on first write.
    from filelock import FileLock, Timeout

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A short poll: writes take milliseconds, and the default 50 ms wait would dominate contention.
    lock = FileLock(path.with_name(path.name + ".lock"), timeout=timeout, poll_interval=0.005)
    try:
        lock.acquire()
    except Timeout as error:
        raise StoreLocked(path, timeout) from error
    try:
        yield
    finally:
        lock.release()


def sweep_temp_files(folder: Path, prefix: str) -> None:
    """Remove temporaries a killed writer left for files named `<prefix>…` in `folder`.

    Call only while holding the lock that guards those files, or a live writer's temp could go.
    """
    for leftover in Path(folder).glob(f".{prefix}*{TEMP_SUFFIX}"):
        with suppress(OSError):
            leftover.unlink()


def aside_name(path: Path, tag: str, moment: datetime | None = None) -> Path:
    """A free name `<file>.<tag>-<UTC timestamp>` beside `path`, for a copy we must never lose."""
    from datetime import timezone

    path = Path(path)
    stamp = (moment or utc_now()).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.{tag}-{stamp}")
    counter = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{tag}-{stamp}-{counter}")
        counter += 1
    return candidate


def move_aside(path: Path, tag: str, moment: datetime | None = None) -> Path:
    """Rename `path` out of the way, keeping every byte; returns the new name."""
    target = aside_name(path, tag, moment)
    os.replace(path, target)
    fsync_folder(target.parent)
    return target
