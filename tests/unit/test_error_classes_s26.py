"""The error box's heading names the CPython class of Python's own errors (`x.foo` is an
AttributeError, not a "Value error"), with plain CPython as the oracle; errors that are not
Python's (a refusal, a shape mismatch, a limit) keep the Lab's titles."""

from __future__ import annotations

import pytest

from autogradlab import error_text, messages
from autogradlab.engine.run import run_program
from autogradlab.messages.errors import _CLASS_ZH

PROGRAMS = {
    "tensor_attribute": "import torch\nx = torch.ones(2)\ny = x.foo\n",
    "module_attribute": "import torch\ny = torch.nothere(2)\n",
    "object_attribute": "class P:\n    pass\ny = P().y\n",
    "key": "d = {}\ny = d['a']\n",
    "zero_division": "y = 1 / 0\n",
    "float_modulo": "y = 1.0 % 0\n",
    "index": "a = [1]\ny = a[3]\n",
    "int_literal": "y = int('x')\n",
    "no_len": "y = len(3)\n",
    "overflow": "import math\ny = math.exp(1000)\n",
    "infinity_int": "y = int(float('inf'))\n",
    "assertion": "assert 1 == 2\n",
    "raised_runtime": "raise RuntimeError('boom')\n",
    "raised_own": "class MyError(Exception):\n    pass\nraise MyError('boom')\n",
    "unbound_local": "def f():\n    y = z\n    z = 1\nf()\n",
    "undefined_name": "y = q + 1\n",
}


def _cpython_class(source: str) -> str:
    try:
        exec(compile(source, "<program>", "exec"), {})
    except Exception as exc:  # noqa: BLE001 - the oracle's class is the point
        return type(exc).__name__
    raise AssertionError("the program should fail in CPython")


@pytest.mark.parametrize("name", PROGRAMS)
def test_heading_is_cpythons_class(name: str):
    source = PROGRAMS[name]
    error = run_program(source).error
    assert error is not None
    expected = _cpython_class(source)
    assert error_text.headline("en", error).startswith(f"{expected} at line ")
    zh = error_text.headline("zh", error)
    assert expected in zh and "（第" in zh
    if expected in _CLASS_ZH:
        assert zh.startswith(f"{_CLASS_ZH[expected]} {expected}（第")


@pytest.mark.parametrize("source,title", [
    ("import torch\ny = torch.ones(2) + torch.ones(3)\n", "Shape error"),
    ("s = 'a'\ns.format_map({})\n", "Not supported"),   # s.nope(): Python's AttributeError (s41)
    ("def f():\n    return f()\nf()\n", "Limit reached"),
])
def test_errors_not_pythons_keep_the_labs_titles(source: str, title: str):
    error = run_program(source).error
    assert error_text.headline("en", error).startswith(f"{title} at line ")
    assert "Error" not in error_text.headline("zh", error)


def test_value_error_was_the_heading_of_an_attribute_error_before():
    """The reported bug: kind "value" (unchanged in the Report) no longer titles an AttributeError."""
    error = run_program(PROGRAMS["tensor_attribute"]).error
    assert error.kind == "value"
    assert "Value error" not in error_text.box("en", error)
    assert "值错误" not in error_text.box("zh", error)


def test_every_class_has_both_languages():
    en, zh = messages.catalogue("en"), messages.catalogue("zh")
    for name in _CLASS_ZH:
        assert en[f"errors.class.{name}"] == name
        assert zh[f"errors.class.{name}"].endswith(f" {name}")
