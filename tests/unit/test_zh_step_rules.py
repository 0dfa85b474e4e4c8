"""Every local rule with English words (engine/step_rules.py) has a Chinese text in the catalogue,
and a step's rule as the engine writes it reads in Chinese on a `lang=zh` card (session 23's look:
`ḡ copied to every element of x` was English on a Chinese Steps card)."""

from __future__ import annotations

import re

import pytest

from autogradlab import messages
from autogradlab.engine import step_rules as rules
from autogradlab.render.words import say_inline

PARTS = rules.prose_parts()
NAMES = {"a": "x", "b": "w2", "g": "ḡ", "y": "out", "da": "ẋ", "db": "ẇ2", "n": "3", "op": "addmm"}


def _fill(template: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: NAMES[m.group(1)], template)


def test_every_rule_with_words_is_listed():
    for key, rule in rules.RULES.items():
        for part, template in [("forward", rule.forward), ("jvp", rule.jvp),
                               *((f"vjp{k}", v) for k, v in enumerate(rule.vjp))]:
            assert bool(rules.prose_words(template)) == (f"steps.rule.{key}.{part}" in PARTS), (key, part)


@pytest.mark.parametrize("key", sorted(PARTS))
def test_every_rule_has_a_chinese_text_without_english_words(key):
    chinese = messages.catalogue("zh")[key]
    assert chinese != PARTS[key] and re.search(r"[\u4e00-\u9fff]", chinese), key
    assert rules.prose_words(chinese) <= {"expand"}, (key, chinese)


@pytest.mark.parametrize("key", sorted(PARTS))
def test_the_filled_rule_is_said_in_chinese(key):
    english = _fill(PARTS[key])
    assert say_inline("zh", f"∂/∂x = {english}") == f"∂/∂x = {_fill(messages.text('zh', key))}"
    assert say_inline("en", english) == english


def test_rules_as_the_engine_writes_them():
    assert say_inline("zh", rules.backward_text("sum", ["x"], "sum")) == "∂/∂x = ḡ 复制到 x 的每个元素"
    assert say_inline("zh", rules.forward_text("view", "y", ["sin₂"], "view")) == "y = sin₂ 改变形状"
    assert say_inline("zh", rules.forward_text("expand", "y", ["b"], "expand")) == "y = b 广播（expand）"
    dot_y, dot_b = rules.tangent_name("y"), rules.tangent_name("b")
    assert say_inline("zh", rules.tangent_text("expand", "y", ["b"], "expand")) == f"{dot_y} = {dot_b} 广播"
    assert (say_inline("zh", rules.backward_text("addmm", ["b", "x"], "addmm"))
            == "∂/∂b = ḡᵀ·∂addmm/∂b （addmm 的向量–雅可比积）,  "
               "∂/∂x = ḡᵀ·∂addmm/∂x （addmm 的向量–雅可比积）")
