"""The Graph page: results, graph panel, node details, variables table."""

EN = {
    "graph.empty_help": """The editor is empty. Write a small PyTorch program, for example

```python
import torch
x = torch.arange(4.0, requires_grad=True)
y = 2 * torch.dot(x, x)
y.backward()
```

then press **Run** or **Ctrl+Enter**.""",
    "graph.printed_before_error": "Printed before the error",
    "graph.last_good_run": "last good run",
    "graph.computed_before_error": "computed before the error",
    "graph.refused": "nothing ran: the program was refused before running",
    "graph.refused_at_line": "nothing ran: the program was refused at line {line}",
    "graph.nothing_ran_help": "No graph and no variables: Autograd Lab reads the whole program before it "
                              "runs any of it, and stopped at the error on the left. Fix it and run "
                              "again.",
    "graph.heading": "Graph",
    "graph.printed_output": "Printed output",
    "graph.lines_printed": "{lines} lines printed; scroll inside the box to read them all.",
    "graph.nothing_printed": "Nothing printed. `print(x)` writes here, exactly as Python would.",
    "graph.expression_values": "Expression values ({count})",
    "graph.variables": "Variables",
    "graph.ran_in": "ran in {ms} ms",
    "graph.seed": "seed {seed}",
    "graph.output_fact": "output `{name}`",
    "graph.no_variables": "No variables yet: assign a value, e.g. `x = torch.arange(4.0)`.",
    "graph.col_name": "name",
    "graph.col_value": "value",
    "graph.col_shape": "shape",
    "graph.scalar": "scalar",
    "graph.items": "{count} items",
    "graph.no_graph_help": "This program has no autograd graph yet. PyTorch records a graph when a tensor "
                           "**requires grad** and an **operation** uses it, for example:",
    "graph.no_graph_before_error": "The error at line {line} stopped the program before PyTorch recorded any "
                                   "graph. Fix that line (see the error message) and the graph appears here.",
    "graph.no_graph_before_error_somewhere": (
        "The error stopped the program before PyTorch recorded any graph. Fix it (see the error message) "
        "and the graph appears here."),
    "graph.style": "Graph style",
    "graph.style_annotated": "annotated",
    "graph.style_torchviz": "torchviz classic",
    "graph.output": "Output",
    "graph.output_help": "The graph is drawn back from this tensor. By default: the tensor you last called "
                         ".backward() on, else the last computed tensor with a grad_fn.",
    "graph.output_backward": "{text} (backward)",
    "graph.output_drawn": "{name} (drawn): choose another tensor",
    "graph.output_choose": "Choose a tensor",
    "graph.render_failed": "{reason}. The variables and output below are still valid.",
    "graph.graphviz_failed": "Graphviz could not draw this graph. The variables and output below are "
                             "still valid.",
    "graph.torchviz_legend": "torchviz.make_dot: blue = leaf tensor, grey = backward op, orange = saved "
                             "tensor, green = output.",
    "graph.torchviz_none": "torchviz produced no graph for this program",
    "graph.torchviz_failed": "torchviz could not draw this graph: {reason}",
    "graph.to_annotated": "Show the annotated view",
    "graph.what_folded": "What was folded",
    "graph.fold": "Fold repeated steps",
    "graph.fold_help": "Draw a repeated sequence of ops (a loop body) once, with a count. Turn off to draw "
                       "every node.",
    "graph.too_big": "This graph has **{nodes} nodes**, more than the {limit} the page draws whole{also}, "
                     "so it is drawn folded: repeated sequences of ops are counted.",
    "graph.too_big_torchviz": " (torchviz classic too)",
    "graph.after_backward": "after backward: every node shows its value and gradient",
    "graph.not_computed": "gradients: not computed yet (call .backward())",
    "graph.grads_missing": "gradients: not recorded for this backward() (the note under Variables says why)",
    "graph.status": "{nodes} nodes · output `{name}` · {status}",
    "graph.kind_leaf": "leaf tensor",
    "graph.kind_op": "operation (a backward node)",
    "graph.kind_saved": "saved tensor (kept for the backward pass)",
    "graph.kind_output": "output tensor",
    "graph.grad_not_computed": "not computed yet (run `.backward()` to fill in gradients)",
    "graph.grad_off_path": "none (not on the path to the output)",
    "graph.grad_missing": "not recorded (the note under Variables says why)",
    "graph.grads_returned": "gradients: returned by torch.autograd.grad() (line {line}), which fills no "
                            ".grad; pick one of its inputs under Node details",
    "graph.grad_returned": "{value}, returned by torch.autograd.grad() on line {line}; .grad is left as it "
                           "was",
    "graph.grad_not_returned": "not stored: torch.autograd.grad() (line {line}) returns the gradients of "
                               "its inputs only, and fills no .grad",
    "graph.node_saved": "saved {label}",
    "graph.node_leaf": "{name} (leaf)",
    "graph.node_output": "{name} (output)",
    "graph.node_line": "{text} · line {line}",
    "graph.node_nth": "{label} ({n} of {total})",
    "graph.node_details": "Node details",
    "graph.node_placeholder": "Pick a node to see its op, source line, value and gradient",
    "graph.none": "none",
    "graph.f_kind": "kind",
    "graph.f_op": "op",
    "graph.f_class": "PyTorch class",
    "graph.f_variable": "variable",
    "graph.f_shape": "shape",
    "graph.f_inputs": "inputs",
    "graph.f_saved": "saved tensors",
    "graph.f_used_by": "used by",
    "graph.f_value": "value",
    "graph.f_gradient": "gradient",
    "graph.source_line": "line {line}: {source}",
}

ZH = {
    "graph.empty_help": """编辑器是空的。写一段简短的 PyTorch 程序，例如

```python
import torch
x = torch.arange(4.0, requires_grad=True)
y = 2 * torch.dot(x, x)
y.backward()
```

然后按 **运行** 或 **Ctrl+Enter**。""",
    "graph.printed_before_error": "出错前打印的内容",
    "graph.last_good_run": "上一次成功的运行",
    "graph.computed_before_error": "出错前已计算的部分",
    "graph.refused": "没有运行任何代码：程序在运行前被拒绝",
    "graph.refused_at_line": "没有运行任何代码：程序在第 {line} 行被拒绝",
    "graph.nothing_ran_help": "没有计算图，也没有变量：Autograd Lab 会先读完整个程序再运行，"
                              "读到左边的错误时就停下了。改正后再运行一次。",
    "graph.heading": "计算图",
    "graph.printed_output": "打印输出",
    "graph.lines_printed": "共打印 {lines} 行；在框内滚动即可全部查看。",
    "graph.nothing_printed": "没有打印任何内容。`print(x)` 的输出会显示在这里，与 Python 完全一致。",
    "graph.expression_values": "表达式的值（{count}）",
    "graph.variables": "变量",
    "graph.ran_in": "运行用时 {ms} 毫秒",
    "graph.seed": "随机种子 {seed}",
    "graph.output_fact": "输出 `{name}`",
    "graph.no_variables": "还没有变量：先赋一个值，例如 `x = torch.arange(4.0)`。",
    "graph.col_name": "名称",
    "graph.col_value": "值",
    "graph.col_shape": "形状",
    "graph.scalar": "标量",
    "graph.items": "{count} 项",
    "graph.no_graph_help": "这个程序还没有自动求导计算图。当一个张量**需要梯度**"
                           "（`requires_grad=True`）并且有**运算**用到它时，PyTorch 才会记录计算图，例如：",
    "graph.no_graph_before_error": "第 {line} 行的错误让程序在 PyTorch 记录任何计算图之前就停止了。"
                                   "改正这一行（见错误提示），计算图就会显示在这里。",
    "graph.no_graph_before_error_somewhere": (
        "程序出错，在 PyTorch 记录任何计算图之前就停止了。改正错误（见错误提示），计算图就会显示在这里。"),
    "graph.style": "计算图样式",
    "graph.style_annotated": "带注释",
    "graph.style_torchviz": "torchviz 经典样式",
    "graph.output": "输出",
    "graph.output_help": "计算图从这个张量往回画。默认是你最后一次调用 .backward() 的张量，"
                         "否则是最后计算出的、带有 grad_fn 的张量。",
    "graph.output_backward": "{text}（backward）",
    "graph.output_drawn": "{name}（已画出）：可选择其他张量",
    "graph.output_choose": "选择一个张量",
    "graph.render_failed": "{reason}。下方的变量和输出仍然有效。",
    "graph.graphviz_failed": "Graphviz 无法绘制这张计算图。下方的变量和输出仍然有效。",
    "graph.torchviz_legend": "torchviz.make_dot：蓝色 = 叶子张量，灰色 = 反向传播运算，橙色 = 保存的张量，"
                             "绿色 = 输出。",
    "graph.torchviz_none": "torchviz 没有为这个程序生成计算图",
    "graph.torchviz_failed": "torchviz 无法绘制这张计算图：{reason}",
    "graph.to_annotated": "显示带注释的视图",
    "graph.what_folded": "折叠了哪些部分",
    "graph.fold": "折叠重复的步骤",
    "graph.fold_help": "把重复出现的一串运算（循环体）只画一次，并标出次数。关闭后画出每一个节点。",
    "graph.too_big": "这张计算图有 **{nodes} 个节点**，超过了页面完整绘制的上限 {limit}{also}，"
                     "因此以折叠方式绘制：重复的运算序列只计数。",
    "graph.too_big_torchviz": "（torchviz 经典样式同样如此）",
    "graph.after_backward": "已执行 backward：每个节点都显示它的值和梯度",
    "graph.not_computed": "梯度：尚未计算（请调用 .backward()）",
    "graph.grads_missing": "梯度：这次 backward() 的梯度未记录（原因见“变量”下方的说明）",
    "graph.status": "{nodes} 个节点 · 输出 `{name}` · {status}",
    "graph.kind_leaf": "叶子张量",
    "graph.kind_op": "运算（一个反向传播节点）",
    "graph.kind_saved": "保存的张量（为反向传播保留）",
    "graph.kind_output": "输出张量",
    "graph.grad_not_computed": "尚未计算（运行 `.backward()` 以填入梯度）",
    "graph.grad_off_path": "无（不在通往输出的路径上）",
    "graph.grad_missing": "未记录（原因见“变量”下方的说明）",
    "graph.grads_returned": "梯度：由 torch.autograd.grad()（第 {line} 行）直接返回，不写入 .grad；"
                            "在“节点详情”中选择它的输入即可查看",
    "graph.grad_returned": "{value}，由第 {line} 行的 torch.autograd.grad() 返回；.grad 保持不变",
    "graph.grad_not_returned": "未保存：torch.autograd.grad()（第 {line} 行）只返回其输入的梯度，"
                               "不写入 .grad",
    "graph.node_saved": "保存的 {label}",
    "graph.node_leaf": "{name}（叶子）",
    "graph.node_output": "{name}（输出）",
    "graph.node_line": "{text} · 第 {line} 行",
    "graph.node_nth": "{label}（第 {n} 个，共 {total} 个）",
    "graph.node_details": "节点详情",
    "graph.node_placeholder": "选择一个节点，查看它的运算、源代码行、值和梯度",
    "graph.none": "无",
    "graph.f_kind": "类型",
    "graph.f_op": "运算",
    "graph.f_class": "PyTorch 类",
    "graph.f_variable": "变量",
    "graph.f_shape": "形状",
    "graph.f_inputs": "输入",
    "graph.f_saved": "保存的张量",
    "graph.f_used_by": "被谁使用",
    "graph.f_value": "值",
    "graph.f_gradient": "梯度",
    "graph.source_line": "第 {line} 行：{source}",
}
