"""The Steps page: player, options and the explanation card."""

EN = {
    "steps.empty_help": "The editor is empty. Write a small PyTorch program (or just an expression such as "
                        "`sin(x) * exp(y)`), then press **Run** or **Ctrl+Enter**.",
    "steps.fix_first": "Fix the program to step through it: the steps are those of a run without errors.",
    "steps.last_good_run": "**Last good run:** the program has an error, so the player below steps "
                           "through the last run without one. Fix the error to step through the program "
                           "as it is now.",
    "steps.no_backward": "This program never calls `backward()` on its output, so PyTorch ran no reverse "
                         "pass to play. Add one (for example `y.backward()`, or `y.sum().backward()` for a "
                         "non-scalar `y`), or turn on **Run backward on the output** on the left.",
    "steps.mode": "Mode",
    "steps.mode_forward": "Forward",
    "steps.mode_reverse": "Reverse",
    "steps.mode_tangent": "Tangent",
    "steps.mode_help": "Forward: each op computes its value. Reverse: backpropagation, gradients flow "
                       "from the output back to the leaves. Tangent: forward-mode differentiation, a "
                       "direction's derivative carried along with the values.",
    "steps.direction": "Tangent direction (forward mode)",
    "steps.direction_placeholder": "x=[0,1,0,0]  (empty: first input, first element)",
    "steps.direction_help": "NAME=VALUES: the tangent of one leaf tensor, a number or a list of its shape; "
                            "other leaves get zero tangents. Several leaves: x=[1,0]; w=1. "
                            "Empty: the first element of the first input.",
    "steps.direction_what": "Tangent direction",
    "steps.direction_leaves": "Give the direction to",
    "steps.direction_leaves_help": "The leaves of the output's graph, named as the graph names them: a leaf "
                                   "kept in a list, dict or object goes by its path, e.g. `layers[0].w`. "
                                   "Picking one sets the direction to its first element (e₁).",
    "steps.backward": "Run backward on the output",
    "steps.backward_help": "When the program never calls backward(), run one on the output (summed when it "
                           "is not a scalar) so there is a reverse pass to play.",
    "steps.free_names": "An expression with free names **{names}**: they become leaf tensors that require "
                        "grad (1.0 unless given below), and backward() runs on the result (summed when it is "
                        "not a scalar).",
    "steps.values": "Values of the free names",
    "steps.values_what": "Values",
    "steps.fold": "Step repeated loop steps as one group",
    "steps.no_tangent": "No tangent steps: this program has no leaf tensor that requires grad to give a "
                        "direction to.",
    "steps.no_tangent_stopped": "No tangent steps: forward mode stopped before it reached the output's graph "
                                "(the note above says why).",
    "steps.no_ops": "The output's graph has no operations to step through.",
    "steps.no_graph": "This program has no autograd graph to step through: make a tensor that requires grad "
                      "and compute with it, e.g. `x = torch.arange(4.0, requires_grad=True)`, "
                      "`y = 2 * torch.dot(x, x)`.",
    "steps.direction_unused": "Tangent direction not used: {reason}",
    "steps.direction_refused": "Tangent direction not used: {reason}. Correct it in the field on the left, "
                              "or clear the field; {shown}.",
    "steps.direction_kept": "the steps below are those of the last direction that worked, {given}",
    "steps.direction_default": "the steps below use the default direction (the first input's first "
                               "element)",
    "steps.no_tangent_direction": "No tangent steps with this direction: correct it, or clear the field to "
                                  "use the default (the first input's first element).",
    "steps.render_failed": "{reason}. The step records are still valid; try a smaller program.",
    "steps.folded": "{title}: a repeated loop body is drawn once and stepped as one group.",
    "steps.step_range": "{reason} (this mode has {count} steps)",
    "steps.play": "Play",
    "steps.step": "Step",
    "steps.speed": "Speed",
    "steps.speed_slow": "slow",
    "steps.speed_normal": "normal",
    "steps.speed_fast": "fast",
    "steps.first": "First",
    "steps.previous": "Previous",
    "steps.next": "Next",
    "steps.last": "Last",
    "steps.slider_format": "step %d of {count}",
    "steps.gif_help": "All steps as an animation (at most {frames} frames)",
    "steps.root_seed": "the output's seed",
    "steps.other_outputs": "another output of the same {call} call",
    "steps.other_outputs_named": "{names}, another output of the same {call} call",
    "steps.saved": "saved {label}",
    "steps.forward_title": "**Forward**: {node} computes its value",
    "steps.rule": "Rule: {rule}",
    "steps.input": "- input {node} = {value}",
    "steps.result": "Result: {value}",
    "steps.reverse_title": "**Reverse**: {grad_fn} at {node}",
    "steps.returned_title": "**Reverse**: at {node}, torch.autograd.grad returns the gradient (its {grad_fn} "
                            "does not run)",
    "steps.from": "{value} from {node}",
    "steps.fan_out": "Used more than once, so the adjoint is the **sum of the contributions**:",
    "steps.seed_and_share": "An output of the call, and another output sends it a share too, so the adjoint "
                            "is the **sum of the contributions**:",
    "steps.incoming": "Incoming adjoint ḡ = {value}{origin}",
    "steps.local_rule": "Local rule: {rule}",
    "steps.leaf_rule": "{rule} (a leaf: its .grad accumulates)",
    "steps.grad_rule": "{rule} (torch.autograd.grad returns it; .grad is left as it was)",
    "steps.numbers": "With the numbers: {numbers}",
    "steps.sends": "- sends {value} to {node}",
    "steps.grad_before_after": "`.grad` before: {before} → after: {after}",
    "steps.tangent_title": "**Tangent**: {node} carries its dual number",
    "steps.tangent_value": "Tangent ṫ = {value}",
    "steps.folded_card": "**Steps {first}–{last}** of {total}: one pass through a folded loop body "
                         "({count} steps); showing the last of them.",
    "steps.output_tangent": "Output tangent **J·v** = {value}",
    "steps.vjp": "Reverse mode's **vᵀJ** (one backward pass) = {value}",
    "steps.direction_v": "direction v: {given} (other leaves 0)",
    "steps.line_variable": "line {line}, variable {var}",
    "steps.cost": "Cost of each mode for this program",
    "steps.note.expression_sum": "expression mode: {names} became leaves (requires_grad=True) and backward() "
                                 "ran on the expression; it is not a scalar, so with gradient = ones",
    "steps.note.expression": "expression mode: {names} became leaves (requires_grad=True) and backward() "
                             "ran on the expression",
    "steps.note.synthetic": "this program has no backward() that reaches the output: the reverse steps are "
                            "of {call}, run by Autograd Lab",
    "steps.note.no_backward": "no backward() reached this output: add `{how}` to the program, or run "
                              "backward on the output with the page's toggle, to see the reverse steps",
    "steps.note.not_scalar": "the output is not a scalar: reverse mode answers (uᵀJ)·v for the backward's "
                             "gradient u, which equals Σ u·(J·v)",
    "steps.note.leaf": "the output is a leaf tensor: no operation made it, so there is nothing to step",
    "steps.note.no_leaf": "no forward-mode steps: no leaf of the output's graph is held by a variable, "
                          "nor by a list, dict or object a variable holds (the program rebound it, e.g. "
                          "`x = x.detach()` in a loop), so there is no input to push a tangent from",
    "steps.cost_text": "{n} scalar inputs, {m} outputs: the full Jacobian takes **{fwd}** forward-mode "
                       "passes (one per input) or **{rev}** reverse-mode passes (one per output).",
    "steps.cost_passes": "passes for the Jacobian",
    "steps.cost_one": "one pass (measured)",
    "steps.cost_memory": "extra memory",
    "steps.cost_forward": "forward (tangent)",
    "steps.cost_reverse": "reverse (backward)",
    "steps.cost_tangent_bytes": "{bytes} B of tangents",
    "steps.cost_saved_bytes": "{bytes} B saved for backward",
}

ZH = {
    "steps.empty_help": "编辑器是空的。写一段简短的 PyTorch 程序（或者只写一个表达式，例如 "
                        "`sin(x) * exp(y)`），然后按 **运行** 或 **Ctrl+Enter**。",
    "steps.fix_first": "请先修正程序再逐步演示：演示的是一次无错误运行中的各个步骤。",
    "steps.last_good_run": "**上一次成功的运行：** 程序有错误，所以下面的播放器演示的是上一次没有错误的运行。"
                           "修正错误后即可逐步演示当前的程序。",
    "steps.no_backward": "这个程序从未对输出调用 `backward()`，所以 PyTorch 没有执行可供演示的反向传播。"
                         "请加上一句（例如 `y.backward()`；若 `y` 不是标量，则用 `y.sum().backward()`），"
                         "或者打开左侧的 **对输出执行 backward**。",
    "steps.mode": "模式",
    "steps.mode_forward": "前向",
    "steps.mode_reverse": "反向",
    "steps.mode_tangent": "切向量",
    "steps.mode_help": "前向：前向计算，每个运算算出它的值。反向：反向传播，梯度从输出传回各叶子张量。"
                       "切向量：前向模式求导，沿某个方向的导数随值一起向前传递。",
    "steps.direction": "切向量方向（前向模式）",
    "steps.direction_placeholder": "x=[0,1,0,0]（留空：首个输入的首元素）",
    "steps.direction_help": "名称=值：某个叶子张量的切向量，可以是一个数，或与其形状相同的列表；"
                            "其他叶子的切向量为零。多个叶子：x=[1,0]; w=1。留空：第一个输入的第一个元素。",
    "steps.direction_what": "切向量方向",
    "steps.direction_leaves": "方向给哪个叶子",
    "steps.direction_leaves_help": "输出计算图中的叶子，名称与图中一致：保存在列表、字典或对象里的叶子"
                                   "用它的路径表示，例如 `layers[0].w`。"
                                   "选择一个即把方向设为它的第一个元素（e₁）。",
    "steps.backward": "对输出执行 backward",
    "steps.backward_help": "当程序从未调用 backward() 时，对输出执行一次（不是标量时先求和），"
                           "这样就有反向传播可以演示。",
    "steps.free_names": "这是一个含自由变量 **{names}** 的表达式：它们会成为需要梯度的叶子张量"
                        "（若下方未给出，取 1.0），并对结果执行 backward()（不是标量时先求和）。",
    "steps.values": "自由变量的值",
    "steps.values_what": "值",
    "steps.fold": "把重复的循环步骤作为一组来演示",
    "steps.no_tangent": "没有前向模式步骤：这个程序没有需要梯度的叶子张量，无法给出方向。",
    "steps.no_tangent_stopped": "没有前向模式步骤：前向模式在到达输出的计算图之前就停止了"
                                "（原因见上面的说明）。",
    "steps.no_ops": "输出的计算图中没有可以逐步演示的运算。",
    "steps.no_graph": "这个程序没有可逐步演示的自动求导计算图：先创建一个需要梯度的张量并用它计算，"
                      "例如 `x = torch.arange(4.0, requires_grad=True)`、`y = 2 * torch.dot(x, x)`。",
    "steps.direction_unused": "未使用切向量方向：{reason}",
    "steps.direction_refused": "未使用切向量方向：{reason}。请在左侧输入框中修改它，或清空输入框；{shown}。",
    "steps.direction_kept": "下面显示的是上一个可用方向 {given} 的步骤",
    "steps.direction_default": "下面的步骤使用默认方向（第一个输入的第一个元素）",
    "steps.no_tangent_direction": "这个方向无法给出前向模式步骤：请修改它，或清空输入框以使用默认方向"
                                  "（第一个输入的第一个元素）。",
    "steps.render_failed": "{reason}。步骤记录仍然有效；请尝试更小的程序。",
    "steps.folded": "{title}：重复的循环体只画一次，并作为一组来演示。",
    "steps.step_range": "{reason}（此模式共有 {count} 步）",
    "steps.play": "播放",
    "steps.step": "步骤",
    "steps.speed": "速度",
    "steps.speed_slow": "慢",
    "steps.speed_normal": "中",
    "steps.speed_fast": "快",
    "steps.first": "第一步",
    "steps.previous": "上一步",
    "steps.next": "下一步",
    "steps.last": "最后一步",
    "steps.slider_format": "第 %d 步，共 {count} 步",
    "steps.gif_help": "所有步骤的动画（最多 {frames} 帧）",
    "steps.root_seed": "输出的初始梯度",
    "steps.other_outputs": "同一次 {call} 调用的另一个输出",
    "steps.other_outputs_named": "{names}（同一次 {call} 调用的另一个输出）",
    "steps.saved": "保存的 {label}",
    "steps.forward_title": "**前向计算**：{node} 计算它的值",
    "steps.rule": "规则：{rule}",
    "steps.input": "- 输入 {node} = {value}",
    "steps.result": "结果：{value}",
    "steps.reverse_title": "**反向传播**：{node} 处的 {grad_fn}",
    "steps.returned_title": "**反向传播**：在 {node} 处，torch.autograd.grad 返回梯度"
                            "（它的 {grad_fn} 不运行）",
    "steps.from": "{value}，来自 {node}",
    "steps.fan_out": "该节点被使用了不止一次，所以伴随梯度是 **各部分贡献之和**：",
    "steps.seed_and_share": "它是这次调用的一个输出，另一个输出也传给它一部分，"
                            "所以伴随梯度是 **各部分贡献之和**：",
    "steps.incoming": "传入的伴随梯度 ḡ = {value}{origin}",
    "steps.local_rule": "局部规则：{rule}",
    "steps.leaf_rule": "{rule}（叶子张量：梯度累加到 .grad 上）",
    "steps.grad_rule": "{rule}（由 torch.autograd.grad 返回；.grad 保持不变）",
    "steps.numbers": "代入数值：{numbers}",
    "steps.sends": "- 把 {value} 传给 {node}",
    "steps.grad_before_after": "`.grad` 之前：{before} → 之后：{after}",
    "steps.tangent_title": "**前向模式**：{node} 携带它的对偶数",
    "steps.tangent_value": "切向量 ṫ = {value}",
    "steps.folded_card": "**第 {first}–{last} 步**（共 {total} 步）：折叠的循环体的一次执行"
                         "（{count} 步）；显示其中最后一步。",
    "steps.output_tangent": "输出的切向量 **J·v** = {value}",
    "steps.vjp": "反向模式的 **vᵀJ**（一次反向传播）= {value}",
    "steps.direction_v": "方向 v：{given}（其他叶子为 0）",
    "steps.line_variable": "第 {line} 行，变量 {var}",
    "steps.cost": "此程序中各模式的开销",
    "steps.note.expression_sum": "表达式模式：{names} 成为叶子张量（requires_grad=True），"
                                 "并对表达式执行了 backward()；它不是标量，所以取 gradient = ones"
                                 "（等同于对其求和后 backward）",
    "steps.note.expression": "表达式模式：{names} 成为叶子张量（requires_grad=True），"
                             "并对表达式执行了 backward()",
    "steps.note.synthetic": "这个程序没有能到达输出的 backward()："
                            "反向传播步骤来自 Autograd Lab 执行的 {call}",
    "steps.note.no_backward": "没有 backward() 到达这个输出：在程序中加上 `{how}`，"
                              "或用页面上的开关对输出执行 backward，即可看到反向传播步骤",
    "steps.note.not_scalar": "输出不是标量：反向模式给出的是 backward 的梯度 u 对应的 (uᵀJ)·v，"
                             "它等于 Σ u·(J·v)",
    "steps.note.leaf": "输出是一个叶子张量：没有任何运算产生它，所以没有可以演示的步骤",
    "steps.note.no_leaf": "没有前向模式步骤：输出计算图中的叶子既没有由变量保存，也不在变量所保存的列表、"
                          "字典或对象里（程序重新绑定了它，例如在循环中写 `x = x.detach()`），"
                          "因此没有输入可以推送切向量",
    "steps.cost_text": "{n} 个标量输入，{m} 个输出：完整的雅可比矩阵需要 **{fwd}** 次前向模式计算"
                       "（每个输入一次），或 **{rev}** 次反向模式计算（每个输出一次）。",
    "steps.cost_passes": "求雅可比矩阵所需次数",
    "steps.cost_one": "一次计算（实测）",
    "steps.cost_memory": "额外内存",
    "steps.cost_forward": "前向（切向量）",
    "steps.cost_reverse": "反向（backward）",
    "steps.cost_tangent_bytes": "切向量占 {bytes} B",
    "steps.cost_saved_bytes": "为反向传播保存了 {bytes} B",
}
