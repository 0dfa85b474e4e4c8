"""The About page, in both languages."""

EN = {
    "about.title": "About Autograd Lab",
    "about.body": """
Autograd Lab runs a small PyTorch program, as you would paste it from a lesson, in **real PyTorch**
and shows the **autograd graph** PyTorch recorded: every leaf tensor, every operation, the tensors
saved for the backward pass, and the output. After `.backward()` each node shows its forward value
and its gradient — the derivative of the output with respect to that node.

#### How to read the annotated graph
- **Blue** boxes are leaf tensors (your inputs, e.g. `x` with `requires_grad=True`).
- **Grey** boxes are operations, labelled with the forward op (`dot`, `mul`) and the variable the
  result was assigned to; the PyTorch class (`MulBackward0`) is in the node details.
- **Orange** boxes are tensors PyTorch saved to compute the backward pass.
- **Green** is the output: the tensor you called `.backward()` on (pick another with *Output*).

#### What a program may contain
Tensors and their methods, `torch.*` functions used in the lessons (with or without the `torch.`
prefix), indexing and slice assignment, arithmetic, `if`, `for`/`while`, `def`, `lambda`, `print`,
f-strings, `backward()`, `.grad`, `with torch.no_grad():`, `torch.autograd.functional.jacobian`,
`torch.linalg.eig`/`eigh`.
Anything else (files, network, other modules, `!pip`, `%magic`) is refused with a message naming it.
`randn`/`rand` draw from a generator seeded with the **Seed** you choose, so results repeat.
""",
    "about.limits": "#### Limits of one run",
    "about.col_limit": "limit",
    "about.col_value": "value",
    "about.time": "time",
    "about.memory": "memory",
    "about.elements": "elements per tensor",
    "about.loops": "loop iterations",
    "about.length": "program length",
    "about.nodes": "graph nodes drawn",
    "about.seconds": "{value} s (the Steps page runs a program twice, its own run and forward mode's: "
                     "{steps} s for both)",
    "about.lines": "{value} lines",
    "about.nodes_value": "{value} (bigger graphs are shown folded)",
    "about.isolation": "Programs run in separate worker processes with these limits; nothing one program "
                       "does is visible to the next. Results are cached by program text and seed.",
}

ZH = {
    "about.title": "关于 Autograd Lab",
    "about.body": """
Autograd Lab 在**真实的 PyTorch** 中运行一段简短的 PyTorch 程序（就像你从课程中粘贴的那样），
并展示 PyTorch 记录下的**自动求导计算图**：每一个叶子张量、每一个运算、为反向传播保存的张量，以及输出。
调用 `.backward()` 之后，每个节点都会显示它的前向值和梯度 —— 即输出对该节点的导数。

#### 如何阅读带注释的计算图
- **蓝色**方框是叶子张量（你的输入，例如 `requires_grad=True` 的 `x`）。
- **灰色**方框是运算，标注着前向运算（`dot`、`mul`）以及结果所赋给的变量；
  PyTorch 的类名（`MulBackward0`）在节点详情中。
- **橙色**方框是 PyTorch 为计算反向传播而保存的张量。
- **绿色**是输出：你调用 `.backward()` 的那个张量（可以在 *输出* 中选择其他张量）。

#### 程序中可以包含什么
张量及其方法、课程中用到的 `torch.*` 函数（带或不带 `torch.` 前缀）、索引与切片赋值、算术运算、
`if`、`for`/`while`、`def`、`lambda`、`print`、f-string、`backward()`、`.grad`、
`with torch.no_grad():`、`torch.autograd.functional.jacobian`、`torch.linalg.eig`/`eigh`。
其他任何内容（文件、网络、其他模块、`!pip`、`%magic`）都会被拒绝，并给出指明原因的提示。
`randn`/`rand` 从以你选择的**随机种子**初始化的生成器中取数，因此结果可以重现。
""",
    "about.limits": "#### 单次运行的限制",
    "about.col_limit": "限制",
    "about.col_value": "值",
    "about.time": "时间",
    "about.memory": "内存",
    "about.elements": "每个张量的元素数",
    "about.loops": "循环次数",
    "about.length": "程序长度",
    "about.nodes": "绘制的计算图节点数",
    "about.seconds": "{value} 秒（步骤页面会把程序运行两次：它自己的运行和前向模式的运行，"
                     "两次共 {steps} 秒）",
    "about.lines": "{value} 行",
    "about.nodes_value": "{value}（更大的计算图会折叠显示）",
    "about.isolation": "程序在独立的工作进程中运行，并受上述限制；一个程序做的任何事情对下一个程序都不可见。"
                       "结果按程序文本和随机种子缓存。",
}
