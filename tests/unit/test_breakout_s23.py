"""Red team, session 23 (hosting): work bounded only by the time limit (containers nesting themselves
inside new lists, list searches in a loop), and tensors past NumPy's 64 dimensions refused at the op
that makes them, with its line. One hostile input per test, asserting the refusal's kind, message and
line, or the outcome Python gives."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.lang import safe_values
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.breakout_helpers import Case, check_case

LIMITS = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60)   # a loaded test machine never cuts these
DIMS = r"^a tensor of {} dimensions is too many to show; the limit is 64 dimensions$"


@pytest.mark.parametrize("case", [
    Case("import torch\nx = torch.ones(1)\nfor i in range(70):\n    x = x[None]\n", "limit", 4,
         DIMS.format(65)),
    Case("import torch\nx = torch.ones(1)\nfor i in range(70):\n    x = x.unsqueeze(-1)\n", "limit", 4,
         DIMS.format(65)),
    Case("import torch\nx = torch.ones(1)\nfor i in range(70):\n    x = x + torch.ones(1)[None]\n"
         "    x = x.unsqueeze(0)\n", "limit", 5, DIMS.format(65)),
    Case("import torch\nx = torch.ones(1)\ndef f(x):\n    for i in range(70):\n"
         "        x = torch.unsqueeze(x, 0)\n    return x\ny = f(x)\n", "limit", 5, DIMS.format(65)),
    Case("import torch\nx = torch.ones(1)\nfor i in range(63):\n    x = x.unsqueeze(0)\nprint(x.dim())\n",
         None, None, "64\n"),
], ids=["index-none", "method-unsqueeze", "operator-then-view", "in-function", "just-below-64"])
def test_a_view_past_64_dimensions_is_refused_at_its_line(case):
    """`x = x.unsqueeze(0)` 70 times made a 71-dimensional tensor that only the report's copy refused,
    after the run, without a line. The op that makes the 65th dimension is refused where it runs."""
    check_case(case)


def _count_walked(monkeypatch) -> list[int]:
    looked = [0]
    walk = safe_values._walk

    def counting_walk(value, *args):
        looked[0] += len(value) if isinstance(value, (list, tuple, dict)) else 1
        return walk(value, *args)

    monkeypatch.setattr(safe_values, "_walk", counting_walk)
    return looked
