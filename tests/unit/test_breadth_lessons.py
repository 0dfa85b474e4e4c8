"""Constructs that tutorials no one here wrote still hit (issue 9, part 2, session 6), each a snippet
compared with plain PyTorch (tests/oracle.py), and hostile variants that must stay refused."""

from __future__ import annotations

import dataclasses
import gc

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.test_breadth import compare

SNIPPETS = {
    # `@torch.no_grad()` on a def (PyTorch's "Fundamentals of Autograd").
    "no_grad_decorator": "import torch\n@torch.no_grad()\ndef add(x, y):\n    return x + y\n"
                         "a = torch.ones(2, requires_grad=True) * 2\nc = add(a, a)\n"
                         "print(c, c.requires_grad, torch.is_grad_enabled())",
    "no_grad_decorator_bare": "import torch\n@torch.no_grad\ndef f(x):\n    y = x * 2\n    return y\n"
                              "@torch.enable_grad()\ndef g(x):\n    return x * 3\n"
                              "x = torch.ones(2, requires_grad=True)\na = f(x)\nwith torch.no_grad():\n"
                              "    b = g(x)\n"
                              "print(a.requires_grad, b.requires_grad, torch.is_grad_enabled())",
    "no_grad_decorator_error_restores": "import torch\n@torch.no_grad()\ndef f(x):\n    return x[5]\n"
                                        "try:\n    f(torch.ones(2))\nexcept IndexError as e:\n    print(e)\n"
                                        "print(torch.is_grad_enabled())",
    # np.random and Python's random: the run's own generators, seeded like np.random.seed(seed).
    "np_random_scalars": "import numpy as np\na = np.random.randn()\nb = np.random.randn()\n"
                         "print(a, b, np.random.rand(), np.random.random())",
    "np_random_arrays": "import numpy as np\nx = np.random.randn(2, 3)\ny = np.random.rand(4)\n"
                        "z = np.random.normal(0, 2, (2, 2))\nw = np.random.uniform(-1, 1, size=3)\n"
                        "i = np.random.randint(0, 10, size=5)\nj = np.random.randint(5)\n"
                        "k = np.random.normal(size=(3,))\nm = np.random.standard_normal(2)",
    "np_random_seed": "import numpy as np\nnp.random.seed(42)\na = np.random.randn(3)\n"
                      "np.random.seed(seed=42)\nb = np.random.randn(3)\nprint(a == b)\n"
                      "from numpy import random\nc = random.rand(2)",
    "py_random": "import random\nr = random.random()\nrandom.seed(42)\na = random.randint(1, 6)\n"
                 "b = random.uniform(-1, 1)\nc = random.choice([3, 5, 7])\nd = [1, 2, 3, 4]\n"
                 "random.shuffle(d)\ne = random.sample(range(100), 3)\nf = random.gauss(0, 1)\n"
                 "g = random.randrange(0, 10, 2)\nh = random.choice('abc')\nprint(r, a, b, c, d, e, f, g, h)",
    "random_next_to_torch": "import random\nimport torch\nimport numpy as np\nRANDOM_SEED = 42\n"
                            "torch.manual_seed(seed=RANDOM_SEED)\nx = torch.rand(2)\n"
                            "a = np.random.rand(2)\nb = random.random()",
    # torch.empty zero-filled (the oracle zero-fills too), torch.sin_(x), out= on random creation.
    "empty": "import torch\nx = torch.empty(3, 4)\nprint(x)\ny = torch.empty((2, 2), dtype=torch.int64)\n"
             "z = torch.empty_like(x)\nw = torch.empty(2, requires_grad=True)\nprint(w)",
    "in_place_functions": "import torch\nimport math\nb = torch.tensor([0, math.pi / 4, math.pi / 2])\n"
                          "print(torch.sin_(b))\nprint(b)\nc = torch.tensor([-1.5, 2.5])\n"
                          "torch.abs_(c)\ntorch.clamp_(c, 0, 2)\nd = torch.exp_(torch.ones(2))",
    "out_random": "import torch\nc = torch.zeros(2, 2)\nd = torch.rand(2, 2, out=c)\n"
                  "print(c is d, c)\n"
                  "e = torch.zeros(3, dtype=torch.float64)\ntorch.randn(3, out=e)\n"
                  "f = torch.zeros(4, dtype=torch.int64)\ntorch.randint(0, 10, (4,), out=f)\n"
                  "r = torch.rand(2)",
    "future_import": "from __future__ import print_function, division\nimport torch\nprint(7 / 2)",
    # NumPy's dot and boolean masks ("Learning PyTorch with Examples", two-layer net warm-up).
    "np_dot": "import numpy as np\nx = np.arange(6.).reshape(2, 3)\nw = np.ones((3, 4))\nh = x.dot(w)\n"
              "g = np.dot(x, w)\nv = np.arange(3.).dot(np.arange(3.))\ns = np.dot(2, x)\n"
              "m = x.T.dot(h)\nprint(h, v, s)",
    "np_masks": "import numpy as np\nh = np.arange(6.).reshape(2, 3) - 2\ng = h.copy()\ng[h < 0] = 0\n"
                "pos = h[h > 0]\ng[g == 0] = 1.5\nprint(g, pos)",
    # dir() and help() (d2l's "Documentation" section).
    "dir_and_help": "import torch\nimport math\nprint(dir(torch.distributions))\nhelp(torch.ones)\n"
                    "names = dir(torch.ones(2))\nprint(len(names) > 100, 'grad' in names)\nhelp(math.sqrt)\n"
                    "print(dir([1, 2])[-3:])",
    # import copy (a Chinese autograd lesson keeps gradients with copy.deepcopy(x.grad)).
    "copy_module": "import copy\nimport torch\nimport numpy as np\n"
                   "x = torch.tensor([3., 4.], requires_grad=True)\n(x ** 2).sum().backward()\n"
                   "g = copy.deepcopy(x.grad)\nx.grad.zero_()\nprint(g, x.grad)\nw = copy.deepcopy(x)\n"
                   "c = copy.copy(x)\na = copy.deepcopy(np.ones(2))\nn = copy.copy(3.5)",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_runs_like_plain_pytorch(name: str) -> None:
    compare(SNIPPETS[name])


@pytest.mark.parametrize("source", [   # program-written decorators run since session 27 (closures)
    "def deco(f):\n    return f\n@deco\ndef g():\n    return 1\nprint(g())",
    "@print\ndef f(x):\n    return x\nprint(f)",
    "@(lambda f: f)\ndef f(x):\n    return x\nprint(f(3))",
])
def test_program_decorators_run_as_python(source: str) -> None:
    compare(source)


@pytest.mark.parametrize(("source", "line", "says"), [   # the decorator's own line, as Python names it
    ("import torch\n@torch.no_grad()\n@torch.no_grad()\ndef f(x):\n    return x", 2,
     "above another decorator"),
    ("import torch\n@torch.no_grad(1)\ndef f(x):\n    return x", 2, "torch.no_grad"),
    ("import torch\n@torch.no_grad().__class__\ndef f(x):\n    return x", 2, "__class__"),
    # (@torch.set_grad_enabled(False) and @torch.inference_mode() run as PyTorch since session 14:
    # tests/unit/test_grad_switches.py)
])
def test_other_decorators_stay_refused(source: str, line: int, says: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind == "unsupported", report.error
    assert report.error.line == line and says in report.error.message


def test_decorator_of_a_program_variable_is_not_torch() -> None:
    report = run_program("import torch\nno_grad = 3\n@no_grad()\ndef f(x):\n    return x\n"
                         "f(1)")
    assert not report.ok and "not torch.no_grad" in report.error.message


def test_recursion_under_no_grad_decorator_hits_the_depth_limit() -> None:
    report = run_program("import torch\n@torch.no_grad()\ndef f(x):\n    return f(x)\nf(1)")
    assert not report.ok and report.error.kind == "limit", report.error


@pytest.mark.parametrize(("source", "says"), [
    ("import numpy as np\nx = np.random.randn(100000, 100000)", "elements"),
    ("import numpy as np\nx = np.random.normal(0, 1, size=(10**6, 10**6))", "elements"),
    ("import numpy as np\nx = np.random.rand(10**30)", "elements"),
    ("import numpy as np\nx = np.random.randint(0, 10, size=-1)", "negative dimensions"),
    ("import numpy as np\nx = np.random.randn(" + "1, " * 64 + "1)", "64"),   # (41 run, as NumPy 2: s44)
    ("import numpy as np\nnp.random.seed(-1)", "Seed must be between"),
    ("import numpy as np\nnp.random.seed(2**40)", "Seed must be between"),
    ("import numpy as np\nx = np.random.randint([0, 1], 5)", "plain numbers"),   # (normal([0, 1]) runs: s31)
    ("import numpy as np\nx = np.random.randint(0, 10**30)", "high is out of bounds"),
    ("import random\nx = random.sample(range(10**18), 10**7)", "1,000,000"),
    ("import random\nx = random.choice({1: 2})", "lists, tuples"),
    ("import random\nrandom.shuffle((1, 2))", "needs a list"),
    ("import random\nrandom.seed([1, 2])", "int seed"),   # a text seed runs since session 41
    ("import random\nx = random.Random(1)", "Random"),
    ("import random\nx = random._inst", "_inst"),
    # RandomState(seed) runs since session 33 (lang/numpy_random_state.py); its state stays closed
    ("import numpy as np\nx = np.random.RandomState(1).get_state()", "RandomState"),
    # default_rng runs since session 28 (lang/numpy_generators.py); its Generator's internals stay closed
    ("import numpy as np\nx = np.random.default_rng(1).bit_generator", "bit_generator"),
    ("import random\nx = random.seed.__self__", "__self__"),
    ("import numpy as np\nx = np.random.randn.impl", "impl"),
])
def test_random_modules_stay_bounded_and_closed(source: str, says: str) -> None:
    report = run_program(source)
    assert not report.ok, report.printed
    assert says in report.error.message, report.error


def test_random_arrays_count_towards_the_total() -> None:
    limits = dataclasses.replace(DEFAULT_LIMITS, max_total_elements=1_000_000)
    source = "import numpy as np\nx = []\nfor i in range(20):\n    x.append(np.random.rand(100_000))"
    gc.collect()   # the run's memory baseline, as in a fresh sandbox job (lang/live_memory.py)
    report = run_program(source, limits=limits)
    # a limit of 1 M elements or more is checked on held memory (lang/live_memory.py), and says so
    assert not report.ok and report.error.key == "errors.held_elements" and report.error.line == 4
    assert "in memory at once" in report.error.message and "np.random.rand" in report.error.message


def test_random_modules_leave_the_process_wide_generators_alone() -> None:
    import random

    import numpy as np
    random.seed(5)
    np.random.seed(5)
    want_py, want_np = random.getstate(), np.random.get_state()[1].copy()
    assert run_program(SNIPPETS["py_random"]).ok and run_program(SNIPPETS["np_random_seed"]).ok
    assert random.getstate() == want_py and (np.random.get_state()[1] == want_np).all()


def test_random_draws_follow_the_run_seed() -> None:
    source = "import numpy as np\nimport random\na = np.random.randn()\nb = random.random()"
    first, again = run_program(source, seed=3), run_program(source, seed=3)
    other = run_program(source, seed=4)
    values = [(r.variables["a"].value, r.variables["b"].value) for r in (first, again, other)]
    assert values[0] == values[1] != values[2]


def test_empty_never_shows_memory() -> None:
    """A tensor filled with a pattern is freed, then torch.empty of the same size: zeros, not the pattern."""
    report = run_program("import torch\nx = torch.full((1000, 100), 7.25)\ndel x\n"
                         "y = torch.empty(1000, 100)\nz = torch.empty_like(torch.full((50,), 3.5))\n"
                         "print(y.abs().sum().item(), z.abs().sum().item())")
    assert report.ok, report.error
    assert report.printed == "0.0 0.0\n"


@pytest.mark.parametrize(("source", "kind", "says"), [
    ("import torch\nx = torch.empty(10**6, 10**6)", "limit", "elements"),
    ("import torch\nx = torch.empty(-1)", "value", "non-negative"),
    ("import torch\nx = torch.ones(2)\ny = x.new_empty(3)", "unsupported", "new_empty"),
    ("import torch\nfrom torch import empty", "unsupported", "from torch import empty"),
    ("import torch\nx = torch.sin_(3)", "type", "must be Tensor"),
    ("import torch\nx = torch.sin_()", "type", "must be Tensor"),
    ("import torch\nx = torch.resize_as_(torch.ones(2), torch.ones(9))", "unsupported", "resize_as_"),
    ("import torch\nx = torch.as_strided_(torch.ones(2), (9,), (1,))", "unsupported", "as_strided_"),
    ("import torch\nx = torch.ones(2, requires_grad=True)\ntorch.sin_(x)", "autograd", "leaf tensor"),
    ("import torch\nc = torch.zeros(2)\ntorch.rand(3, out=c)", "shape", "does not resize"),
    ("import torch\nc = torch.zeros(2)\ntorch.rand(10**10, out=c)", "limit", "elements"),
    ("import torch\nc = torch.zeros(2, requires_grad=True)\ntorch.rand(2, out=c)", "value", "require"),
    ("import torch\nc = torch.zeros(2)\ntorch.rand(2, out=[1, 2])", "type", "must be Tensor"),
    ("import torch\ntorch.rand_like(torch.ones(2), out=torch.ones(2))", "unsupported", "out="),
])
def test_new_torch_spellings_stay_bounded(source: str, kind: str, says: str) -> None:
    report = run_program(source)
    assert not report.ok, report.printed
    assert report.error.kind == kind, report.error
    assert says in report.error.message, report.error


@pytest.mark.parametrize("source", [
    "from __future__ import braces", "from __future__ import print_function as p",
    "import __future__", "from __future__ import *", "from __future__ import barry_as_FLUFL",
])
def test_other_future_imports_stay_refused(source: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind in ("unsupported", "syntax"), report.error
    assert report.error.line == 1


@pytest.mark.parametrize(("source", "says"), [
    ("import numpy as np\na = np.ones((5000, 1))\nb = np.ones((1, 5000))\nc = a.dot(b)", "elements"),
    ("import numpy as np\na = np.ones(10**6)\nb = np.dot(a.reshape(10**6, 1), a.reshape(1, 10**6))",
     "elements"),
    # N-D dot runs since session 33, its outputs counted and its work checked (numpy_linalg._dot_nd)
    ("import numpy as np\na = np.ones((100, 100, 500))\nb = a.dot(np.ones((500, 400)))", "arithmetic steps"),
    ("import numpy as np\na = np.ones((2, 3))\nb = a.dot(a)", "not aligned"),
    # a list is the array np.array makes of it (session 33, NumPy's own rule); other values stay refused
    ("import numpy as np\na = np.ones(3)\nb = a.dot({'x': 1})", "numpy arrays combine only"),
    # a list of numbers assigned through a mask runs as in NumPy (session 30); other items stay refused
    ("import numpy as np\na = np.ones(3)\na[a > 0] = ['x', 2, 3]", "numpy arrays of numbers only"),
    # a mask of another shape: NumPy's own IndexError, raised before it allocates (numpy_indexing.py)
    ("import numpy as np\na = np.ones(3)\nb = a[np.ones(2) > 0]", "boolean index did not match"),
    ("import numpy as np\na = np.ones(3)\na[np.ones(4) > 0] = 0", "boolean index did not match"),
    ("import numpy as np\na = np.ones(3)\nb = a.dot.__self__", "__self__"),
])
def test_numpy_dot_and_masks_stay_bounded(source: str, says: str) -> None:
    report = run_program(source)
    assert not report.ok, report.printed
    assert says in report.error.message, report.error


@pytest.mark.parametrize(("source", "says"), [
    ("help('os')", "by its name"),
    ("import torch\nhelp(torch)", "one library function at a time"),
    ("import torch\nhelp(torch.Tensor)", "one library function at a time"),
    ("help()", "one library function"),
    ("dir()", "one argument"),
    ("def f(x):\n    return x\nprint(dir(f))", "modules, library functions and values"),
    ("import torch\nhelp(torch.ones.__doc__)", "__doc__"),
    ("import torch\nhelp(torch.ones, 1)", "one library function"),
])
def test_dir_and_help_stay_closed(source: str, says: str) -> None:
    report = run_program(source)
    assert not report.ok, report.printed
    assert says in report.error.message, report.error


def test_help_counts_towards_the_printed_limit() -> None:
    limits = dataclasses.replace(DEFAULT_LIMITS, max_printed_chars=500)
    report = run_program("import torch\nhelp(torch.ones)", limits=limits)
    assert not report.ok and report.error.kind == "limit" and "printed more than 500" in report.error.message


@pytest.mark.parametrize(("source", "says"), [
    ("import copy\nx = []\nfor i in range(101):\n    x = [x]\ny = copy.deepcopy(x)",
     "nested more than 100 deep"),
    ("import copy\ny = copy.deepcopy(print)", "`copy.deepcopy` of tensors, numpy arrays, numbers, lists"),
    ("import copy\nimport torch\nx = torch.ones(2, requires_grad=True) * 2\ny = copy.deepcopy(x)",
     "deepcopy"),
    ("import copy\nimport torch\ny = copy.deepcopy(torch.ones(1).expand(10**5, 10**5))", "elements"),
    ("import copy\ny = copy.deepcopy.__globals__", "__globals__"),
    ("import copy\ny = copy.Error", "Error"),
    # (`from copy import deepcopy` binds the same bounded copy.deepcopy since session 42)
    ("from copy import Error", "from copy import Error"),
])
def test_copy_stays_bounded(source: str, says: str) -> None:
    report = run_program(source)
    assert not report.ok, report.printed
    assert says in report.error.message, report.error


def test_out_of_scope_tutorial_cell_is_named_with_its_line() -> None:
    """00_pytorch_fundamentals cell 41 builds torch.nn.Linear: refused by name, at its line."""
    from tests.programs.manifest import PROGRAMS_DIR
    report = run_program((PROGRAMS_DIR / "tutorial_mrdbourke_linear.py").read_text(encoding="utf-8"))
    assert not report.ok and (report.error.kind, report.error.line) == ("unsupported", 17)
    assert "`torch.nn.Linear`" in report.error.message and "nn.Module" in report.error.hint


def test_set_grad_enabled_as_a_call_switches_grad_mode_as_pytorch_does() -> None:
    """Refused until session 13; now a call switches grad mode for the run (put back at its end)."""
    import torch

    report = run_program("import torch\nx = torch.ones(2, requires_grad=True)\n"
                         "torch.set_grad_enabled(False)\n"
                         "y = x ** 2\nprint(y.requires_grad)\n"
                         "torch.set_grad_enabled(True)\nz = x ** 2\nprint(z.requires_grad)\n")
    assert report.ok, report.error
    assert report.printed == "False\nTrue\n"
    assert torch.is_grad_enabled(), "grad mode is put back when the run ends"
