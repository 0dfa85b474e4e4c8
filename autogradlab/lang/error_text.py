"""Library calls whose errors carry the text of tensors (torch.distributions' argument checks: `... but
found invalid values:\ntensor([...])`; gradcheck's `Jacobian mismatch ... numerical: tensor(...)`): torch
formats that text with the run's print options when it raises. Under `torch.set_printoptions(threshold=
10**9)` (lang/print_options.py takes any threshold) a check of millions of values spent tens of seconds
formatting a text the error clips at a few thousand characters (a Normal of 5,000,000 negative scales:
40.8 s; gradcheck of a wrong custom backward on 1,500 inputs: past the time limit). While such a call
runs, a tensor of more than ITEMS items is summarised in it (torch formats ~8 us an item: 50,000 take
~0.4 s; the threshold the program set still holds up to that, so the text the error shows is PyTorch's
own); the program's own code called inside (gradcheck's function) prints with the program's options.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import torch._tensor_str as _torch_str

ITEMS = 50_000   # items a tensor in a library error's text shows in full at most


class BoundedErrorText:
    """`with BoundedErrorText() as bound:` around the library call; `with bound.program():` around the
    program's code it calls back."""

    def __init__(self) -> None:
        self.kept: Any = None   # the program's threshold (None: not entered)

    def __enter__(self) -> BoundedErrorText:
        self._lower()
        return self

    def __exit__(self, *exc: object) -> None:
        _torch_str.PRINT_OPTS.threshold = self.kept
        self.kept = None

    def _lower(self) -> None:
        options = _torch_str.PRINT_OPTS
        self.kept = options.threshold
        if options.threshold > ITEMS:
            options.threshold = ITEMS

    @contextmanager
    def program(self) -> Iterator[None]:
        """The program's options while its code runs (a `set_printoptions` in it lasts, as in PyTorch)."""
        if self.kept is None:
            yield
            return
        _torch_str.PRINT_OPTS.threshold = self.kept
        try:
            yield
        finally:
            self._lower()
