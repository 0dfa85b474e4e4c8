"""A method call looks its method up before its arguments run, as CPython does (issue 9, session 41; found
by session 40's red team): `a.nothing(print('x'))` raises AttributeError and prints nothing, `a.f(change())`
calls the `f` that was there before change() rebound it, `torch.nothing(f())` never calls f.

Oracle: plain Python (the printed text, with `except AttributeError as e: print(e)` showing the error's
class and message); each case also runs on the general path (every statement through exec, and
compiled_module_calls.FUSED off) with the same outcome (error, position, steps, variables, printed text,
op records), and the step budget cut at every step ends alike both ways."""

from __future__ import annotations

import ast
import re

import numpy as np
import pytest
import torch

from autogradlab.errors import ProgramError
from autogradlab.lang import allowlist as al
from autogradlab.lang import attributes, compiled_module_calls, dicts
from autogradlab.lang.data_wrappers import SafeArray
from autogradlab.lang.method_binding import lacks
from autogradlab.lang.safe_values import type_text
from autogradlab.lang.set_value import ProgramSet
from autogradlab.limits import Limits
from tests.unit.site_helpers import python_prints
from tests.unit.test_compiled_blocks import generic, outcome  # noqa: F401 - the fixture

CLASSES = """import math
import numpy as np
import torch


class B:
    def g(self, v):
        print('B.g', v)
        return v


class A(B):
    def f(self, v):
        print('old f', v)
        return v

    @classmethod
    def make(cls, v):
        print('make', v)
        return v

    @staticmethod
    def still(v):
        print('still', v)
        return v

    def up(self, v):
        return super().g(v)

    def up_missing(self, v):
        return super().nothing(v)

    @property
    def twice(self):
        print('getter')
        return 2


def new_f(v):
    print('new f', v)
    return v


def shout(text):
    print(text)
    return 1


a = A()
"""

CHANGE = "def change(self, v, w=0):\n    print('changed', v)\n    return v\n" \
         "def swap():\n    A.f = change\n    return 1\n"
# (the statements after CLASSES, whether CPython raises AttributeError: the engine's message is Python's)
CASES = {
    "object_missing": ("a.nothing(shout('x'))", True),
    "object_missing_keyword": ("a.nothing(k=shout('x'))", True),
    "object_missing_starred": ("a.nothing(*[shout('x')])", True),
    "object_missing_two": ("a.nothing(shout('x'), shout('y'))", True),
    "object_missing_nested": ("print(a.nothing(shout('x')))", True),
    "object_missing_inner": ("print(a.f(a.nothing(shout('x'))))", True),
    "object_missing_in_function": ("def h():\n    return a.nothing(shout('x'))\nh()", True),
    "object_missing_in_loop": ("for i in range(3):\n    a.f(i)\n    a.nothing(shout(i))", True),
    "object_missing_chain": ("class C:\n    pass\nc = C()\nc.a = a\nc.a.nothing(shout('x'))", True),
    "object_missing_item": ("xs = [a]\nxs[0].nothing(shout('x'))", True),
    "class_missing": ("A.nothing(shout('x'))", True),
    "super_missing": ("a.up_missing(shout('x'))", True),
    "instance_rebound": ("def change():\n    a.f = new_f\n    return 1\nprint(a.f(change()))\nprint(a.f(2))",
                         False),
    "class_rebound": (CHANGE + "print(a.f(swap()))\nprint(a.f(2))", False),
    "class_rebound_keyword": (CHANGE + "print(a.f(v=swap()))", False),
    "class_rebound_two": (CHANGE + "print(a.f(swap() + swap()))", False),
    "name_rebound": ("def swap():\n    global a\n    a = B()\n    return 1\n"
                     "print(a.f(swap()))\nprint(a.g(3))", False),
    "classmethod_rebound": ("def swap():\n    A.make = A.still\n    return 1\nprint(a.make(swap()))", False),
    "unbound_call": ("def swap():\n    A.f = new_f\n    return 1\nprint(A.f(a, swap()))", False),
    "super_call": ("print(a.up(shout('x')))", False),
    "property_first": ("try:\n    a.twice(shout('x'))\nexcept TypeError as e:\n    print(e)", False),
    "getattr_first": ("class G:\n    def __getattr__(self, name):\n        print('getattr', name)\n"
                      "        return new_f\n\n\ng = G()\nprint(g.anything(shout('x')))", False),
    "caught": ("try:\n    a.nothing(shout('x'))\nexcept AttributeError as e:\n    print('caught', e)", False),
    "torch_missing": ("torch.nothing(shout('x'))", True),
    "torch_missing_keyword": ("torch.nothing(input=shout('x'))", True),
    "torch_linalg_missing": ("torch.linalg.nothing(shout('x'))", True),
    "numpy_missing": ("np.nothing(shout('x'))", True),
    "math_missing": ("math.nothing(shout('x'))", True),
    "torch_loop_missing": ("for i in range(3):\n    t = torch.maximum(torch.tensor(i), torch.tensor(1))\n"
                           "    torch.nothing(shout(i))", True),
    "torch_caught": ("try:\n    torch.nothing(shout('x'))\nexcept AttributeError as e:\n"
                     "    print('caught', e)", False),
    "tensor_missing": ("t = torch.ones(2)\nt.nothing(shout('x'))", True),
    "tensor_missing_two": ("t = torch.ones(2)\nt.nothing(shout('x'), shout('y'))", True),
    "tensor_method": ("t = torch.ones(2)\nprint(t.add(shout('x')))", False),
    "tensor_property_called": ("t = torch.ones(2)\ntry:\n    t.shape(shout('x'))\nexcept TypeError as e:\n"
                               "    print('caught')", False),
    "module_call_order": ("print(torch.maximum(torch.tensor(shout('x')), torch.tensor(shout('y') + 1)))",
                          False),
    "list_method": ("xs = []\nxs.append(shout('x'))\nprint(xs)", False),
}
# the engine refuses these names with its own words (not Python's AttributeError): nothing printed first
REFUSED = {
    "none_missing": "n = None\nn.nothing(shout('x'))",
    "list_missing": "xs = [1]\nxs.nothing(shout('x'))",
    "list_missing_loop": "xs = [1]\nfor i in range(3):\n    xs.append(i)\n    xs.apend(shout(i))",
    "dict_missing": "d = {}\nd.nothing(shout('x'))",
    "dict_missing_two": "d = {}\nd.nothing(shout('x'), 2)",
    "str_missing": "s = 'a'\ns.nothing(shout('x'))",
    "int_missing": "n = 3\nn.nothing(shout('x'))",
    "float_missing": "n = 3.0\nn.nothing(k=shout('x'))",
    "tuple_missing": "p = (1, 2)\np.nothing(*[shout('x')])",
    "set_missing": "s = {1, 2}\ns.nothing(shout('x'))",
    "array_missing": "z = np.ones(3)\nz.resahpe(shout('x'))",
    "numpy_scalar_missing": "z = np.float64(2.0)\nz.nothing(shout('x'))",
    "size_missing": "z = torch.ones(2).shape\nz.nothing(shout('x'))",
    "dtype_missing": "z = torch.float32\nz.nothing(shout('x'))",
}


@pytest.fixture
def general(monkeypatch, generic):  # noqa: F811
    """The general path: every statement through exec, compiled_module_calls' fused closure off."""
    def run() -> None:
        generic()
        monkeypatch.setattr(compiled_module_calls, "FUSED", False)
    return run


@pytest.mark.parametrize("name", sorted(CASES))
def test_method_is_looked_up_before_its_arguments_as_in_python(name, general):
    statements, raises = CASES[name]
    source = CLASSES + statements + "\n"
    expected = python_prints(CLASSES + (statements if not raises else
        "try:\n" + "".join(f"    {line}\n" for line in statements.splitlines())
        + "except AttributeError as e:\n    print('raised', e)\n"))
    compiled = outcome(source, Limits())
    error, _, _, printed, _ = compiled
    if raises:
        assert error is not None and expected.endswith(f"raised {error[1]}\n"), (error, expected)
        assert printed + f"raised {error[1]}\n" == expected
    else:
        assert error is None, error
        assert printed == expected
    general()
    assert outcome(source, Limits()) == compiled


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_name_the_value_cannot_have_is_refused_before_the_arguments(name, general):
    source = CLASSES + REFUSED[name] + "\n"
    compiled = outcome(source, Limits())
    error, _, _, printed, _ = compiled
    assert error is not None and "x" not in printed, (error, printed)
    last = REFUSED[name].splitlines()[-1].strip()
    assert printed == python_prints(CLASSES + REFUSED[name].replace(last, "pass"))   # the lines before it
    general()
    assert outcome(source, Limits()) == compiled


def _cuts(source: str, steps: int) -> list:
    return [outcome(source, Limits(max_steps=cut, timeout_s=600)) for cut in range(1, steps + 1)]


@pytest.mark.parametrize("statements", [CASES["object_missing_in_loop"][0], CASES["class_rebound"][0],
                                        CASES["torch_loop_missing"][0], CASES["module_call_order"][0],
                                        CASES["list_method"][0], REFUSED["list_missing_loop"]])
def test_the_step_budget_cuts_alike_both_ways(statements, general):
    """At every step of the run (the last cut: the run's own end, an error or none) the same outcome."""
    source = CLASSES.replace("import numpy as np\n", "") + statements + "\n"
    _, steps, _, _, _ = outcome(source, Limits(timeout_s=600))
    cuts = _cuts(source, steps)
    general()
    assert _cuts(source, steps) == cuts
    assert all(error[0] == "limit" for error, *_ in cuts[:-1])


SAMPLES = {"list": [1], "tuple": (1,), "dict": {"a": 1}, "str": "a", "int": 1, "float": 1.0, "bool": True,
           "complex": 1j, "size": torch.Size([2]), "dtype": torch.float32, "set": ProgramSet([1]),
           "array": SafeArray(np.ones(2)), "float64": np.float64(1.0), "int64": np.int64(1),
           "bool_": np.bool_(True), "float32": np.float32(1.0)}


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_a_name_lacks_refuses_is_refused_by_call_method_too(kind):
    """method_binding.lacks refuses a name before the arguments only when call_method, given no
    arguments, ends at its last refusal for it too: checked for every name a method table knows."""
    from autogradlab.engine.recorder import Recorder
    from autogradlab.lang.interpreter import Interpreter
    source = "x.y()\n"
    tree = ast.parse(source)
    interp = Interpreter(tree, source, limits=Limits(), generator=torch.Generator().manual_seed(0),
                         hooks=Recorder(source, Limits()))
    names = {name for _, name in attributes.PLAIN_METHODS} | set(attributes.ARRAY_METHODS) \
        | set(dicts.DICT_METHODS) | set(al.TENSOR_METHODS) | set(al.TENSOR_PROPERTIES) \
        | {"format", "sort", "join", "extend", "update", "nothing", "numpy", "tolist", "apend"}
    sample, refused = SAMPLES[kind], 0
    for name in sorted(names):
        if name.startswith("_") or not lacks(type(sample), name):
            continue
        refused += 1
        last = attributes.no_method(sample, name)   # Python's AttributeError (a name the class lacks) or
        assert str(last).startswith(f"'{type_text(sample)}' object has no attribute '{name}'") or \
            str(last).startswith(f"the method `.{name}()` of ")   # the refusal (merge of s41-breadth)
        with pytest.raises(ProgramError, match=re.escape(str(last))):
            attributes.call_method(interp, sample, name, [], {}, tree.body[0].value)
    assert refused > 0 and lacks(type(sample), "nothing")
    own = next(name for name in dir(np.ndarray if kind == "array" else set if kind == "set" else type(sample))
               if not name.startswith("_"))
    assert not lacks(list, "append") and not lacks(type(sample), own)
