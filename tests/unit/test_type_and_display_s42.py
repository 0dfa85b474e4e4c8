"""Two small leftovers (issue 9, session 42): `type(nn.Parameter)` / `type(torch.Tensor)` printed
<class 'type'> (PyTorch: torch.nn.parameter._ParameterMeta, torch._C._TensorMeta; a library class's own
metaclass, one value per metaclass so `is` answers as Python); `display(display)` showed nothing and
`print(display)` said `<built-in function display>` (IPython's display is a Python function:
`<function display at 0x...>`, type `function`). Oracles: PyTorch / CPython (tests/oracle.py) and
IPython's own display function."""

from __future__ import annotations

import re

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted

LINES = ["print(type(nn.Parameter))", "print(type(torch.Tensor))", "print(type(int), type(np.ndarray))",
         "print(type(np.float64), type(Counter), type(ValueError), type(torch.Size))",
         "print(type(torch.Tensor) is type(torch.Tensor), type(torch.Tensor) == type(nn.Parameter))",
         "print(type(type(torch.Tensor)), type(torch.Tensor) is type)",
         "t = type(torch.Tensor)\nprint(t, str(t), repr(t))",
         "x = nn.Parameter(torch.ones(2))\nprint(type(type(x)), type(x))"]


@pytest.mark.parametrize("line", LINES)
def test_the_metaclass_of_a_library_class_as_pytorch(line):
    source = "import torch\nimport torch.nn as nn\nimport numpy as np\nfrom collections import Counter\n" \
             + line + "\n"
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None and report.ok, (oracle.error, report.error)
    assert report.printed == oracle.printed


def test_a_name_the_metaclass_lacks_is_its_attribute_error():
    source = "import torch\ntry:\n    type(torch.Tensor).nothing(print('x'))\nexcept AttributeError as e:\n" \
             "    print(e)\n"
    report, oracle = run_program(source), run_trusted(source)
    assert report.printed == oracle.printed == \
        "type object 'torch._C._TensorMeta' has no attribute 'nothing'\n"


def test_display_of_display_as_ipython():
    from IPython.display import display
    text = re.sub(r" at 0x[0-9a-f]+>", ">", repr(display))   # the engine shows no address in a display
    report = run_program("display(display)\ndisplay\nprint(display, type(display))\n")
    assert report.ok, report.error
    assert [(d.line, d.text) for d in report.displayed] == [(1, text), (2, text)]
    assert report.printed == f"{re.sub(r'0x[0-9a-f]+', '0x7f0000000000', repr(display))} " \
                             f"{type(display)}\n"
