"""Still-English corners said in Chinese (issue 10): the Jacobian heatmap's title and axes, graphviz's
render failures, link complaints about values typed in a box (not "in the link"), and notes longer
than 600 characters. Every sentence is made by the engine's own code; the English template with the
recognised parameters gives it back exactly."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from autogradlab import error_keys, messages, note_keys
from autogradlab import links as core
from autogradlab.render import export

CJK = re.compile(r"[\u4e00-\u9fff]")
DOT = 'digraph { a -> b }'
JACOBIAN_PROGRAM = """import torch
from torch.autograd.functional import jacobian
W = torch.tensor([[1.0, -2.0, 0.5], [0.3, 0.8, -1.0]])
J = jacobian(lambda v: torch.tanh(W @ torch.sin(v)), torch.tensor([0.5, -1.0, 2.0]))
"""


def check(note: str, rules: tuple, key: str) -> str:
    found, params = note_keys._recognise(note, rules)
    assert found == key, note
    assert messages.text("en", key, **dict(params)) == note
    zh = note_keys.say("zh", note, rules)
    assert zh != note and CJK.search(zh), zh
    assert note_keys.say("en", note, rules) == note
    return zh


def _render_error(monkeypatch, how: str) -> str:
    if how == "missing":
        monkeypatch.setattr(shutil, "which", lambda name: None)
    elif how == "slow":
        def slow(*args, **kwargs):
            raise subprocess.TimeoutExpired(args[0], kwargs.get("timeout", 1))
        monkeypatch.setattr(subprocess, "run", slow)
    elif how == "start":
        def broken(*args, **kwargs):
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr(subprocess, "run", broken)
    with pytest.raises(export.RenderError) as caught:
        if how == "format":
            export.render_dot(DOT, "bmp")
        elif how == "scale":
            export.render_png(DOT, scale=7)
        elif how == "failed":
            export.render_dot("digraph { a -> ", "svg")
        else:
            export.render_dot(DOT, "svg")
    return str(caught.value)


@pytest.mark.parametrize("how, key", [
    ("missing", "notes.render_missing"), ("slow", "notes.render_slow"), ("start", "notes.render_start"),
    ("failed", "notes.render_failed"), ("format", "notes.render_format"), ("scale", "notes.render_scale"),
])
def test_render_failures(monkeypatch, how, key):
    if how == "failed" and shutil.which("dot") is None:
        pytest.fail("graphviz is part of the setup (scripts/setup.sh)")
    zh = check(_render_error(monkeypatch, how), note_keys.RENDER, key)
    assert "graphviz" in zh or how in ("format", "scale")


@pytest.mark.parametrize("typed", ["x", "x=abc", "x=[nan]", "x=" + "[" * 80 + "1" + "]" * 80, "=1"])
def test_typed_direction_complaints_do_not_say_link(typed):
    with pytest.raises(core.LinkError) as caught:
        core.parse_direction(typed)
    message = str(caught.value)
    assert "the link's" in message     # the parser's wording, for links
    rules = error_keys.LINKS + note_keys.LINKS
    zh = note_keys.say_typed("zh", message, rules)
    en = note_keys.say_typed("en", message, rules)
    assert CJK.search(zh) and "链接" not in zh and "link" not in zh, zh
    assert "link" not in en and en.startswith("the value typed"), en


@pytest.fixture(scope="module")
def run():
    from autogradlab.engine.run import run_program

    return lambda source, **kw: run_program(source, torchviz=False, **kw)


@pytest.mark.parametrize("lines", [40, 700])    # ~2,500 and ~43,000 characters (the limit is 50,000)
def test_long_notes(run, lines):
    source = "import torch\nx = torch.ones(2) y = x * 2 w = y + 1\n" + "".join(
        f"z{k} = torch.zeros(1)  # a comment that makes the program long\n" for k in range(lines))
    report = run(source)
    note = next(n for n in report.notes if n.startswith("statements were run together"))
    assert len(note) > 600
    zh = check(note, note_keys.REPORT, "notes.repaired")
    assert zh.endswith(f"z{lines - 1} = torch.zeros(1)  # a comment that makes the program long\n")


def test_heatmap_title_and_axes_in_chinese(run):
    from autogradlab.render.heatmap import jacobian_figure, window_figure

    record = run(JACOBIAN_PROGRAM).jacobians[0]
    en, zh = jacobian_figure(record), jacobian_figure(record, lang="zh")
    assert "J is 2 × 3" in en.layout.title.text
    assert "J 的形状为 2 × 3" in zh.layout.title.text and " is " not in zh.layout.title.text
    assert zh.layout.xaxis.title.text == "输入：v" or zh.layout.xaxis.title.text.startswith("输入：")
    assert zh.layout.yaxis.title.text.startswith("输出：")
    window = window_figure(record, (0, 2), (0, 3), "zh")
    assert window.layout.title.text == "第 0–1 行，第 0–2 列：精确值"
