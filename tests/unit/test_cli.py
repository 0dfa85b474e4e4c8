"""`python -m autogradlab`: exit codes, the JSON lines contract, stdin, graphs, no tracebacks.

One subprocess test runs the real command (interpreter start, exit status, stdout contract); the
others call `main(argv)` in process with the real sandbox (tests/unit/cli_run.py), or hand `main` a
fake runner to check argument handling without starting workers.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from autogradlab.cli import Streams, main
from autogradlab.report import ErrorInfo, Graph, GraphNode, Report
from tests.unit.cli_run import in_process as cli
from tests.unit.cli_run import real

TOP_KEYS = {"source", "ok", "output", "variables", "printed", "graph", "timing_ms", "error"}
TENSOR_KEYS = {"kind", "shape", "dtype", "value", "requires_grad", "grad", "grad_fn"}
GOOD = "import torch\nx = torch.arange(4.0, requires_grad=True)\ny = 2 * torch.dot(x, x)\n" \
       "y.backward()\nprint(x.grad)\n"
BAD = "import torch\nX = torch.ones(2, 2)\nZ = torch.cat((X, X), dim=2)\n"


@pytest.fixture
def programs(tmp_path: Path) -> tuple[Path, Path]:
    good, bad = tmp_path / "good.py", tmp_path / "bad.py"
    good.write_text(GOOD)
    bad.write_text(BAD)
    return good, bad


# --- the real command -----------------------------------------------------------------------------

def test_json_lines_one_per_file_in_order_with_stdin(programs):
    good, _ = programs
    result = real("run", "--json", str(good), "-", stdin=BAD)   # the real command, in a subprocess
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert set(first) == set(second) == TOP_KEYS
    assert (first["source"], second["source"]) == (GOOD, BAD)
    assert first["ok"] is True and first["error"] is None
    assert first["printed"] == "tensor([ 0.,  4.,  8., 12.])\n"
    assert set(first["variables"]["x"]) == TENSOR_KEYS
    assert first["variables"]["x"]["grad"] == [0.0, 4.0, 8.0, 12.0]   # plain PyTorch: 4 * x
    assert first["graph"]["nodes"] and all(set(n) == {"id", "kind", "label", "var"}
                                           for n in first["graph"]["nodes"])
    assert second["ok"] is False
    assert set(second["error"]) == {"kind", "message", "line", "column", "hint"}
    assert (second["error"]["kind"], second["error"]["line"]) == ("value", 3)
    assert "Traceback" not in result.stderr


def test_every_program_ran_exits_zero(programs):
    good, _ = programs
    result = cli("run", "--json", "--seed", "3", str(good))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ok"] is True


def test_text_summary_prints_output_variables_and_error_location(programs):
    good, bad = programs
    result = cli("run", str(good), str(bad))
    assert result.returncode == 1
    assert "tensor([ 0.,  4.,  8., 12.])" in result.stdout
    assert "x: tensor float32 shape (4,) requires_grad" in result.stdout
    assert f"{bad}:3:5: value: dimension out of range" in result.stderr


def test_missing_file_is_bad_usage_without_traceback():
    result = cli("run", "--json", "no/such/file.py")
    assert result.returncode == 2
    assert "no/such/file.py: no such file" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_unknown_option_is_bad_usage():
    result = cli("run", "--frobnicate", "x.py")
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr
    assert "Traceback" not in result.stderr


def test_graph_writes_svg(programs, tmp_path):
    good, _ = programs
    out = tmp_path / "g.svg"
    result = cli("graph", str(good), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "<svg" in out.read_text()


# --- argument handling, in process ----------------------------------------------------------------

class FakeRunner:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.calls: list[dict] = []

    def run(self, source, *, seed=0, output=None, timeout=None, session=None):
        self.calls.append({"source": source, "seed": seed, "output": output, "timeout": timeout})
        return self.report


def _report(**overrides) -> Report:
    graph = Graph(nodes=(GraphNode("n0", "leaf", "x", var="x"), GraphNode("n1", "output", "y", var="y")),
                  edges=(("n0", "n1"),), output="y", output_node="n1", backward_done=False)
    fields = {"source": GOOD, "ok": True, "seed": 0, "output": "y", "candidates": ("y",),
              "variables": {}, "printed": "", "graph": graph, "torchviz_dot": "digraph { a -> b }"}
    return Report(**{**fields, **overrides})


def run_main(argv, report, stdin="") -> tuple[int, str, str, FakeRunner]:
    runner = FakeRunner(report)
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, runner=runner, streams=Streams(io.StringIO(stdin), out, err))
    return code, out.getvalue(), err.getvalue(), runner


def test_options_reach_the_runner(programs):
    good, _ = programs
    _, _, _, runner = run_main(["run", "--json", "--seed", "7", "--output", "y", "--timeout", "2.5",
                                str(good)], _report())
    assert runner.calls == [{"source": GOOD, "seed": 7, "output": "y", "timeout": 2.5}]


@pytest.mark.parametrize("bad_timeout", ["0", "-1", "soon"])
def test_bad_timeout_is_bad_usage(programs, bad_timeout, capsys):
    good, _ = programs
    code, _, _, runner = run_main(["run", "--timeout", bad_timeout, str(good)], _report())
    assert code == 2
    assert runner.calls == []


def test_graph_unknown_suffix_is_bad_usage_before_running(programs, tmp_path):
    good, _ = programs
    code, _, err, runner = run_main(["graph", str(good), "-o", str(tmp_path / "g.txt")], _report())
    assert code == 2
    assert "unknown graph format '.txt'" in err
    assert runner.calls == []


def test_graph_dot_file_holds_annotated_dot(programs, tmp_path):
    good, _ = programs
    out = tmp_path / "g.dot"
    code, _, err, _ = run_main(["graph", str(good), "-o", str(out)], _report())
    assert code == 0, err
    text = out.read_text()
    assert text.startswith("digraph") and '"n0" -> "n1"' in text


def test_graph_torchviz_style_writes_torchviz_dot(programs, tmp_path):
    good, _ = programs
    out = tmp_path / "g.dot"
    code, _, _, _ = run_main(["graph", "-", "-o", str(out), "--style", "torchviz"], _report(), stdin=GOOD)
    assert code == 0
    assert out.read_text() == "digraph { a -> b }"


def test_graph_torchviz_failure_explains_and_exits_one(programs, tmp_path):
    good, _ = programs
    report = _report(torchviz_dot=None, torchviz_error="maximum recursion depth exceeded")
    code, _, err, _ = run_main(["graph", str(good), "-o", str(tmp_path / "g.svg"), "--style", "torchviz"],
                               report)
    assert code == 1
    assert "maximum recursion depth exceeded" in err
    assert not (tmp_path / "g.svg").exists()


def test_graph_without_a_graph_exits_one(programs, tmp_path):
    good, _ = programs
    code, _, err, _ = run_main(["graph", str(good), "-o", str(tmp_path / "g.svg")], _report(graph=None))
    assert code == 1
    assert "no graph" in err


def test_error_without_position_prints_file_and_kind(programs):
    good, _ = programs
    report = _report(ok=False, error=ErrorInfo("timeout", "the program ran longer than 5 s and was "
                                               "stopped", hint="look at the loops"))
    code, _, err, _ = run_main(["run", str(good)], report)
    assert code == 1
    assert err == (f"{good}: timeout: the program ran longer than 5 s and was stopped\n"
                   "  hint: look at the loops\n")


class BrokenOnce:
    """Raises for the program whose source holds `broken`, returns `report` for the others."""

    def __init__(self, report: Report, exc: Exception) -> None:
        self.report, self.exc, self.sources = report, exc, []

    def run(self, source, **kwargs):
        self.sources.append(source)
        if "broken" in source:
            raise self.exc
        return self.report


def _three_files(tmp_path: Path) -> list[str]:
    names = []
    for stem, text in (("a", GOOD), ("b", "broken = 1\n"), ("c", GOOD)):
        (tmp_path / f"{stem}.py").write_text(text)
        names.append(str(tmp_path / f"{stem}.py"))
    return names


def test_unexpected_failure_in_one_file_is_its_internal_json_error_and_the_rest_still_run(tmp_path):
    runner = BrokenOnce(_report(), RuntimeError("boom\n  at line 3"))
    out, err = io.StringIO(), io.StringIO()
    code = main(["run", "--json", *_three_files(tmp_path)], runner=runner,
                streams=Streams(io.StringIO(), out, err))
    assert code == 1
    assert err.getvalue() == ""
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["ok"] for line in lines] == [True, False, True]
    assert len(runner.sources) == 3
    broken = lines[1]
    assert set(broken) == TOP_KEYS
    assert broken["source"] == "broken = 1\n"
    assert broken["error"] == {"kind": "internal", "message": "internal error in Autograd Lab: RuntimeError: "
                               "boom at line 3", "line": None, "column": None,
                               "hint": "this is a bug in Autograd Lab, not in your program"}
    assert broken["variables"] == {} and broken["graph"] == {"nodes": [], "edges": []}


def test_report_that_cannot_be_written_as_json_becomes_an_internal_error(tmp_path):
    from autogradlab.report import PlainValue

    class Unwritable:
        def run(self, source, **kwargs):
            return _report(variables={"z": PlainValue("number", "not a number", "?")})

    (tmp_path / "a.py").write_text(GOOD)
    out = io.StringIO()
    code = main(["run", "--json", str(tmp_path / "a.py"), str(tmp_path / "a.py")], runner=Unwritable(),
                streams=Streams(io.StringIO(), out, io.StringIO()))
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert code == 1
    assert [line["error"]["message"] for line in lines] == ["internal error in Autograd Lab: TypeError: "
                                                            "not a number: str"] * 2


def test_unexpected_failure_in_text_mode_names_the_file_and_goes_on(tmp_path):
    files = _three_files(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    code = main(["run", *files], runner=BrokenOnce(_report(), RuntimeError("boom")),
                streams=Streams(io.StringIO(), out, err))
    assert code == 1
    assert err.getvalue() == (f"{files[1]}: internal: internal error in Autograd Lab: RuntimeError: boom\n"
                              "  hint: this is a bug in Autograd Lab, not in your program\n")
    assert [line for line in out.getvalue().splitlines() if line.startswith("==>")] == \
        [f"==> {name} <==" for name in files]
    assert "Traceback" not in out.getvalue() + err.getvalue()


class BrokenStdout(io.StringIO):
    def write(self, text):
        raise OSError("disk full")


def test_failure_outside_the_files_is_still_one_line(programs):
    good, _ = programs
    err = io.StringIO()
    code = main(["run", "--json", str(good)], runner=FakeRunner(_report()),
                streams=Streams(io.StringIO(), BrokenStdout(), err))
    assert code == 1
    assert err.getvalue() == "autogradlab: internal error (OSError: disk full)\n"


def test_huge_int_variable_prints_its_json_line_and_the_next_file_runs(tmp_path):
    """The real command on the red-team program: an int past Python's 4,300-digit limit (grown by
    additions, which max_int_bits does not see) is written as a hex string, not a crash."""
    big, good = tmp_path / "big.py", tmp_path / "good.py"
    big.write_text("n = 1\nfor i in range(15000):\n    n = n + n\n")
    good.write_text(GOOD)
    result = cli("run", "--json", str(big), str(good))
    assert result.stderr == ""
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2 and lines[1]["ok"]
    assert result.returncode == (0 if lines[0]["ok"] else 1)
    if lines[0]["ok"]:
        assert lines[0]["variables"]["n"] == {"kind": "number", "value": hex(2 ** 15000)}
    else:   # once additions are sized too, a limit error is the right answer
        assert lines[0]["error"]["message"] and "Traceback" not in lines[0]["error"]["message"]
