"""A method call looks its method up before its arguments run for the values session 41 left (issue 9,
session 42): `Counter()`, `defaultdict`, `deque`, `OrderedDict`, a generator, a type (`str.nothing(...)`,
`torch.Tensor.nothing(...)`), a library function (`print.nothing(...)`, `np.add.nothing(...)`), a grad_fn,
the program's own function. CPython prints nothing and raises AttributeError with its class's own name
(`'collections.defaultdict' object has no attribute ...`, `type object 'str' has no attribute ...`); the
engine printed the argument's text first and refused with its own words. `f.helper(3)` after `f.helper = g`
calls g as Python does (was "'function' object has no attribute 'helper'").

Oracle: plain Python (tests/oracle.py), the same outcome on the general path (compiled_module_calls.FUSED off,
every statement through exec); and every name lang/missing_members.py answers early is one call_method
answers with the same AttributeError after the arguments."""

from __future__ import annotations

import ast
import re

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.errors import ProgramError
from autogradlab.lang import allowlist as al
from autogradlab.lang import attributes, dicts
from autogradlab.lang.missing_members import python_lacks
from autogradlab.limits import Limits
from tests.oracle import run_trusted
from tests.unit.test_call_order_s41 import general  # noqa: F401 - the fixture
from tests.unit.test_compiled_blocks import generic, outcome  # noqa: F401 - the fixture
from tests.unit.test_corpus_s30 import fails_like_python

HEAD = "import math\nimport numpy as np\nimport torch\nfrom collections import Counter, OrderedDict, " \
       "defaultdict, deque\n\n\ndef shout(text):\n    print(text)\n    return 1\n\n\n"

MISSING = {
    "counter": "c = Counter('abca')\nc.nothing(shout('x'))",
    "counter_keyword": "c = Counter()\nc.most_comon(n=shout('x'))",
    "defaultdict": "d = defaultdict(int)\nd.nothing(shout('x'))",
    "deque": "q = deque([1])\nq.push(shout('x'))",
    "ordereddict": "o = OrderedDict()\no.nothing(*[shout('x')])",
    "generator": "def g():\n    yield 1\nh = g()\nh.nothing(shout('x'))",
    "str_type": "str.nothing(shout('x'))",
    "int_type": "int.nothing(shout('x'))",
    "dict_type": "dict.nothing(shout('x'))",
    "tensor_type": "torch.Tensor.nothing(shout('x'))",
    "ndarray_type": "np.ndarray.nothing(shout('x'))",
    "counter_type": "Counter.nothing(shout('x'))",
    "defaultdict_type": "defaultdict.nothing(shout('x'))",
    "print": "print.nothing(shout('x'))",
    "len": "len.nothing(shout('x'))",
    "torch_function": "torch.sin.nothing(shout('x'))",
    "math_function": "math.sqrt.nothing(shout('x'))",
    "ufunc": "np.add.nothing(shout('x'))",
    "numpy_function": "np.sum.nothing(shout('x'))",
    "grad_fn": "x = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\ny.grad_fn.nothing(shout('x'))",
    "accumulate_grad": "x = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\n"
                       "y.grad_fn.next_functions[0][0].next_functions[0][0].nothing(shout('x'))",
    "function": "def f():\n    return 1\nf.nothing(shout('x'))",
    "lambda": "(lambda: 1).nothing(shout('x'))",
    "in_loop": "c = Counter()\nfor i in range(3):\n    c.update([i])\n    c.nothing(shout(i))",
    "in_comprehension": "ys = [str.nothing(shout(i)) for i in range(2)]",
}
RUNS = {
    "function_attribute": "def f():\n    return 1\ndef g(v):\n    return v * 2\nf.helper = g\n"
                          "print(f.helper(3))",
    "function_attribute_order": "def f():\n    return 1\nf.helper = lambda v: print('old', v)\n"
                                "def swap():\n    f.helper = lambda v: print('new', v)\n    return 1\n"
                                "f.helper(swap())\nf.helper(2)",
    "counter_method": "c = Counter('abca')\nprint(c.most_common(shout(1)))",
    "str_method": "print(str.upper(shout('x') and 'a'))",
    "grad_fn_name": "x = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\nprint(y.grad_fn.name())",
    "ufunc_reduce": "print(np.add.reduce([shout(1), 2]))",
}


def compare(source: str) -> None:
    """The same printed text as CPython, no error either way."""
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None and report.ok, (oracle.error, report.error)
    assert report.printed == oracle.printed


def alike_on_the_general_path(source: str, to_general) -> None:  # noqa: ANN001 - the fixture's function
    """The same outcome (error, place, steps, variables, printed text, op records) with every statement
    through exec and the fused module call off (test_call_order_s41's `general`)."""
    compiled = outcome(source, Limits())
    to_general()
    assert outcome(source, Limits()) == compiled


@pytest.mark.parametrize("name", sorted(MISSING))
def test_a_missing_method_fails_before_its_arguments_as_in_python(name, general):  # noqa: F811
    source = HEAD + MISSING[name] + "\n"
    fails_like_python(source)   # the line, Python's words, `except Exception` catches AttributeError
    last = MISSING[name].splitlines()[-1]
    indent = last[:len(last) - len(last.lstrip())]
    caught = source.replace(last, f"{indent}try:\n{indent}    {last.strip()}\n"
                                  f"{indent}except AttributeError as e:\n{indent}    print('raised', e)")
    compare(caught)   # nothing printed before the error, as CPython
    alike_on_the_general_path(source, general)


@pytest.mark.parametrize("name", sorted(RUNS))
def test_a_method_the_value_has_runs_as_in_python(name, general):  # noqa: F811
    source = HEAD + RUNS[name] + "\n"
    compare(source)
    alike_on_the_general_path(source, general)


SAMPLES = "x = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\nnode = y.grad_fn\n" \
          "leaf = node.next_functions[0][0].next_functions[0][0]\ndef gen():\n    yield 1\n" \
          "values = [Counter('ab'), defaultdict(int), deque([1]), OrderedDict(), gen(), str, int, dict, " \
          "float, list, torch.Tensor, np.ndarray, Counter, defaultdict, print, len, torch.sin, math.sqrt, " \
          "np.add, np.sum, " \
          "node, leaf, ValueError, slice, range, set, bytes, torch.Size, torch.nn.Parameter, np.float64, " \
          "np.random.default_rng, deque, OrderedDict, torch.float32, type(print), type(node)]\n"


def test_every_name_answered_early_is_call_methods_answer_too():
    """missing_members.python_lacks answers a name before the arguments only where call_method, given the
    arguments, ends with the same AttributeError (checked for every name the method tables know)."""
    from autogradlab.engine.recorder import Recorder
    from autogradlab.lang.interpreter import Interpreter
    source = HEAD + SAMPLES
    tree = ast.parse(source)
    interp = Interpreter(tree, source, limits=Limits(), generator=torch.Generator().manual_seed(0),
                         hooks=Recorder(source, Limits()))
    interp.run()
    names = {name for _, name in attributes.PLAIN_METHODS} | set(attributes.ARRAY_METHODS) \
        | set(dicts.DICT_METHODS) | set(al.TENSOR_METHODS) | set(al.TENSOR_PROPERTIES) \
        | {"format", "sort", "join", "update", "nothing", "most_common", "send", "reduce", "register_hook",
           "name", "fromkeys", "upper", "appendleft", "move_to_end", "elements", "variable", "metadata"}
    node = tree.body[-1].value
    answered = 0
    for sample in interp.globals.vars["values"]:
        for name in sorted(names):
            early = python_lacks(sample, name)
            if name.startswith("_") or early is None:
                continue
            answered += 1
            with pytest.raises(ProgramError, match=re.escape(str(early))) as info:
                attributes.call_method(interp, sample, name, [], {}, node)
            assert info.value.kind == early.kind, (sample, name, info.value)
    assert answered > 1000
