"""Building or reading an analysis pauses the cyclic collector, then freezes what was built."""

from __future__ import annotations

import gc
import weakref

from analysis.service import collector_paused


def test_the_collector_is_paused_inside_and_restored_after():
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()  # earlier tests may have frozen objects already
    with collector_paused():
        assert not gc.isenabled()
        built = [[n] for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() - frozen_before >= len(built), "what was built is frozen"


def test_a_disabled_collector_stays_disabled_and_errors_still_restore_it():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    try:
        with collector_paused():
            raise ValueError("a corrupt entry")
    except ValueError:
        pass
    assert gc.isenabled()


def test_garbage_cycles_are_collected_not_frozen_once_something_is_frozen():
    with collector_paused():
        pass  # something is frozen from here on

    class Node:
        pass

    gc.disable()  # so that nothing but collector_paused can collect the cycle
    try:
        node = Node()
        node.itself = node  # a cycle: only the collector can free it
        gone = weakref.ref(node)
        del node
        assert gone() is not None
        with collector_paused():
            pass
    finally:
        gc.enable()
    assert gone() is None
