"""`python -m autogradlab run --json --steps [--direction NAME=VALUES]...` (issue §5's contract)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from autogradlab.engine.run import run_program
from autogradlab.step_records import StepOptions
from autogradlab.steps_json import parse_direction_arg, steps_to_json
from tests.unit.cli_run import in_process as cli

FAN_OUT = ("import torch\na = torch.tensor(2.0, requires_grad=True)\nb = a * a\nc = b + a\nd = c * b\n"
           "d.backward()\n")
STEPS_KEYS = {"backward", "forward", "reverse", "tangent"}
FORWARD_KEYS = {"index", "node", "op", "var", "line", "inputs", "value"}
REVERSE_KEYS = {"index", "node", "grad_fn", "var", "adjoint", "contributions", "grad_before", "grad_after"}


@pytest.fixture
def fan_out(tmp_path):
    path = tmp_path / "fan.py"
    path.write_text(FAN_OUT)
    return path


def test_steps_json_has_the_contract_fields(fan_out):
    result = cli("run", "--json", "--steps", "--direction", "a=1", str(fan_out))
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout)
    steps, ids = line["steps"], {n["id"] for n in line["graph"]["nodes"]}
    assert set(steps) == STEPS_KEYS and steps["backward"] == {"line": 6, "var": "d"}
    assert all(set(f) == FORWARD_KEYS and set(f["inputs"]) <= ids for f in steps["forward"])
    assert [f["var"] for f in steps["forward"]] == ["b", "c", "d"]
    for r in steps["reverse"]:
        assert set(r) == REVERSE_KEYS and r["node"] in ids
        assert sum(c["value"] for c in r["contributions"]) == pytest.approx(r["adjoint"])
    b = next(r for r in steps["reverse"] if r["var"] == "b")
    assert sorted(c["value"] for c in b["contributions"]) == [4.0, 6.0] and b["adjoint"] == 10.0
    assert steps["reverse"][0]["contributions"] == [{"from": None, "value": 1.0}]
    assert steps["reverse"][-1]["grad_after"] == 44.0 and steps["reverse"][-1]["grad_before"] is None
    assert steps["tangent"]["direction"] == {"a": 1.0}
    assert [e["tangent"] for e in steps["tangent"]["entries"]] == [4.0, 5.0, 44.0]


@pytest.mark.parametrize("direction, says", [
    ("b=1", "not a named leaf"), ("a=[1,2]", "shape"), ("a=x", "JSON number"), ("a", "NAME=VALUES"),
])
def test_bad_direction_is_a_usage_error(fan_out, direction, says):
    result = cli("run", "--json", "--steps", "--direction", direction, str(fan_out))
    assert result.returncode == 2 and says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_without_direction_tangent_is_null_and_without_steps_no_key():
    report = run_program(FAN_OUT, steps=StepOptions(default_direction=False))
    assert steps_to_json(report.steps)["tangent"] is None
    assert steps_to_json(None) == {"backward": None, "forward": [], "reverse": [], "tangent": None}


def test_steps_json_is_strict_json_with_nan():
    source = ("import torch\nx = torch.tensor([0.0, 1.0], requires_grad=True)\ny = (x.log() * x).sum()\n"
              "y.backward()\n")
    steps = steps_to_json(run_program(source, steps=StepOptions(direction=(("x", [1.0, 0.0]),))).steps)
    text = json.dumps(steps, allow_nan=False)
    assert '"nan"' in text or '"-inf"' in text


@pytest.mark.parametrize("text", ["x=1e999", "x=[1, true]", "x=" + "[" * 20 + "1" + "]" * 20, "1x=2",
                                  "x=" + "9" * 5000])
def test_direction_argument_refuses_what_is_not_numbers(text):
    with pytest.raises(ValueError):
        parse_direction_arg(text)


def test_direction_argument_reads_nested_lists():
    assert parse_direction_arg("W=[[1, 0], [0, 2.5]]") == ("W", [[1, 0], [0, 2.5]])
    assert np.asarray(parse_direction_arg("x=-3")[1]) == -3
