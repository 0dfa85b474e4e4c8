"""Red team, session 23 (hosting): work bounded only by the time limit (containers nesting themselves
inside new lists, list searches in a loop), and tensors past NumPy's 64 dimensions refused at the op
that makes them, with its line. One hostile input per test, asserting the refusal's kind, message and
line, or the outcome Python gives."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.breakout_helpers import Case, check_case

LIMITS = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60)   # a loaded test machine never cuts these
DIMS = r"^a tensor of {} dimensions is too many to show; the limit is 64 dimensions$"


@pytest.mark.parametrize("case", [
    Case("import torch\nx = torch.ones(1)\nfor i in range(70):\n    x = x[None]\n", "limit", 4,
         DIMS.format(65)),
    Case("import torch\nx = torch.ones(1)\nfor i in range(70):\n    x = x.unsqueeze(-1)\n", "limit", 4,
         DIMS.format(65)),
    Case("import torch\nx = torch.ones(1)\nfor i in range(70):\n    x = x + torch.ones(1)[None]\n"
         "    x = x.unsqueeze(0)\n", "limit", 5, DIMS.format(65)),
    Case("import torch\nx = torch.ones(1)\ndef f(x):\n    for i in range(70):\n"
         "        x = torch.unsqueeze(x, 0)\n    return x\ny = f(x)\n", "limit", 5, DIMS.format(65)),
    Case("import torch\nx = torch.ones(1)\nfor i in range(63):\n    x = x.unsqueeze(0)\nprint(x.dim())\n",
         None, None, "64\n"),
], ids=["index-none", "method-unsqueeze", "operator-then-view", "in-function", "just-below-64"])
def test_a_view_past_64_dimensions_is_refused_at_its_line(case):
    """`x = x.unsqueeze(0)` 70 times made a 71-dimensional tensor that only the report's copy refused,
    after the run, without a line. The op that makes the 65th dimension is refused where it runs."""
    check_case(case)


@pytest.mark.parametrize("body", ["    d[i] = [d, e]\n", "    d[i] = (e, [d])\n",
                                  "    e.append([d, i])\n    d[i] = e\n"],
                         ids=["dict-in-new-list", "dict-deeper", "list-and-dict"])
def test_a_container_inside_a_new_list_costs_its_new_items(body):
    """`d[i] = [d, e]` in a loop: the check of each new list walked all of d (up to 20,000 items, the
    walk's budget) at every assignment, so 100,000 iterations were stopped only by the time limit
    (base: timeout at 4 s after ~4,000 of them). A long container met inside a value now costs its new
    items: 20,000 iterations take ~1 s here under load (base: past 10 s)."""
    report = run_program("d = {}\ne = []\nfor i in range(20000):\n" + body + "print(len(d))\n",
                         limits=dataclasses.replace(DEFAULT_LIMITS, timeout_s=10))
    assert report.error is None, report.error
    assert report.printed == "20000\n"


@pytest.mark.parametrize("tail, line", [("d[1000] = [torch]\n", 5), ("y = [d, [torch]]\n", 5),
                                        ("d[1000] = 1\ny = [d, (1, torch)]\n", 6)],
                         ids=["into-d", "beside-d", "after-d-grew"])
def test_a_long_container_inside_a_new_list_is_still_checked(tail, line):
    """The memory of a passed container answers only for what it held: a module put into d after it
    passed, or beside it in a new list, is still refused at its line."""
    program = "import torch\nd = {}\nfor i in range(300):\n    d[i] = [d, i]\n" + tail
    report = run_program(program, limits=LIMITS)
    assert report.error is not None and report.error.line == line, report.error
    assert report.error.key == "errors_more.not_data", report.error


SEARCHED = r"^the program searched more than 1,000 list items in all \({} on {} items{}\)$"
SEARCH_LIMITS = dataclasses.replace(LIMITS, max_searched_items=1_000)


@pytest.mark.parametrize("case", [
    Case("xs = list(range(100))\nn = 0\nfor i in range(10):\n    n += (-1 in xs) + xs.count(5)\nprint(n)\n",
         "limit", 4, SEARCHED.format("`in`", 100, ""), SEARCH_LIMITS),
    Case("xs = list(range(100))\nn = 0\nfor i in range(5):\n    n += (-1 in xs) + xs.count(5)\nprint(n)\n",
         None, None, "5\n", SEARCH_LIMITS),
    Case("xs = tuple(range(100))\nfor i in range(11):\n    k = xs.index(99)\n", "limit", 3,
         SEARCHED.format("`.index\\(\\)`", 100, ""), SEARCH_LIMITS),
    Case("xs = list(range(100))\nfor i in range(10):\n    k = xs.index(99)\nprint(k)\n", None, None, "99\n",
         SEARCH_LIMITS),
    Case("xs = [0] * 500\nfor i in range(3):\n    xs.remove(0)\n", "limit", 3,
         SEARCHED.format("`.remove\\(\\)`", 498, ""), SEARCH_LIMITS),
    Case("for i in range(20):\n    b = 0.5 not in range(100)\n", "limit", 2, SEARCHED.format("`in`", 100, ""),
         SEARCH_LIMITS),
    Case("for i in range(2000):\n    b = 5 in range(100)\nprint(b)\n", None, None, "True\n", SEARCH_LIMITS),
    Case("xs = list(range(63))\nfor i in range(2000):\n    b = -1 in xs\nprint(b)\n", None, None, "False\n",
         SEARCH_LIMITS),
    Case("d = dict.fromkeys(range(100))\nfor i in range(2000):\n    b = -1 in d\nprint(b)\n", None, None,
         "False\n", SEARCH_LIMITS),
], ids=["in-and-count-above", "in-and-count-below", "tuple-index-above", "index-at-limit", "remove",
        "float-in-range", "int-in-range-free", "short-list-free", "dict-free"])
def test_list_searches_count_towards_a_limit(case):
    """`if -1 in xs` on 100,000 items, 100,000 times: each search is one C call of ~0.7 ms that no
    budget counted, so only the time limit stopped it (base: timeout at 4 s, line 3-4). The items
    searched now count over the run against max_searched_items."""
    check_case(case)


def test_a_search_that_compares_tensors_counts_each_item_heavily():
    """`'a' in ts` of 15,000 tensors: torch's __eq__ per item, ~25 us each (450 ms per search for
    20,000), was counted like an int comparison. Now TENSOR_SEARCH_WEIGHT per item, at the line."""
    program = ("import torch\nts = [torch.ones(1) for i in range(100)]\nu = torch.zeros(1)\nn = 0\n"
               "for i in range(100):\n    n += ts.count(u)\nprint(n)\n")
    limits = dataclasses.replace(LIMITS, max_searched_items=1_000_000)
    check_case(Case(program, "limit", 6, SEARCHED.replace("1,000", "1,000,000").format(
        "`.count\\(\\)`", 100, ", each compared with a tensor"), limits))
    check_case(Case(program.replace("range(100):\n", "range(3):\n"), None, None, "0\n", limits))
    check_case(Case(program.replace("ts.count(u)", "ts.count('a')"), "limit", 6,
                    "each compared with a tensor", limits))


def test_the_default_search_limit_stops_a_loop_of_searches_before_the_time_limit():
    report = run_program("xs = list(range(100000))\nn = 0\nfor i in range(100000):\n    if -1 in xs:\n"
                         "        n += 1\n", limits=LIMITS, torchviz=False)
    assert report.error is not None and report.error.key == "errors_runtime.searched_items", report.error
    assert report.error.line == 4


def test_a_failing_op_in_a_loop_runs_its_meta_prediction_once(monkeypatch):
    """`x + y` of shapes that do not broadcast, in try/except 5,000 times: no memory (the meta run and
    then the real call fail before allocating), but each failure re-ran the meta prediction (0.6 ms; base
    1.2-1.4 s for 5,000). The failed meta run is remembered under its key: 0.5-0.9 s, the rest is
    torch's own failure and its translation."""
    from autogradlab.lang import sizes
    metas = [0]
    to_meta = sizes.to_meta

    def counting_to_meta(value):
        metas[0] += 1
        return to_meta(value)

    monkeypatch.setattr(sizes, "to_meta", counting_to_meta)
    program = ("import torch\nx = torch.ones(1000)\ny = torch.ones(999)\nn = 0\nfor i in range(200):\n"
               "    try:\n        z = x + y\n    except RuntimeError:\n        n += 1\nprint(n)\n")
    check_case(Case(program, None, None, "200\n", LIMITS))
    assert metas[0] <= 4, metas[0]
    check_case(Case(program.replace("x + y", "torch.cat([x[None], y[None]])"), None, None, "200\n", LIMITS))


def _chain(ops: int, outputs: int, head: str = "", options: str = "") -> str:
    return ("import torch\nfrom torch.autograd.functional import jacobian\nseen = []\ndef f(x):\n" + head
            + f"    y = x\n    for i in range({ops}):\n        y = y * 1.0001\n    return y\n"
            f"J = jacobian(f, torch.ones({outputs}){options})\nprint(J.shape)\n")


@pytest.mark.parametrize("program, line, key", [
    (_chain(2000, 2000), 9, "errors_lang.jacobian_rows_graph"),
    (_chain(2000, 2000, options=", vectorize=True"), 9, "errors_lang.jacobian_rows_graph"),
    (_chain(2000, 2000, head="    seen.append(1)\n"), 10, "errors_lang.jacobian_loop_graph"),
    (_chain(2000, 2000, options=", strict=True"), 9, "errors_lang.jacobian_loop_graph"),
], ids=["engine-vectorized", "vectorize-true", "loop-side-effect", "torch-loop-strict"])
def test_a_jacobian_through_a_long_cheap_graph_is_refused_before_its_rows(program, line, key):
    """2,000 elementwise ops on 2,000 elements, 2,000 outputs: every row walks the whole graph back, in
    torch's loop or one vmap where the program's time check never runs (base: 20-45 s in-process, no
    error; the sandbox's hard kill the only stop). Refused before the rows run (~0.5 s), at the line."""
    report = run_program(program, limits=LIMITS, torchviz=False)
    assert report.error is not None and report.error.key == key, report.error
    assert report.error.line == line and report.error.kind == "limit"


@pytest.mark.parametrize("options", ["", ", strict=True", ", vectorize=True"])
def test_a_jacobian_through_a_short_graph_still_runs(options):
    """Below the limit: 50 ops, 200 outputs, torch as the oracle."""
    import torch
    report = run_program(_chain(50, 200, options=options), limits=LIMITS, torchviz=False)
    assert report.error is None, report.error
    assert report.printed == "torch.Size([200, 200])\n"
    expected = torch.autograd.functional.jacobian(lambda x: x * 1.0001 ** 50, torch.ones(200))
    assert expected.shape == (200, 200)


def test_the_graph_work_bound_sits_at_max_graph_work():
    """Just below and above: the loop (side effect) through 10 ops of 10 elements, 10 outputs: each pass
    10 * (10,000 + 2 * 10) = 100,200 steps, 1,002,000 in all."""
    program = _chain(10, 10, head="    seen.append(1)\n")
    at = dataclasses.replace(LIMITS, max_graph_work=1_002_000)
    assert run_program(program, limits=at, torchviz=False).error is None
    below = dataclasses.replace(at, max_graph_work=1_001_999)
    error = run_program(program, limits=below, torchviz=False).error
    assert error is not None and error.key == "errors_lang.jacobian_loop_graph", error
    assert "through a graph of 10 operations, about 100,200 arithmetic steps each" in error.message


def test_jacrev_through_a_long_cheap_graph_is_refused_after_its_forward():
    """torch.func.jacrev's vmapped backward: 2,000 rows through 2,000 ops ran 21 s past the time check
    (base: no error in-process). Refused after the forward, at the line; a short graph still runs."""
    import torch
    program = ("import torch\nfrom torch.func import jacrev\ndef f(x):\n    y = x\n"
               "    for i in range(2000):\n        y = y * 1.0001\n    return y\n"
               "J = jacrev(f)(torch.ones(2000))\nprint(J.shape)\n")
    error = run_program(program, limits=LIMITS, torchviz=False).error
    assert error is not None and error.line == 8, error
    assert error.key == "errors_functions.func_backward_graph", error
    assert error.message.startswith("jacrev would run the backward pass of `f` for 2,000 rows"), error
    report = run_program(program.replace("range(2000)", "range(20)").replace("ones(2000)", "ones(50)"),
                         limits=LIMITS, torchviz=False)
    assert report.error is None, report.error
    assert report.printed == f"{torch.func.jacrev(lambda x: x * 1.0001 ** 20)(torch.ones(50)).shape}\n"


def test_grad_under_vmap_is_bounded_by_its_batched_backward():
    """vmap(grad(f)): grad's backward runs once per vmap row, in functorch, past the time check (300 muls
    on 2000 x 2000: base 19.8 s, no error, peak RSS 3.8 GB in-process). Refused after the forward at the
    line (400 muls on 2000 x 200: the forward, 3.2e8 steps, passes; the backward, 8 x 2,000 rows, not),
    in words of its own naming the function; a small one runs and matches PyTorch."""
    import torch
    program = ("import torch\nfrom torch.func import vmap, grad\ndef f(x):\n    y = x\n"
               "    for i in range(400):\n        y = y * 1.0001\n    return y.sum()\n"
               "J = vmap(grad(f))(torch.ones(2000, 200))\nprint(J.shape)\n")
    error = run_program(program, limits=LIMITS, torchviz=False).error
    assert error is not None and error.line == 8, error
    assert error.key == "errors_functions.func_backward_graph", error
    assert error.message.startswith("vmap(grad) would run the backward pass of `f` for 2,000 rows"), error
    assert error.hint_key == "errors_functions.func_graph_hint"
    small = program.replace("range(400)", "range(20)").replace("ones(2000, 200)", "ones(50, 40)")
    report = run_program(small + "print(J[0, 0].item())\n", limits=LIMITS, torchviz=False)
    assert report.error is None, report.error
    expected = torch.func.vmap(torch.func.grad(lambda x: (x * 1.0001 ** 20).sum()))(torch.ones(50, 40))
    assert report.printed.splitlines()[0] == str(expected.shape)
    assert abs(float(report.printed.splitlines()[1]) - expected[0, 0].item()) < 1e-5


PARTIALS = ("import functools\ndef f(*args):\n    return len(args)\ng = functools.partial(f)\n"
            "for i in range({}):\n    g = functools.partial(g, i)\nprint(i + 1)\n")


@pytest.mark.parametrize("count, kind", [(31, None), (32, "limit")], ids=["below", "above"])
def test_a_partial_of_a_partial_counts_the_arguments_it_copies(count, kind):
    """functools.partial flattens a partial of a partial, copying all its arguments: 20,000 of them in a
    loop held 2e8 references (base: 968 MB, no error). Each copy now counts towards
    max_total_sequence_items (sum of 1..31 = 496, of 1..32 = 528 against 500)."""
    limits = dataclasses.replace(LIMITS, max_total_sequence_items=500)
    check_case(Case(PARTIALS.format(count), kind, 6 if kind else None,
                    r"the arguments of functools\.partial" if kind else f"{count}\n", limits))
