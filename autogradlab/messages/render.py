"""Words inside the drawn graphs (annotated graph, step graph): legend, node labels, tooltips."""

EN = {
    "render.kind.leaf": "leaf tensor",
    "render.kind.op": "backward op",
    "render.kind.saved": "saved tensor",
    "render.kind.output": "output",
    "render.value": "value {value}",
    "render.grad": "grad {value}",
    "render.grad_not_recorded": "grad: not recorded",
    "render.changed_later": "changed in place after this op",
    "render.complex_values": "{count} complex values",
    "render.none_finite": "{count} values, none finite",
    "render.stats": "mean {mean}, min {min}, max {max}",
    "render.grad_not_computed": "grad: not computed yet",
    "render.shape": "shape {shape}",
    "render.saved": "saved {name}",
    "render.output": "output",
    "render.line_source": "line {line}: {source}",
    "render.line": " (line {line})",
    "render.nodes": "{count} nodes",
    "render.lines": ", line {lines}",
    "render.slot.grad": "grad",        # a leaf's .grad in a step slot: "grad [0., 4.]"
    "render.slot.seed": "seed",        # the output's starting gradient: "seed 1."
}

ZH = {
    "render.kind.leaf": "叶子张量",
    "render.kind.op": "反向传播运算",
    "render.kind.saved": "保存的张量",
    "render.kind.output": "输出",
    "render.value": "值 {value}",
    "render.grad": "梯度 {value}",
    "render.grad_not_recorded": "梯度：未记录",
    "render.changed_later": "在此运算之后被原地修改",
    "render.complex_values": "{count} 个复数值",
    "render.none_finite": "{count} 个值，均非有限数",
    "render.stats": "均值 {mean}，最小值 {min}，最大值 {max}",
    "render.grad_not_computed": "梯度：尚未计算",
    "render.shape": "形状 {shape}",
    "render.saved": "保存的 {name}",
    "render.output": "输出",
    "render.line_source": "第 {line} 行：{source}",
    "render.line": "（第 {line} 行）",
    "render.nodes": "{count} 个节点",
    "render.lines": "，第 {lines} 行",
    "render.slot.grad": "梯度",
    "render.slot.seed": "初始梯度",
}
