"""DOT to SVG/PNG/PDF through graphviz, SVG for embedding, and the Streamlit label fix."""

from __future__ import annotations

import struct
import subprocess

import pytest

from autogradlab.render import export
from autogradlab.render.export import RenderError, clean_dot_for_streamlit, render_dot, svg_for_web

HAS_DOT = subprocess.run(["which", "dot"], capture_output=True).returncode == 0
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Debian graphviz (`dot`) is not installed")
SMALL = 'digraph g { a [label="x 变量"]; a -> b; }'
# What torchviz.make_dot(y).source looks like for y = 2*dot(x, x): unnamed tensors start with "\n".
TORCHVIZ = """digraph {
\tgraph [size="12,12"]
\t1 [label="
 ()" fillcolor=darkolivegreen1]
\t2 [label=MulBackward0]
\t3 [label="
 (4)" fillcolor=lightblue]
\t4 [label="self
 (4)" fillcolor=orange]
\t5 [label="\\n (4)" fillcolor=orange]
\t3 -> 2
\t4 -> 2 [dir=none]
\t5 -> 2 [dir=none]
\t2 -> 1
}
"""


@needs_dot
def test_svg_is_an_svg_document():
    assert render_dot(SMALL, "svg").lstrip().startswith(b"<?xml")
    assert b"</svg>" in render_dot(SMALL, "svg")


@needs_dot
def test_png_has_png_magic_and_projector_resolution():
    png = render_dot(SMALL, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width_px = struct.unpack(">I", png[16:20])[0]
    svg = render_dot(SMALL, "svg").decode()
    width_pt = float(svg.split('width="', 1)[1].split("pt", 1)[0])
    assert width_px == pytest.approx(width_pt * export.PNG_DPI / 72, rel=0.05)


@needs_dot
def test_pdf_has_pdf_magic():
    assert render_dot(SMALL, "pdf").startswith(b"%PDF")


def test_dot_format_returns_the_source():
    assert render_dot(SMALL, "dot") == SMALL.encode("utf-8")


def test_unknown_format_is_a_render_error():
    with pytest.raises(RenderError, match="unknown format 'gif'"):
        render_dot(SMALL, "gif")


@needs_dot
def test_invalid_dot_is_a_render_error_with_graphviz_reason():
    with pytest.raises(RenderError, match="graphviz could not draw this graph: .*syntax error"):
        render_dot("digraph { a -> }", "svg")


def test_missing_graphviz_is_a_render_error(monkeypatch):
    monkeypatch.setattr(export.shutil, "which", lambda name: None)
    with pytest.raises(RenderError, match="graphviz is not installed"):
        render_dot(SMALL, "svg")


@needs_dot
def test_slow_graphviz_is_a_render_error(monkeypatch):
    def too_slow(*args, **kwargs):
        raise subprocess.TimeoutExpired(cmd="dot", timeout=kwargs["timeout"])

    monkeypatch.setattr(export.subprocess, "run", too_slow)
    with pytest.raises(RenderError, match="longer than 20 s"):
        render_dot(SMALL, "svg")


@needs_dot
def test_svg_for_web_starts_at_the_svg_element():
    svg = svg_for_web(SMALL)
    assert svg.startswith("<svg")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg
    assert "变量" in svg


def test_streamlit_fix_gives_every_torchviz_label_a_first_line():
    fixed = clean_dot_for_streamlit(TORCHVIZ)
    assert '1 [label="output\n ()" fillcolor=darkolivegreen1]' in fixed
    assert '3 [label="leaf\n (4)" fillcolor=lightblue]' in fixed
    assert '5 [label="saved\\n (4)" fillcolor=orange]' in fixed


def test_streamlit_fix_leaves_labels_with_a_first_line_alone():
    fixed = clean_dot_for_streamlit(TORCHVIZ)
    assert '4 [label="self\n (4)" fillcolor=orange]' in fixed
    assert "2 [label=MulBackward0]" in fixed
    assert clean_dot_for_streamlit(SMALL) == SMALL


def test_streamlit_fix_uses_the_placeholder_when_given():
    fixed = clean_dot_for_streamlit(TORCHVIZ, placeholder="y")
    assert '1 [label="y\n ()"' in fixed


@needs_dot
def test_streamlit_fixed_torchviz_dot_still_renders():
    assert b"<svg" in render_dot(clean_dot_for_streamlit(TORCHVIZ), "svg")


def test_streamlit_fix_on_real_torchviz_output():
    torch = pytest.importorskip("torch")
    torchviz = pytest.importorskip("torchviz")
    x = torch.arange(4.0, requires_grad=True)
    source = torchviz.make_dot(2 * torch.dot(x, x), show_saved=True).source
    fixed = clean_dot_for_streamlit(source)
    assert 'label="\n' in source
    assert 'label="\n' not in fixed and 'label="\\n' not in fixed
