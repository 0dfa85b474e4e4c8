"""The Jacobian page: picker, heatmap, checks, the chain rule as paths, exports, and the strategy's
"why" sentence (autogradlab/jacobian_words.py)."""

EN = {
    "jacobian.from_graph": "from the graph",
    "jacobian.label": "{where}: {text}  ({rows}×{cols})",
    "jacobian.picker": "Jacobian",
    "jacobian.zoom": "Exact values of a window (the plot above shows block maxima)",
    "jacobian.rows": "rows",
    "jacobian.columns": "columns",
    "jacobian.window_hint": "Pick a non-empty window of at most 250,000 entries.",
    "jacobian.strategy.reverse": "Reverse",
    "jacobian.strategy.forward": "Forward",
    "jacobian.strategy.loop": "Loop",
    "jacobian.facts": "**{strategy}** · {ms} ms — {why}.",
    "jacobian.check_fd": "finite differences ({dtype}, {columns} columns) {error}",
    "jacobian.check_fd_one": "finite differences ({dtype}, 1 column) {error}",
    "jacobian.check_vjp": "VJP with ones {error}",
    "jacobian.check_jvp": "JVP column {column} {error}",
    "jacobian.no_check": "No check could run on this Jacobian.",
    "jacobian.checks_agree": "✓ checks agree — max error {text}",
    "jacobian.checks_disagree": "The checks disagree with this Jacobian: {text}",
    "jacobian.no_paths": "no paths for this Jacobian",
    "jacobian.paths": "The chain rule as a sum over paths (each path: the product of the local derivatives "
                      "along it):",
    "jacobian.col_path": "path",
    "jacobian.col_share": "share",
    "jacobian.sum": "sum",
    "jacobian.sum_equals": "✓ the sum equals J[{i}, {j}]",
    "jacobian.image": "Image (camera icon on the plot, 1600×900)",
    "jacobian.csv": "Download CSV",
    "jacobian.csv_limit": "CSV up to 250,000 entries; for bigger ones: python -m autogradlab jacobian --json",
    "jacobian.no_call_before_error": (
        "The error at line {line} stopped the program before any `jacobian(...)` call ran: fix that line "
        "(see the error message) and the matrix appears here."),
    "jacobian.no_call_before_error_somewhere": (
        "The error stopped the program before any `jacobian(...)` call ran: fix it (see the error message) "
        "and the matrix appears here."),
    "jacobian.fix_first": "Fix the program to see a Jacobian here: it comes from a run without errors.",
    "jacobian.dydx_before_error": "Meanwhile, dY/dX of what the program computed before the error:",
    "jacobian.last_good_run": "**Last good run:** the program has an error, so this is the Jacobian of the "
                              "last run without one. Fix the error to see the program as it is now.",
    "jacobian.no_call": "This program calls no `jacobian(...)`. Pick a tensor Y and a leaf X it depends on "
                        "to see dY/dX at this run's values, or load an example.",
    "jacobian.empty_help": """The editor is empty. Write a small PyTorch program that calls `jacobian(...)`,
for example

```python
import torch
from torch.autograd.functional import jacobian
x = torch.tensor([0.5, -1.0, 2.0])
J = jacobian(lambda v: torch.tanh(2 * v), x)
```

then press **Run** or **Ctrl+Enter**, or load an example.""",
    "jacobian.load_example": "Load an example",
    "jacobian.nothing_to_differentiate": "No tensor here has a grad_fn and a leaf with requires_grad=True to "
                                         "differentiate by.",
    "jacobian.no_call_nothing": "This program calls no `jacobian(...)`, and none of its tensors has a "
                                "`grad_fn` and a leaf with `requires_grad=True` to differentiate by, so "
                                "there is no dY/dX to show. Load an example to see one.",
    "jacobian.undrawn_calls": "This page draws the Jacobians and Hessians a program computes at its own "
                              "level; its {calls} calls ran inside another transform or a function PyTorch "
                              "calls (or did not run), so none is drawn.",
    "jacobian.calls_sep": ", ",
    "jacobian.dydx_unavailable": "dY/dX is not available",
    "jacobian.all_zero": "Every entry is 0: `{y}` does not change with `{x}` at these values.",
    "jacobian.click_cell": "Click a cell of the heatmap to see the chain rule for that entry.",
    "jacobian.why.mode_forward": "forward",
    "jacobian.why.mode_reverse": "reverse",
    "jacobian.why.vectorized": "{m} outputs, {n} inputs: forward mode needs {n} passes (one per input), "
                               "reverse {m} (one per output), so {mode} mode ran, vectorized",
    "jacobian.why.graph": "{m} outputs, {n} inputs: reverse mode needs {m} passes (one per output), so "
                          "reverse mode ran through the graph the function already built",
    "jacobian.why.fallback": "{m} outputs, {n} inputs, but {reason}: {mode} mode ran, vectorized",
    "jacobian.why.side_effect": "the program's functions change values outside themselves (line {line}: "
                                "`{code}`), so the function ran once, as in torch's own jacobian: one "
                                "backward pass per output, in a loop",
    "jacobian.why.loop": "{m} outputs, {n} inputs, and {reason}: neither mode can run vectorized, so one "
                         "backward pass per output ran, in a loop",
    "jacobian.why.user": "you passed {chosen}, so torch.autograd.functional.jacobian ran with exactly those "
                         "options",
    "jacobian.why.dydx": "from the program's own graph: one backward pass per element of {of} ({count})",
    "jacobian.why.func": "the program called {call}: PyTorch computed it in {mode} mode, vectorized",
    "jacobian.why.func_hessian": "the program called {call}: PyTorch computed this Hessian (the Jacobian of "
                                 "the gradient)",
    "jacobian.label_hessian": "{where}: {text}  ({rows}×{cols}, Hessian)",
}

ZH = {
    "jacobian.from_graph": "来自计算图",
    "jacobian.label": "{where}：{text}  （{rows}×{cols}）",
    "jacobian.picker": "雅可比矩阵",
    "jacobian.zoom": "某个窗口内的精确值（上图显示的是分块最大值）",
    "jacobian.rows": "行",
    "jacobian.columns": "列",
    "jacobian.window_hint": "请选择一个非空、最多 250,000 个元素的窗口。",
    "jacobian.strategy.reverse": "反向模式",
    "jacobian.strategy.forward": "前向模式",
    "jacobian.strategy.loop": "循环",
    "jacobian.facts": "**{strategy}** · {ms} 毫秒 —— {why}。",
    "jacobian.check_fd": "有限差分（{dtype}，{columns} 列）{error}",
    "jacobian.check_fd_one": "有限差分（{dtype}，1 列）{error}",
    "jacobian.check_vjp": "全 1 向量的 VJP {error}",
    "jacobian.check_jvp": "第 {column} 列的 JVP {error}",
    "jacobian.no_check": "这个雅可比矩阵没有可运行的检验。",
    "jacobian.checks_agree": "✓ 检验一致 —— 最大误差 {text}",
    "jacobian.checks_disagree": "检验结果与这个雅可比矩阵不一致：{text}",
    "jacobian.no_paths": "这个雅可比矩阵没有路径",
    "jacobian.paths": "链式法则写成各条路径之和（每条路径：沿途局部导数的乘积）：",
    "jacobian.col_path": "路径",
    "jacobian.col_share": "贡献",
    "jacobian.sum": "总和",
    "jacobian.sum_equals": "✓ 总和等于 J[{i}, {j}]",
    "jacobian.image": "图片（图上的相机图标，1600×900）",
    "jacobian.csv": "下载 CSV",
    "jacobian.csv_limit": "CSV 最多 250,000 个元素；更大的请用：python -m autogradlab jacobian --json",
    "jacobian.no_call_before_error": (
        "第 {line} 行的错误让程序在任何 `jacobian(...)` 调用之前就停止了："
        "改正这一行（见错误提示），矩阵就会显示在这里。"),
    "jacobian.no_call_before_error_somewhere": (
        "程序出错，在任何 `jacobian(...)` 调用之前就停止了：改正错误（见错误提示），矩阵就会显示在这里。"),
    "jacobian.fix_first": "请先修正程序，这里才会显示雅可比矩阵：它来自一次没有错误的运行。",
    "jacobian.dydx_before_error": "同时，下面是程序出错之前已算出的 dY/dX：",
    "jacobian.last_good_run": "**上一次成功的运行：** 程序有错误，所以这里显示的是上一次没有错误的运行的"
                              "雅可比矩阵。修正错误后即可看到当前的程序。",
    "jacobian.no_call": "这个程序没有调用 `jacobian(...)`。选择一个张量 Y 和它所依赖的叶子张量 X，"
                        "即可查看本次运行取值下的 dY/dX，或者载入一个示例。",
    "jacobian.empty_help": """编辑器是空的。写一段调用 `jacobian(...)` 的简短 PyTorch 程序，例如

```python
import torch
from torch.autograd.functional import jacobian
x = torch.tensor([0.5, -1.0, 2.0])
J = jacobian(lambda v: torch.tanh(2 * v), x)
```

然后按 **运行** 或 **Ctrl+Enter**，或者载入一个示例。""",
    "jacobian.load_example": "载入示例",
    "jacobian.nothing_to_differentiate": "这里没有带 grad_fn 的张量，或者没有 requires_grad=True 的叶子张量"
                                         "可供求导。",
    "jacobian.no_call_nothing": "这个程序没有调用 `jacobian(...)`，它的张量中也没有带 `grad_fn` 的张量和 "
                                "`requires_grad=True` 的叶子张量可供求导，所以没有 dY/dX 可以显示。"
                                "载入一个示例看看。",
    "jacobian.undrawn_calls": "本页画出程序在自身层级上计算的雅可比矩阵和黑塞矩阵；程序中的 {calls} 调用"
                              "在另一个变换或 PyTorch 调用的函数里运行（或没有运行），所以没有画出。",
    "jacobian.calls_sep": "、",
    "jacobian.dydx_unavailable": "无法得到 dY/dX",
    "jacobian.all_zero": "所有元素都是 0：在这些取值下 `{y}` 不随 `{x}` 变化。",
    "jacobian.click_cell": "点击热力图中的一个格子，查看该元素的链式法则。",
    "jacobian.why.mode_forward": "前向",
    "jacobian.why.mode_reverse": "反向",
    "jacobian.why.vectorized": "{m} 个输出、{n} 个输入：前向模式需要 {n} 次计算（每个输入一次），"
                               "反向模式需要 {m} 次（每个输出一次），因此以向量化方式运行了{mode}模式",
    "jacobian.why.graph": "{m} 个输出、{n} 个输入：反向模式需要 {m} 次计算（每个输出一次），"
                          "因此沿函数已经建好的计算图运行了反向模式",
    "jacobian.why.fallback": "{m} 个输出、{n} 个输入，但{reason}：改为以向量化方式运行{mode}模式",
    "jacobian.why.side_effect": "程序中的函数修改了函数外部的值（第 {line} 行：`{code}`），"
                                "因此函数只运行一次，与 torch 自带的 jacobian 相同："
                                "在循环中对每个输出做一次反向传播",
    "jacobian.why.loop": "{m} 个输出、{n} 个输入，并且{reason}：两种模式都无法向量化，"
                         "因此在循环中对每个输出做一次反向传播",
    "jacobian.why.user": "你传入了 {chosen}，所以 torch.autograd.functional.jacobian 完全按这些选项运行",
    "jacobian.why.dydx": "来自程序自身的计算图：对 {of} 的每个元素做一次反向传播（共 {count} 次）",
    "jacobian.why.func": "程序调用了 {call}：PyTorch 以向量化方式用{mode}模式计算了它",
    "jacobian.why.func_hessian": "程序调用了 {call}：PyTorch 计算了这个黑塞矩阵（梯度的雅可比矩阵）",
    "jacobian.label_hessian": "{where}：{text}  （{rows}×{cols}，黑塞矩阵）",
}
