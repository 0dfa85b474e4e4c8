"""A value's summary is numbers, except for three English sentences the engine writes
(engine/trace.py CHANGED_LATER, engine/values.py for big complex or non-finite tensors): in 简体中文
the drawn graph, the node details and the Steps card say them from the catalogue
(render/words.say_summary); numbers and arrays stay as they are."""

from __future__ import annotations

import dataclasses
import re

import numpy as np

from autogradlab import messages
from autogradlab.engine.run import run_program
from autogradlab.engine.trace import CHANGED_LATER
from autogradlab.engine.values import summarize
from autogradlab.render.dot import annotated_dot
from autogradlab.render.words import say_summary
from tests.app.test_zh_no_english import english

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_the_engines_summary_sentences_in_chinese():
    said = [summarize(np.full(10_000, 1 + 2j)), summarize(np.full(10_000, np.nan)), CHANGED_LATER]
    assert said[0] == "10,000 complex values" and said[1] == "10,000 values, none finite", said
    for text in said:
        zh = say_summary("zh", text)
        assert CJK.search(zh) and not english(zh) and "values" not in zh, zh
        assert say_summary("en", text) == text
    assert "10,000" in say_summary("zh", said[0])


def test_numbers_and_arrays_stay_as_they_are():
    for arr in (np.array(28.0), np.arange(4.0), np.ones((2, 2)), np.array([-1.5e-12, 3e20])):
        text = summarize(arr)
        assert say_summary("zh", text) == text


def test_a_big_tensors_mean_min_max_words_in_chinese_with_the_same_numbers():
    for arr in (np.arange(10_000.0), np.linspace(-3e20, 1e-7, 500), np.r_[np.arange(200.0), np.inf]):
        text = summarize(arr)
        numbers = re.findall(r"-?[\d.]+(?:e[-+]?\d+)?", text)
        assert text.startswith("mean ") and len(numbers) == 3, text
        zh = say_summary("zh", text)
        assert "均值" in zh and "最大值" in zh and not english(zh), zh
        assert re.findall(r"-?[\d.]+(?:e[-+]?\d+)?", zh) == numbers, (text, zh)
        assert say_summary("en", text) == text


def test_the_drawn_graph_says_a_changed_value_in_chinese():
    report = run_program("import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\n",
                         torchviz=False)
    node = next(n for n in report.graph.nodes if n.value is not None)
    changed = dataclasses.replace(node, value=dataclasses.replace(node.value, summary=CHANGED_LATER))
    nodes = tuple(changed if n is node else n for n in report.graph.nodes)
    graph = dataclasses.replace(report.graph, nodes=nodes)
    assert CHANGED_LATER in annotated_dot(graph, lang="en")
    zh = annotated_dot(graph, lang="zh")
    assert CHANGED_LATER not in zh and messages.text("zh", "render.changed_later") in zh


def test_the_steps_frame_slots_in_chinese(monkeypatch):
    from components import step_player

    values = {"a": "= " + CHANGED_LATER, "b": "= [1., 2.]", "c": "x"}
    monkeypatch.setattr(step_player, "current_lang", lambda: "zh")
    said = step_player._said(values)
    assert said == {"a": "= " + messages.text("zh", "render.changed_later"), "b": "= [1., 2.]", "c": "x"}
    monkeypatch.setattr(step_player, "current_lang", lambda: "en")
    assert step_player._said(values) == values
