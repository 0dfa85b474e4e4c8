"""Session 32 (corpus): what lesson code no earlier session had tried needed (Deep Learning with PyTorch
(Stevens, Antiga, Viehmann) ch. 3 and 5, zergtant's pytorch-handbook ch. 2, Datawhale's thorough-pytorch
ch. 2, rasbt's LLMs-from-scratch appendix A, fast.ai course22p2 02_meanshift, ritchieng's
deep-learning-wizard, deeplearningzerotoall's PyTorch labs), each compared with plain NumPy / PyTorch /
CPython on the same text, with the limits just below and above.

- `np.float64` prints as numpy's class (`<class 'numpy.float64'>`, it printed `float64`), and numpy's other
  names of its scalar types (`np.double`, `np.single`, `np.intc`, ...) are those same objects
"""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

N = "import numpy as np\nimport torch\n"


def limits(**changes):  # noqa: ANN001, ANN201
    return dataclasses.replace(DEFAULT_LIMITS, **changes)


# -- numpy's scalar types ------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    # deep-learning-wizard's "Data types matter": np.ones((2, 2), dtype=np.double) into torch.from_numpy
    "a = np.ones((2, 2), dtype=np.double)\nt = torch.from_numpy(a)\nprint(t.dtype, a.dtype == np.double)\n",
    "print(np.float64, np.double, np.float64 is np.double, [np.int64, np.float32], np.bool, np.bool_)\n",
    "kinds = [np.single, np.half, np.intc, np.short, np.byte, np.ubyte, np.ushort, np.uintc, np.int_,\n"
    "         np.intp, np.uintp, np.csingle, np.cdouble]\nprint(kinds)\n"
    "names = [str(np.zeros(2, dtype=k).dtype) for k in kinds]\ndel kinds\n",
    "np.float32\n",
    "x = np.double(2.5)\ny = np.single(1) + 1\nprint(type(x), type(y), repr(x), repr(y))\n",
])
def test_numpy_scalar_types_like_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_numpy_longlong_is_not_an_alias_of_int64() -> None:
    # numpy's own longlong is another class than int64 on this platform: not offered as the same
    report = run_program(N + "k = np.longlong\n")
    assert not report.ok
    assert run_trusted(N + "k = np.longlong\nprint(k is np.int64)\n").printed == "False\n"
