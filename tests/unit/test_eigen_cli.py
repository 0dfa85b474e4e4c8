"""`python -m autogradlab eigen`: the JSON contract of issue 8, exactly as written, and exit codes.
Numbers are checked against torch.linalg.eig."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from autogradlab.cli import Streams, main
from tests.unit.cli_run import in_process

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"matrix", "eigenvalues", "eigenvectors", "kind", "symmetric", "singular", "determinant", "trace",
        "power_iteration"}
POWER_KEYS = {"converges", "dominant", "direction", "iterations", "why"}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["eigen", *argv], streams=Streams(io.StringIO(), out, err))
    return status, out.getvalue(), err.getvalue()


def as_complex(pair: list[float]) -> complex:
    return complex(pair[0], pair[1])


@pytest.mark.parametrize("matrix", ["[[2,1],[1,2]]", "[[1,1],[0,1]]", "[[0,-1],[1,0]]",
                                    "[[0,-1,0],[1,0,0],[0,0,2]]", "[[2,0],[0,2]]"])
def test_json_contract_keys_and_eigenpairs(matrix: str):
    status, out, err = run(matrix, "--json")
    assert status == 0 and not err
    data = json.loads(out)
    assert set(data) == KEYS and set(data["power_iteration"]) == POWER_KEYS
    a = torch.tensor(json.loads(matrix), dtype=torch.complex128)
    assert data["matrix"] == json.loads(matrix)
    expected = sorted(torch.linalg.eigvals(a).tolist(),
                      key=lambda z: (-round(abs(z), 9), -round(z.real, 9), -z.imag))
    got = [as_complex(p) for p in data["eigenvalues"]]
    assert all(abs(g - e) < 1e-6 for g, e in zip(got, expected, strict=True))
    for pair in data["eigenvectors"]:
        lam, v = as_complex(pair["value"]), torch.tensor([as_complex(p) for p in pair["vector"]],
                                                    dtype=torch.complex128)
        assert abs(v.norm().item() - 1) < 1e-12
        assert torch.allclose(a @ v, lam * v, atol=1e-9)
    assert data["determinant"] == pytest.approx(torch.linalg.det(a).real.item(), abs=1e-12)


def test_json_values_for_the_symmetric_example():
    data = json.loads(run("[[2,1],[1,2]]", "--json", "--power-iterations", "30")[1])
    assert data["eigenvalues"] == [[3.0, 0.0], [1.0, 0.0]]
    assert (data["kind"], data["symmetric"], data["singular"]) == ("real-distinct", True, False)
    assert data["trace"] == 4.0
    power = data["power_iteration"]
    assert power["converges"] is True and power["dominant"] == [3.0, 0.0]
    assert power["direction"] == pytest.approx([2**-0.5, 2**-0.5])
    assert power["iterations"] == 30


def test_defective_has_fewer_vectors_and_repeated_has_as_many():
    shear = json.loads(run("[[1,1],[0,1]]", "--json")[1])
    assert shear["kind"] == "defective" and len(shear["eigenvectors"]) == 1
    scalar = json.loads(run("[[2,0],[0,2]]", "--json")[1])
    assert scalar["kind"] == "repeated" and len(scalar["eigenvectors"]) == 2


def test_complex_pair_has_one_complex_vector_per_value_and_no_convergence():
    data = json.loads(run("[[0,-1],[1,0]]", "--json")[1])
    assert data["kind"] == "complex"
    assert [p["value"] for p in data["eigenvectors"]] == [[0.0, 1.0], [0.0, -1.0]]
    assert any(c[1] != 0 for c in data["eigenvectors"][0]["vector"])
    power = data["power_iteration"]
    assert power["converges"] is False and power["dominant"] is None and power["direction"] is None
    assert "complex pair" in power["why"]


def test_text_output_names_kind_and_values():
    status, out, _ = run("[[1,1],[0,1]]")
    assert status == 0
    assert "kind: defective" in out and "power iteration (20 steps): converges" in out


@pytest.mark.parametrize("argv, words", [
    (["[[1,2,3],[4,5,6]]"], "square"),
    (["[[1]]"], "2×2 or 3×3"),
    (["[[1,\"a\"],[0,1]]"], "numbers"),
    (["[[1,NaN],[0,1]]"], "finite"),
    (["[[1,Infinity],[0,1]]"], "finite"),
    (["not json"], "not JSON"),
    ([], "either MATRIX"),
    (["[[1,0],[0,1]]", "--power-iterations", "-1"], "between 0 and"),
    (["[[1,0],[0,1]]", "-o", "figure.pdf"], "unknown figure format"),
])
def test_bad_input_exits_2_with_one_line(argv, words):
    status, out, err = run(*argv)
    assert status == 2 and not out
    assert err.count("\n") == 1 and words in err and "Traceback" not in err
    status, out, err = run(*argv, "--json")
    assert status == 2 and not err
    error = json.loads(out)["error"]
    assert error["kind"] == "usage" and words in error["message"]


def test_html_figure_is_written(tmp_path: Path):
    out = tmp_path / "eigen.html"
    status, _, _ = run("[[2,1],[1,2]]", "-o", str(out))
    text = out.read_text()
    assert status == 0 and "<html>" in text[:100] and "unit circle under A" in text
    assert '"width":1920' in text.replace(" ", "") and '"height":1080' in text.replace(" ", "")


def test_png_and_svg_figures_are_written(tmp_path: Path):
    """kaleido (requirements.txt) renders through the machine's Chromium: a 1920×1080 PNG, an SVG."""
    png, svg = tmp_path / "e.png", tmp_path / "e.svg"
    assert run("[[0,-1],[1,0]]", "-o", str(png))[0] == 0
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1920 and int.from_bytes(data[20:24], "big") == 1080
    assert run("[[0,-1],[1,0]]", "-o", str(svg))[0] == 0
    assert svg.read_text().lstrip().startswith("<svg")


def test_subprocess_from_program_variable(tmp_path: Path):
    """The real thing: the program runs in the sandbox, its 2×2 tensor is analysed (one real
    subprocess; the refusals below are the same command in process)."""
    program = tmp_path / "p.py"
    program.write_text("import torch\nW = torch.tensor([[2.0, 1.0], [2.0, 3.0]])\nv = torch.ones(3)\n")
    cmd = [sys.executable, "-m", "autogradlab", "eigen", "--from", str(program)]
    done = subprocess.run([*cmd, "--var", "W", "--json"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["eigenvalues"] == [[4.0, 0.0], [1.0, 0.0]]
    done = in_process("eigen", "--from", str(program), "--var", "v")
    assert done.returncode == 2 and "`v` has shape (3,)" in done.stderr and "Traceback" not in done.stderr
    done = in_process("eigen", "--from", str(program), "--var", "nope")
    assert done.returncode == 2 and "no variable named 'nope'" in done.stderr
