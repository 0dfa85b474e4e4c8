"""`python -m autogradlab jacobian`: the JSON contract (one line per FILE, one entry per call, values
equal to torch.autograd.functional.jacobian), dY/dX with --of/--wrt, the table, -o, exit codes. The
first test runs the real command in a subprocess; the others call `main` in process (same output)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from tests.unit.cli_run import in_process
from tests.unit.cli_run import real as real_cli

REPO = Path(__file__).resolve().parents[2]
ENTRY_KEYS = {"index", "line", "text", "input_shape", "output_shape", "shape", "dtype", "value",
              "strategy", "why", "checks", "timing_ms"}
LESSON = REPO / "lessons" / "seed004_jacobian_funx.py"
TUPLES = ("import torch\nfrom torch.autograd.functional import jacobian\n"
          "a = torch.tensor([1.0, 2.0])\nb = torch.tensor([3.0, -1.0, 0.5], dtype=torch.float64)\n"
          "J = jacobian(lambda u, v: (u * u, (v * 2).sum()), (a, b))\n")
NO_CALL = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x * x + x.sum()\n"


def cli(*args: str, stdin: str = ""):
    """`python -m autogradlab jacobian ...` in process (tests/unit/cli_run.py), same output."""
    return in_process("jacobian", *args, stdin=stdin)


def test_json_contract_for_the_lesson_and_tuples() -> None:
    result = real_cli("jacobian", "--json", str(LESSON), "-", stdin=TUPLES)   # the real command
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert set(first) == {"source", "ok", "error", "jacobians"}
    [entry] = first["jacobians"]
    assert set(entry) == ENTRY_KEYS and set(entry["checks"]) == {"fd_max_error", "vjp_max_error",
                                                                  "jvp_max_error"}
    assert entry["value"] == [[2.0, 2.0], [3.0, 16.0]] and entry["shape"] == [2, 2]
    assert (entry["line"], entry["strategy"], entry["dtype"]) == (20, "reverse", "float32")
    [tup] = second["jacobians"]
    a, b = torch.tensor([1.0, 2.0]), torch.tensor([3.0, -1.0, 0.5], dtype=torch.float64)
    real = torch.autograd.functional.jacobian(lambda u, v: (u * u, (v * 2).sum()), (a, b))
    assert tup["input_shape"] == [[2], [3]] and tup["output_shape"] == [[2], []]
    assert tup["dtype"] == ["float32", "float64"]
    assert tup["shape"] == [[list(real[i][j].shape) for j in range(2)] for i in range(2)]
    assert tup["value"] == [[real[i][j].tolist() for j in range(2)] for i in range(2)]


def test_of_wrt_adds_dydx_and_table_and_figure(tmp_path: Path) -> None:
    program = tmp_path / "p.py"
    program.write_text(NO_CALL)
    result = cli("--json", "--of", "y", "--wrt", "x", str(program))
    assert result.returncode == 0, result.stderr
    [entry] = json.loads(result.stdout)["jacobians"]
    assert entry["text"] == "dy/dx" and entry["value"] == [[3.0, 1.0], [1.0, 5.0]]
    out = tmp_path / "j.html"
    table = cli("--of", "y", "--wrt", "x", "-o", str(out), str(program))
    assert table.returncode == 0, table.stderr
    assert "dy/dx" in table.stdout and "J 2 x 2" in table.stdout
    assert out.stat().st_size > 1000


def test_usage_and_program_errors_exit_codes(tmp_path: Path) -> None:
    assert cli("--of", "y", str(LESSON)).returncode == 2
    assert cli("-o", "x.bmp", str(LESSON)).returncode == 2
    bad = cli("--json", "-", stdin="import torch\nJ = torch.autograd.functional.jacobian(lambda v: v, 3)\n")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert json.loads(bad.stdout)["ok"] is False
    not_leaf = cli("--of", "y", "--wrt", "nope", str(LESSON))
    assert not_leaf.returncode == 1 and "'nope' is not a tensor variable" in not_leaf.stderr


def test_dydx_after_a_backward_that_freed_the_graph() -> None:
    freed = cli("--json", "--of", "y", "--wrt", "in_x", str(LESSON))   # y.backward(ones) freed y's graph
    assert freed.returncode == 0, freed.stderr
    entry = json.loads(freed.stdout)["jacobians"][-1]
    real = torch.autograd.functional.jacobian(
        lambda x: torch.stack([x[0] ** 2 + 2 * x[1], 3 * x[0] + 4 * x[1] ** 2]), torch.tensor([1.0, 2.0]))
    assert entry["text"] == "dy/din_x" and entry["value"] == real.tolist()


@pytest.mark.parametrize("missing", ["nope.py"])
def test_missing_file_is_usage(missing: str) -> None:
    assert cli(missing).returncode == 2
