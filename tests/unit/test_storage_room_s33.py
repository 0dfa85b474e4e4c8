"""Session 33: `t.storage()` (session 32's wrapper, lang/tensor_storage.py) shows a tensor's whole memory, so
it is given only where every byte of that memory is an element of the tensor's base (security.md §3: no
uninitialised memory). PyTorch leaves unwritten room in some results (`unique_consecutive` keeps room for
every input value); their storage is refused with a message that says why, before anything is read."""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.lang.tensor_storage import holds_only_elements
from tests.unit.test_breadth import compare

N = "import torch\n"

ROOMY = "torch.unique_consecutive(torch.tensor([1, 1, 1, 2, 2, 2] * 100))"


def test_pytorch_leaves_room_in_the_result() -> None:
    # the premise: the result's memory is larger than its elements (what the storage would show)
    u = eval(ROOMY, {"torch": torch})  # noqa: S307 - trusted constant text
    assert u.untyped_storage().nbytes() > u.numel() * u.element_size()
    assert not holds_only_elements(u) and not holds_only_elements(u[1:])


@pytest.mark.parametrize("line", [
    f"s = {ROOMY}.storage()",
    f"u = {ROOMY}\nv = u[:3]\ns = v.storage()",
    f"u = {ROOMY}\ns = u.view(-1, 1).t().storage()",
])
def test_storage_of_memory_with_room_is_refused(line: str) -> None:
    report = run_program(N + line + "\nprint(s.tolist())\n")
    assert not report.ok and report.error.kind == "unsupported", report.error
    assert "more than the elements" in report.error.message
    assert report.error.line == N.count("\n") + line.count("\n") + 1
    assert report.printed == [] or not "".join(map(str, report.printed))


@pytest.mark.parametrize("snippet", [
    "a = torch.arange(12.).reshape(3, 4)\nprint(a.t().storage().tolist(), a[1:, 2].storage()[5])\n",
    "a = torch.arange(12.).reshape(3, 4).t().clone()\nprint(a.stride(), a.storage().tolist())\n",
    "a = torch.ones(3, 1).expand(3, 4)\nprint(len(a.storage()), a.contiguous().storage().tolist())\n",
    "z = torch.tensor([1., 0, 0, 2] * 5).nonzero()\nprint(len(z.storage()), z.storage()[2])\n",
    "u = torch.unique(torch.tensor([3, 1, 3, 2] * 10))\nprint(u.storage().tolist())\n",
    "e = torch.zeros(0)\nprint(len(e.storage()), e.storage().tolist())\n",
])
def test_storage_of_whole_memory_runs_as_pytorch(snippet: str) -> None:
    compare(N + snippet)
