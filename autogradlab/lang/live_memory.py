"""max_total_elements bounds memory, not how many ops a correct loop runs (issue 9).

The size guard counts every tensor element a run creates, before it is allocated. A training loop
that rebinds its tensors creates far more elements than it ever keeps: PyTorch's own "Learning
PyTorch with Examples" polynomial fit makes about 60 million over 2,000 iterations while holding a
few thousand. So when the running count would pass a large limit, the guard looks at what the
process really holds now (the bytes malloc has handed out and not had back, grown since the run
began: glibc's mallinfo2, which PyTorch's and NumPy's buffers come from; a float32 element is 4
bytes, so float64 tensors count double) and continues from that figure if it is below the limit.
Memory held anywhere counts, also tensors kept only by an autograd graph or by a small view of a big
tensor, which no per-object count sees. Where mallinfo2 is missing, the running count stands.

Limits under RELIEF_FROM elements keep the exact running count (allocator noise would decide a
few thousand elements; the boundary tests use such limits). The refusal says which was measured:
"would create more than N tensor elements in total" (the running count) or "would hold more than N
tensor elements (4 bytes each) in memory at once" (held memory)."""

from __future__ import annotations

import ctypes
import gc

from autogradlab.lang import checked_containers

RELIEF_FROM = 1_000_000    # limits (in elements) from which resident memory is consulted
BYTES_PER_ELEMENT = 4



class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
                 "fordblks", "keepcost")]


def _mallinfo2() -> ctypes._CFuncPtr | None:
    try:
        fn = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):
        return None
    fn.restype = _MallInfo2
    return fn


_MALLINFO2 = _mallinfo2()


def allocated_bytes() -> int | None:
    """Bytes malloc has handed out and not had back (heap chunks in use + mmapped chunks), or None
    where glibc's mallinfo2 is missing (then nothing is relieved)."""
    if _MALLINFO2 is None:
        return None
    info = _MALLINFO2()
    return info.uordblks + info.hblkhd


def held_elements(baseline: int | None) -> int | None:
    """Elements' worth of memory the run holds now: allocated bytes grown since `baseline`."""
    now = allocated_bytes()
    if now is None or baseline is None:
        return None
    return max(0, now - baseline) // BYTES_PER_ELEMENT


def measures_held(baseline: int | None, limit: int) -> bool:
    """Whether a refusal at `limit` is decided on the memory the run holds (then its message says
    "would hold ... in memory at once"), not on the running count of elements created."""
    return limit >= RELIEF_FROM and baseline is not None


def relieved_count(baseline: int | None, limit: int, elements: int) -> int | None:
    """The running count to continue from when `elements` more would pass `limit`, or None: refuse.

    Only for limits from RELIEF_FROM on. Garbage with reference cycles (an autograd graph kept by a
    closure) is collected once before refusing."""
    if limit < RELIEF_FROM:
        return None
    held = held_elements(baseline)
    if held is not None and held + elements > limit:
        checked_containers.forget()   # it may hold a list the program has dropped
        gc.collect()
        held = held_elements(baseline)
    if held is None or held + elements > limit:
        return None
    return held
