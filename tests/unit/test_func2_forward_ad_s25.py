"""Session 25 (issue 9 §2, func2): torch.autograd.forward_ad (dual_level, make_dual, unpack_dual) and
torch.func.linearize where PyTorch refuses it (inside jvp/jacfwd/hessian, a dual level, vmap over a
batched primal). Plain PyTorch is the oracle; the size and work checks at their boundaries."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_func2_s25 import CUSTOM, T, _catching, run, same_as_pytorch

# -- torch.autograd.forward_ad (lang/forward_ad.py) -------------------------------------------------
F = "import torch\nimport torch.autograd.forward_ad as fwAD\n"

FORWARD_AD = F + (
    "x = torch.tensor([1.0, 2.0])\n"
    + _catching("fwAD.make_dual(x, x)")
    + "with fwAD.dual_level():\n"
      "    d = fwAD.make_dual(x, torch.ones(2))\n    print(d)\n    print(repr(d * 2))\n"
      "    u = fwAD.unpack_dual(d * 3)\n    print(u)\n    print(type(u), u.primal, u[1], len(u))\n"
      "    p, t = fwAD.unpack_dual(d.sin())\n    print(p, t)\n    print(fwAD.unpack_dual(x))\n"
      "    print(fwAD.unpack_dual(tensor=d.exp()).tangent, fwAD.make_dual(tangent=x, tensor=x))\n"
    + "".join("    " + line + "\n" for line in (
        _catching("fwAD.make_dual(x, torch.ones(3))")
        + _catching("fwAD.make_dual(x, [1, 2])", "AttributeError")
        + _catching("fwAD.make_dual(torch.ones(2, dtype=torch.int64), x)", "ValueError")
        + "try:\n    with fwAD.dual_level():\n        pass\nexcept RuntimeError as e:\n    print(e)\n"
        + "dd = fwAD.make_dual(torch.ones(2, requires_grad=True), torch.ones(2))\n"
          "(dd * dd).sum().backward()\nprint(dd.requires_grad, x.requires_grad)\n"
        + "e = fwAD.make_dual(torch.tensor([0.5, 1.5]), torch.tensor([1.0, -1.0]))\n"
          "print(fwAD.unpack_dual(torch.tanh(e) @ e + e.sum() ** 2).tangent)\n").splitlines())
    + "print(fwAD.unpack_dual(d), d)\n"
    + _catching("fwAD.make_dual(x, x)")
    + "def f(v):\n    with fwAD.dual_level():\n"
      "        return fwAD.unpack_dual(fwAD.make_dual(v, v) * 2).tangent\nprint(f(x), f(x + 1))\n"
    + "from torch.autograd.forward_ad import dual_level, make_dual, unpack_dual\n"
      "with dual_level():\n    print(unpack_dual(make_dual(x, x) ** 2))\n"
      "with torch.autograd.forward_ad.dual_level(), torch.no_grad():\n"
      "    print(torch.autograd.forward_ad.unpack_dual(make_dual(x, x).cos()).tangent)\n")


def test_forward_ad_runs_as_pytorch():
    same_as_pytorch(FORWARD_AD)


def test_custom_function_with_a_dual_input_runs_forward_then_pytorch_asks_for_jvp():
    same_as_pytorch(CUSTOM.replace(T, F) + "with fwAD.dual_level():\n" + "".join(
        "    " + line + "\n" for line in (_catching("Old.apply(fwAD.make_dual(x, torch.ones(2)))",
                                                  "NotImplementedError")
                                        + "print(fwAD.unpack_dual(New.apply(x)).tangent)\n").splitlines()))


def test_forward_ad_tutorial_program_prints_as_pytorch():
    from tests.programs.manifest import PROGRAMS_DIR
    same_as_pytorch((PROGRAMS_DIR / "tutorial_forward_ad.py").read_text())


@pytest.mark.parametrize("size, inside, ok", [(500, True, True), (501, True, False), (1000, False, True)])
def test_a_tangent_doubles_every_size_check(size, inside, ok):
    """Inside the level each op counts its tangent too: 500 elements x 2 fit a limit of 1,000, 501 do
    not; outside the level 1,000 elements fit."""
    limits = dataclasses.replace(DEFAULT_LIMITS, max_tensor_elements=1000)
    body = f"y = torch.ones({size}) * 2\n"
    source = F + (("with fwAD.dual_level():\n    " + body) if inside else body)
    report = run(source, limits)
    assert (report.error is None) == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "1,002 elements" in report.error.message


@pytest.mark.parametrize("side, inside, ok", [(79, True, True), (80, True, False), (99, False, True)])
def test_a_tangent_doubles_every_work_check(side, inside, ok):
    """inverse of n x n: n**3 steps, twice inside the level (79**3 * 2 < 1,000,000 < 80**3 * 2)."""
    limits = dataclasses.replace(DEFAULT_LIMITS, max_call_work=1_000_000)
    body = f"a = torch.eye({side}) * 2\nb = fwAD.make_dual(a, a) if {inside} else a\nc = torch.inverse(b)\n"
    source = F + (("with fwAD.dual_level():\n" + "".join("    " + ln + "\n" for ln in body.splitlines()))
                  if inside else body.replace("fwAD.make_dual(a, a) if False else ", ""))
    report = run(source, limits)
    assert (report.error is None) == ok, report.error


def test_a_limit_inside_the_level_is_not_catchable_and_the_level_ends():
    import torch.autograd.forward_ad as fwAD
    limits = dataclasses.replace(DEFAULT_LIMITS, max_tensor_elements=1000)
    source = F + ("try:\n    with fwAD.dual_level():\n        y = torch.ones(600) * 2\n"
                  "except Exception as e:\n    print('caught')\n")
    report = run(source, limits)
    assert report.error is not None and report.error.kind == "limit" and report.printed == ""
    assert fwAD._current_level == -1
    after = run(F + "try:\n    with fwAD.dual_level():\n        raise ValueError('x')\nexcept ValueError:\n"
                    "    pass\n" + _catching("fwAD.make_dual(torch.ones(1), torch.ones(1))"))
    assert after.printed.startswith("RuntimeError Trying to create a dual Tensor")
    assert fwAD._current_level == -1


@pytest.mark.parametrize("source, says", [
    (F + "from torch.func import grad\ndef f(x):\n    with fwAD.dual_level():\n        return x.sum()\n"
         "grad(f)(torch.ones(2))\n",
     "`torch.autograd.forward_ad.dual_level()` inside a torch.func transform"),
    (F + "with fwAD.dual_level():\n    torch.func.grad(torch.sin)(torch.ones(()))\n",
     "`torch.func.grad` inside `with fwAD.dual_level():`"),
    (F + "from torch.autograd.functional import jacobian\nwith fwAD.dual_level():\n"
         "    jacobian(torch.sin, torch.ones(2))\n",
     "`torch.autograd.functional.jacobian(...)` inside `with"),
    (F + "level = fwAD.dual_level()\n", "is supported as `with fwAD.dual_level():`"),
    (F + "with fwAD.dual_level():\n    fwAD.make_dual(torch.ones(1), torch.ones(1), level=0)\n",
     "`make_dual(..., level=...)` is not supported"),
    (F + "@fwAD.dual_level()\ndef f():\n    pass\n", "as `with fwAD.dual_level():`"),
    (F + "dual_level = 3\nwith dual_level():\n    pass\n", "dual_level only"),
])
def test_forward_ad_refusals_by_name(source, says):
    report = run(source)
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert says in report.error.message, report.error.message


def test_forward_ad_bad_calls_have_pythons_words():
    same_as_pytorch(F + "with fwAD.dual_level():\n" + "".join("    " + line + "\n" for line in (
        _catching("fwAD.make_dual(torch.ones(1))", "TypeError")
        + _catching("fwAD.make_dual(torch.ones(1), torch.ones(1), 2)", "TypeError")
        + _catching("fwAD.unpack_dual()", "TypeError")
        + _catching("fwAD.make_dual(torch.ones(1), torch.ones(1), scale=2)", "TypeError")).splitlines()))


def test_forward_steps_of_a_program_with_its_own_level_stop_there_with_a_note():
    import torch.autograd.forward_ad as fwAD

    from autogradlab.step_records import StepOptions
    source = F + ("x = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * 3).sum()\n"
                  "with fwAD.dual_level():\n    d = fwAD.make_dual(torch.ones(2), torch.ones(2))\n"
                  "    print(fwAD.unpack_dual(d.sin()).tangent)\ny.backward()\n")
    report = run_program(source, steps=StepOptions(direction=(("x", [1.0, 0.0]),)))
    assert report.error is None and report.printed == run_trusted(source, 0).printed
    assert any("opens its own `fwAD.dual_level()`" in note for note in report.steps.notes)
    assert fwAD._current_level == -1


# -- torch.func.linearize inside transforms and inside a dual level (lang/func_linearize.py) ----------
def test_linearize_where_pytorch_refuses_it_calls_func_then_says_what_pytorch_says():
    same_as_pytorch(T + (
        "from torch.func import linearize\nimport torch.autograd.forward_ad as fwAD\n"
        "def f(v):\n    print('called', v.shape)\n    return v.sin()\n"
        + _catching("vmap(lambda v: linearize(f, v)[0])(torch.ones(2, 3))")
        + _catching("jacfwd(lambda v: linearize(f, v)[0])(torch.ones(3))")
        + _catching("jvp(lambda v: linearize(f, v)[0], (torch.ones(3),), (torch.ones(3),))")
        + _catching("hessian(lambda v: linearize(f, v)[0].sum())(torch.ones(3))")
        + "with fwAD.dual_level():\n" + "".join("    " + line + "\n" for line in (
            _catching("jvp(f, (torch.ones(3),), (torch.ones(3),))") + _catching("jacfwd(f)(torch.ones(3))")
            + _catching("hessian(lambda v: f(v).sum())(torch.ones(3))")
            + _catching("linearize(f, torch.ones(3))")).splitlines())))


@pytest.mark.parametrize("call", [
    "grad(lambda v: linearize(torch.sin, v)[1](v).sum())(torch.ones(3))",   # PyTorch: unfilled memory
    "jacrev(lambda v: linearize(torch.sin, v)[0])(torch.ones(3))",
    # (inside vmap alone it runs since session 26: test_pyb_s26.py)
    "jacrev(lambda v: vmap(lambda u: linearize(torch.sin, torch.ones(3))[1](u))(v))(torch.ones(2, 3))",
])
def test_linearize_inside_other_transforms_stays_refused_by_name(call):
    report = run(T + "from torch.func import linearize\n" + call + "\n")
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert "`torch.func.linearize(...)` inside a torch.func transform" in report.error.message
