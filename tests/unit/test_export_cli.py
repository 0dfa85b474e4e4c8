"""`python -m autogradlab export ENTRY_ID|FILE --out DIR [--lang en|zh]`: every figure of a program,
named for what it is; exit status as for `run`; never a traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

from autogradlab import sandbox
from autogradlab.cli import Streams, main
from autogradlab.render.heatmap import SLIDE
from autogradlab.render.step_export import is_gif

REPO = Path(__file__).resolve().parents[2]
DOT = "import torch\nx = torch.arange(4.0, requires_grad=True)\ny = 2 * torch.dot(x, x)\ny.backward()\n"
JACOBIAN = """import torch
def mat_mul(A, B):
    return torch.mm(A, B)
mat1 = torch.tensor([[2.0, 3.0],[4.0, 5.0]])
mat2 = torch.tensor([[1.0, 2.0],[3.0, 4.0]])
jacobian = torch.autograd.functional.jacobian(lambda x: mat_mul(mat1, x), mat2)
"""


def cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "autogradlab", *args], text=True, capture_output=True,
                          env=env, timeout=180)


def in_process(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), runner=sandbox.get_pool(), streams=Streams(io.StringIO(), out, err))
    return code, out.getvalue(), err.getvalue()


def test_export_writes_graph_svg_png_pdf_and_the_steps_gif(tmp_path):
    program = tmp_path / "lesson.py"
    program.write_text(DOT)
    result = cli("export", str(program), "--out", str(tmp_path / "figures"))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "figures").iterdir())
    assert names == ["y-dot-graph.pdf", "y-dot-graph.png", "y-dot-graph.svg", "y-dot-reverse-steps.gif"]
    assert result.stdout.count("wrote ") == 4
    folder = tmp_path / "figures"
    assert (folder / "y-dot-graph.pdf").read_bytes()[:5] == b"%PDF-"
    assert b"</svg>" in (folder / "y-dot-graph.svg").read_bytes()
    png = Image.open(folder / "y-dot-graph.png")
    assert png.format == "PNG" and png.width > 600
    gif = (folder / "y-dot-reverse-steps.gif").read_bytes()
    assert is_gif(gif) and Image.open(io.BytesIO(gif)).n_frames >= 2


def test_export_writes_the_jacobian_heatmaps_of_a_program_without_a_graph(tmp_path):
    program = tmp_path / "jac.py"
    program.write_text(JACOBIAN)
    code, out, err = in_process("export", str(program), "--out", str(tmp_path))
    assert code == 0, err
    png = tmp_path / "jacobian-mat-mul-jacobian-1.png"
    svg = tmp_path / "jacobian-mat-mul-jacobian-1.svg"
    assert Image.open(png).size == (SLIDE["width"], SLIDE["height"])
    assert b"<svg" in svg.read_bytes()[:300]
    assert "Traceback" not in err
    # the title's lines fit the 1600 px slide: the call on one line (it was broken after 'jacobian(')
    assert b"torch.autograd.functional.jacobian(lambda x: mat_mul(mat1, x), mat2)" in svg.read_bytes()


def test_unknown_file_or_entry_is_a_usage_error_in_the_chosen_language(tmp_path):
    code, _, err = in_process("export", "no-such-entry", "--out", str(tmp_path))
    assert code == 2 and "no-such-entry: no such file or gallery entry" in err
    code, _, err = in_process("export", "no-such-entry", "--out", str(tmp_path), "--lang", "zh")
    assert code == 2 and "没有这个文件" in err
    assert not any(tmp_path.iterdir())


def test_failing_program_exits_1_without_a_traceback(tmp_path):
    program = tmp_path / "bad.py"
    program.write_text("import torch\nX = torch.ones(2, 2)\nZ = torch.cat((X, X), dim=2)\n")
    code, _, err = in_process("export", str(program), "--out", str(tmp_path / "out"))
    assert code == 1
    assert "Traceback" not in err and "bad.py" in err and "dim" in err


def test_missing_out_is_bad_usage():
    assert main(["export", "x.py"], streams=Streams(io.StringIO(), io.StringIO(), io.StringIO())) == 2


def test_a_gallery_entry_id_names_the_files(tmp_path, monkeypatch):
    """ENTRY_ID goes through autogradlab.gallery.find (a stand-in here: the gallery is another
    branch's work); a lesson file with the entry's program is named by the entry too."""
    import types

    import autogradlab
    from autogradlab import export_cli

    entry = types.SimpleNamespace(id="dot-example", program=DOT)
    fake = types.ModuleType("autogradlab.gallery")
    fake.find = lambda entry_id: entry if entry_id == entry.id else None
    fake.entries = lambda: (entry,)
    monkeypatch.setitem(__import__("sys").modules, "autogradlab.gallery", fake)
    monkeypatch.setattr(autogradlab, "gallery", fake, raising=False)
    lesson = tmp_path / "lesson.py"
    lesson.write_text(DOT)
    assert export_cli.resolve("dot-example", "en") == (DOT, "dot-example")
    assert export_cli.resolve(str(lesson), "en") == (DOT, "dot-example")
    code, out, err = in_process("export", "dot-example", "--out", str(tmp_path / "figures"))
    assert code == 0, err
    assert (tmp_path / "figures" / "dot-example-graph.svg").is_file()
    assert "dot-example-graph.pdf" in out


def test_an_eigen_gallery_entry_writes_its_eigen_figure_png_and_svg(tmp_path):
    from autogradlab import gallery
    from autogradlab.render.eigen_plot import SLIDE as EIGEN_SLIDE

    entry = gallery.find("symmetric-matrix")
    assert entry.page == "eigen" and dict(entry.params)["var"] == "B"
    code, out, err = in_process("export", entry.id, "--out", str(tmp_path))
    assert code == 0, err
    png, svg = tmp_path / "symmetric-matrix-eigen-B.png", tmp_path / "symmetric-matrix-eigen-B.svg"
    assert Image.open(png).size == (EIGEN_SLIDE["width"], EIGEN_SLIDE["height"])   # 16:9
    assert EIGEN_SLIDE["width"] * 9 == EIGEN_SLIDE["height"] * 16
    assert b"<svg" in svg.read_bytes()[:300] and str(png) in out


def test_a_program_file_writes_no_eigen_figure(tmp_path):
    program = tmp_path / "lesson.py"
    program.write_text(DOT)
    code, _out, err = in_process("export", str(program), "--out", str(tmp_path / "f"))
    assert code == 0, err
    assert not [p for p in (tmp_path / "f").iterdir() if "eigen" in p.name]


def test_a_steps_run_that_fails_is_named_not_a_silently_missing_gif(tmp_path):
    """The graph comes from the plain run; when the run with steps fails (here its time limit, as on
    an overloaded machine) the GIF is not written and the problem says why."""
    import dataclasses

    from autogradlab.engine.run import run_program
    from autogradlab.export_cli import export_program
    from autogradlab.limits import DEFAULT_LIMITS

    class Runner:
        def run(self, program, seed=0, steps=None):
            if steps is None:
                return run_program(program, seed=seed)
            limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=0.01)
            slow = program + "s = 0\nwhile True:\n    s = s + 1\n"
            return run_program(slow, seed=seed, steps=steps, limits=limits)

    done = export_program(DOT, "y-dot", tmp_path / "out", runner=Runner())
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["y-dot-graph.pdf", "y-dot-graph.png", "y-dot-graph.svg"]
    [problem] = done.problems
    assert problem.startswith("y-dot: steps .gif not written: timeout: "), problem
    assert "the time limit is 0.01 s" in problem, problem
