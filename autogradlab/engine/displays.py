"""The Recorder's on_display: bare expression statements shown as a notebook shows them."""

from __future__ import annotations

import ast
from typing import Any

import torch

from autogradlab.engine.value_text import (
    BUDGET_SPENT,
    TOO_LARGE,
    bounded_repr,
    sequence_weight,
    too_large_text,
)
from autogradlab.lang.class_introspection import ClassVars
from autogradlab.lang.stored_objects import ShownText
from autogradlab.report import Displayed

DISPLAY_MAX_WEIGHT = 100_000        # one displayed value (see values.sequence_weight) ...
DISPLAY_TOTAL_WEIGHT = 1_000_000    # ... and all displays of one run together
DISPLAY_MIN_WEIGHT = 100            # small values are shown even when that total is spent
# Characters all displays of one run write (ten lists of 100,000 short numbers, as the weights above let
# through): those count a string's 20 characters, an object's text (ShownText, its own __repr__) as 1, so
# 200 display(s) of a 100,000-character text (or a loop's bare `obj`) put 20 MB into the report (red team s41)
DISPLAY_TOTAL_CHARS = 5_000_000
DISPLAY_SMALL_CHARS = 1_000   # a text this short is shown even past that total (as DISPLAY_MIN_WEIGHT): a
# run shows at most ~1,200 values (a display per top-level line, 200 through display()), so ~1.2 MB more


class DisplayHooks:
    """Mixed into Recorder (which owns `displayed`, `_display_left`, `_seen` and `tensor_id`)."""

    displayed: list[Displayed]
    _display_left: int
    _display_chars = 0   # characters shown so far (an instance's own once it shows one)

    def on_display(self, value: Any, node: ast.AST) -> None:
        """The value as a notebook shows it; weighed first, so a huge (or hugely shared) list
        becomes a short "too large to show" text instead of a repr that would never finish."""
        self._seen(node)
        if isinstance(value, ClassVars):   # a bare `vars(C)`: refused by name, as print(vars(C)) is (s45)
            value.refuse_shown()
        if isinstance(value, torch.Tensor):
            self.tensor_id(value)
        cap = min(DISPLAY_MAX_WEIGHT, max(self._display_left, DISPLAY_MIN_WEIGHT))
        memo: dict[int, int] = {}
        weight = sequence_weight(value, cap, memo)
        if weight > cap:
            text = too_large_text(value, BUDGET_SPENT if weight <= DISPLAY_MAX_WEIGHT else TOO_LARGE)
        else:
            self._display_left -= weight
            text = bounded_repr(value, cap, memo)
            if self._display_chars + len(text) > DISPLAY_TOTAL_CHARS and len(text) > DISPLAY_SMALL_CHARS:
                text = (f"<{value.type_name or 'object'}: {BUDGET_SPENT}>" if type(value) is ShownText
                        else too_large_text(value, BUDGET_SPENT))
            self._display_chars += len(text)
        self.displayed.append(Displayed(line=getattr(node, "lineno", 0) or 0, text=text))
