"""`python -m autogradlab run --json --max-values N` (session 35): values too big to want in full.

Before: every element of every value was written (a 5,000,000-element tensor: a 103 MB line in 10.7 s
here), and the option did not exist (exit 2). With --max-values N a tensor's or array's value (and grad)
of more than N elements is null, the way the JSON already writes a value the report did not keep, and a
list or tuple of more than N items keeps its first N with "truncated": true, as a huge one already did.
The keys are the contract's; without the option the line is as before.
"""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
import torch

from autogradlab.cli import Streams, main
from autogradlab.engine.run import run_program
from autogradlab.jsonout import report_to_json

PROGRAM = ("import torch\nimport numpy as np\nx = torch.arange(6.0, requires_grad=True)\n"
           "(x * x).sum().backward()\nsmall = torch.tensor([1.0, 2.0])\narr = np.ones(7)\n"
           "items = [1, 2, 3, 4, 5, 6]\npair = (small, x)\n")
TENSOR_KEYS = {"kind", "shape", "dtype", "value", "requires_grad", "grad", "grad_fn"}


class _Runner:
    def __init__(self) -> None:
        self.report = run_program(PROGRAM, torchviz=False)

    def run(self, source, *, seed=0, output=None, timeout=None, session=None):  # noqa: ANN001, ANN201
        return self.report


@pytest.fixture(scope="module")
def runner() -> _Runner:
    return _Runner()


def _line(runner: _Runner, tmp_path, *options: str) -> tuple[int, str]:
    path = tmp_path / "p.py"
    path.write_text(PROGRAM)
    out, err = io.StringIO(), io.StringIO()
    code = main(["run", "--json", *options, str(path)], runner=runner,
                streams=Streams(io.StringIO(), out, err))
    return code, out.getvalue()


def test_without_the_option_the_line_is_unchanged(runner: _Runner, tmp_path) -> None:
    code, text = _line(runner, tmp_path)
    assert code == 0
    assert text == json.dumps(report_to_json(runner.report), allow_nan=False, ensure_ascii=False) + "\n"
    x = torch.arange(6.0, requires_grad=True)
    (x * x).sum().backward()
    variables = json.loads(text)["variables"]
    assert variables["x"]["value"] == x.tolist() and variables["x"]["grad"] == x.grad.tolist()
    assert variables["items"] == {"kind": "sequence", "items": [{"kind": "number", "value": n}
                                                               for n in range(1, 7)]}


def test_values_above_n_elements_are_null_and_long_sequences_truncated(runner: _Runner, tmp_path) -> None:
    code, text = _line(runner, tmp_path, "--max-values", "5")
    assert code == 0
    variables = json.loads(text)["variables"]
    x = variables["x"]   # 6 elements: its value and grad are left out, its description stays
    assert set(x) == TENSOR_KEYS and x["value"] is None and x["grad"] is None and x["shape"] == [6]
    assert x["requires_grad"] is True and x["dtype"] == "float32"
    assert variables["small"]["value"] == [1.0, 2.0]   # 2 elements: in full
    assert variables["arr"] == {"kind": "array", "shape": [7], "dtype": "float64", "value": None}
    assert variables["items"] == {"kind": "sequence", "items": [{"kind": "number", "value": n}
                                                               for n in range(1, 6)], "truncated": True}
    pair = variables["pair"]   # 2 items: not truncated; its tensors are judged one by one
    assert "truncated" not in pair and pair["items"][0]["value"] == [1.0, 2.0]
    assert pair["items"][1]["value"] is None


def test_a_limit_at_or_above_every_size_writes_everything(runner: _Runner, tmp_path) -> None:
    _, full = _line(runner, tmp_path)
    _, limited = _line(runner, tmp_path, "--max-values", "7")
    assert limited == full


@pytest.mark.parametrize("bad", ["-1", "ten", "1.5"])
def test_a_bad_count_is_bad_usage(runner: _Runner, tmp_path, bad: str) -> None:
    code, text = _line(runner, tmp_path, "--max-values", bad)
    assert code == 2 and text == ""


def test_a_five_million_element_tensor_is_one_short_line() -> None:
    report = run_program("import torch\nx = torch.ones(5_000_000)\n", torchviz=False)
    value = json.loads(json.dumps(report_to_json(report, 1000)))["variables"]["x"]
    assert value["value"] is None and value["shape"] == [5_000_000]
    assert len(json.dumps(report_to_json(report, 1000))) < 1000
    assert np.size(report.variables["x"].value) == 5_000_000   # the report itself keeps it (the pages)
