"""`display(x)`: a Jupyter notebook's builtin, which a lesson pasted from a notebook calls to show a value
(NameError in plain Python, so such a lesson stopped at its first one).

Each argument is shown as a notebook shows it, as a bare expression statement at the top level is shown
(the Recorder's on_display: weighed, a "too large to show" text past the display budget), at the call's
line, wherever the call is (in a loop or a function too, as in Jupyter); `display(None)` shows None, as
IPython's does; the call returns None. IPython's keyword arguments (include=, raw=, display_id=, ...) are
refused by name. A run shows at most MAX_DISPLAYS values this way (each is a block on the page).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

import torch

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang.builtin_arguments import text_of
from autogradlab.lang.safe_values import SafeFunction, is_data
from autogradlab.lang.stored_objects import ShownText, display_value

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_DISPLAYS = 200   # values one run shows through display(...)


def _display(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    if kwargs:
        raise NotSupported("Autograd Lab supports `display(value, ...)` without keyword arguments "
                           f"(`{next(iter(kwargs))}=` was given)")
    for value in args:
        count = interp.__dict__.get("displays", 0) + 1
        if count > MAX_DISPLAYS:
            raise LimitExceeded(f"the program showed more than {MAX_DISPLAYS} values with display(); "
                                f"the limit is {MAX_DISPLAYS}",
                                hint="show fewer values, e.g. only every 100th pass of a loop, or print them")
        interp.__dict__["displays"] = count
        if is_data(value):
            if _transforming():   # a transform's tensor (batched, tracking, dual) must not outlive it: its
                value = ShownText(text_of(interp, value, repr))   # text now, as print() writes it (s41)
            interp.hooks.on_display(value, node)
        elif (shown := display_value(interp, value)) is not None:   # an object, a function
            interp.hooks.on_display(shown, node)
    return None


def _transforming() -> bool:
    """A torch.func transform or a forward-AD level runs now (jacobian(..., strategy='forward-mode') too)."""
    import torch.autograd.forward_ad as fwAD
    return torch._C._functorch.maybe_current_level() is not None or fwAD._current_level >= 0


DISPLAY = SafeFunction("display", _display)
