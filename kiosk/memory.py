"""Give freed memory back to the system, for a process that runs for months.

Video switches allocate and free large blocks (decoder buffers, the still that
covers a switch). glibc's allocator keeps freed blocks for reuse, so the
resident size creeps up in steps although nothing leaks; `malloc_trim` returns
what is free. Elsewhere (Windows, macOS, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from typing import Any

_trim: Any = None
_checked = False


def release_free_memory() -> bool:
    """Return free heap memory to the system; True if that was possible here."""
    global _trim, _checked
    if not _checked:
        _checked = True
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                _trim = libc.malloc_trim
                _trim.argtypes = [ctypes.c_size_t]
                _trim.restype = ctypes.c_int
            except (OSError, AttributeError):  # not glibc
                _trim = None
    if _trim is None:
        return False
    _trim(0)
    return True
