"""Freed memory goes back to the system after a large read (glibc only)."""

from __future__ import annotations

import platform
import sys

from workbench import freed_memory


def test_glibc_trims_and_other_platforms_are_left_alone(monkeypatch):
    on_glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    if on_glibc:
        assert freed_memory.give_back() is True
    monkeypatch.setattr(freed_memory.sys, "platform", "win32")
    assert freed_memory.give_back() is False


def test_module_sources_read_by_pyside_are_forgotten():
    import linecache

    linecache.getline(freed_memory.__file__, 1)
    assert freed_memory.__file__ in linecache.cache
    freed_memory.drop_module_sources()
    assert freed_memory.__file__ not in linecache.cache
    assert linecache.getline(freed_memory.__file__, 1).startswith('"""')  # read again on demand
