"""The sparse window's untold passes (compiled_range_loop.QUIET_WINDOW, issue 9): a range loop
does not tell the Recorder the passes its sparse window only counts. Oracle: the same run telling
every pass (QUIET_WINDOW off): the same report byte for byte, and each loop run ends with the same
pass count and passes left (on_loop_end's cut check and sparse_check read them)."""

from __future__ import annotations

import pytest

import autogradlab.engine.skim as skim
import autogradlab.lang.compiled_range_loop as range_loop
from autogradlab.engine.run import run_program
from autogradlab.limits import Limits
from tests.unit.test_skim_sparse import BROKEN, SPARSE, whole

PROGRAMS = {**SPARSE, **BROKEN,
            # the window ends on a Node made mid-way, then a second sparse window starts
            "guard_then_again": """import torch
x = torch.tensor(2.0, requires_grad=True)
v = torch.zeros(2)
for n in range(3000):
    if n % 10 == 0:
        v = v + 1.0
    if n == 1200:
        y = x * 3
print(v, y)
""",
            # a limit stops the loop in the window (max_loop_iterations)
            "limit_inside": """import torch
v = torch.ones(2)
for n in range(5000):
    if n % 10 == 0:
        v = v * 1.0001
print(v)
""",
            }
ON_LOOP_END, ON_LOOP = skim.SkimHooks.on_loop_end, skim.SkimHooks.on_loop


def runs_at_end(source: str, quiet: bool, monkeypatch, limits: Limits) -> tuple[bytes, list]:
    monkeypatch.setattr(range_loop, "QUIET_WINDOW", quiet)
    ends = []
    on_loop_end = ON_LOOP_END

    def spy(self, node):
        run = self._runs[-1]
        ends.append((run.passes, run.left, run.sparse_used, run.tail_op_passes))
        return on_loop_end(self, node)
    monkeypatch.setattr(skim.SkimHooks, "on_loop_end", spy)
    report = run_program(source, limits=limits)
    return whole(report), ends


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_untold_passes_report_the_same(name, monkeypatch):
    limits = Limits(timeout_s=60, max_loop_iterations=4000 if name == "limit_inside" else 1_000_000)
    off, off_ends = runs_at_end(PROGRAMS[name], False, monkeypatch, limits)
    on, on_ends = runs_at_end(PROGRAMS[name], True, monkeypatch, limits)
    assert on == off
    assert on_ends == off_ends


def test_python_sum_leaves_its_window_untold(monkeypatch):
    """(else the test above tests nothing): the window's passes are not told."""
    calls = []
    on_loop = ON_LOOP

    def spy(self, node, left):
        calls.append(left)
        return on_loop(self, node, left)
    monkeypatch.setattr(skim.SkimHooks, "on_loop", spy)
    report = run_program(SPARSE["python_sum"], limits=Limits(timeout_s=60))
    assert report.ok
    assert 0 < len(calls) < 600


def test_the_limit_inside_the_window_is_the_limits_error(monkeypatch):
    """Just above the iteration limit in the window: the run stops on it; just at it: it runs."""
    source = PROGRAMS["limit_inside"]
    over = run_program(source, limits=Limits(timeout_s=60, max_loop_iterations=4999))
    assert over.error is not None and over.error.kind == "limit", over.error
    assert "max_loop_iterations" in str(over.error.hint_params)
    at = run_program(source, limits=Limits(timeout_s=60, max_loop_iterations=5000))
    assert at.ok, at.error
