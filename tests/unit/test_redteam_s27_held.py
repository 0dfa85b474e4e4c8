"""Red team, session 27: attacks on what session 26 added that held, kept as regression cases (the fixes
are tests/unit/test_redteam_s27.py). One hostile program per Case: the refusal's kind, line and message,
or the text CPython / PyTorch print (checked against them where marked)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import time

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.breakout_helpers import SMALL, Case, check_case

LOOPS = r"ran past 200 loop iterations in total; the limit is 200"
CM = "from contextlib import contextmanager, suppress, nullcontext\n"


@pytest.mark.parametrize("case", [
    # limits stay uncatchable through suppress and a generator manager's except around its yield
    Case(CM + "with suppress(Exception, BaseException):\n    while True:\n        pass\nprint('out')\n",
         "limit", 3, LOOPS, SMALL),
    Case(CM + "@contextmanager\ndef f():\n    try:\n        yield\n    except BaseException as e:\n"
         "        print('caught')\nwith f():\n    while True:\n        pass\nprint('out')\n",
         "limit", 9, LOOPS, SMALL),
    Case(CM + "@contextmanager\ndef f():\n    try:\n        yield\n    except Exception as e:\n"
         "        raise RuntimeError('wrapped') from e\ntry:\n    with f():\n        while True:\n"
         "            pass\nexcept RuntimeError:\n    print('caught')\n", "limit", 10, LOOPS, SMALL),
    Case(CM + "@contextmanager\ndef f():\n    try:\n        yield\n    finally:\n"
         "        raise ValueError('x')\n"
         "try:\n    with f():\n        x = [0] * 10**6\nexcept ValueError:\n    print('caught')\n",
         "limit", 10, r"the repeated sequence would have 1,000,000 items; the limit is 100,000"),
    Case(CM + "@contextmanager\ndef f():\n    try:\n        yield\n    finally:\n        print('fin')\n"
         "        while True:\n            pass\nwith f():\n    x = [0] * 10**6\n",
         "limit", 11, r"the repeated sequence would have 1,000,000 items"),
    Case(CM + "@contextmanager\ndef f(n):\n    with f(n + 1):\n        yield\nwith f(0):\n    pass\n",
         "limit", 4, r"functions called each other more than 5 levels deep", SMALL),
    # a caught error still counts, through suppress and through a manager's except
    Case(CM + "import torch\nfor i in range(100000):\n    with suppress(RuntimeError):\n"
         "        torch.ones(2) @ torch.ones(3)\n", "limit", 4, r"caught more than 1,000 errors"),
    Case(CM + "@contextmanager\ndef f():\n    try:\n        yield\n    except ZeroDivisionError:\n"
         "        pass\nfor i in range(100000):\n    with f():\n        1 / 0\n",
         "limit", 4, r"caught more than 1,000 errors"),
    Case(CM + "@contextmanager\ndef f():\n    yield 1\nm = f()\nprint(m.gen)\n", "unsupported", 6,
         r"the attribute `.gen`"),
    Case(CM + "@contextmanager\ndef f():\n    yield 1\nprint(f.__wrapped__)\n", "unsupported", 5,
         r"double-underscore attributes"),
    Case(CM + "class A:\n    @contextmanager\n    def m(self):\n        yield self\n", "unsupported", 3,
         r"`@contextmanager` on the method `m`"),
    # functions as set items and dict keys: no address, no call of the class's own __hash__
    Case("def f():\n    pass\nprint(hash(f))\n", "unsupported", 3, r"its hash would show a memory address"),
    Case("class A:\n    def __hash__(self):\n        while True:\n            pass\n    def m(self):\n"
         "        return 1\na = A()\nprint(len({a.m, a.m}), a.m == a.m)\n", None, None, "1 True\n"),
    Case("class A:\n    def __eq__(self, o):\n        return True\n    def m(self):\n        return 1\n"
         "a, b = A(), A()\nprint(len({a.m, b.m}), a.m == b.m)\n", None, None, "2 False\n"),
    Case("t = type(iter([]))\nprint(t)\nt([1])\n", "unsupported", 3, r"calling <class 'list_iterator'>"),
    # reversed(): read ahead under the limits
    Case("r = list(reversed(range(10**18)))\n", "limit", 1, r"the list would have 100,001 items"),
    Case("for i in reversed(range(10**18)):\n    pass\n", "limit", 1, LOOPS, SMALL),
    Case("L = list(range(40))\nrs = [list(reversed(L)) for i in range(20)]\n", "limit", 2,
         r"more than 500 list and string items in all", SMALL),
    Case("import torch\nprint(reversed(torch.tensor(3.0)), reversed(torch.arange(6).reshape(2, 3)))\n", None,
         None, "tensor(3.) tensor([[3, 4, 5],\n        [0, 1, 2]])\n"),
    # started generators are bounded
    Case("def gen():\n    yield 1\n    yield 2\ngs = []\nfor i in range(1000):\n    g = gen()\n    next(g)\n"
         "    gs.append(g)\n", "limit", 7, r"more than 100 generators started and not finished at once"),
    # from torch import: a name torch lacks is CPython's ImportError, one it has but the Lab doesn't: refused
    Case("try:\n    from torch import dott\nexcept ImportError as e:\n    print(e)\n", None, None,
         "cannot import name 'dott' from 'torch'\n"),
    *(Case(f"import torch\ntry:\n    from torch import {name}\nexcept ImportError:\n    print('caught')\n",
           "unsupported", 3, f"`from torch import {name}` is not supported")
      for name in ("load", "hub", "_C", "os", "ops", "utils", "__file__", "Storage", "from_file", "empty",
                   "set_default_dtype", "backends", "serialization", "compile", "__builtins__")),
    # NumPy's result objects and triangles: sized first, their private members refused
    Case("import numpy as np\nr = np.linalg.svd(np.ones((4, 3)))\nr._asdict()\n", "unsupported", 3,
         r"_asdict"),
    Case("import numpy as np\nr = np.linalg.svd(np.ones((4, 3)))\ntype(r)(1, 2, 3)\n", "unsupported", 3,
         r"calling <class"),
    Case("import numpy as np\nnp.triu(np.ones(100000))\n", "limit", 2,
         r"result of np.triu would have 10,000,000,000 elements"),
    Case("import numpy as np\nnp.linalg.svd(np.ones((5000000, 1)))\n", "limit", 2,
         r"result of np.linalg.svd would have 25,000,000,000,002 elements"),
    Case("import numpy as np\nnp.linalg.qr(np.ones((5000000, 1)), mode='complete')\n", "limit", 2,
         r"result of np.linalg.qr would have"),
    Case("import numpy as np\na = np.ones((1000, 1000)) + 1j * np.eye(1000)\nnp.linalg.eig(a)\n", "limit", 3,
         r"linalg.eig of shape \[1000, 1000\] would take about 4,000,000,000 arithmetic steps"),
    # torch.pi = ...: numbers and one-element tensors only
    Case("import torch\ntorch.e = torch.ones(3)\n", "unsupported", 2, r"setting `torch.e` to a Tensor value"),
    Case("import math\nmath.tau = [1, 2]\n", "unsupported", 2, r"setting `math.tau` to a list value"),
], ids=lambda case: case.program.strip().splitlines()[-1][:40])
def test_held(case):
    check_case(case)


def test_module_constants_and_switches_stay_in_their_run():
    """torch.pi, math.pi, np.e ... set by one run, the default dtype and print options too: the next run in
    the same process sees Python's and PyTorch's own."""
    first = ("import torch, math\nimport numpy as np\ntorch.pi = 3\nmath.pi = 4\nnp.e = 5\n"
             "torch.e = torch.ones(1)\n"
             "math.tau = 7\ntorch.inf = 0\nnp.pi += 1\ntorch.set_default_dtype(torch.float64)\n"
             "torch.set_printoptions(precision=10)\nfrom torch import pi\n"
             "print(pi, math.pi, np.e, torch.e, math.tau, "
             "np.pi, torch.tensor(1.5).dtype)\n")
    report = run_program(first, torchviz=False)
    assert report.printed == "3 4 5 tensor([1.], dtype=torch.float32) 7 4.141592653589793 torch.float64\n"
    second = ("import torch, math\nimport numpy as np\n"
              "print(torch.pi, math.pi, np.e, torch.e, math.tau, torch.inf, "
              "np.pi, torch.tensor(1.5).dtype, torch.tensor(1 / 3))\n")
    report = run_program(second, torchviz=False)
    assert report.printed == ("3.141592653589793 3.141592653589793 2.718281828459045 2.718281828459045 "
                              "6.283185307179586 inf 3.141592653589793 torch.float32 tensor(0.3333)\n")


TENSOR_OF_NUMBERS = """import torch, math
import numpy as np
for v in [1.5, -0.0, float('inf'), 1e308 * 10, 2.5e-45, True, 3, 2**62, math.pi, np.float64(2.5),
          np.float32(2.5), np.int64(3)]:
    t = torch.tensor(v)
    print(t, t.dtype)
print(torch.tensor(1.5, dtype=torch.int64), torch.tensor(2.0, requires_grad=True),
      torch.tensor(3.7, dtype=torch.bool))
torch.set_default_dtype(torch.float64)
print(torch.tensor(1.1).dtype, torch.tensor(1.1).item() == 1.1)
"""


def test_torch_tensor_of_a_number_is_pytorchs():
    """The torch.tensor(float) fast path (torch.scalar_tensor): dtype and value as PyTorch's, NumPy
    scalars keeping their own dtype."""
    expected = subprocess.run([sys.executable, "-c", TENSOR_OF_NUMBERS], capture_output=True, text=True,
                              check=True).stdout
    report = run_program(TENSOR_OF_NUMBERS, torchviz=False)
    assert report.error is None, report.error
    assert report.printed == expected


def test_started_generator_expressions_stop_at_the_time_limit():
    """99,000 generator expressions each started and kept: the time limit, without growing memory past
    what the limits allow (in-process peak +37 MB)."""
    program = ("gs = []\nfor i in range(99000):\n    g = (j for j in range(3))\n    next(g)\n"
               "    gs.append(g)\n")
    limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=1.5)
    started = time.perf_counter()
    report = run_program(program, limits=limits, torchviz=False)
    assert report.error is not None and report.error.kind in ("timeout", "limit"), report.error
    assert time.perf_counter() - started < DEFAULT_LIMITS.timeout_s
