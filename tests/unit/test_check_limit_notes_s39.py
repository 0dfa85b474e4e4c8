"""A Jacobian check stopped by its share of the program's limits (engine/check_allowance.py) says so.

Until session 39 the JVP check's note blamed forward mode ("the function does not support forward mode
(LimitExceeded)") when only the checks' share of the loop budget ran out; jvp works on x * 2.
"""

from __future__ import annotations

from autogradlab.engine import run_program
from autogradlab.limits import Limits
from autogradlab.note_keys import JACOBIAN, say

# f runs 3,000 loop passes. The program's own 88,000 passes and the call's runs of f leave under 12,000;
# the checks get a quarter (under 3,000): neither the JVP's rerun of f nor the finite differences' fits.
JVP_STOPS = """import torch
from torch.autograd.functional import jacobian
n = 0
for i in range(88000):
    n += 1
def f(x):
    for i in range(3000):
        pass
    return x * 2
J = jacobian(f, torch.ones(3))
print(J.diagonal())
"""

# f's 60,000 passes leave the program 40,000 (10,000 for the checks): jacrev's probe cannot rerun f.
PROBE_STOPS = """import torch
from torch.func import jacrev
def f(x):
    for i in range(60000):
        pass
    return x * 2
x = torch.ones(3)
J = jacrev(f)(x)
print(J.sum().item())
"""

STOPPED = "check stopped: it used its share of the program's limits (LimitExceeded)"


def test_a_check_stopped_by_its_share_of_the_limits_says_so_not_forward_mode() -> None:
    report = run_program(JVP_STOPS, limits=Limits(timeout_s=30))
    assert report.ok and report.printed == "tensor([2., 2., 2.])\n", report.error
    notes = report.jacobians[0].checks.notes
    assert notes == (f"JVP {STOPPED}", f"finite-difference {STOPPED}"), notes
    assert report.jacobians[0].checks.vjp_max_error is not None   # the VJP check reruns nothing: it ran


def test_a_probe_stopped_by_the_checks_share_says_so() -> None:
    report = run_program(PROBE_STOPS, limits=Limits(timeout_s=30))
    assert report.ok and report.printed == "6.0\n", report.error
    notes = report.jacobians[0].checks.notes
    assert notes == ("the checks stopped: running the function again used their share of the program's "
                     "limits (LimitExceeded)",), notes
    assert say("zh", notes[0], JACOBIAN) == \
        "检查已停止：再次运行该函数用完了分给检查的那份程序限额（LimitExceeded）"


def test_a_forward_mode_failure_still_blames_forward_mode() -> None:
    source = """import torch
from torch.autograd.functional import jacobian
class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g
def f(x):
    return Square.apply(x)
J = jacobian(f, torch.ones(3))
print(J.diagonal())
"""
    report = run_program(source, limits=Limits(timeout_s=30))
    assert report.ok, report.error
    notes = report.jacobians[0].checks.notes
    assert any(note.startswith("JVP check not run: the function does not support forward mode (")
               for note in notes), notes
    assert not any("share of the program's limits" in note for note in notes), notes


def test_the_stopped_notes_are_said_in_chinese() -> None:
    for check, words in (("VJP", "VJP 检查已停止"), ("JVP", "JVP 检查已停止"),
                         ("finite-difference", "有限差分检查已停止")):
        said = say("zh", f"{check} {STOPPED}", JACOBIAN)
        assert said == f"{words}：它用完了分给它的那份程序限额（LimitExceeded）", said
