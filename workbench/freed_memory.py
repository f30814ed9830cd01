"""Handing freed memory back to the system after a large read.

Why: the window reads a file on a worker thread, and glibc gives each thread its own malloc
arena; what the reader freed there (calamine's cells, the sheets as read) stays reserved in
that arena, where the GUI thread's allocations never reuse it, so the grid built next adds to
the process's size instead of filling the gap (about 20 MB on a 100k-row annex). Other C
libraries (Windows' heap, macOS's) share their free memory between threads and need nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys


def give_back() -> bool:
    """Return the C heap's free pages to the system where the C library can (glibc's
    malloc_trim); True when it did."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and other C libraries have no malloc_trim
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True


def drop_module_sources() -> None:
    """Forget the source lines of imported modules (linecache), which PySide6 reads whole.

    Why: PySide6's import hook (shibokensupport's feature module) calls inspect.getsource on
    every module imported after it, to see whether the module uses PySide, and linecache
    keeps each file's lines: 17 MB for the modules the window and its chart import. A
    traceback reads the lines it needs again."""
    import linecache

    linecache.clearcache()
