"""Refusals ("… is not supported in Autograd Lab") in Chinese (autogradlab/error_words.py, issue 10):
the engine's own `what` for real refused programs is said in Chinese; code and type names stay."""

from __future__ import annotations

import re

import pytest

from autogradlab import error_words, messages
from autogradlab.engine import run_program

REFUSED = [   # (plain classes run since session 19; their refusals are errors_classes.*, in zh there)
    "async for x in y:\n    pass\n",
    "async with a:\n    pass\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\n",
    "x = bytearray(2)\n",   # (bytes literals run since session 35: lang/bytes_values.py)
    "from . import x\n",
    "import torch\nx = torch.ones(1)\ndel x.shape\n",   # (`del x.grad` runs since session 42)
    "x = [i := 0 for i in range(3)]\n",
    "import torch\nx = torch.ones(2)\nprint(x.__class__)\n",
    "async def f():\n    pass\n",
    "match 1:\n    case object(__class__=c):\n        pass\n",
    "def f():\n    x = yield 1\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\n",
    "import torch\ntorch.foo = 1\n",   # (a tensor's own x.foo = 1 runs since session 25)
    "import torch\nx = torch.ones(2)\ny = x.untyped_storage()\n",   # (x.storage() runs since session 33)
    "import numpy as np\na = np.ones(2)\nb = a.tofile('x')\n",
    "match 1:\n    case int(_n=1):\n        pass\n",
]
ALLOWED = {"Autograd", "Lab", "numpy", "ndarray", "tensor", "Tensor", "torch", "f-string", "bytes", "lambda"}


def refusal(source: str):
    report = run_program(source)
    assert report.error is not None, source
    assert report.error.key == "errors.not_supported", report.error
    return dict(report.error.params)["what"]


@pytest.mark.parametrize("source", REFUSED)
def test_the_refused_construct_is_named_in_chinese(source):
    what = refusal(source)
    said = messages.text("zh", "errors.not_supported", what=error_words.say_what("zh", what))
    outside_code = re.sub(r"`[^`]*`", "", said)
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", outside_code) if w not in ALLOWED]
    assert not words, (what, said)
    for code in re.findall(r"`[^`]*`", what):   # the code the refusal names is still there
        assert code in said


@pytest.mark.parametrize("source", REFUSED[:4])
def test_english_is_the_engines_own_words(source):
    what = refusal(source)
    assert error_words.say_what("en", what) == what


def test_an_unknown_shape_stays_as_it_is():
    assert error_words.say_what("zh", "something new and strange") == "something new and strange"
