"""`x = {"a": x}` (or `[x, i]`, `(i, x, 2.0)`) 5,000 times (session 24, hosting): each binding's value check
walked DATA_CHECK_CONTAINERS links of the chain through the walk's general loop (~90 us a check, two
a pass: 0.93 s where Python takes 1 ms). The walk now follows any short link with one non-atom item
in _one_item_chain, as it did one-item lists: the same containers counted, the same verdicts (below),
nothing remembered between checks (a container mutated since is walked again like any other)."""

from __future__ import annotations

import contextlib
import dataclasses
import io

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import safe_values
from autogradlab.limits import DEFAULT_LIMITS

LIMITS = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60)
LINKS = {"list": lambda x, i: [x], "dict": lambda x, i: {"a": x}, "pair": lambda x, i: [x, i],
         "dict2": lambda x, i: {"a": x, "n": i}, "tuple3": lambda x, i: (i, x, 2.0),
         "five": lambda x, i: [x, 1, 2, 3, 4]}


@pytest.fixture(autouse=True)
def _no_objects_stored_yet():
    """As at the start of a run: an earlier test's run that stored a function or an object left is_data
    on its exact walk (safe_values.note_stored_object); these verdicts are the budgeted walk's."""
    safe_values.reset_stored_objects()


def _chain(shape: str, links: int, leaf):
    for i in range(links):
        leaf = LINKS[shape](leaf, i)
    return leaf


@pytest.mark.parametrize("shape", sorted(LINKS))
@pytest.mark.parametrize("links, refused", [(61, True), (62, True), (63, False), (64, False)])
def test_a_non_data_item_is_found_down_the_same_count_of_links(shape, links, refused):
    """Base d8b7199/1832cfe gives these verdicts for every shape: the bottom `[object()]` is the 63rd
    container under 62 links (found), the 64th under 63 (past DATA_CHECK_CONTAINERS)."""
    assert safe_values.DATA_CHECK_CONTAINERS == 64
    value = _chain(shape, links, [object()])
    assert safe_values.is_data_quick(value) is not refused
    assert safe_values.is_storable(value) is not refused
    assert safe_values.is_data(_chain(shape, links + 1, object())) is not refused   # (a bare leaf)


def test_two_ways_down_are_both_walked():
    value = {"a": _chain("dict", 10, 1), "b": _chain("pair", 10, [object()])}
    assert not safe_values.is_data_quick(value) and not safe_values.is_storable(value)


def _python(program: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(program, {})   # the oracle: the test's own constant text
    return out.getvalue()


DEPTH = "n = 0\ny = x\nwhile len(y) > 0:\n    y = y[{}]\n    n += 1\nprint(n)\n"


@pytest.mark.parametrize("program", [
    'x = {}\nfor i in range(5000):\n    x = {"a": x}\n' + DEPTH.format('"a"'),
    'x = []\nfor i in range(5000):\n    x = [x, i]\n' + DEPTH.format(0),
    'x = ()\nfor i in range(5000):\n    x = (x, {"i": i})\n' + DEPTH.format(0),
], ids=["dict", "list", "tuple-dict"])
def test_a_5000_deep_chain_builds_as_in_python(program):
    report = run_program(program, limits=LIMITS, torchviz=False)
    assert report.error is None, report.error
    assert report.printed == _python(program) == "5000\n"


def test_binding_a_deeper_dict_chain_walks_no_more_links(monkeypatch):
    walked = [0]
    follow = safe_values._one_item_chain

    def counting(item, containers, *rest):
        found, left = follow(item, containers, *rest)
        walked[0] += containers - left
        return found, left
    monkeypatch.setattr(safe_values, "_one_item_chain", counting)
    program = 'x = {}\nfor i in range(3000):\n    x = {"a": x, "i": i}\n'
    assert run_program(program, limits=LIMITS, torchviz=False).error is None
    assert walked[0] / 3000 <= 2 * safe_values.DATA_CHECK_CONTAINERS, walked[0]


def test_a_container_mutated_after_its_check_is_checked_again():
    """`inner` passed when x was bound; a function put into it afterwards is refused where it goes in,
    and binding x again walks inner again (nothing remembered)."""
    inner: dict = {}
    outer = {"a": inner}
    assert safe_values.is_data_quick(outer)
    inner["b"] = [object()]
    assert not safe_values.is_data_quick(outer) and not safe_values.is_storable(outer)
    # since session 25 a function may be stored in a dict; a library call is then refused it (exact walk)
    report = run_program('import torch\ninner = []\nx = [inner]\ndef f():\n    return 1\ninner.append(f)\n'
                         'torch.tensor(x)\n', limits=LIMITS, torchviz=False)
    assert report.error is not None and report.error.line == 7, report.error
