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
