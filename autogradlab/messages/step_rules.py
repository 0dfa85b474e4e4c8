"""The local rules' English words (engine/step_rules.py) in other languages.

English is the engine's own text (`prose_parts`), so the two never drift; render/words.py finds each
filled-in English rule in a step's text and says it from here. Only rules with English words have a
key; pure formulas (`ḡ·b`) read the same in every language.
"""

from autogradlab.engine.step_rules import prose_parts

EN = prose_parts()

_SHAPE_BACK = "{g} 变回 {a} 的形状"
_RESHAPED = ("{y} = {a} 改变形状", _SHAPE_BACK, "{da} 改变形状")


def _three(name: str, forward: str, vjp: str, jvp: str) -> dict[str, str]:
    return {f"steps.rule.{name}.forward": forward, f"steps.rule.{name}.vjp0": vjp,
            f"steps.rule.{name}.jvp": jvp}


ZH = {
    "steps.rule.generic.vjp": "（{op} 的向量–雅可比积）",
    "steps.rule.generic.jvp": "（{op} 的雅可比–向量积）",
    "steps.rule.sum.vjp0": "{g} 复制到 {a} 的每个元素",
    **_three("sum_dim", "{y} = Σ {a}（沿某一维）", "{g} 沿 {a} 被求和的那一维复制", "Σ {da}（沿该维）"),
    "steps.rule.mean.vjp0": "{g} / N 复制到 {a} 的每个元素",
    **_three("mean_dim", "{y} = mean {a}（沿某一维）", "{g} / N 沿该维复制", "mean {da}（沿该维）"),
    "steps.rule.mv.vjp0": "{g} ⊗ {b}（外积）",
    "steps.rule.cat.vjp0": "{g} 中属于 {a} 的那几行",
    "steps.rule.cat.vjp1": "{g} 中属于 {b} 的那几行",
    "steps.rule.select.vjp0": "与 {a} 同形的零张量，[i] 处为 {g}",
    "steps.rule.slice.vjp0": "与 {a} 同形的零张量，[i:j] 处为 {g}",
    "steps.rule.index.vjp0": "与 {a} 同形的零张量，在 [idx] 处加上 {g}",
    "steps.rule.copy_slices.forward": "{y} = {a}（给一个切片赋值后）",
    "steps.rule.copy_slices.vjp0": "{g}，被赋值的区域置为 0",
    "steps.rule.copy_slices.vjp1": "被赋值区域中的 {g}",
    "steps.rule.copy_slices.jvp": "{da}，被赋值区域取所赋值的切向量",
    **_three("expand", "{y} = {a} 广播（expand）", "{g} 按广播的维度求和，回到 {a} 的形状", "{da} 广播"),
    **_three("view", *_RESHAPED),
    **_three("unsafe_view", *_RESHAPED),
    **_three("reshape_alias", *_RESHAPED),
    **_three("unsqueeze", "{y} = {a} 增加一个维度", _SHAPE_BACK, "{da} 增加一个维度"),
    **_three("squeeze", "{y} = {a} 去掉大小为 1 的维度", _SHAPE_BACK, "{da} 去掉大小为 1 的维度"),
    "steps.rule.clone.forward": "{y} = {a}（副本）",
    **_three("to_copy", "{y} = {a}（转换类型）", "{g}（转换回原类型）", "{da}（转换类型）"),
    **_three("transpose", "{y} = {a}ᵀ（交换两个维度）", "{g}，把两个维度换回来", "{da} 转置"),
    **_three("permute", "{y} = {a} 重排维度", "{g} 按原顺序排回维度", "{da} 重排维度"),
    "steps.rule.cumsum.vjp0": "{g} 的反向累加和",
    "steps.rule.max.vjp0": "最大值位置上为 {g}，其余为 0",
    "steps.rule.max.jvp": "{da} 在最大值位置的值",
    "steps.rule.min.vjp0": "最小值位置上为 {g}，其余为 0",
    "steps.rule.min.jvp": "{da} 在最小值位置的值",
    "steps.rule.trace.vjp0": "零矩阵的对角线上放 {g}",
    "steps.rule.prod.vjp0": "{g}·{y} / {a}（其余元素之积）",
    "steps.rule.clamp.vjp0": "{g}·[{a} 在上下界之内]",
    "steps.rule.clamp.jvp": "{da}·[{a} 在上下界之内]",
    **_three("unbind", "{y} = {a} 的一行", "各行的 ḡ 堆叠起来（未用到的行为 0）", "{da} 拆成各行"),
}
