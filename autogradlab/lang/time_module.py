"""`import time` / `from time import time`: the clocks a lesson reads to time a loop against a vector
operation (UvA DL tutorial 2's `start_time = time.time()`, d2l's Timer, Dive-into-DL-PyTorch 3.1's
`start = time()`).

Read-only: each member is a clock that returns a number (float seconds, or int nanoseconds for the
`_ns` forms), takes no arguments and changes nothing. `time.sleep` is refused by name: a program that
waits only uses up its wall-time limit. Nothing else of Python's `time` module is reachable (no
strftime/localtime: they read the process's time zone and locale settings, which no lesson needs).
"""

from __future__ import annotations

import ast
import time as py_time
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramTypeError

if TYPE_CHECKING:   # safe_values imports torch: the static checker (allowed_imports) reads CLOCKS without it
    from autogradlab.lang.interpreter import Interpreter
    from autogradlab.lang.safe_values import Namespace, SafeFunction

CLOCKS = ("time", "perf_counter", "monotonic", "process_time",
          "time_ns", "perf_counter_ns", "monotonic_ns", "process_time_ns")
# Members of Python's module that a pasted lesson may reach for, refused with the reason.
REFUSED = {
    "time.sleep": "`{name}` is not supported in Autograd Lab: a program that waits only uses up its "
                  "time limit",
}


def refusal(qualname: str, shown: str) -> NotSupported | None:
    """The refusal of `time.sleep` (shown as the program wrote it), or None for any other name."""
    text = REFUSED.get(qualname)
    return None if text is None else NotSupported(text.format(name=shown))


def _clock(name: str) -> SafeFunction:
    from autogradlab.lang.safe_values import SafeFunction
    read = getattr(py_time, name)

    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if kwargs:   # Python's own words
            raise ProgramTypeError(f"time.{name}() takes no keyword arguments")
        if args:
            raise ProgramTypeError(f"time.{name}() takes no arguments ({len(args)} given)")
        return read()
    return SafeFunction(f"time.{name}", impl)


def time_namespace() -> Namespace:
    from autogradlab.lang.safe_values import Namespace
    return Namespace("time", {name: _clock(name) for name in CLOCKS})

