"""Red team, session 33: hostile programs against session 32's additions and last session's leftovers.

Findings, each fixed (figures of 6395392, in-process, one torch thread as in a worker, loaded machine):
1. a list given to a NumPy function other than np.array was made into an array before its numbers-only
   check, and check_nested follows the first item only: `np.mean(['x'] + ['x' * 10000] * 30000)` made a
   1.2 GB '<U10000' array (1.6 s) before its refusal -> refused before NumPy runs (0.03 s);
2. `p ** np.array(100)` of a Polynomial: NumPy's int(power) reads a 0-d array, the check read only numbers:
   3,000 coefficients to the 100th ran 12 s before the result was refused -> refused first;
3. np.polynomial.polynomial's polyder / polyint (a Polynomial's deriv / integ) loop in Python over every
   coefficient row of every step, counted as one unit a coefficient: `P.polyint(np.ones((1, 400)), 9000)`
   ran for minutes (the in-process run was killed at 300 s) -> counted per row walked, refused at once;
4. P.polyfit / Polynomial.fit of a 2-D y did not count its (deg + 1) x K coefficients (np.polyfit's fix of
   session 32): y of (2, 2,500,000), deg 150 ran out of memory -> refused by the element limit;
5. a Polynomial's text takes time growing with the square of its terms (NumPy splits all it wrote so far at
   each term): 1.85 s for 10,000 -> texts of more than 3,000 terms are refused (0.19 s at 3,000);
6. `==` of two string arrays broadcast every pair: (2000, 1) against (1, 2000) of 500 characters compared
   2e9 characters, 4.8 s in one call -> at most 1,000,000 characters compared;
7. MultivariateNormal.sample multiplies the n x n factor by each draw one by one: n = 790 and 6,329 draws
   ran ~9 s a call within the element limits -> counted (4 units a multiply-add) against max_call_work;
8. the Steps run hooked and logged every backward() whatever its size (session 32's leftover): the
   19,000-op chain's Steps run took 3.0-4.1 s against 1.4 s plain -> a backward through more new Nodes
   than steps.MAX_STEP_NODES is not logged (its steps are a note anyway): 2.1-2.9 s;
9. the tangent run counted a dual op's work once (session 32's leftover): a dual linalg.eigvals of
   1000 x 1000 took 2.1 s inside the run's time share -> counted twice, as in the program's own level;
10. `a @ b` with a batched b: a (790, 790) matrix @ a (6329, 790, 1) batch ran 7.5 s in one call (small
   products per batch matrix), (200, 1, 1, 2236) @ (1, 200, 2236, 1) copied 686 MB -> counted first;
11. a string array's tolist() counted its items, not their characters: [a.tolist() for i in range(1000)]
   of 1,000 strings of 1,000 characters held ~1 GB (timed out at 4.7 s) -> refused by the run's total.
Also (not an escape): a.astype(str) of a string array returned the array itself (NumPy makes a copy).
"""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.lang.numpy_polynomial_class import MAX_TEXT_TERMS, calculus_work
from autogradlab.step_records import StepOptions
from tests.unit.breakout_helpers import LEAKS, what_python_prints
from tests.unit.breakout_helpers import stopped as _stopped
from tests.unit.breakout_helpers import timed_run as _run


def _runs_as_python(program: str, **limits: int) -> None:
    report, _ = _run(program, **limits)
    assert report.error is None, report.error
    assert report.printed == what_python_prints(program)


def _python_error(program: str) -> str:
    try:
        what_python_prints(program)
    except Exception as exc:  # noqa: BLE001 - the oracle's own error
        return str(exc)
    raise AssertionError("Python ran it")


# -- 1. lists of text given to NumPy functions -----------------------------------------------------------
def test_a_list_of_long_strings_is_refused_before_numpy_makes_it() -> None:
    # 99,999 strings of 100,000 characters behind a short first one: NumPy would ask for 37 GiB (its
    # MemoryError, "Unable to allocate", was the answer before); refused by its kind first
    program = "import numpy as np\ns = 'x' * 100000\nprint(np.mean(['x'] + [s] * 99999))\n"
    report, _ = _run(program)
    _stopped(report, "unsupported", 3, "Autograd Lab supports numpy arrays of numbers only")


@pytest.mark.parametrize("call", ["np.mean", "np.roots", "np.poly1d", "np.abs"])
def test_a_list_with_text_is_refused_by_every_numpy_function(call: str) -> None:
    report, _ = _run(f"import numpy as np\nprint({call}([1.0, 'a']))\n")
    _stopped(report, "unsupported", 2, "numpy arrays of numbers only")


def test_a_list_of_numbers_still_goes_to_numpy() -> None:
    _runs_as_python("import numpy as np\n"
                    "print(np.mean([1.0, 2.5] * 10), np.abs([-1, 2]), np.roots([1, -3, 2]))\n")


# -- 2. a Polynomial to the power of an array -------------------------------------------------------------
def test_a_polynomial_to_a_0d_array_power_is_checked_first() -> None:
    program = ("import numpy as np\nfrom numpy.polynomial import Polynomial\np = Polynomial(np.ones(3000))\n"
               "q = p ** np.array(100)\n")
    report, seconds = _run(program)
    _stopped(report, "limit", 4, "p ** n would make a polynomial of 299,901 coefficients")
    assert seconds < 5.0   # was 12 s (refused after NumPy made it); generous for a loaded machine


def test_a_polynomial_to_a_small_0d_array_power_runs_as_numpy() -> None:
    _runs_as_python("import numpy as np\nfrom numpy.polynomial import Polynomial\n"
                    "p = Polynomial([1.0, 2.0, 3.0])\nprint(p ** np.array(3), p ** np.int64(2))\n")


def test_a_polynomial_to_a_1d_array_power_is_numpys_type_error() -> None:
    program = ("import numpy as np\nfrom numpy.polynomial import Polynomial\n"
               "p = Polynomial([1.0, 2.0])\nq = p ** np.array([2])\n")
    report, _ = _run(program)
    _stopped(report, "type", 4, _python_error(program))


# -- 3. polyder / polyint walk every row of every step ----------------------------------------------------
def _calculus(call: str) -> str:
    shown = "r.coef" if call.startswith("Polynomial") else "r"
    return ("import numpy as np\nimport numpy.polynomial.polynomial as P\n"
            f"from numpy.polynomial import Polynomial\nr = {call}\nprint(np.round({shown}, 6))\n")


CALCULUS = [("polyint", "P.polyint(np.arange(1.0, 41.0), 30)", 40, 1, 30),
            ("polyint", "P.polyint(np.ones((6, 7)), 12)", 6, 7, 12),
            ("polyder", "P.polyder(np.arange(1.0, 61.0), 25)", 60, 1, 25),
            ("integ", "Polynomial(np.arange(1.0, 31.0)).integ(20)", 30, 1, 20),
            ("deriv", "Polynomial(np.arange(1.0, 51.0)).deriv(33)", 50, 1, 33)]


@pytest.mark.parametrize(("name", "call", "rows", "columns", "m"), CALCULUS)
def test_polynomial_calculus_at_its_work_runs_as_numpy(name: str, call: str, rows: int, columns: int,
                                                       m: int) -> None:
    _runs_as_python(_calculus(call), max_call_work=calculus_work(name, rows, columns, m))


@pytest.mark.parametrize(("name", "call", "rows", "columns", "m"), CALCULUS)
def test_polynomial_calculus_past_its_work_is_refused(name: str, call: str, rows: int, columns: int,
                                                      m: int) -> None:
    report, _ = _run(_calculus(call), max_call_work=calculus_work(name, rows, columns, m) - 1)
    _stopped(report, "limit", 4, "arithmetic steps in one call")


def test_polyint_of_a_wide_c_many_times_is_refused_at_once() -> None:
    report, seconds = _run(_calculus("P.polyint(np.ones((1, 400)), 9000)"))
    _stopped(report, "limit", 4, "polyint(c, 9,000) would take about")
    assert seconds < 5.0   # ran for minutes before


def test_a_derivative_past_the_degree_costs_one_row() -> None:
    assert calculus_work("polyder", 10, 1, 10 ** 30) == calculus_work("polyder", 10, 1, 10)
    _runs_as_python(_calculus("P.polyder(np.arange(1.0, 11.0), 10 ** 30)"))


# -- 4. fits of a 2-D y count their coefficients -----------------------------------------------------------
def _fit(call: str, deg: int) -> str:
    return ("import numpy as np\nimport numpy.polynomial.polynomial as P\nx = np.array([0.0, 1.0, 2.0])\n"
            "y = np.arange(300.0).reshape(3, 100) ** 2\n"
            f"c = {call}(x, y, {deg})\nprint(c.shape, np.round(c[:, :3], 6))\n")


def test_polyfit_of_a_2d_y_at_the_element_limit_runs_as_numpy() -> None:
    _runs_as_python(_fit("P.polyfit", 9), max_tensor_elements=1000)   # 10 x 100 coefficients


def test_polyfit_of_a_2d_y_past_the_element_limit_is_refused() -> None:
    report, _ = _run(_fit("P.polyfit", 10), max_tensor_elements=1000)   # 11 x 100
    _stopped(report, "limit", 5, "result of polyfit would have 1,100 elements")


# -- 5. a Polynomial's text ----------------------------------------------------------------------------------
def test_the_text_of_a_polynomial_past_the_cap_is_refused() -> None:
    program = ("import numpy as np\nfrom numpy.polynomial import Polynomial\n"
               f"p = Polynomial(np.ones({MAX_TEXT_TERMS + 1}))\nprint(p)\n")
    report, _ = _run(program)
    _stopped(report, "limit", 4, f"the text of a Polynomial of {MAX_TEXT_TERMS + 1:,} coefficients")


def test_the_text_of_a_polynomial_at_the_cap_is_numpys() -> None:
    _runs_as_python("import numpy as np\nfrom numpy.polynomial import Polynomial\n"
                    f"p = Polynomial(np.arange({MAX_TEXT_TERMS}.0))\ns = str(p)\n"
                    "print(len(s), s[-60:], [p])\n")


# -- 6. comparisons of string arrays ------------------------------------------------------------------------
def _compare(rows: int, columns: int, width: int) -> str:
    return (f"import numpy as np\ns = 'a' * {width}\na = np.array([[s]] * {rows})\n"
            f"b = np.array([[s] * {columns}])\nc = a == b\nprint(c.shape, c.sum(), (a != b).any())\n")


def test_a_broadcast_comparison_of_string_arrays_past_the_cap_is_refused() -> None:
    report, seconds = _run(_compare(2000, 2000, 500))
    _stopped(report, "limit", 5, "`==` of string arrays would compare 4,000,000 pairs of up to 500")
    assert not LEAKS.findall(report.error.message)
    assert seconds < 4.0   # 4.8 s in one call before


def test_a_broadcast_comparison_just_past_the_cap_is_refused() -> None:
    report, _ = _run(_compare(1000, 1001, 1))
    _stopped(report, "limit", 5, "would compare 1,001,000 pairs")


def test_a_broadcast_comparison_at_the_cap_runs_as_numpy() -> None:
    _runs_as_python(_compare(1000, 1000, 1))
    _runs_as_python("import numpy as np\nlabels = np.array(['cat', 'dog', 'cat'])\n"
                    "print(labels == 'cat', labels != labels[::-1], 'dog' in labels)\n")


# -- 7. MultivariateNormal's draws ------------------------------------------------------------------------
def _mvn(draws: int) -> str:
    return ("import torch\nfrom torch.distributions import MultivariateNormal\ntorch.manual_seed(0)\n"
            "d = MultivariateNormal(torch.zeros(4), torch.eye(4) * 2.0)\n"
            f"x = d.sample(({draws},))\nprint(x.shape, round(x.sum().item(), 4))\n")


def test_multivariate_normal_draws_at_the_work_limit_run_as_pytorch() -> None:
    _runs_as_python(_mvn(100), max_call_work=100 * 4 * 4 * 4)   # 4 units a multiply-add of L @ draw


def test_multivariate_normal_draws_past_the_work_limit_are_refused() -> None:
    report, _ = _run(_mvn(101), max_call_work=100 * 4 * 4 * 4)
    _stopped(report, "limit", 5, "MultivariateNormal.sample of shape [101], [4, 4] would take about 6,464")


def test_multivariate_normal_of_a_large_matrix_is_refused_before_drawing() -> None:
    program = ("import torch\nfrom torch.distributions import MultivariateNormal\n"
               "d = MultivariateNormal(torch.zeros(790), torch.eye(790))\nx = d.rsample((6329,))\n")
    report, seconds = _run(program)
    _stopped(report, "limit", 4, "MultivariateNormal.rsample of shape [6329], [790, 790]")
    assert seconds < 5.0   # ~9 s a call before


# -- 8. the Steps page logs no backward through more nodes than its steps follow ----------------------------
def _long_backward(ops: int) -> str:
    return ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\nh = x * 3.0\ny = h\n"
            f"for i in range({ops}):\n    y = y * 1.5\ny.sum().backward()\n")


def test_a_backward_through_more_nodes_than_the_cap_is_not_logged(monkeypatch: pytest.MonkeyPatch) -> None:
    from autogradlab import note_keys
    from autogradlab.engine import steps
    monkeypatch.setattr(steps, "MAX_STEP_NODES", 6)   # a backward is logged through twice as many: 12
    # h's graph (x, x * 3.0) is small; the backward runs through 12 ops, the sum and x's AccumulateGrad
    report = run_program(_long_backward(10), output="h", steps=StepOptions(), torchviz=False)
    assert report.error is None, report.error
    assert report.steps.reverse == ()
    note = ("no backward() kept step by step reached this output: 1 backward() call ran through more than "
            "12 nodes and was not kept")   # (session 35: the singular for one call)
    assert note in report.steps.notes, report.steps.notes
    assert "没有保留" in note_keys.say("zh", note, note_keys.STEPS)


def test_a_backward_through_the_cap_is_logged_as_pytorch_ran_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from autogradlab.engine import steps
    monkeypatch.setattr(steps, "MAX_STEP_NODES", 7)   # 14 ≥ 10 muls, h's mul, the sum, x's AccumulateGrad
    report = run_program(_long_backward(10), output="h", steps=StepOptions(), torchviz=False)
    assert report.error is None, report.error
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (x * 3.0 * 1.5 ** 10).sum().backward()
    assert report.steps.reverse[-1].grad_after.value == pytest.approx(x.grad.tolist())


# -- 9. the tangent run counts each op's tangent -------------------------------------------------------
_EIGVALS = ("import torch\nA = (torch.arange(400.0).reshape(20, 20) / 100.0).sin()\nA.requires_grad_()\n"
            "y = torch.linalg.eigvals(A).real.sum()\ny.backward()\n")   # the trace of A: dy/dA[0, 0] = 1


def _steps_run(max_call_work: int):  # noqa: ANN202
    import dataclasses

    from autogradlab.limits import DEFAULT_LIMITS
    limits = dataclasses.replace(DEFAULT_LIMITS, max_call_work=max_call_work)
    return run_program(_EIGVALS, output="y", steps=StepOptions(), torchviz=False, limits=limits)


def test_a_dual_op_past_the_work_limit_stops_the_tangent_run_with_a_note() -> None:
    report = _steps_run(2 * 20 ** 3 - 1)   # the plain run's eigvals (20**3 units) runs, its dual twice
    assert report.error is None, report.error
    assert report.steps.reverse, "the reverse steps stay"
    stopped = ("forward mode stopped on line 4: linalg.eigvals of shape [20, 20] would take about 16,000 "
               "arithmetic steps")
    assert any(note.startswith(stopped) for note in report.steps.notes), report.steps.notes


def test_a_dual_op_at_the_work_limit_gives_pytorchs_tangent() -> None:
    report = _steps_run(2 * 20 ** 3)
    assert report.error is None, report.error
    assert not any("forward mode stopped" in note for note in report.steps.notes), report.steps.notes
    import torch.autograd.forward_ad as fwAD
    a = (torch.arange(400.0).reshape(20, 20) / 100.0).sin()
    direction = torch.zeros(20, 20)
    direction[0, 0] = 1.0   # the page's default: e1 of the first leaf
    with fwAD.dual_level():
        expected = fwAD.unpack_dual(torch.linalg.eigvals(fwAD.make_dual(a, direction)).real.sum()).tangent
    assert report.steps.tangent.output_tangent.value == pytest.approx(expected.item(), abs=1e-4)


# -- 10. `a @ b` over a broadcast batch ---------------------------------------------------------------------
def _product(a: str, b: str) -> str:
    return (f"import torch\na = torch.arange(1.0, 1.0 + torch.tensor({a}).prod().item()).reshape({a}) / 100\n"
            f"b = torch.ones({b})\nc = a @ b\nprint(c.shape, round(c.sum().item(), 2))\n")


def test_a_matrix_times_a_broadcast_batch_of_vectors_past_the_work_limit_is_refused() -> None:
    report, seconds = _run(_product("(790, 790)", "(6329, 790, 1)"))
    _stopped(report, "limit", 4, "matmul of shape [790, 790], [6329, 790, 1] would take about 15,799,715,600")
    assert seconds < 5.0   # 7.5 s in one call before


def test_a_matrix_times_a_batch_of_vectors_at_the_work_limit_runs_as_pytorch() -> None:
    work = 10 * 8 * 8 * 1 * 4   # 10 products of (8, 8) by (8, 1), 4 units a multiply-add
    _runs_as_python(_product("(8, 8)", "(10, 8, 1)"), max_call_work=work)
    report, _ = _run(_product("(8, 8)", "(11, 8, 1)"), max_call_work=work)
    _stopped(report, "limit", 4, "matmul of shape [8, 8], [11, 8, 1] would take about 2,816 arithmetic steps")


def test_a_product_that_copies_its_broadcast_operands_is_refused() -> None:
    report, _ = _run(_product("(200, 1, 1, 2236)", "(1, 200, 2236, 1)"))   # 686 MB of copies before
    _stopped(report, "limit", 4, "matmul of shape [200, 1, 1, 2236], [1, 200, 2236, 1] would take about")


def test_big_products_keep_running_as_pytorch() -> None:
    _runs_as_python(_product("(300, 1, 64)", "(64, 64)"))            # folded into one product
    _runs_as_python(_product("(40, 64, 32)", "(40, 32, 64)"))        # a batch of matrices, no broadcast
    _runs_as_python(_product("(64, 64)", "(30, 64, 16)"))            # wide enough for the product's speed
    _runs_as_python(_product("(2, 1, 16, 32)", "(1, 3, 32, 16)"))    # broadcast both ways: small copies


# -- 11. a string array's tolist() counts the characters of its strings --------------------------------------
def test_lists_of_a_string_array_count_their_characters() -> None:
    program = ("import numpy as np\na = np.array(['x' * 1000] * 1000)\n"
               "b = [a.tolist() for i in range(1000)]\n")   # ~1 GB of new strings: 4.7 s, timed out before
    report, _ = _run(program)
    _stopped(report, "limit", 3, "the program built more than 50,000,000 list and string items in all")


def test_a_few_lists_of_a_string_array_run_as_numpy() -> None:
    _runs_as_python("import numpy as np\na = np.array(['x' * 1000] * 1000)\n"
                    "b = [a.tolist() for i in range(10)]\n"
                    "print(len(b), len(b[3]), b[3][:1] == ['x' * 1000], np.array(['cat', 'dog']).tolist())\n")


def test_astype_str_of_a_string_array_is_a_new_array_as_in_numpy() -> None:
    _runs_as_python("import numpy as np\nlabels = np.array(['cat', 'dog'])\nb = labels.astype(str)\n"
                    "b[0] = 'cow'\nprint(labels, b, b is labels)\n")
