"""`t = (t,)` nested ever deeper (session 24, hosting): ~45 us a pass at 90,000 deep looked quadratic.
It is not: binding t walks at most DATA_CHECK_CONTAINERS links of its one-item chain (twice: storable,
data), whatever the depth, and the displays that would recurse are refused by their own limits. These
pin that down, so a future walk that follows the whole chain (quadratic) is noticed."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import safe_values
from autogradlab.limits import DEFAULT_LIMITS

LIMITS = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60)
CHAIN = "t = ()\nfor i in range({}):\n    t = (t,)\n"


def _links_per_pass(passes: int, monkeypatch) -> float:
    walked = [0]
    follow = safe_values._one_item_chain

    def counting(item, containers, *rest):
        found, left = follow(item, containers, *rest)
        walked[0] += containers - left
        return found, left
    monkeypatch.setattr(safe_values, "_one_item_chain", counting)
    report = run_program(CHAIN.format(passes), limits=LIMITS, torchviz=False)
    assert report.error is None, report.error
    return walked[0] / passes


def test_binding_a_deeper_chain_walks_no_more_links(monkeypatch):
    shallow = _links_per_pass(200, monkeypatch)
    deep = _links_per_pass(4_000, monkeypatch)
    assert deep <= 2 * safe_values.DATA_CHECK_CONTAINERS + 2, deep
    assert deep <= shallow * 1.5 + 2, (shallow, deep)


@pytest.mark.parametrize("tail, kind, says", [
    ("print(len(t))\n", None, "1\n"),
    ("u = [t]\nprint(len(u[0][0]))\n", None, "1\n"),
    ("print(t)\n", "limit", "would print more than 100,000 values"),
    ("s = str(t)\n", "limit", "would print more than 100,000 values"),
    ("import copy\nu = copy.deepcopy(t)\n", "limit", "nested more than 100 deep"),
    ("print(t[0] == t[0][0])\n", "limit", "would compare lists or tuples nested more than 100 deep"),
    ("print(t == t, t[0] == t[0])\n", None, "True True\n"),
    ("print(hash(t))\n", "type", "a tuple nested more than 8 deep cannot be a dictionary key or be hashed"),
])
def test_a_90000_deep_tuple_is_shown_compared_and_copied_within_named_limits(tail, kind, says):
    report = run_program(CHAIN.format(90_000) + tail, limits=LIMITS, torchviz=False)
    if kind is None:
        assert report.error is None and report.printed == says, report.error
    else:
        assert report.error is not None and report.error.kind == kind and says in report.error.message
