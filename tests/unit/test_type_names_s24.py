"""Python's type names in messages (session 24): a value the engine wraps (a caught or made exception,
torch.Generator, a hook handle, grad mode, a distribution, a numpy array or dtype) is named in CPython's
and PyTorch's own error texts as Python names it ('ValueError', 'torch._C.Generator'), never by the
engine's wrapper class (SafeException, SafeGenerator). Real Python + PyTorch is the oracle."""

from __future__ import annotations

import pytest

from tests.unit.basics_helpers import engine_matches_python, oracle_for

PROGRAMS = {
    "exception_add": 'ValueError("x") + 1',
    "caught_add": "try:\n    1/0\nexcept ZeroDivisionError as e:\n    e + 1",
    "exception_len": 'len(KeyError("k"))',
    "exception_int": 'int(ValueError("x"))',
    "exception_abs": 'abs(ValueError("x"))',
    "exception_neg": '-ValueError("x")',
    "exception_order": 'ValueError("a") < 1',
    "exception_iter": 'for a in KeyError("x"):\n    pass',
    "exception_max": 'max(ValueError("x"))',
    "exception_round": 'round(ValueError("x"))',
    "exception_concat": '"a" + ValueError("x")',
    "exception_list_concat": '[1] + ValueError("x")',
    "exception_repeat": 'str(1) * ValueError("x")',
    "exception_index": '[1, 2][ValueError("q")]',
    "exception_sum": 'sum([ValueError("x")])',
    "exception_sqrt": 'import math\nmath.sqrt(ValueError("x"))',
    "tensor_of_exception": 'import torch\ntorch.tensor(ValueError("x"))',
    "tensor_plus_exception": 'import torch\ntorch.tensor([1.0]) + ValueError("x")',
    "tensor_times_exception": 'import torch\ntorch.tensor([1.0]) * KeyError("x")',
    "zeros_of_exception": 'import torch\ntorch.zeros(ValueError("x"))',
    "tensor_add_exception": 'import torch\ntorch.ones(2).add(ValueError("q"))',
    "tensor_of_generator": "import torch\ng = torch.Generator()\ntorch.tensor(g)",
    "generator_add": "import torch\ng = torch.Generator()\ng + 1",
    "seeded_generator_add": "import torch\ng = torch.manual_seed(1)\n1 - g",
    "generator_len": "import torch\nlen(torch.Generator())",
    "generator_index": "import torch\n[1][torch.Generator()]",
    "generator_iter": "import torch\nfor a in torch.Generator():\n    pass",
    "hook_handle_add": "import torch\nx = torch.ones(2, requires_grad=True)\n"
                       "x.register_hook(lambda g: g) + 1",
    "grad_mode_add": "import torch\ntorch.set_grad_enabled(True) + 1",
    "distribution_add": "import torch\ntorch.distributions.Normal(0.0, 1.0) + 1",
    "exception_type": 'print(type(ValueError("x")), type(ValueError("x")) == ValueError)',
    "exception_isinstance": 'e = KeyError("k")\n'
                            'print(isinstance(e, LookupError), isinstance(e, ValueError))',
    "caught_type": "try:\n    [][1]\nexcept IndexError as e:\n"
                   "    print(type(e).__name__, type(e) is IndexError)",
    "grad_fn_types": "import torch\nx = torch.ones(2, requires_grad=True)\n"
                     "print(type((x * 2).grad_fn) == type((x * 3).grad_fn),\n"
                     "      type((x * 2).grad_fn) == type((x + 1).grad_fn))",
}
PYTHON = oracle_for(PROGRAMS)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_message_names_pythons_type(name: str) -> None:
    source = PROGRAMS[name]
    python = PYTHON[source]
    engine = engine_matches_python(source, python)
    if python["error"] is not None:
        assert engine["error"][1] == python["error"][1]   # the same words, also PyTorch's
    for wrapper in ("Safe", "HookHandle", "SafeGradMode"):
        assert wrapper not in (engine["error"] or ["", ""])[1]


def test_caught_exceptions_still_match_their_handlers() -> None:
    source = ("out = []\nfor k in range(3):\n    try:\n"
              "        raise (ValueError, KeyError, ZeroDivisionError)[k]('m')\n"
              "    except LookupError:\n        out.append('lookup')\n"
              "    except ArithmeticError as e:\n        out.append(repr(e))\n"
              "    except Exception as e:\n        out.append(str(type(e)))\nprint(out)")
    engine_matches_python(source, oracle_for({"s": source})[source])
