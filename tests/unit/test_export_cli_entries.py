"""`python -m autogradlab export ENTRY_ID ... [--lang zh]` writes the figures of the entry as the gallery
shows it: with the entry's seed (`d2l-control-flow-else` is the lesson's else branch, seed 4), and with
the drawn words (graph legend, "value", "grad", the steps GIF's frames) in the chosen language, as the
Graph and Steps pages draw them in that language. PyTorch, run on the same program and seed, says which
gradient the exported graph must carry."""

from __future__ import annotations

import io
import re

import torch

from autogradlab import gallery, sandbox
from autogradlab.cli import Streams, main

ELSE = gallery.find("d2l-control-flow-else")


def in_process(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), runner=sandbox.get_pool(), streams=Streams(io.StringIO(), out, err))
    return code, out.getvalue(), err.getvalue()


def pytorch_grad(program: str, seed: int) -> float:
    """a.grad of the lesson's control-flow program, run in plain PyTorch with the seed."""
    torch.manual_seed(seed)
    scope: dict = {}
    exec(compile(program, "lesson", "exec"), scope)   # the lesson's own code, trusted here
    return float(scope["a"].grad)


def grads_drawn(svg: str) -> set[str]:
    return set(re.findall(r">grad (-?[\d.e+]+)", svg))


def test_an_entry_is_exported_with_its_own_seed(tmp_path):
    assert ELSE is not None and ELSE.seed == 4
    want_else, want_if = pytorch_grad(ELSE.program, 4), pytorch_grad(ELSE.program, 0)
    assert want_else != want_if          # the two seeds take the two branches
    _, _, err = in_process("export", ELSE.id, "--out", str(tmp_path / "entry"))
    assert "graph" not in err, err   # (the steps GIF may miss its time limit on a loaded machine)
    drawn = grads_drawn((tmp_path / "entry" / f"{ELSE.id}-graph.svg").read_text(encoding="utf-8"))
    assert f"{want_else:.0f}." in drawn and f"{want_if:.0f}." not in drawn, drawn


def test_seed_on_the_command_line_still_wins(tmp_path):
    _, _, err = in_process("export", ELSE.id, "--out", str(tmp_path), "--seed", "0")
    assert "graph" not in err, err
    drawn = grads_drawn((tmp_path / f"{ELSE.id}-graph.svg").read_text(encoding="utf-8"))
    assert f"{pytorch_grad(ELSE.program, 0):.0f}." in drawn, drawn


def test_zh_export_draws_the_graph_words_in_chinese(tmp_path):
    entry = gallery.find("autograd-dot-example")
    code, out, err = in_process("export", entry.id, "--out", str(tmp_path), "--lang", "zh")
    assert code == 0, err
    assert "已写入" in out
    svg = (tmp_path / f"{entry.id}-graph.svg").read_text(encoding="utf-8")
    for word in ("叶子张量", "保存的张量", ">梯度 ", ">值 "):
        assert word in svg, word
    for word in ("leaf tensor", "saved tensor", ">grad ", ">value "):
        assert word not in svg, word
    code, _, err = in_process("export", entry.id, "--out", str(tmp_path / "en"))
    assert code == 0, err
    assert "leaf tensor" in (tmp_path / "en" / f"{entry.id}-graph.svg").read_text(encoding="utf-8")


def test_zh_steps_gif_frames_are_drawn_in_chinese(monkeypatch):
    """The GIF's frames are the DOT drawings of steps_gif; each is drawn in the chosen language."""
    from autogradlab.export_cli import steps_gif
    from autogradlab.render import step_export
    from autogradlab.step_records import StepOptions

    drawn: list[str] = []

    def frames_only(n, dot_of):
        drawn.extend(dot_of(k) for k in range(n))
        return b"GIF89a"

    monkeypatch.setattr(step_export, "gif_of_frames", frames_only)
    entry = gallery.find("autograd-dot-example")
    report = sandbox.get_pool().run(entry.program, seed=entry.seed, steps=StepOptions())
    assert steps_gif(report, "zh") == ("reverse", b"GIF89a")
    zh = list(drawn)
    drawn.clear()
    steps_gif(report, "en")
    assert len(zh) == len(drawn) >= 2
    assert all("叶子张量" in dot and "leaf tensor" not in dot for dot in zh)
    assert all("leaf tensor" in dot for dot in drawn)
    assert any("seed 1." in dot for dot in drawn) and any("grad [0., 4., 8., 12.]" in dot for dot in drawn)
    assert not any("seed 1." in dot or "grad [" in dot for dot in zh)   # the slots' words too
    assert any("初始梯度 1." in dot for dot in zh) and any("梯度 [0., 4., 8., 12.]" in dot for dot in zh)


class Local:
    """The engine in this process with a roomy time limit (the sandbox's 5 s is met on a loaded
    machine by a fresh worker's first run)."""

    def run(self, program, seed=0, steps=None):
        import dataclasses

        from autogradlab.engine.run import run_program
        from autogradlab.limits import DEFAULT_LIMITS

        limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=120)
        return run_program(program, seed=seed, steps=steps, limits=limits)


def test_zh_export_says_the_programs_error_in_chinese(tmp_path):
    from autogradlab.export_cli import export_program

    entry = gallery.find("cat-dim2-error")
    zh = export_program(entry.program, entry.id, tmp_path / "zh", "zh", runner=Local())
    assert "维度超出范围" in zh.error and "dimension out of range" not in zh.error, zh.error
    en = export_program(entry.program, entry.id, tmp_path / "en", "en", runner=Local())
    assert "dimension out of range" in en.error, en.error
