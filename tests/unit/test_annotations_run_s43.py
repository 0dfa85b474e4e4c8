# ruff: noqa: E501 - the programs are kept on one line each
"""Session 43 (issue 9, session 42's leftover "annotations are read as names only"): Python 3.11 evaluates
a def's annotations when the def runs and a variable's annotation at the top level and in a class body
(after the value), not in a def's body; an annotation with a call in it ran nothing in the engine
(`def f(x: print('a'))` printed nothing) and a top-level `x: undefined = 1` ran on. Now: an annotation with a
call or a walrus is evaluated whole; any other reads its names (lang/annotation_names.py);
`from __future__ import annotations` keeps them lazy. Oracle: plain Python."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted

PROGRAMS = {
    "def": "def f(a: print('pa') = print('default'), *args: print('star'), k: print('kw') = 1) -> print('ret'):\n"
           "    v: print('not in a body') = 3\n    return v\nprint(f(1))\n",
    "top_level": "x: print('ann') = print('val')\nprint(x)\ny: print('b')\n",
    "class_body": "class A:\n    z: print('c') = print('cval')\n    w: int\n    q: 'A' = None\nprint(A.z, A.q)\n",
    "lambda_body_not_run": "def h(q: (lambda: print('never'))) -> [i for i in range(2)]:\n    return q\nprint(h(1))\n",
    "walrus": "def f(x: (y := 3)):\n    return x\nprint(f(1), y)\n",
    "lazy": "from __future__ import annotations\nx: print('lazy') = 1\ndef f(a: print('lazy2')):\n    return a\n"
            "class C:\n    b: print('lazy3') = 2\nprint(f(1), C.b)\n",
    "forms_kept": "import torch\nfrom typing import List, Optional, Dict\nt: torch.Tensor = torch.ones(1)\n"
                  "u: List[int] = []\no: Optional[int] = None\ns: 'Str' = 'a'\nn: list[int] = [1]\nd: Dict[str, int] = {}\n"
                  "def m(a: List[int], b: Optional[torch.Tensor] = None) -> dict[str, list[int]]:\n    return {}\n"
                  "class B:\n    p: dict[str, int] = {}\nprint(m([1]), t, u, o, s, n, d, B.p)\n",
    "call_in_a_form": "from typing import List\ndef kind():\n    print('kind')\n    return int\n"
                      "def f(a: List[kind()]) -> None:\n    return None\nprint(f(1))\n",
    "top_level_missing_name": "x: undefined_thing = 1\n",
    "call_fails": "def f(a: int(\"x\")):\n    return a\n",
}


@pytest.mark.parametrize("source", PROGRAMS.values(), ids=PROGRAMS.keys())
def test_annotations_run_as_in_python(source: str) -> None:
    report, oracle = run_program(source), run_trusted(source)
    assert report.printed == oracle.printed, (report.printed, report.error)
    assert (report.error is None) == (oracle.error is None), (report.error, oracle.error)
    if oracle.error is not None:
        assert report.error.message.endswith(str(oracle.error)) and report.error.line == oracle.error_line


def test_an_annotation_call_counts_its_steps() -> None:   # evaluated through the interpreter: limits hold
    from dataclasses import replace

    from autogradlab.limits import DEFAULT_LIMITS
    source = "def slow():\n    n = 0\n    while True:\n        n += 1\ndef f(a: slow()):\n    return a\n"
    report = run_program(source, limits=replace(DEFAULT_LIMITS, max_steps=5_000))
    assert report.error.kind == "limit" and "steps" in report.error.message, report.error
