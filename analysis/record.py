"""Plain records: what the analysis types took from dataclasses (a repr, `==`, a changed copy),
without importing dataclasses.

`dataclasses` imports `inspect` (and with it ast, dis, tokenize): 10 ms of a cached `briefing
analyze --json` whose whole budget over `import tinydb` is ~25 ms (bench (a)), and `@dataclass`
then compiles three or four methods per class with `exec` (~0.3 ms a class, 15 classes on that
path). A record names its fields in `__slots__`, in order, and writes its `__init__` out, so
nothing is generated at import. `__slots__` also makes each of a long briefing's 60,000 mentions
smaller and quicker to build when its analysis is read from the cache.
"""

from __future__ import annotations


class Record:
    """A base for classes whose `__slots__` are their fields, in the order `__init__` takes them."""

    __slots__ = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__qualname__}({fields})"

    def __eq__(self, other: object) -> bool:
        # As a dataclass compares: the same class, then the fields in order as one tuple.
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.values() == other.values()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable, so unhashable, as a dataclass with eq

    def values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def fields(self) -> dict:
        """Field name -> value, shallow (the lists and records inside are the same objects)."""
        return {name: getattr(self, name) for name in self.__slots__}

    def changed(self, **changes) -> Record:
        """A copy with `changes` applied, as `dataclasses.replace` makes one (an unknown name is a
        TypeError from `__init__`)."""
        return type(self)(**{**self.fields(), **changes})
