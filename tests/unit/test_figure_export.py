"""Figure exports: names that say what a file is, valid SVG/PNG/PDF, PNG scale, Chinese labels.

Graphviz is the real Debian `dot`; the graphs come from real runs in the sandbox, so the files are
the ones a student downloads.
"""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from PIL import Image, ImageChops

from autogradlab import sandbox
from autogradlab.render.dot import annotated_dot
from autogradlab.render.export import render_dot, render_png
from autogradlab.render.figure_names import file_name, program_slug, summary
from autogradlab.render.legend import FONT

DOT_PROGRAM = "import torch\nx = torch.arange(4.0)\nx.requires_grad_(True)\ny = 2 * torch.dot(x, x)\n" \
              "y.backward()\nx.grad\n"
CJK_PROGRAM = "import torch\n张量 = torch.ones(3, requires_grad=True)\n总和 = (张量 * 2).sum()\n" \
              "总和.backward()\n"


@pytest.fixture(scope="module")
def dot_graph() -> str:
    report = sandbox.get_pool().run(DOT_PROGRAM)
    assert report.error is None and report.graph is not None
    return annotated_dot(report.graph)


@pytest.fixture(scope="module")
def cjk_graph() -> str:
    report = sandbox.get_pool().run(CJK_PROGRAM)
    assert report.error is None and report.graph is not None
    assert any(node.var == "张量" for node in report.graph.nodes)
    return annotated_dot(report.graph)


def png_size(data: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(data)).size


def test_slug_names_the_output_and_the_functions_of_its_line():
    assert program_slug(DOT_PROGRAM) == "y-dot"
    assert program_slug("v = torch.tensor([3.0, 4.0], requires_grad=True)\ns = v.norm()\ns.backward()") \
        == "s-norm"
    assert program_slug(DOT_PROGRAM, output="x") == "x-arange"


def test_slug_prefers_a_gallery_entry_id_and_never_comes_back_empty():
    assert program_slug(DOT_PROGRAM, entry_id="dot_example") == "dot-example"
    assert program_slug("") == "program"
    assert program_slug("import torch\n张量 = 1\n") == "program"      # no ASCII word to name it by


def test_file_name_says_what_the_figure_is():
    assert file_name("dot-example", "graph", "svg") == "dot-example-graph.svg"
    assert file_name("y-dot", "reverse-step-3", ".png") == "y-dot-reverse-step-3.png"


def test_editor_summary_counts_lines_and_shows_the_output_line():
    assert summary(DOT_PROGRAM) == (6, "y = 2 * torch.dot(x, x)")
    lines, line = summary("z = " + "x + " * 40 + "x\nz.backward()\n", limit=30)
    assert lines == 2 and len(line) == 30 and line.endswith("…")


def test_graph_svg_png_pdf_are_valid_files(dot_graph):
    svg = render_dot(dot_graph, "svg")
    png = render_png(dot_graph, 2)
    pdf = render_dot(dot_graph, "pdf")
    assert b"<svg" in svg[:400] and svg.rstrip().endswith(b"</svg>") and b"dot" in svg
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    assert pdf[:5] == b"%PDF-" and b"%%EOF" in pdf[-64:] and len(pdf) > 5_000
    Image.open(io.BytesIO(png)).verify()


def test_png_scale_multiplies_pixel_dimensions(dot_graph):
    w1, h1 = png_size(render_png(dot_graph, 1))
    w2, h2 = png_size(render_png(dot_graph, 2))
    w4, h4 = png_size(render_png(dot_graph, 4))
    assert abs(w2 - 2 * w1) <= 3 and abs(h2 - 2 * h1) <= 3
    assert abs(w4 - 4 * w1) <= 6 and abs(h4 - 4 * h1) <= 6
    svg = render_dot(dot_graph, "svg").decode()
    width_pt = float(svg.split('width="', 1)[1].split("pt", 1)[0])
    assert abs(w1 - width_pt * 96 / 72) <= 3, "1x is the drawing's on-screen size (1 pt = 4/3 px)"


def test_chinese_labels_are_drawn_with_a_cjk_font_in_pdf(cjk_graph):
    pdf = render_dot(cjk_graph, "pdf")
    assert b"NotoSansCJK" in pdf, "the PDF embeds the CJK font for 张量"


def _label_png(label: str, font: str) -> Image.Image:
    dot = f'digraph G {{ n [shape=box, fontname="{font}", fontsize=24, label="{label}"] }}'
    return Image.open(io.BytesIO(render_dot(dot, "png", dpi=96))).convert("L")


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig tools not installed")
def test_chinese_png_shows_glyphs_not_boxes():
    found = subprocess.run(["fc-match", "-f", "%{family}", ":lang=zh-cn"], capture_output=True, text=True)
    assert "Noto Sans CJK" in found.stdout or "Noto Serif CJK" in found.stdout, found.stdout
    ours = _label_png("张量", FONT)
    cjk = _label_png("张量", "Noto Sans CJK SC")
    boxes = _label_png("\ue000\ue001", FONT)            # private-use code points: no font has them
    assert ours.size == cjk.size
    assert ImageChops.difference(ours, cjk).getbbox() is None, "our font list draws 张量 in Noto CJK"
    assert ours.size != boxes.size or ImageChops.difference(ours, boxes).getbbox() is not None
    ink = sum(ours.histogram()[:128])
    assert ink > 150, "the glyphs have strokes"
