"""Session 39 (corpus-s39): `from importlib.metadata import version` and `version("torch")`, the first
cell of each chapter of Raschka's LLMs-from-scratch, compared with plain Python; nothing else of
importlib is reachable, and no other package's version is told."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s30 import fails_like_python

V = "from importlib.metadata import version\n"


@pytest.mark.parametrize("snippet", [
    'print("torch version:", version("torch"))\n',
    'for p in ["torch", "numpy"]:\n    print(f"{p} version: {version(p)}")\nv = version("numpy")\n',
    'import torch\nassert version("torch") == torch.__version__\n',
])
def test_version_like_python(snippet: str) -> None:
    compare(V + snippet)


def test_version_of_a_number_fails_like_python() -> None:
    fails_like_python(V + "v = version(1)\n")


@pytest.mark.parametrize("source", [
    V + 'version("streamlit")',   # installed here: still not told
    V + 'version("matplotlib")',
    "import importlib",
    "import importlib.metadata",
    "from importlib import import_module",
    "from importlib.metadata import distributions",
    "from importlib.metadata import files",
    V + "f = version",
    V + 'version("torch", "x")',
])
def test_everything_else_is_refused(source: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind in ("unsupported", "type"), report.error
