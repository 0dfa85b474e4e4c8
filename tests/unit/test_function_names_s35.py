"""Session 35: `f.__name__` of a function reads as in Python (lang/function_names.py): Python lessons print a
function's name (a decorator's `print(f"{func.__name__} called")`, `for f in [np.sin, np.cos]`); it was
refused ("double-underscore attributes such as `__name__` are not supported"). A library function's name
is its real object's (np.abs's is 'absolute'); values without a name in Python stay refused."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted


@pytest.mark.parametrize("source", [
    "def f(x):\n    return x\nprint(f.__name__, (lambda: 0).__name__)\n",
    "class A:\n    def m(self):\n        pass\nprint(A.m.__name__, A().m.__name__, A.__name__)\n",
    "import numpy as np\nimport torch\nimport math\n"
    "print(np.abs.__name__, np.conj.__name__, np.amax.__name__,\n"
    "      np.random.rand.__name__, torch.relu.__name__, math.floor.__name__,\n"
    "      print.__name__, len.__name__)\n",
    "import numpy as np\nimport torch\nimport torch.nn.functional as F\n"
    "print(np.__name__, torch.__name__, F.__name__, F.relu.__name__)\n",
    "import functools\ndef deco(f):\n    @functools.wraps(f)\n    def w(*a):\n"
    "        return f(*a)\n    return w\n"
    "@deco\ndef g(x):\n    return x\nprint(g.__name__, deco.__name__)\n",
    "def outer():\n    def inner():\n        pass\n    return inner\nprint(outer().__name__)\n",
    "def timer(func):\n    def wrapper(*args):\n        print(f'{func.__name__} called')\n"
    "        return func(*args)\n"
    "    return wrapper\n@timer\ndef add(a, b):\n    return a + b\nprint(add(1, 2), add.__name__)\n",
    "import numpy as np\nfor g in [np.sin, np.cos, np.tanh]:\n    print(g.__name__, g(0.0))\n",
])
def test_a_functions_name_reads_as_in_python(source: str) -> None:
    report = run_program(source, torchviz=False)
    oracle = run_trusted(source)
    assert oracle.error is None and report.error is None, (report.error, oracle.error)
    assert report.printed == oracle.printed


@pytest.mark.parametrize("source", [
    "import functools\nprint(functools.partial(print, 1).__name__)\n",   # Python: no attribute
    "import torch\nx = torch.ones(2, requires_grad=True)\nprint((x * 2).grad_fn.__name__)\n",
    "import torch\nprint(torch.ones(2).__name__)\n",
    "def f():\n    pass\nf.__name__ = 'g'\n",
    "def f():\n    pass\nprint(f.__qualname__)\n",
])
def test_other_names_stay_refused(source: str) -> None:
    error = run_program(source, torchviz=False).error
    assert error is not None and error.kind == "unsupported" and "__" in error.message, error
    assert error.line is not None
