"""Checks shared by the tests of the compiled fast paths (test_compiled_*.py): a program run through
its fast closures and through the general per-node walk (test_compiled_blocks.generic) must stop at
the same node with the same message and step count, whichever step the budget runs out at and
wherever the interpreter's time check (every 32nd step) falls."""

from __future__ import annotations

from collections.abc import Callable

from autogradlab.lang.parse import parse_program
from autogradlab.limits import Limits
from tests.unit.test_compiled_blocks import outcome


class PastDeadline:
    """time for lang/interpreter.py: the run starts at 0 s, every later clock reading is far past
    the deadline, so the first time check (the 32nd step) stops the program."""

    def __init__(self) -> None:
        self.readings = 0

    def monotonic(self) -> float:
        self.readings += 1
        return 0.0 if self.readings == 1 else 1e9


def assert_every_step_cut_agrees(source: str, generic: Callable[[], None]) -> None:
    """The budget runs out at every single step of `source`: the same node, message and count
    with the fast closures and with the general walk (a long time limit: on a loaded machine the
    default one could end a run first). The full budget runs it to its end."""
    tree = parse_program(source)   # parsed once: ~a third of a short run's time
    _, steps, _, _, _ = outcome(source, Limits(timeout_s=600))
    cuts = range(1, steps + 1)
    compiled = [outcome(source, Limits(max_steps=cut, timeout_s=600), tree) for cut in cuts]
    generic()
    walked = [outcome(source, Limits(max_steps=cut, timeout_s=600), tree) for cut in cuts]
    for cut, (mine, theirs) in enumerate(zip(compiled, walked, strict=True), start=1):
        assert mine == theirs, cut
    assert compiled[-1][0] is None and all(error[0] == "limit" for error, *_ in compiled[:-1])


def assert_time_check_agrees(source: str, offset: int, generic: Callable[[], None], monkeypatch) -> None:
    """`offset` leading statements move the 32nd step (the first time check, past the deadline)
    over every node of `source`: the same timeout at the same node both ways."""
    from autogradlab.lang import interpreter

    source = "pad = 0\n" * offset + source
    monkeypatch.setattr(interpreter, "time", PastDeadline())
    compiled = outcome(source, Limits())
    monkeypatch.setattr(interpreter, "time", PastDeadline())
    generic()
    assert outcome(source, Limits()) == compiled
    error, steps, *_ = compiled
    assert error is not None and error[0] == "timeout" and steps == 32, compiled
