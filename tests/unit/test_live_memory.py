"""max_total_elements bounds what a run holds, not how much a loop makes and lets go (issue 9;
lang/live_memory.py): past a large limit the guard consults the memory the run really holds.

A loop that rebinds its tensors runs past the limit and equals plain PyTorch; keeping tensors in a
list, in an autograd graph, or through a one-element view of a big tensor is still refused at the
line that passes it. Limits under RELIEF_FROM keep the exact running count (test_sizes.py)."""

from __future__ import annotations

import dataclasses
import gc

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.lang import live_memory
from autogradlab.limits import DEFAULT_LIMITS

# 8 million elements (32 MB of float32), tensors of up to 2 million: far above page-sized noise.
LIMITS = dataclasses.replace(DEFAULT_LIMITS, max_tensor_elements=2_000_000, max_total_elements=8_000_000,
                             timeout_s=60.0)


@pytest.fixture(autouse=True)
def _no_garbage_from_earlier_tests():
    """A run's baseline is the memory in use when it starts; in a sandbox job (a fresh fork) there is
    no garbage left from earlier work, here there may be: collect it first, as the fork has."""
    gc.collect()


def test_the_limits_here_are_ones_that_consult_memory():
    assert LIMITS.max_total_elements >= live_memory.RELIEF_FROM
    assert live_memory.allocated_bytes() is not None


def test_a_loop_that_lets_its_tensors_go_runs_past_the_total():
    source = ("import torch\nx = torch.ones(2_000_000)\ns = 0.0\nfor i in range(20):\n"
              "    y = x * (i + 1)\n    s = s + float(y[-1])\nprint(s)\n")
    report = run_program(source, limits=LIMITS)
    assert report.ok, report.error
    x = torch.ones(2_000_000)
    expected = 0.0
    for i in range(20):   # 40 million elements made, 4 million held at most
        expected = expected + float((x * (i + 1))[-1])
    assert report.printed.strip() == str(expected)


@pytest.mark.parametrize(("keep", "line"), [
    ("kept.append(torch.ones(2_000_000))", 4),
    ("kept.append(torch.ones(2_000_000)[0:1])", 4),          # a small view holds the whole storage
])
def test_tensors_the_program_keeps_stop_at_the_total(keep, line):
    report = run_program(f"import torch\nkept = []\nfor i in range(20):\n    {keep}\n", limits=LIMITS)
    assert not report.ok and report.error.kind == "limit", report.error
    assert "8,000,000 tensor elements" in report.error.message and report.error.line == line


def test_tensors_held_only_by_an_autograd_graph_count():
    source = ("import torch\nx = torch.ones(2_000_000, requires_grad=True)\ny = x\nfor i in range(20):\n"
              "    y = (y * 1.0001).sin()\n")
    report = run_program(source, limits=LIMITS)
    assert not report.ok and report.error.kind == "limit", report.error
    assert report.error.line == 5


def test_small_limits_keep_the_exact_running_count():
    small = dataclasses.replace(DEFAULT_LIMITS, max_tensor_elements=100, max_total_elements=1000)
    assert small.max_total_elements < live_memory.RELIEF_FROM
    source = "import torch\na = torch.ones(100)\nfor i in range(10):\n    a = a + 1"
    report = run_program(source, limits=small)
    assert not report.ok and report.error.line == 4


def test_a_refusal_on_held_memory_says_what_was_measured_in_english_and_chinese():
    from autogradlab import messages

    source = "import torch\nkept = []\nfor i in range(20):\n    kept.append(torch.ones(2_000_000))\n"
    report = run_program(source, limits=LIMITS)
    error = report.error
    assert error.message == ("the program would hold more than 8,000,000 tensor elements (4 bytes each) in "
                             "memory at once (at ones); the limit is 8,000,000"), error
    assert error.key == "errors.held_elements"
    assert dict(error.params) == {"limit": "8,000,000", "what": "ones"}
    assert messages.text("en", error.key, **dict(error.params)) == error.message
    assert error.hint_key == "errors.hint_held" and "max_total_elements" in error.hint
    chinese = messages.text("zh", error.key, **dict(error.params))
    assert chinese != error.message and "8,000,000" in chinese and "ones" in chinese


def test_a_refusal_on_the_running_count_says_created_in_total():
    small = dataclasses.replace(DEFAULT_LIMITS, max_tensor_elements=100, max_total_elements=1000)
    source = "import torch\na = torch.ones(100)\nfor i in range(10):\n    a = a + 1"
    report = run_program(source, limits=small)
    assert report.error.key == "errors.total_elements" and report.error.hint_key == "errors.hint_total"
    assert "would create more than 1,000 tensor elements in total" in report.error.message
