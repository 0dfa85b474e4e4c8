"""Session 15 red-team pass over the new fast paths (issue 9): hostile and edge programs through
torch.fn(a, b) sites and tensor methods with arguments (their two-argument size plans), fused binary
nodes sending tensors straight to operator sites, torch.tensor(number), the static checker's and
loop_skim's statement-list walks, and the recorder's counted passes / claims on Numbered.made.

Oracles: the general path (generic per-node walk, no size plans, no function sites, no two-argument
plans: size_plans.two_count answering None sends every call to SizeGuard.predict), plain PyTorch for
printed values, ast.walk for the walks, and for the recorder the same run with skimming off and with
counted_passes.COUNTED off. Limit cases sit one below / at / above max_tensor_elements and
max_total_elements, mostly reached by broadcasting after the site's plan has seen small shapes."""

from __future__ import annotations

import ast
import pickle

import pytest

import autogradlab.engine.counted_passes as counted_passes
from autogradlab.lang import checker, compiled, compiled_expressions, loop_skim, size_plans  # noqa: F401 - compiled first: its import order
from autogradlab.limits import Limits
from tests.unit.site_helpers import assert_every_step_cut_alike, python_prints
from tests.unit.test_compiled_blocks import generic, outcome  # noqa: F401
from tests.unit.test_skim import comparable, records_agree, report

SMALL = Limits(max_tensor_elements=1000, max_total_elements=5000)

# name -> (source, limits, expected: None (runs) or (kind, words in the message, line))
LANG = {
    # a site's plan sees 8..10 rows of 100 (800..1,000 elements: at the limit), then 11 (above)
    "fn_broadcast_grows": ("import torch\nb = torch.ones(1, 100)\nfor n in range(8, 13):\n"
                           "    c = torch.mul(torch.ones(n, 1), b)\n    print(n, c.shape)\n",
                           SMALL, ("limit", "1,100 elements; the limit is 1,000", 4)),
    "method_broadcast_grows": ("import torch\nb = torch.ones(1, 100)\nfor n in range(8, 13):\n"
                               "    c = torch.ones(n, 1).add(b)\n    print(n, c.shape)\n",
                               SMALL, ("limit", "1,100 elements; the limit is 1,000", 4)),
    "binop_broadcast_grows": ("import torch\nb = torch.ones(1, 100)\nfor n in range(8, 13):\n"
                              "    a = torch.ones(n, 1)\n    c = a * b + a\n    print(n, c.shape)\n",
                              Limits(max_tensor_elements=1000),
                              ("limit", "1,100 elements; the limit is 1,000", 5)),
    "fn_broadcast_at": ("import torch\nc = torch.sub(torch.ones(10, 1), torch.ones(1, 100))\n"
                        "print(c.sum())\n",
                        SMALL, None),
    # the total: 1,000 a pass kept alive, the sixth pass above 5,000
    "method_total_above": ("import torch\nkeep = []\nfor i in range(10):\n"
                           "    keep.append(torch.ones(1, 25).add(torch.ones(40, 1)))\n    print(i)\n",
                           SMALL, ("limit", "more than 5,000 tensor elements", 4)),
    "fn_total_above": ("import torch\nkeep = []\nfor i in range(10):\n"
                       "    keep.append(torch.maximum(torch.ones(1, 25), torch.ones(40, 1)))\n",
                       SMALL, ("limit", "more than 5,000 tensor elements", 4)),
    # an empty tensor reduced along a dim: 0 elements, then 2,000 along the other dim
    "empty_reduce_dims": ("import torch\nx = torch.zeros(0, 2000)\nfor d in [1, 0]:\n"
                          "    y = x.sum(d)\n    z = torch.mean(x, d)\n    print(d, y.shape, z.shape)\n",
                          SMALL, ("limit", "2,000 elements; the limit is 1,000", 4)),
    # a 0-d receiver, then a (2, 1) one at the same sites: 1,000 then 2,000 elements
    "zero_dim_then_column": ("import torch\nx = torch.tensor(1.0)\nb = torch.ones(1000)\nfor i in range(2):\n"
                             "    print(torch.mul(x, b).shape, x.mul(b).shape, (x * b).shape)\n"
                             "    x = torch.ones(2, 1)\n", Limits(max_tensor_elements=1999),
                             ("limit", "2,000 elements; the limit is 1,999", 5)),
    # view(dtype) is not a same-count view: 300 floats as int8 are 1,200 elements
    "view_dtype_after_plan": ("import torch\nx = torch.ones(300)\nfor a in [-1, torch.int8]:\n"
                              "    print(x.view(a).shape)\n", SMALL, ("limit", "1,200 elements", 4)),
    "matmul_grows": ("import torch\nfor n in [10, 40, 41]:\n    a = torch.ones(n, 1)\n"
                     "    b = torch.ones(1, n)\n"
                     "    print(torch.matmul(a, b).shape, a.matmul(b).shape, (a @ b).shape)\n",
                     Limits(max_tensor_elements=1600), ("limit", "1,681 elements; the limit is 1,600", 5)),
    "tensor_number_total": ("import torch\nkeep = []\nfor i in range(600):\n"
                            "    keep.append(torch.tensor(i))\n",
                            Limits(max_total_elements=500, timeout_s=600),
                            ("limit", "more than 500 tensor elements", 4)),
    # operands and receivers of every kind at the same sites, errors caught in the loop
    "kinds_change": ("import torch\nxs = [torch.tensor(2), torch.tensor([1, 2]), torch.tensor([1.5, 2.5]),\n"
                     "      torch.tensor([True, False]), torch.tensor([1 + 2j, 3j]), 3, 2.5, True]\n"
                     "for x in xs:\n    for y in xs:\n        try:\n"
                     "            print(torch.add(x, y), torch.mul(y, x), x * y + y)\n"
                     "        except Exception as e:\n            print('err', e)\n", Limits(), None),
    "method_args_change": ("import torch\n"
                           "xs = [torch.tensor(2), torch.tensor([1, 2]), torch.tensor([1.5, 2.5]),\n"
                           "      torch.tensor([True, False]), torch.tensor([1 + 2j, 3j]),\n"
                           "      3, 2.5, True, None]\n"
                           "t = torch.tensor([3, 4])\nfor y in xs:\n    try:\n"
                           "        print(t.add(y), t.pow(y), t.mul(y), t.maximum(y))\n"
                           "    except Exception as e:\n        print('err', e)\n", Limits(), None),
    "receivers_change": ("import torch\n"
                         "xs = [torch.tensor(2), torch.tensor([1, 2]), torch.tensor([1.5, 2.5]),\n"
                         "      torch.tensor([True, False]), torch.zeros(0, 3)]\nfor x in xs:\n    try:\n"
                         "        print(x.add(2), x.pow(2), x.sub(x), x.reshape(-1), x.view(-1))\n"
                         "    except Exception as e:\n        print('err', e)\n", Limits(), None),
    "same_count_args": ("import torch\nx = torch.ones(2, 3)\nfor a in [0, 1, -1, 2, True]:\n    try:\n"
                        "        print(x.squeeze(a).shape, x.unsqueeze(a).shape, torch.unsqueeze(x, a).shape,"
                        " x.flatten(a).shape, x.roll(a).shape)\n    except Exception as e:\n"
                        "        print('err', e)\n", Limits(), None),
    "int_pow_overflow": ("import torch\nx = torch.tensor([2, 3])\nfor p in [2, 62, 2**70, 0.5]:\n    try:\n"
                         "        print(x.pow(p), torch.pow(x, p), x ** p)\n    except Exception as e:\n"
                         "        print('err', e)\n", Limits(), None),
    "tensor_of_numbers": ("import torch\nfor v in [1, 2.5, True, 2**62, 2**64, -2**63, 1e308]:\n    try:\n"
                          "        print(torch.tensor(v), torch.tensor(v).dtype, torch.as_tensor(v))\n"
                          "    except Exception as e:\n        print('err', e)\n", Limits(), None),
    "rebound_to_non_tensors": ("import torch\nx = torch.ones(3)\nfor i in range(4):\n    try:\n"
                               "        print(i, x * 2 + x)\n        print(torch.add(x, x))\n"
                               "    except Exception as e:\n        print('err', i, e)\n"
                               "    x = [x, 'ab', 2.5, x][i]\n", Limits(), None),
    "requires_grad_mid_loop": ("import torch\nx = torch.ones(3)\nfor i in range(4):\n    if i == 2:\n"
                               "        x.requires_grad_(True)\n    y = torch.mul(x, x)\n    z = x.pow(2)\n"
                               "    w = x * x + 1\n"
                               "    print(i, y.requires_grad, z.requires_grad, w.requires_grad)\n"
                               "(y + z + w).sum().backward()\nprint(x.grad)\n", Limits(), None),
    "in_place_methods": ("import torch\nx = torch.ones(3)\nfor i in range(4):\n    x.add_(i)\n"
                         "    x.mul_(torch.tensor(2))\n    print(x)\ny = torch.ones(3, dtype=torch.int64)\n"
                         "try:\n    y.add_(0.5)\nexcept Exception as e:\n    print('err', e)\n"
                         "", Limits(), None),
    "lambdas_and_functions": ("import torch\nf = lambda a, b: torch.add(a, b).pow(2)\n"
                              "def h(a, b):\n    return torch.maximum(a, b) + a.sub(b)\n"
                              "print(f(torch.ones(2), 3), f(2, torch.ones(3)))\n"
                              "print(h(torch.ones(2), torch.zeros(2)), h(torch.ones(2, 1), torch.zeros(3)))\n"
                              "print([torch.add(torch.tensor(float(i)), i).mul(2) for i in range(3)])\n"
                              "print(sum(torch.tensor(float(i)).pow(2) for i in range(4)))\n"
                              "", Limits(), None),
    "try_in_loop": ("import torch\nx = torch.ones(3)\nfor i in range(5):\n    try:\n"
                    "        print(i, torch.add(x, torch.ones(i)), x.add(torch.ones(i)), x + torch.ones(i))\n"
                    "    except RuntimeError as e:\n        print('rt', i, e)\n", Limits(), None),
    # af0fe8b: call_sized inline in method_site (writes, tuple results, a "same" op that broadcasts)
    "same_op_broadcast_grows": ("import torch\nx = torch.ones(1, 100)\nfor n in [5, 10, 11]:\n"
                                "    t = torch.ones(n, 1)\n    print(x.clamp(t).shape, x.maximum(t).shape)\n",
                                SMALL, ("limit", "1,100 elements; the limit is 1,000", 5)),
    "write_methods_grad": ("import torch\nx = torch.ones(3, requires_grad=True)\ny = x * 1\n"
                           "for i in range(3):\n    y.mul_(2)\n    y.clamp_(0, 5)\n"
                           "    y.add_(torch.ones(3), alpha=0.5)\n"
                           "y.sum().backward()\nprint(y, x.grad)\n", Limits(), None),
    "tuple_results": ("import torch\nx = torch.arange(12.0).reshape(3, 4)\nfor d in [0, 1]:\n"
                      "    v, i = x.max(d)\n"
                      "    print(v, i, x.sort(d).values[0], x.topk(2, d), x.split(2, d))\n",
                      Limits(), None),
    "endless_loop": ("import torch\nx = torch.ones(3)\nwhile True:\n    x = torch.add(x, x)\n"
    "    x = x.mul(0.5)\n",
                     Limits(max_steps=1000), ("limit", "more than 1,000 steps", 4)),
}


@pytest.fixture
def slow_path(monkeypatch, generic):  # noqa: F811
    """The general path: generic walk, no remembered answers, no function sites, no two-argument plans."""
    def run_slow():
        generic()
        monkeypatch.setattr(size_plans, "planned_count", lambda *args: None)
        monkeypatch.setattr(size_plans, "remember", lambda *args: None)
        monkeypatch.setattr(size_plans, "two_count", lambda *args: None)
        monkeypatch.setattr(compiled_expressions, "function_site", lambda *args: None)
    return run_slow


@pytest.mark.parametrize("name", sorted(LANG))
def test_fast_paths_do_what_the_slow_path_does(name, slow_path):
    source, limits, expected = LANG[name]
    fast = outcome(source, limits)
    slow_path()
    assert outcome(source, limits) == fast
    error = fast[0]
    if expected is None:
        assert error is None, error
        assert fast[3] == python_prints(source)   # PyTorch is the oracle for the values
    else:
        kind, words, line = expected
        assert error is not None and error[0] == kind and words in error[1] and error[2] == line, error


@pytest.mark.parametrize("source", [
    "import torch\nx = torch.ones(2)\nfor i in range(2):\n    y = torch.add(x, i).pow(2)\n"
    "    z = x.mul(y) * 2\n",
    "import torch\nfor v in [1, 2.5]:\n    t = torch.tensor(v)\n"
    "    u = torch.maximum(t, torch.tensor(0.5)).sub(t)\n",
])
def test_every_step_cut_through_the_new_sites(source, slow_path):
    assert_every_step_cut_alike(source, slow_path)


def test_huge_results_refused_after_small_plans():
    """Sites whose plans saw small shapes, then 10**12 elements: refused before the op runs."""
    for line in ("torch.add(torch.ones(n, 1), torch.ones(1, n))", "torch.ones(n, 1).mul(torch.ones(1, n))",
                 "torch.ones(n, 1).pow(torch.ones(1, n))", "torch.ones(n, 1) @ torch.ones(1, n)"):
        source = f"import torch\nfor n in [10, 10, 10**6]:\n    y = {line}\n"
        error = outcome(source, Limits())[0]
        assert error[0] == "limit" and "1,000,000,000,000 elements" in error[1], (line, error)
        assert error[2] == 3, (line, error)


WALKED = [
    "def g():\n    x = yield 1\n",
    "def g(n):\n    if n:\n        yield 1\n    for i in range(2):\n        while True:\n"
    "            yield i\n"
    "    try:\n        yield 5\n    except Exception:\n        yield 6\n    finally:\n        yield 7\n",
    "for i in range(2):\n    def g():\n        yield i\n",
    "def g():\n    return [(yield i) for i in range(3)]\n",
    "def g():\n    yield (yield 1) if True else 2\n",
    "class F:\n    def forward(ctx, x):\n        yield x\n",
    "x = lambda: (yield)\n",
    "with a:\n    try:\n        pass\n    except E:\n        pass\n",
    "for i in x:\n    pass\nelse:\n    try:\n        pass\n    finally:\n        pass\n",
    "match x:\n    case 1:\n        try:\n            pass\n        except E:\n            pass\n",
    "def f():\n    def g():\n        try:\n            yield 1\n        except* E:\n            yield 2\n",
    "if a:\n    pass\nelif b:\n    while c:\n        try:\n            pass\n        except E:\n"
    "            pass\n",
]


@pytest.mark.parametrize("source", WALKED)
def test_statement_walks_answer_as_ast_walk(source):
    tree = ast.parse(source)
    yields = {id(sub.value) for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)
              for sub in ast.walk(node)
              if isinstance(sub, ast.Expr) and isinstance(sub.value, ast.Yield | ast.YieldFrom)}
    assert checker._statement_yields(tree) == yields
    tries = (ast.Try, getattr(ast, "TryStar", ast.Try))
    assert loop_skim.has_try_statement(tree) == any(isinstance(n, tries) for n in ast.walk(tree))


RECORDED = {
    "alternating_lines": "import torch\nx = torch.ones(3)\nfor i in range(900):\n    if i % 2:\n"
                         "        x = x * 1.0\n    else:\n        x = x + 0.0\nprint(x)\n",
    "grad_late_same_count": "import torch\nw = torch.ones(3)\nx = torch.zeros(3)\nfor i in range(2000):\n"
                            "    if i == 1995:\n        w.requires_grad_(True)\n    x = x * 0.5 + w\n"
                            "x.sum().backward()\nprint(w.grad, x)\n",
    "grad_enabled_late": "import torch\nw = torch.ones(3, requires_grad=True)\nx = torch.zeros(3)\n"
                         "torch.set_grad_enabled(False)\nfor i in range(900):\n    if i == 890:\n"
                         "        torch.set_grad_enabled(True)\n    x = x * 0.5 + w\nx.sum().backward()\n"
                         "print(w.grad, x)\n",
    "backward_some_passes": "import torch\nw = torch.ones(3, requires_grad=True)\nfor i in range(900):\n"
                            "    y = (w * 2).sum()\n    if i % 7 == 0:\n        y.backward()\n"
                            "print(w.grad)\n",
    "new_leaf_late": "import torch\nx = torch.ones(3)\nfor i in range(900):\n    x = x * 1.0\n"
                     "    if i == 895:\n"
                     "        x = x + torch.tensor([1.0, 2.0, 3.0])\n    else:\n        x = x + 0\n"
                     "print(x)\n",
    "in_place_views": "import torch\nbase = torch.zeros(10)\nfor i in range(900):\n    v = base[i % 10:]\n"
                      "    v.add_(1.0)\nprint(base)\n",
    "ids_reused": "import torch\nfor i in range(900):\n    a = torch.ones(2) + i\n    b = a * 2\n"
    "    a = None\nprint(b)\n",
    "detach_then_grad": "import torch\nw = torch.ones(2, requires_grad=True)\nh = torch.zeros(2)\n"
                        "for i in range(600):\n"
                        "    h = (h + w).detach()\n    if i == 599:\n        h = h + w\nh.sum().backward()\n"
                        "print(w.grad, h)\n",
    # the last backward (pass 594 of the second loop) is more than the kept passes before the end
    "two_loops_backward_some": "import torch\nw = torch.ones(3, requires_grad=True)\nfor i in range(600):\n"
                               "    y = (w * 2).sum()\nfor j in range(600):\n    z = (w * 3).sum()\n"
                               "    if j % 11 == 0:\n        z.backward()\nprint(w.grad)\n",
    "generator_passes": "import torch\ndef g(n):\n    x = torch.ones(2)\n    for i in range(n):\n"
                        "        x = x * 1.01\n"
                        "        yield x\nlast = None\nfor v in g(500):\n    last = v\nprint(last)\n",
}


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_counted_passes_report_what_the_whole_close_reports(name, monkeypatch):
    source = RECORDED[name]
    counted = report(source, True, monkeypatch)
    monkeypatch.setattr(counted_passes, "COUNTED", False)
    whole = report(source, True, monkeypatch)
    assert pickle.dumps(counted.ops) == pickle.dumps(whole.ops) and comparable(counted) == comparable(whole)
    assert counted.ok and counted.printed == python_prints(source)


# backward_some_passes and two_loops_backward_some drew their graph's op nodes without line and op
# index (their last backward's pass was skimmed by the pass-aware window; fixed in s16-graphfix:
# pass_local.backward_every_pass, skim_rerun.graph_misses_records; tests/unit/test_skim_graph_lines.py)
@pytest.mark.parametrize("name", sorted(RECORDED))
def test_skimmed_runs_report_what_unskimmed_runs_report(name, monkeypatch):
    source = RECORDED[name]
    on = report(source, True, monkeypatch)
    off = report(source, False, monkeypatch)
    assert comparable(on) == comparable(off)
    records_agree(on, off)


# s15-interp 90b9c14 / 5b6e0a4 (compiled_range_loop.plain_passes) ran the loop's `else` after a
# `break` in the passes after the hooks stopped counting (red-team finding, fixed: plain_passes
# says it ended on a break)
RANGE_ELSE = {
    "tensor_body": "import torch\nx = torch.ones(1)\nfor i in range(10**20):\n    x = x * 1.0\n"
                   "    if i == 50:\n        break\nelse:\n    print('else')\nprint(i, x)\n",
    "generator": "def g():\n    for i in range(100):\n        if i == 50:\n            break\n"
                 "        yield i\n    else:\n        yield 'else'\n    yield 'after'\n"
                 "print(list(g())[-3:])\n",
    "try_finally": "for i in range(100):\n    try:\n        if i == 60:\n            break\n    finally:\n"
                   "        pass\nelse:\n    print('else')\nprint(i)\n",
    "minimal": "for i in range(2):\n    if i == 1:\n        break\nelse:\n    print('else ran')\nprint(i)\n",
    "long": "n = 0\nfor i in range(5000):\n    n += 1\n    if i == 4000:\n        break\nelse:\n"
            "    print('else ran')\nprint(n, i)\n",
    "nested": "n = 0\nfor i in range(3):\n    for j in range(3000):\n        if j == 2500:\n"
              "            break\n    else:\n        n += 100\n    n += 1\nprint(n)\n",
    "in_function": "def f():\n    for i in range(5000):\n        if i == 4500:\n            break\n"
                   "    else:\n        return 'else'\n    return i\nprint(f())\n",
}


@pytest.mark.parametrize("name", sorted(RANGE_ELSE))
def test_a_range_loop_else_is_skipped_after_a_break(name):
    source = RANGE_ELSE[name]
    error, _, _, text, _ = outcome(source, Limits())
    assert error is None and text == python_prints(source)


@pytest.mark.parametrize("source", [
    "for i in range(5000):\n    pass\nelse:\n    print('else ran', i)\n",
    "for i in range(3):\n    if i == 0:\n        break\nelse:\n    print('else ran')\nprint(i)\n",
    "n = 0\nfor i in range(5000):\n    if i % 2:\n        continue\n    n += i\n"
    "else:\n    print('done', n)\n",
])
def test_a_range_loop_else_runs_when_no_break_ends_it(source):
    error, _, _, text, _ = outcome(source, Limits())
    assert error is None and text == python_prints(source)
