"""The drawn graphs speak the page's language: legend, value/grad/shape words and tooltips in
Chinese with lang="zh", byte-identical English by default, same node ids either way."""

from __future__ import annotations

import re
import threading

from test_render_dot import dot_graph

from autogradlab.render.dot import annotated_dot
from autogradlab.render.steps import step_layout


def ids(dot: str) -> list[str]:
    return re.findall(r'^\s+"([^"]+)" \[id=', dot, flags=re.MULTILINE)


def test_annotated_graph_in_chinese():
    graph = dot_graph(with_grads=True)
    english, chinese = annotated_dot(graph), annotated_dot(graph, lang="zh")
    assert annotated_dot(graph, lang="en") == english
    for words in ("叶子张量", "反向传播运算", "保存的张量", "梯度 ", "形状 "):
        assert words in chinese, words
    assert "leaf tensor" in english and "leaf tensor" not in chinese and "<BR/>grad " not in chinese
    assert ids(chinese) == ids(english)


def test_gradients_not_computed_in_chinese():
    assert "梯度：尚未计算" in annotated_dot(dot_graph(with_grads=False), lang="zh")


def test_step_layout_in_chinese_keeps_its_ids():
    graph = dot_graph(with_grads=True)
    english, chinese = step_layout(graph, fold=False), step_layout(graph, fold=False, lang="zh")
    assert "叶子张量" in chinese.dot and "leaf tensor" in english.dot
    assert ids(chinese.dot) == ids(english.dot) and chinese.fills == english.fills


def test_a_chinese_drawing_in_another_thread_leaves_this_one_english():
    graph = dot_graph(with_grads=True)
    english = annotated_dot(graph)
    results = []
    worker = threading.Thread(target=lambda: results.append(annotated_dot(graph, lang="zh")))
    worker.start()
    again = annotated_dot(graph)
    worker.join()
    assert again == english and "叶子张量" in results[0]


def test_step_slots_words_in_chinese_signs_kept():
    from autogradlab.render.words import say_slot

    assert say_slot("zh", "grad [0., 4., 8., 12.]") == "梯度 [0., 4., 8., 12.]"
    assert say_slot("zh", "seed 1.") == "初始梯度 1."
    assert say_slot("zh", "ḡ mean 1., min 1., max 1.") == "ḡ 均值 1.，最小值 1.，最大值 1."
    assert say_slot("zh", "J·v 3.") == "J·v 3." and say_slot("zh", "= 2") == "= 2"
    assert say_slot("en", "seed 1.") == "seed 1." and say_slot("en", "grad [1.]") == "grad [1.]"
