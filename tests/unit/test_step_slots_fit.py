"""The Steps drawing's value and derivative slots show a big tensor's whole summary (均值 …，最小值 …，
最大值 …) in Chinese and English: the slot is laid out wide enough for it (measured with the drawing's
own font), the text is not cut with "…", and the derivative slot's summary is said in the page's
language too (it kept "mean/min/max" in zh)."""

from __future__ import annotations

import re
import subprocess

import pytest
from PIL import ImageFont

from autogradlab.engine.run import run_program
from autogradlab.render.export import svg_for_web
from autogradlab.render.step_frames import frame_view, frames, mode_steps
from autogradlab.render.steps import paint, step_layout, svg_template
from autogradlab.step_records import StepOptions
from components import step_player

BIG = "import torch\nx = torch.arange(1000.)\nx.requires_grad_()\ny = (x * 2).sum()\ny.backward()\n"
SLOT_TEXT = re.compile(r'<text [^>]*fill="(?:#1f3a5f|#a01d1d)"[^>]*>([^<]*)</text>')


@pytest.fixture(scope="module")
def report():
    return run_program(BIG, torchviz=False, steps=StepOptions())


def _font() -> ImageFont.FreeTypeFont:
    path = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK SC"], capture_output=True,
                          text=True, check=False).stdout.strip()
    if "CJK" not in path:
        pytest.skip("the drawing's CJK font is not installed")
    return ImageFont.truetype(path, 16)      # the node text's size (render/legend.FONT_SIZE), in points


def _painted(report, lang: str, monkeypatch):
    """The template and the SVG of every forward and reverse frame, slots said as the page says them."""
    monkeypatch.setattr(step_player, "current_lang", lambda: lang)
    layout = step_layout(report.graph, fold=False, lang=lang)
    template = svg_template(svg_for_web(layout.dot), layout.fills)
    out = []
    for mode in ("forward", "reverse"):
        all_frames = frames(mode_steps(report.steps, mode), layout.owner, layout.counts)
        for i in range(len(all_frames)):
            view = frame_view(report.graph, report.steps, mode, layout.owner, all_frames, i)
            out.append(paint(template, view.looks, step_player._said(view.values),
                             step_player._said(view.derivs)))
    return template, out


@pytest.mark.parametrize("lang, whole", [("zh", "= 均值 499.5，最小值 0.，最大值 999."),
                                         ("en", "= mean 499.5, min 0., max 999.")])
def test_a_big_tensors_summary_is_whole_in_its_slot(report, monkeypatch, lang, whole):
    x = report.graph.node("n0").value.summary
    assert x == "mean 499.5, min 0., max 999.", x        # torch.arange(1000.): the engine's summary
    template, svgs = _painted(report, lang, monkeypatch)
    slots = [text for svg in svgs for text in SLOT_TEXT.findall(svg)]
    assert whole in slots
    assert not [s for s in slots if s.endswith("…")], slots
    if lang == "zh":
        assert not [s for s in slots if re.search(r"mean|min |max ", s)], slots
        assert "ḡ 均值 1.，最小值 1.，最大值 1." in slots                 # d y / d(x*2) = 1 everywhere


def test_the_slot_is_as_wide_as_its_longest_text(report, monkeypatch):
    font = _font()
    template, svgs = _painted(report, "zh", monkeypatch)
    widths = {p.id: p.size[0] for p in template.parts if hasattr(p, "size") and p.size}
    for svg in svgs:
        for node_id, group in re.findall(r'<g id="([^"]+)" class="node">(.*?)</g>', svg, re.DOTALL):
            for text in SLOT_TEXT.findall(group):
                assert font.getlength(text) <= widths[node_id], (node_id, text, widths[node_id])
