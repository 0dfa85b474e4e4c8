"""The Steps page's PNG and GIF downloads are drawn when clicked, outside the page's script run, where
the page's language cannot be read any more: the language is taken when the buttons are made, so a
Chinese page downloads a Chinese step ("初始梯度 1.", not "seed 1."). Here the buttons' data callables
are kept, the page's language is then switched back to English, and the callables are called."""

from __future__ import annotations

import streamlit as st

from autogradlab import gallery
from autogradlab.engine import run_program
from autogradlab.render import export, step_export
from autogradlab.render.export import svg_for_web
from autogradlab.render.step_frames import frames, mode_steps
from autogradlab.render.steps import step_layout, svg_template
from autogradlab.step_records import StepOptions
from components import step_player


def test_step_png_and_gif_keep_the_pages_language_when_clicked(monkeypatch):
    entry = gallery.find("autograd-dot-example")
    report = run_program(entry.program, seed=entry.seed, steps=StepOptions())
    graph, trace = report.graph, report.steps
    layout = step_layout(graph, fold=False, lang="zh")
    template = svg_template(svg_for_web(layout.dot), layout.fills, one_line=True)
    all_frames = frames(mode_steps(trace, "reverse"), layout.owner, layout.counts)
    buttons: dict[str, object] = {}
    monkeypatch.setattr(st, "download_button", lambda label, data, **_: buttons.setdefault(label, data))
    monkeypatch.setattr(step_player, "current_lang", lambda: "zh")
    monkeypatch.setattr(export, "render_dot", lambda dot, fmt, **_: dot)    # the DOT instead of pixels
    last = len(all_frames) - 1
    step_player._downloads(layout, template, graph, trace, "reverse", all_frames, last, "dot")
    monkeypatch.setattr(step_player, "current_lang", lambda: "en")          # the click, later
    drawn: list[str] = []
    monkeypatch.setattr(step_export, "gif_of_frames", lambda n, dot_of: drawn.extend(map(dot_of, range(n))))
    png_dot, svg_dot = buttons["PNG"](), buttons["SVG"]()   # the SVG file is drawn on click too
    buttons["GIF"]()
    for dot in (png_dot, svg_dot, drawn[-1]):
        assert "初始梯度 1." in dot and "梯度 [0., 4., 8., 12.]" in dot, dot
        assert "seed 1." not in dot and "grad [" not in dot
