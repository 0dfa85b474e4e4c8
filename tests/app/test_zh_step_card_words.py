"""The Steps card in 简体中文 says a big tensor's summary and the broadcast note in Chinese inside the
rule and "with the numbers" lines (session 22's look: `mean 0., min -0.01761, max 0.01761` and
`(summed to the shape (1,) of b2: sum-to-shape)` were English in a Chinese card); English unchanged."""

from __future__ import annotations

from autogradlab import links
from autogradlab.render.words import say_inline
from tests.app.test_lang import open_app, texts

# out = W x + b with b broadcast over 20 rows: the add's reverse step sums ḡ back to b's shape (4,).
BROADCAST = ("import torch\nx = torch.ones(20, 4, requires_grad=True)\n"
             "b = torch.zeros(4, requires_grad=True)\nout = x * 2 + b\nloss = (out ** 2).mean()\n"
             "loss.backward()\n")
NUMBERS = "→ b2: mean 0., min -0.01761, max 0.01761 = [0.]"
RULE = "∂/∂a = ḡ,  ∂/∂b2 = ḡ (summed to the shape (1,) of b2: sum-to-shape)"


def test_inline_summary_and_broadcast_note_in_chinese():
    assert say_inline("zh", NUMBERS) == "→ b2: 均值 0.，最小值 -0.01761，最大值 0.01761 = [0.]"
    assert say_inline("zh", RULE) == "∂/∂a = ḡ,  ∂/∂b2 = ḡ（按广播的维度求和，回到 b2 的形状 (1,)）"


def test_english_rule_and_numbers_unchanged():
    assert say_inline("en", NUMBERS) == NUMBERS and say_inline("en", RULE) == RULE


def _card(step: int) -> str:
    at = open_app("steps.py", code=links.encode_code(BROADCAST), lang="zh", mode="reverse", step=str(step))
    assert not at.exception
    return texts(at)


def test_reverse_card_of_a_broadcast_add_in_chinese():
    for step in range(8):
        shown = _card(step)
        if "sum-to-shape" in shown or "按广播的维度求和" in shown:
            break
    else:
        raise AssertionError("no reverse step of the broadcast add found")
    assert "按广播的维度求和，回到 b 的形状" in shown, shown
    assert "sum-to-shape" not in shown and "mean " not in shown, shown


SUM = "import torch\nx = torch.tensor([1., 2., 3.], requires_grad=True)\ny = (x * 2).sum()\ny.backward()\n"


def test_reverse_card_says_the_rule_in_chinese():
    """Session 23's look: `ḡ copied to every element of mul₁` was English on a Chinese card."""
    for step in range(4):
        shown = _card_of(SUM, step)
        if "复制到" in shown:
            break
    else:
        raise AssertionError("no reverse step of the sum said in Chinese")
    assert "copied to every element" not in shown, shown


def _card_of(code: str, step: int) -> str:
    at = open_app("steps.py", code=links.encode_code(code), lang="zh", mode="reverse", step=str(step))
    assert not at.exception
    return texts(at)


def test_two_summaries_joined_by_the_rules_product_dot_both_in_chinese():
    """Session 23's look: a pow step's numbers `ḡ·n·a^(n−1)` with two big tensors read
    `最大值 1.·2·mean 1.2, min 1., max 2.^(2−1)`: the first max took the dot and the next summary."""
    line = "→ add₁: mean 1., min 1., max 1.·2·mean 1.2, min 1., max 2.^(2−1) = mean 2.4, min 2., max 4."
    said = say_inline("zh", line)
    assert "mean" not in said and "min " not in said and "max" not in said, said
    assert said.startswith("→ add₁: 均值 1.，最小值 1.，最大值 1.·2·均值 1.2，"), said
