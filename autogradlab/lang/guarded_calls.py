"""Running a piece of work on a program's values with the error it raises turned into the program's
own error: torch's (translate_torch_error) or Python's (operators.python_error).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from autogradlab.lang.calls import translate_torch_error
from autogradlab.lang.operators import python_error


def _torch_guarded(op: str, fn: Callable[[], Any], args: list) -> Any:
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001
        raise translate_torch_error(exc, op, args) from None



def _python_guarded(fn: Callable[[], Any], keep_own: bool = False) -> Any:
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001
        if keep_own and hasattr(exc, "kind"):   # the engine's own errors (a key function's) as they are
            raise
        raise python_error(exc) from None

