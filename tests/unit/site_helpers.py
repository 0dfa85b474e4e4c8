"""Shared pieces of the planned-call-site differential tests (test_tensor_sites.py,
test_function_sites.py): a case runs with the plans and on the general path (`unplanned()` puts it
back), and the error (kind, message, line, column), step count, variables, printed text and op
records (test_compiled_blocks.outcome) must be equal; plain PyTorch is the oracle for the values."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable

import pytest
import torch

from autogradlab.limits import Limits
from tests.unit.differential_helpers import PastDeadline
from tests.unit.test_compiled_blocks import outcome


def python_prints(source: str) -> str:
    """What real Python + PyTorch print for `source`, with the engine's seed for torch.randn."""
    torch.manual_seed(0)
    generator = torch.Generator().manual_seed(0)
    printed = io.StringIO()
    real_randn = torch.randn
    with contextlib.redirect_stdout(printed):
        torch.randn = lambda *size: real_randn(*size, generator=generator)
        try:
            exec(compile(source, "oracle", "exec"), {})  # noqa: S102 - trusted test text
        finally:
            torch.randn = real_randn
    return printed.getvalue()


def assert_planned_like_general(name: str, source: str, limits: Limits,
                                unplanned: Callable[[], None]) -> None:
    """One case: the same outcome both ways; `_above`/`_refused` cases fail (a limit for `_above`,
    and `huge_` ones name the 10**12 elements), every other case runs."""
    planned = outcome(source, limits)
    unplanned()
    assert outcome(source, limits) == planned
    error, steps, *_ = planned
    assert steps > 0
    assert (error is not None) == name.endswith(("_above", "_refused")), (name, error)
    if name.endswith("_above"):
        assert error[0] == "limit" and "limit" in error[1], error
    if name.startswith("huge_"):
        assert "1,000,000,000,000 elements" in error[1], error


def assert_every_step_cut_alike(source: str, unplanned: Callable[[], None]) -> None:
    """The budget runs out at every step: the same node, message and count both ways."""
    _, steps, _, _, _ = outcome(source, Limits(timeout_s=600))
    planned = [outcome(source, Limits(max_steps=cut, timeout_s=600)) for cut in range(1, steps + 1)]
    unplanned()
    walked = [outcome(source, Limits(max_steps=cut, timeout_s=600)) for cut in range(1, steps + 1)]
    for cut, (mine, theirs) in enumerate(zip(planned, walked, strict=True), start=1):
        assert mine == theirs, cut
    assert planned[-1][0] is None and all(error[0] == "limit" for error, *_ in planned[:-1])


def assert_time_check_alike(source: str, unplanned: Callable[[], None],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A clock past the deadline stops the run at the same node (the 32nd step) both ways."""
    from autogradlab.lang import interpreter

    monkeypatch.setattr(interpreter, "time", PastDeadline())
    planned = outcome(source, Limits())
    monkeypatch.setattr(interpreter, "time", PastDeadline())
    unplanned()
    assert outcome(source, Limits()) == planned
    assert planned[0] is not None and planned[0][0] == "timeout" and planned[1] == 32, planned
