"""The interpreter's most common own errors are recognised (autogradlab/error_keys_lang.py) and said
in Chinese: each is made by a real program through the engine; the English template gives the
engine's sentence back exactly."""

from __future__ import annotations

import re

import pytest

from autogradlab import messages

CJK = re.compile(r"[\u4e00-\u9fff]")
T = "import torch\n"


@pytest.fixture(scope="module")
def run():
    from autogradlab.engine.run import run_program

    return lambda source: run_program(source, torchviz=False)


CASES = [
    (T + "x = torch.ones(2, device='cuda')\n", "errors_lang.no_gpu"),
    (T + "a, b = [1, 2, 3]\n", "errors_classes.unpack_too_many"),
    (T + "for i in 5:\n    pass\n", "errors_lang.not_iterable"),
    (T + "n = 5\nn[0]\n", "errors_lang.not_subscriptable"),
    (T + "t = (1, 2)\nt[0] = 3\n", "errors_lang.no_item_assignment"),
    (T + "n = 5\nn()\n", "errors_lang.not_callable"),
    (T + "def f(a, b):\n    return a\nf(1, 2, 3)\n", "errors_lang.positional"),
    (T + "def f(a):\n    return a\nf(1, 2)\n", "errors_lang.positional_one"),
    (T + "def f():\n    return 1\nf(1)\n", "errors_lang.positional_given_one"),
    (T + "def f(a):\n    return a\nf(1, a=2)\n", "errors_lang.multiple_values"),
    (T + "def f(a, b):\n    return a\nf(1)\n", "errors_more.missing_positional"),   # s27: CPython's words
    (T + "def mk():\n    def f(a):\n        return a\n    return f\nmk()(1, 2)\n",
     "errors_lang.positional_one"),
    (T + "def f(a):\n    return a\nf(1, c=2)\n", "errors_lang.unexpected_keyword"),
    (T + "def f(n):\n    return f(n + 1)\nf(0)\n", "errors_lang.call_depth"),
    (T + "for v in torch.tensor(1.0):\n    pass\n", "errors_lang.iterate_0d"),
    (T + "y = 2 ^ 3\n", "errors_lang.xor"),
    (T + "return 1\n", "errors_lang.return_outside"),
    (T + "break\n", "errors_lang.outside_loop"),
    (T + "x = torch.ones(2, device='meta')\n", "errors_lang.cpu_only"),
    (T + "from torch.autograd.functional import jacobian\nJ = jacobian(lambda v: v * 2, 5)\n",
     "errors_lang.jacobian_inputs"),
    (T + "x = 1" + " " * 5000 + "\n", "errors_lang.line_too_long"),
    (T + "x = 1\n" * 6000, "errors_lang.too_many_lines"),
    (T + "x = torch.ones(2**62, 0)\n", "errors_lang.empty_extent"),
    (T + "x = torch.ones(10**7, 0)\n", "errors_lang.empty_rows"),
    (T + "x = [torch.ones(1)] * 5000\nprint(x)\n", "errors_lang.slow_text"),
    (T + "f = lambda v: v\nf(1, 2)\n", "errors_lang.positional_one"),
    ("d = dict.fromkeys([1], 2, 3)\n", "errors_lang.expected_at_most"),
    ("x = float(1, 2)\n", "errors_lang.expected_at_most_one"),
    ("print(range())\n", "errors_lang.expected_at_least_one"),
    ("print(divmod(1))\n", "errors_lang.expected_exactly"),
    ("print(sorted())\n", "errors_lang.expected_exactly_one"),
    ("print(abs())\n", "errors_lang.exactly_one"),
    ("print(pow(1))\n", "errors_lang.expected_between"),
    ("x = sum()\n", "errors_lang.takes_at_least_one"),
    ("print(enumerate())\n", "errors_lang.missing_named"),
    ("print(round())\n", "errors_lang.missing_named_pos"),
    ("x = int(1, 2, 3)\n", "errors_lang.takes_at_most"),
    ("d = {[1]: 2}\n", "errors_lang.unhashable"),
    ("d = {}\nd[[1]] = 2\n", "errors_lang.unhashable"),
    ("s = {(1, [2])}\n", "errors_lang.unhashable"),
    ("print('{!z}'.format(1))\n", "errors_lang.unknown_conversion"),
    ("str.upper()\n", "errors_lang.unbound_needs_argument"),
    ("import warnings\nwarnings.simplefilter('bogus')\n", "errors_lang.invalid_action"),
    ("d = {}\nd.popitem()\n", "errors_lang.popitem_empty"),
    ("d = dict.fromkeys([1], value=2)\n", "errors_lang.no_keywords"),
    ("m = map(abs, [1], strict=True)\n", "errors_lang.no_keywords"),
]


@pytest.mark.parametrize("source, key", CASES, ids=[k.split(".")[1] for _, k in CASES])
def test_interpreter_error_is_said_in_chinese(run, source, key):
    error = run(source).error
    assert error is not None, source
    assert error.key == key, (error.message, error.key)
    params = dict(error.params)
    assert messages.text("en", key, **params) == error.message
    assert CJK.search(messages.text("zh", key, **params))
    if error.hint and key == "errors_lang.no_gpu":
        assert error.hint_key == "errors_lang.hint_gpu", error.hint
        assert messages.text("en", error.hint_key) == error.hint
