"""glibc's malloc keeps freed memory: set once in the zygote, so every job process it forks inherits it.

A torch.func job (vmap(grad(f)), 60 muls on 500 x 2000) took its process from 227 MB to a peak RSS of
504 MB with glibc's defaults and 340 MB with these settings (bigloop, 20 backward passes of 1000 x 1000:
501 -> 413 MB); its address space, which the job's RLIMIT_AS counts, 968 -> 808 MB. By default glibc
serves a freed block above 128 kB from the heap next time (its mmap threshold rises to the largest
block freed, up to 32 MB) and trims the heap only past 128 kB at its top, so a job's freed tensors stay
mapped and fragment; a fixed threshold maps each large block on its own and unmaps it when freed.
Job CPU of the ten loop programs (bench/sandbox_ab.py, median of 5, load ~11) was the same or lower
with it (polyfit_2000 600 -> 580 ms, linreg 100 -> 100): their tensors are under 128 kB. Jobs are forked
per program, so freed memory went back at exit already; malloc_trim after each job would add nothing.
Never imports torch."""

from __future__ import annotations

import ctypes
import ctypes.util

M_TRIM_THRESHOLD = -1    # glibc's malloc.h
M_MMAP_THRESHOLD = -3
THRESHOLD_BYTES = 128 * 1024   # glibc's own starting value, kept fixed


def return_freed_memory() -> bool:
    """Fix glibc's mmap and trim thresholds in this process (and what it forks); False where the C
    library is not glibc (nothing changed)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    mapped = bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD_BYTES))
    return bool(mallopt(M_TRIM_THRESHOLD, THRESHOLD_BYTES)) and mapped
