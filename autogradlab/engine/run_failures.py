"""What run.py reports when something other than the program failed: an "internal" error of Autograd
Lab (or a "memory" error when the worker ran out of memory), and the start of the printed output
when joining all of it failed."""

from __future__ import annotations

from autogradlab.limits import DEFAULT_LIMITS, Limits
from autogradlab.report import ErrorInfo


def _is_memory_failure(exc: BaseException) -> bool:
    if isinstance(exc, MemoryError):
        return True
    text = str(exc).lower() if isinstance(exc, RuntimeError) else ""
    return "can't allocate memory" in text or "not enough memory" in text


def _internal(exc: BaseException, line: int | None = None, limits: Limits = DEFAULT_LIMITS) -> ErrorInfo:
    """A failure of Autograd Lab itself (or the worker's memory running out while it described the
    run), at the line of the last statement the recorder saw, if any."""
    if _is_memory_failure(exc):
        return ErrorInfo(kind="memory", message=f"the program used more than {limits.memory_mb} MB of "
                         "memory and was stopped", line=line, hint="use smaller tensors, or fewer of them")
    return ErrorInfo(kind="internal", message=f"internal error in Autograd Lab: {type(exc).__name__}",
                     line=line)


PRINTED_KEPT_ON_FAILURE = 1_000_000   # characters of print() output kept when joining all of it failed


def _printed_start(pieces: list[str]) -> str:
    """The first PRINTED_KEPT_ON_FAILURE characters of what print() wrote, and a line saying the
    rest is missing; "" if even that fails."""
    try:
        kept: list[str] = []
        size = 0
        for piece in pieces:
            if size + len(piece) > PRINTED_KEPT_ON_FAILURE:
                kept.append(piece[:PRINTED_KEPT_ON_FAILURE - size])
                break
            kept.append(piece)
            size += len(piece)
        return "".join(kept) + "\n[... the rest of the printed output is missing: out of memory]\n"
    except Exception:
        return ""
