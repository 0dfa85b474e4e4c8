"""Session 38 (breadth, issue 9 part 2): Python's `string` constants (`import string`,
`from string import punctuation`) and a tensor's `.nbytes` / `.itemsize`, compared with plain Python /
PyTorch; the rest of the string module stays refused by name, its constants cannot be reassigned."""

from __future__ import annotations

import pytest

from autogradlab.lang.allowed_imports import STRING_CONSTANTS
from autogradlab.lang.string_module import string_namespace
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s35 import refused


@pytest.mark.parametrize("snippet", [
    "import string\nfrom string import punctuation, digits\n"
    "print(string.ascii_lowercase, string.ascii_uppercase, digits, repr(string.whitespace))\n"
    "text = 'Hello, World! 42'\nprint(''.join(c for c in text if c not in punctuation))\n"
    "print(sum(c in string.digits for c in text), len(string.printable))\n"
    "print(string.hexdigits, string.octdigits)\n"
    "letters = string.ascii_letters\nstring.punctuation\n",
    "import string as s\nprint(s.ascii_lowercase.index('k'), {c: i for i, c in enumerate(s.digits[:3])})\n",
])
def test_string_constants_like_python(snippet: str) -> None:
    compare(snippet)


@pytest.mark.parametrize("snippet, words", [
    ("import string\nstring.capwords('a b')\n", "string.capwords"),
    ("from string import Template\n", "Template"),
    ("import string\nstring.Formatter().format('{0.__class__}', 1)\n", "string.Formatter"),
    ("import string\nstring.digits = 'x'\n", "assigning to the attribute `.digits`"),
])
def test_the_rest_of_string_is_refused(snippet: str, words: str) -> None:
    assert words in refused(snippet).message


def test_string_names_agree() -> None:
    assert set(string_namespace().members) == set(STRING_CONSTANTS)


@pytest.mark.parametrize("snippet", [
    "import torch\nx = torch.arange(6).view(2, 3)\n"
    "print(x.nbytes, x.itemsize, x.float().nbytes, x[0].nbytes)\n"
    "n = x.T.nbytes\nfor i in range(3):\n    m = x.itemsize * i\n"
    "print(m, torch.ones(2, dtype=torch.float16).itemsize, torch.zeros(0).nbytes)\n",
    "import torch\nx = torch.ones(3, requires_grad=True)\ny = x * 2\n"
    "print(y.nbytes, y.itemsize, x.expand(4, 3).nbytes)\n",
])
def test_tensor_nbytes_itemsize_like_pytorch(snippet: str) -> None:
    compare(snippet)


# -- math.prod --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "import math\nfrom math import prod\n"
    "print(math.prod([1, 2, 3, 4]), prod(range(1, 11)), prod([0.5, 4]), prod([]), prod([2, 3], start=10))\n"
    "print(prod(x for x in (1.5, 2)), math.prod((2, 3j)), math.prod([True, 2]))\n"
    "try:\n    prod(['a', 'b'])\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    prod()\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    prod([1], begin=2)\nexcept TypeError as e:\n    print(e)\n",
    "import math\nimport torch\nx = torch.tensor([1., 2., 3.], requires_grad=True)\ny = math.prod(x)\n"
    "y.backward()\nprint(y, x.grad, math.prod(torch.ones(2, 3).shape), math.prod([torch.ones(2), 3]))\n",
])
def test_math_prod_like_python(snippet: str) -> None:
    compare(snippet)


def test_math_prod_keeps_the_int_and_length_limits() -> None:
    from autogradlab.limits import Limits
    from tests.unit.test_corpus_s35 import sized
    bits = Limits().max_int_bits
    sized(f"import math\nn = math.prod([2] * {bits - 1})\n", True)
    sized(f"import math\nn = math.prod([2] * {bits + 1})\n", False, "")
    sized("import math\nn = math.prod([2 ** 3000, 2 ** 3000])\n", False, "")
    sized("import math\ns = math.prod(['ab'], start=10 ** 6)\n", False, "")
    sized("import math\nn = math.prod(range(10 ** 6))\n", False, "")
    sized("import math\nn = math.prod(range(1, 100))\n", True)
