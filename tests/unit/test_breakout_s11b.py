"""Session 11 red-team, second pass: the fast paths merged together this session, as a hostile
student would try them, one program per case (all already handled; they stay as regression tests).

- compiled_binary_assign / compiled_number_pairs: a name that changes kind between passes (int ->
  float -> bool -> tensor -> list -> str -> a huge int), rebound by global/nonlocal from a function,
  ints growing past max_int_bits through `*`, `**`, `<<` and `2 ** tree`, `@` of two ints;
- user functions (final_return, the stack-room check): recursion through generators, yield from,
  lambdas, map, sorted/max keys, reduce, comprehensions, f-strings, try/except/finally around the
  call: always the max_call_depth limit at the call, uncatchable;
- max_ops still bounds results kept alive in loops, user functions, generators, comprehensions,
  map, dicts, and after a long (skimmed) loop;
- max_steps 500,000: C-level loops (sum/max/sorted/set of a huge range, any/all of a generator,
  map/filter/reduce, join) stop on the loop or sequence limits, huge ints and strings before
  they are made;
- tensor_text: the report's text of a variable equals what print() showed in the same run;
- sandbox_warm's idle warm-up leaves no process-wide state a job could observe.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
import torch

from autogradlab import sandbox_warm
from autogradlab.engine import run_program
from autogradlab.limits import Limits
from tests.unit.breakout_helpers import Case, check_case

OPS50 = Limits(max_ops=50)
DEPTH = r"functions called each other more than 50 levels deep; the limit is 50"
ALIVE = r"the program keeps more than 50 tensor results alive at once \(limit max_ops = 50\)"
LOOPS = r"ran past 100,000 loop iterations in total; the limit is 100,000"

KINDS = [
    # -- a name that changes kind between passes: CPython's own output ---------------------------------
    Case("vals = [1, 2.5, True, 3, 10**300, False, -0.0]\nout = []\nfor v in vals:\n    n = v\n"
         "    x = n ** 2\n    y = n % 3\n    w = n * 2.0\n    out.append((x, y, w))\n"
         "print(out[2:4], out[5:])\n",
         None, None, "[(1, 1, 2.0), (9, 0, 6.0)] [(0, 0, 0.0), (0.0, 0.0, -0.0)]\n"),
    Case("import torch\nfor v in [1, 2.5, True, torch.tensor(2.0), 3]:\n    n = v\n    x = n ** 2\n"
         "    print(x, n % 3, 2 ** (n + 0))\n", None, None,
         "1 1 2\n6.25 2.5 5.656854249492381\n1 1 2\ntensor(4.) tensor(2.) tensor(4.)\n9 0 8\n"),
    Case("for v in [3, [1], 'ab', 2.5]:\n    n = v\n    y = n * 2\n    print(y)\n", None, None,
         "6\n[1, 1]\nabab\n5.0\n"),
    Case("n = 2\nfor i in range(30):\n    n = n * n\n", "limit", 3,
         r"<an int of 2,049 bits> \* <an int of 2,049 bits> would be an integer of about 4,097 bits; "
         r"the limit is 4,096 bits"),
    Case("n = 3\nfor i in range(30):\n    n = n ** 2\n", "limit", 3,
         r"<an int of 3,247 bits> \*\* 2 would be an integer of about 6,493 bits"),
    Case("n = 3\nfor i in range(30):\n    n = 2 ** (n + 0)\n", "limit", 3,
         r"2 \*\* <an int of 257 bits> would be an integer of about"),
    Case("a = 1\nfor i in range(6):\n    b = a << 4090\n    a = b\n", "limit", 3,
         r"<an int of 4,091 bits> << 4090 would be an integer of about 8,181 bits"),
    Case("k = 7\nfor i in range(6):\n    y = k * 2\n    k = 2 ** 4000 if i == 2 else k\n"
         "    k = k * k\n", "limit", 5, r"would be an integer of about 8,00\d bits"),
    Case("for i in range(5):\n    x = i @ 4\n", "type",
         2, r"unsupported operand type\(s\) for @: 'int' and 'int'"),
    Case("s = 'ab'\nfor i in range(20):\n    s = s * 2\n", "limit", 3,
         "the repeated sequence would have 131,072 items; the limit is 100,000"),
    Case("s = [1]\nfor i in range(30):\n    s = s + s\n", "limit", 3,
         "the joined sequence would have 131,072 items; the limit is 100,000"),
    # -- rebound from a function (global / nonlocal) between passes -----------------------------------
    Case("def f():\n    global g\n    g = [1, 2]\ng = 1\nfor i in range(4):\n    y = g * 3\n    if i == 2:\n"
         "        f()\n    print(y)\n", None, None, "3\n3\n3\n[1, 2, 1, 2, 1, 2]\n"),
    Case("def outer():\n    k = 1\n    def inner():\n        nonlocal k\n        k = 'ab'\n"
         "    for i in range(4):\n"
         "        y = k * 3\n        print(y)\n        if i == 1:\n            inner()\nouter()\n",
         None, None, "3\n3\nababab\nababab\n"),
    Case("def f():\n    global x\n    for i in range(3):\n        x = i + 2\nx = 0\nf()\nprint(x)\n",
         None, None, "4\n"),
    Case("def outer():\n    k = 0\n    def inner():\n        nonlocal k\n        for i in range(3):\n"
         "            k = i * 5\n    inner()\n    return k\nprint(outer())\n", None, None, "10\n"),
    Case("import torch\ndef f():\n    global t\n    for i in range(3):\n        t = torch.ones(2) * i\n"
         "t = None\n"
         "f()\nprint(t)\n", None, None, "tensor([2., 2.])\n"),
    Case("for i in range(40):\n    y = i + undefined_name\n", "name",
         2, "name 'undefined_name' is not defined"),
    Case("def f():\n    y = len + 1\nf()\n", "type", 2,   # Python's TypeError (s25)
         r"unsupported operand type\(s\) for \+: 'builtin_function_or_method' and 'int'"),
]

RECURSION = [
    Case("def g(n):\n    if n > 0:\n        yield from g(n - 1)\n    yield n\nprint(sum(g(200)))\n",
         "limit", 3, DEPTH),
    Case("def g(n):\n    if n > 0:\n        for v in g(n - 1):\n            yield v\n    yield n\n"
         "print(sum(g(200)))\n",
         "limit", 3, DEPTH),
    Case("def g(n):\n    it = g(n + 1)\n    yield next(it)\nprint(next(g(0)))\n", "limit", 3, DEPTH),
    Case("f = lambda n: n if n == 0 else f(n - 1)\nprint(f(1000))\n", "limit", 1, DEPTH),
    Case("def f(n):\n    return n if n == 0 else sorted([n], key=lambda v: f(n - 1))[0]\nprint(f(1000))\n",
         "limit", 2, DEPTH),
    Case("def f(n):\n    try:\n        return f(n + 1)\n    except RecursionError:\n        return n\n"
         "print(f(0))\n",
         "limit", 3, DEPTH),
    Case("def f(n):\n    try:\n        return f(n + 1)\n    except Exception as e:\n"
         "        return str(e)\nprint(f(0))\n",
         "limit", 3, DEPTH),
    Case("def f(n):\n    try:\n        return f(n + 1)\n    except:\n        return f(n + 1)\nprint(f(0))\n",
         "limit", 3, DEPTH),
    Case("def f(n):\n    try:\n        return f(n + 1)\n    finally:\n"
         "        print(n) if n < 2 else None\nf(0)\n",
         "limit", 3, DEPTH),
    Case("import functools\ndef f(n):\n    return functools.reduce(lambda a, b: f(a), [n, 1])\nprint(f(0))\n",
         "limit", 3, DEPTH),
    Case("def f(n):\n    return [f(n + 1) for _ in range(1)]\nf(0)\n", "limit", 2, DEPTH),
    Case("def f(n):\n    return {k: f(n + 1) for k in range(1)}\nf(0)\n", "limit", 2, DEPTH),
    Case("def f(n):\n    return f\"{f(n + 1)}\"\nf(0)\n", "limit", 2, DEPTH),
    Case("def f(n):\n    return max([1], key=lambda v: f(n + 1))\nf(0)\n", "limit", 2, DEPTH),
    Case("def f(n):\n    return (lambda: f(n + 1))()\nf(0)\n", "limit", 2, DEPTH),
    Case("def f(n):\n    return list(map(f, [n + 1]))\nf(0)\n", "limit", 2, DEPTH),
    Case("def f(n):\n    return list(map(f, range(n)))\nprint(len(f(60)))\n", "limit", 2,
         r"the program took more than 3,000 steps", Limits(max_steps=3000)),
]

ALIVE_CASES = [
    Case("import torch\nx = torch.ones(2)\nkeep = []\nfor i in range(100):\n    y = x * 2\n"
         "    keep.append(y)\n",
         "limit", 5, ALIVE, OPS50),
    Case("import torch\nx = torch.ones(2)\nkeep = []\ndef f(v):\n    return v * 2\nfor i in range(100):\n"
         "    keep.append(f(x))\n", "limit", 5, ALIVE, OPS50),
    Case("import torch\nx = torch.ones(2)\ndef g():\n    for i in range(100):\n        yield x * 2\n"
         "keep = list(g())\n",
         "limit", 5, ALIVE, OPS50),
    Case("import torch\nx = torch.ones(2)\nkeep = [x * i for i in range(100)]\n", "limit", 3, ALIVE, OPS50),
    Case("import torch\nx = torch.ones(2)\nkeep = list(map(lambda i: x * i, range(100)))\n", "limit",
         3, ALIVE, OPS50),
    Case("import torch\nx = torch.ones(2)\nkeep = {}\ni = 0\nwhile i < 100:\n    keep[i] = x + i\n"
         "    i += 1\n",
         "limit", 6, ALIVE, OPS50),
    Case("import torch\nx = torch.ones(2)\nkeep = []\nfor i in range(1000):\n    y = x * 2\n"
         "    if i % 100 == 0:\n"
         "        keep.append(y)\nfor i in range(100):\n    y = x * 3\n    keep.append(y)\n", "limit",
         9, ALIVE, OPS50),
    Case("import torch\nx = torch.ones(2)\nkeep = []\nfor i in range(100):\n    keep.append(torch.sin(x))\n",
         "limit", 5, ALIVE, OPS50),
    Case("import torch\nclass F(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n"
         "        return x * 2\n    @staticmethod\n    def backward(ctx, g):\n        return g\n"
         "x = torch.ones(2, requires_grad=True)\nkeep = []\nfor i in range(100):\n"
         "    keep.append(F.apply(x))\n",
         "limit", None, ALIVE, OPS50),
]

RUNAWAY = [   # max_steps 500,000: what a C-level loop could do stops on its own limit, at once
    Case("print(sum(range(10**12)))\n", "limit", 1, "sum\\(\\) " + LOOPS),
    Case("print(max(range(10**12)))\n", "limit", 1, "the list would have 1,000,000,000,000 items"),
    Case("print(sorted(range(10**9))[0])\n", "limit", 1, "the list would have 1,000,000,000 items"),
    Case("print(set(range(10**9)))\n", "limit", 1, "the list would have 1,000,000,000 items"),
    Case("print(any(i < 0 for i in range(10**12)))\n", "limit", 1, LOOPS),
    Case("print(sum(1 for i in range(10**12)))\n", "limit", 1, LOOPS),
    Case("print(sum(map(abs, range(10**12))))\n", "limit", 1, "map\\(\\) " + LOOPS),
    Case("print(sum(filter(None, range(10**12))))\n", "limit", 1, "filter\\(\\) " + LOOPS),
    Case("import functools\nprint(functools.reduce(max, range(10**12)))\n", "limit",
         2, "reduce\\(\\) " + LOOPS),
    Case("print(sum(zip(range(10**12))))\n", "limit", 1, "the list would have 1,000,000,000,000 items"),
    Case("print(''.join(map(str, range(10**9))))\n", "limit", 1, "map\\(\\) " + LOOPS),
    Case("print(pow(3, 10**9))\n", "limit",
         1, "3 \\*\\* 1000000000 would be an integer of about 1,584,962,501 bits"),
    Case("print(pow(3, 10**9, 7))\n", None, None, "4\n"),
    Case("print(f\"{1.5:.999999999f}\")\n", "limit", 1, "the f-string would have 1,000,000,001 items"),
    Case("print('%.999999999f' % 1.5)\n", "limit",
         1, "the %-formatted string would have 1,000,000,011 items"),
    Case("print(int('9' * 5000))\n", "limit", 1, "int\\(\\) of a 5,000-character string would be an integer"),
    Case("print(len(str(list(range(100000)))))\n", "limit", 1, "the text would have 688,890 items"),
    Case("import math\nprint(math.factorial(10**6))\n", "limit",   # session 12: offered, sized first
         2, "math.factorial\\(\\) would be an integer of about 18,488,88\\d bits; the limit is 4,096 bits"),
    Case("import math\nprint(math.prod(range(1, 10**6)))\n", "limit",   # session 38: offered, read as list()
         2, "the list would have 999,999 items; the limit is 100,000"),
    Case("import math\nprint(math.prod([10**1000] * 5))\n", "limit", 2, "the limit is 4,096 bits"),
    Case("import torch\nprint(torch.arange(10**12).sum())\n", "limit", 2,
         "result of arange would have 1,000,000,000,000 elements; the limit is 5,000,000"),
    Case("import torch\ntorch.set_printoptions(precision=10**9)\n", "value", 2,   # a gigabyte per number
         "precision must be from 0 to 100 in Autograd Lab"),
    Case("import torch\ntorch.set_default_dtype('torch.DoubleTensor')\n", "type", 2,   # never torch's parser
         "invalid dtype object: only floating-point types are supported as the default type"),
    # session 24: torch.get_rng_state reads the run's own generator (tests/unit/test_func_breadth_s24.py)
    Case("import torch\nprint(torch.seed())\n", "unsupported", 2, "`torch.seed` is not supported"),
]

RETURNS = [   # final_return (a def's last `return` as a closure) against CPython and the per-node path
    Case("def f(x):\n    if x:\n        return 1\n    return\nprint(f(0), f(1))\n", None, None, "None 1\n"),
    Case("def f():\n    try:\n        return 1\n    finally:\n        print('fin')\nprint(f())\n", None, None,
         "fin\n1\n"),
    Case("def f():\n    for i in range(3):\n        pass\n    return i\nprint(f())\n", None, None, "2\n"),
    Case("def f(n):\n    def inner():\n        return n * 2\n    return inner()\n"
         "print([f(i) for i in range(3)])\n",
         None, None, "[0, 2, 4]\n"),
    Case("def f():\n    return\n    print('never')\nprint(f())\n", None, None, "None\n"),
    Case("def f(a, b=[]):\n    b.append(a)\n    return b\nf(1)\nprint(f(2))\n", None, None, "[1, 2]\n"),
    Case("def f():\n    return 1, 2\na, b = f()\nprint(a + b)\n", None, None, "3\n"),
    Case("import torch\ndef f(x):\n    return x.sum()\nx = torch.ones(3, requires_grad=True)\n"
         "for i in range(40):\n    y = f(x * i)\ny.backward()\nprint(x.grad, y)\n", None, None,
         "tensor([39., 39., 39.]) tensor(117., grad_fn=<SumBackward0>)\n"),
    Case("import torch\ndef f():\n    return print\nf()(1)\ntorch.tensor([f()])\n", "unsupported", 5,
         "the function `print` cannot be used"),   # s27: a function may be returned, and stays no data
    Case("def f():\n    def g():\n        yield 1\n    return g()\nprint(list(f()))\n", None, None, "[1]\n"),
    Case("def f():\n    return (yield)\nprint(f())\n", "unsupported", 2,
         "`yield` anywhere but as a statement"),
]


@pytest.mark.parametrize("case", KINDS + RECURSION + RETURNS + ALIVE_CASES + RUNAWAY)
def test_hostile_program(case: Case) -> None:
    check_case(case)


TEXTS = {   # tensor_text.tensor_repr must give what print() (torch's own repr) gave in the same run
    "negzero": "torch.tensor([-0.0, 0.0, 1.0])", "negzero0": "-torch.tensor(0.0)",
    "view": "(torch.ones(3, requires_grad=True) * 2)[1:]", "T": "torch.arange(12.).reshape(3, 4).T",
    "expand": "torch.ones(1, 3).expand(1200, 3)", "i64": "torch.tensor([2**63 - 1, -2**63])",
    "i32": "torch.tensor([7, -2**31], dtype=torch.int32)", "bool0": "torch.tensor(True)",
    "tiny": "torch.tensor([1e-30, 1e30])", "edges": "torch.tensor([1.4e-45, 3.4e38])",
    "nan": "torch.tensor([float('nan'), float('inf'), -1e-5])",
    "f64": "torch.ones(2, dtype=torch.float64, requires_grad=True).sum()", "neg": "torch.ones(2).neg()",
    "wide": "torch.arange(60.) * 1234.5678", "col": "torch.linspace(-1, 1, 2000).reshape(2000, 1) ** 3",
    "uint8": "torch.tensor([1, 2], dtype=torch.uint8)", "half": "torch.tensor([1.5], dtype=torch.float16)",
    "complex": "torch.tensor([1+2j])", "leaf": "torch.ones(2).requires_grad_()",
    "intmode": "torch.tensor([100000000., 1.])", "sci": "torch.tensor([0.00001, 1000.])",
    "bigint": "torch.tensor([123456789012, 1])",
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_report_text_is_torch_repr(name: str) -> None:
    report = run_program(f"import torch\nx = {TEXTS[name]}\nprint(x)\n", torchviz=False)
    assert report.error is None, report.error
    assert report.variables["x"].text + "\n" == report.printed


def test_custom_function_output_text() -> None:
    program = ("import torch\nclass F(torch.autograd.Function):\n    @staticmethod\n"
               "    def forward(ctx, x):\n"
               "        return x * 2\n    @staticmethod\n    def backward(ctx, g):\n        return g\n"
               "w = torch.ones(2, requires_grad=True)\nx = F.apply(w)\nprint(x)\n")
    report = run_program(program, torchviz=False)
    assert report.error is None, report.error
    assert report.variables["x"].text + "\n" == report.printed == "tensor([2., 2.], grad_fn=<FBackward>)\n"


def _process_state() -> tuple:
    options = torch._tensor_str.PRINT_OPTS
    return (torch.get_rng_state().tolist(), random.getstate(), str(np.random.get_state()),
            torch.get_default_dtype(), torch.is_grad_enabled(), torch.is_inference_mode_enabled(),
            torch.are_deterministic_algorithms_enabled(), torch.get_num_threads(),
            (options.precision, options.threshold, options.edgeitems, options.linewidth, options.sci_mode),
            torch._C._get_default_device())


def test_idle_warm_up_leaves_no_process_state() -> None:
    """What the spare runs while idle (sandbox_warm: IDLE_PROGRAM and the Jacobian programs) changes
    nothing process-wide a job could read (RNGs, dtype, grad mode, print options, threads)."""
    before = _process_state()
    for program in (sandbox_warm.IDLE_PROGRAM, *sandbox_warm.SPARE_PROGRAMS):
        assert run_program(program, seed=0).error is None
    assert _process_state() == before


RANDOM_PROGRAM = ("import torch\nimport random\nprint(torch.rand_like(torch.ones(3)), torch.randperm(5), "
                  "torch.ones(2).normal_(), torch.multinomial(torch.ones(5), 3), random.random())\n")


def test_random_draws_do_not_depend_on_the_warm_up() -> None:
    """A job's random numbers come from its own generators: the same after the idle warm-up, and after
    a run that drew from torch's global generator directly."""
    first = run_program(RANDOM_PROGRAM, seed=0, torchviz=False)
    run_program(sandbox_warm.IDLE_PROGRAM, seed=0)
    torch.rand(7)
    random.random()
    again = run_program(RANDOM_PROGRAM, seed=0, torchviz=False)
    assert first.error is None and first.printed == again.printed


LEAKED_BATCH = (   # a custom backward under jacobian(vectorize=True) keeps its vmap-batched grad in a global
    "import torch\nfrom torch.autograd.functional import jacobian\n"
    "class F(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n        return x * 2\n"
    "    @staticmethod\n    def backward(ctx, g):\n        global h\n        h = g\n        return g * 2\n"
    "J = jacobian(lambda v: F.apply(v), torch.ones(3), vectorize=True)\n"
    "k = h.repeat(1000)\n")


def test_leaked_vmap_batch_is_refused_before_the_op() -> None:
    """Closed in session 12 (lang/batch_escapes.py): h is refused when the jacobian call that batched it
    ends (line 12), naming the backward and the line g came in (8), before `h.repeat(1000)` runs; more
    escape routes in test_breakout_s12.py."""
    report = run_program(LEAKED_BATCH, limits=Limits(max_tensor_elements=5000), torchviz=False)
    assert report.error is not None and report.error.line == 12
    assert report.error.kind == "unsupported", report.error
    assert "storage" not in report.error.message
    assert report.error.message.startswith("`F.backward` kept a gradient batched by jacobian(..., "
                                           "vectorize=True) (line 8)")


def test_leaked_vmap_batch_fails_closed() -> None:
    """With the default limits too the program stops at the jacobian call, never at the op on h
    (until session 12: a value error "Cannot access storage of BatchedTensorImpl" at line 13)."""
    report = run_program(LEAKED_BATCH, torchviz=False)
    assert report.error is not None and (report.error.kind, report.error.line) == ("unsupported", 12)
