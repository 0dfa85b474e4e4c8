"""torch.nn.Parameter is PyTorch's class (session 40): `print(torch.nn.Parameter)` printed
`<built-in function Parameter>` (the engine's constructor) where PyTorch prints
`<class 'torch.nn.parameter.Parameter'>`, `type(p) is nn.Parameter` was False and
`isinstance(w, nn.Parameter)` a TypeError. Now one value (namespaces.PARAMETER_TYPE) is the type type(p)
gives and the constructor. Oracle: PyTorch's printed text."""

from __future__ import annotations

import pytest

from autogradlab.engine.run import run_program
from tests.unit.site_helpers import python_prints

PROGRAM = """import torch
from torch import nn
from torch.nn import Parameter
print(torch.nn.Parameter, nn.Parameter, repr(Parameter), f"{Parameter}", Parameter.__name__)
p = nn.Parameter(torch.ones(2))
q = Parameter(torch.zeros(1), requires_grad=False)
print(p, q)
print(type(p), type(p) is nn.Parameter, type(p) is Parameter, type(p * 2) is nn.Parameter)
print(isinstance(p, nn.Parameter), isinstance(torch.ones(1), nn.Parameter), isinstance(p, torch.Tensor))
print(issubclass(nn.Parameter, torch.Tensor), nn.Parameter == torch.Tensor, type(p)(torch.ones(1)))
print(list(map(nn.Parameter, [torch.ones(1)])))


def make(cls):
    return cls(torch.full((2,), 3.0))


print(make(nn.Parameter), type(make(nn.Parameter)).__name__)
"""


def test_parameter_is_pytorchs_class_and_constructor():
    report = run_program(PROGRAM)
    assert report.error is None, report.error
    assert report.printed == python_prints(PROGRAM)


@pytest.mark.parametrize(("line", "kind"), [
    ("torch.nn.Parameter([1., 2.])", "type"),   # the constructor's checks stay
    ("torch.nn.Parameter.__new__", "unsupported"),
    ("torch.ones(2).as_subclass(torch.nn.Parameter)", "unsupported"),
    ("torch.nn.Parameter.mro()", "unsupported"),
])
def test_the_class_opens_nothing_more(line, kind):
    report = run_program(f"import torch\np = {line}\n")
    assert report.error is not None and report.error.kind == kind and report.error.line == 2, report.error
