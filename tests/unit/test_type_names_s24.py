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


INDEX = ("class I:\n    def __init__(self, n):\n        self.n = n\n"
         "    def __index__(self):\n        return self.n\n")
ACCEPTED = {   # Python accepts these; the engine must give Python's results (session 24, part 2)
    "repeat_by_index": INDEX + "print([0] * I(3), I(2) * 'ab', (1,) * I(0), [1] * I(-2))",
    "repeat_in_place": INDEX + "xs = [1, 2]\nys = xs\nxs *= I(2)\nprint(xs, ys is xs)",
    "digits_by_index": INDEX + "print(hex(I(255)), bin(I(5)), oct(I(8)), chr(I(66)), hex(I(-3)))",
    "index_not_int": INDEX + "hex(I('x'))",
    "repeat_index_not_int": INDEX + "[0] * I(2.0)",
    "hex_without_index": "class J:\n    pass\nhex(J())",
    "repeat_without_index": "class J:\n    pass\n[0] * J()",
    "rmul_first": INDEX + "    def __rmul__(self, other):\n        return 'r'\nprint([0] * I(2))",
    "map_over_iter": "class It:\n    def __iter__(self):\n        yield 1\n        yield -2\nprint("
                     "list(map(abs, It())), list(filter(None, It())), list(map(max, It(), It())))",
    "map_over_getitem": "class G:\n    def __getitem__(self, k):\n        if k > 2:\n"
                        "            raise IndexError\n        return -k\nprint(list(map(abs, G())))",
    "map_not_iterable": "class J:\n    pass\nmap(abs, J())",
    "seed_true": "import torch\ntorch.manual_seed(True)\nprint(torch.rand(2))",
    "seed_false": "import torch\nprint(torch.manual_seed(False).initial_seed(), torch.rand(1))",
}
PYTHON_ACCEPTED = oracle_for(ACCEPTED)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted_as_python_does(name: str) -> None:
    source = ACCEPTED[name]
    python = PYTHON_ACCEPTED[source]
    engine = engine_matches_python(source, python)
    if python["error"] is not None:
        assert engine["error"][1] == python["error"][1]


def _limit(source: str, repeat: int) -> dict:
    from tests.diff_compare import engine_run
    return engine_run(source.replace("REPEAT", str(repeat)))


def test_index_count_meets_the_sequence_limit() -> None:
    """The int __index__ gives is checked like a plain int count: just below the sequence limit
    builds, just above it is refused before Python builds it (also a huge count, and in place)."""
    from autogradlab.limits import DEFAULT_LIMITS
    top = DEFAULT_LIMITS.max_sequence_len
    below = _limit(INDEX + "xs = [0] * I(REPEAT)\nprint(len(xs))", top)
    assert below["error"] is None and below["printed"] == f"{top}\n"
    for source in (INDEX + "xs = [0] * I(REPEAT)", INDEX + "xs = [0]\nxs *= I(REPEAT)",
                   INDEX + "xs = 'a' * I(REPEAT)"):
        for count in (top + 1, 10**12, 2**80):
            above = _limit(source, count)
            assert above["error"] is not None and above["error"][0] == "limit", above
    plain = _limit("xs = [0] * REPEAT", top + 1)
    assert plain["error"][:2] == _limit(INDEX + "xs = [0] * I(REPEAT)", top + 1)["error"][:2]


def test_generator_manual_seed_still_refuses_bool() -> None:
    """torch.Generator().manual_seed(True) is PyTorch's RuntimeError; only torch.manual_seed takes it."""
    from tests.diff_compare import engine_run
    engine = engine_run("import torch\ng = torch.Generator()\ng.manual_seed(True)")
    assert engine["error"] is not None


CODE_TYPES = {   # type() of a function or generator: Python's class (one object each, as `is` shows)
    "function_type": "def f(x):\n    return x\ng = lambda: 1\ndef gen():\n    yield 1\n"
                     "print(type(f), type(g), type(f) == type(g), type(f) is type(g), type(gen()))\n"
                     "print(type(gen()) is type(gen()), type(f) == type(gen()), type(f).__name__)",
    "isinstance_of_code": "def gen():\n    yield 1\ndef f():\n    pass\n"
                          "print(isinstance(gen(), type(gen())), isinstance(gen(), int),\n"
                          "      isinstance(f, type(gen())), isinstance(gen(), type(f)),\n"
                          "      isinstance(f, (int, type(f))), isinstance(f, type(f)))",
}
PYTHON_CODE_TYPES = oracle_for(CODE_TYPES)


@pytest.mark.parametrize("name", sorted(CODE_TYPES))
def test_type_of_functions_and_generators(name: str) -> None:
    engine_matches_python(CODE_TYPES[name], PYTHON_CODE_TYPES[CODE_TYPES[name]])


def test_type_of_a_function_stays_uncallable() -> None:
    from tests.diff_compare import engine_run
    engine = engine_run("def f(x):\n    return x\ntype(f)(1)")
    assert engine["error"][0] == "unsupported" and "not supported" in engine["error"][1]
