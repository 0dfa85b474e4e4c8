"""The engine's rarer notes (report, Steps, Jacobian checks) and the Eigen page's input errors,
recognised from the engine's English wording by autogradlab/note_keys.py. The English texts give
back the engine's sentences; parameters keep the engine's data (names, numbers, code)."""

EN = {
    "notes.vmap_control_flow": "the function's control flow depends on tensor values",
    "notes.vmap_data": "the function reads tensor data directly (as .numpy() does)",
    "notes.vmap_random": "the function draws random numbers",
    "notes.vmap_operation": "an operation in the function cannot run vectorized",
    "notes.vmap_other": "the function cannot run vectorized",
    "notes.a_value": "a value",
    "notes.shown_times": " (shown {times} times: the same object is bound to several names or list items)",
    "notes.part_values": "values: ",
    "notes.part_grad": "grad: ",
    "notes.eigen_near_identity": "Numerically close to a defective matrix: A − {lam}·I is not exactly 0 "
                                 "(it moves vectors by up to {zeroed}, tiny next to ‖A‖ = {scale}), so A "
                                 "is treated as {lam}·I; a slightly larger off-diagonal entry would make "
                                 "it a shear with a single eigen-direction.",
    "notes.eigen_near_parallel": "Numerically close to a defective matrix: the eigenvalues are distinct "
                                 "but the eigen-directions are almost parallel.",
    "notes.eigen_near_singular": "Numerically singular: A shrinks one direction to {s} of its length, "
                                 "below the tolerance for this matrix.",
    "notes.eigen_commas": "`{name}` must be numbers separated by commas, not {value}",
    "notes.link_dir_read": "the link's `dir` must read NAME=VALUES (e.g. x=[1,0,0]), not {value}",
    "notes.link_dir_deep": "the link's `dir` is nested too deeply",
    "notes.dir_not_leaf": "direction {name}: not a named leaf of the output's graph (its leaves: {known})",
    "notes.dir_values": "direction {name}: the values must be a number or a nested list of numbers",
    "notes.dir_shape": "direction {name}: shape {shape} does not match the leaf's shape {leaf}",
    "notes.dir_dtype": "direction {name}: the leaf has dtype {dtype}, which has no tangents",
    "notes.dydx_not_tensor": "d{of}/d{wrt}: '{name}' is not a tensor variable of this program",
    "notes.dydx_no_grad": "d{of}/d{wrt}: '{wrt}' does not require grad, so nothing depends on it in the "
                          "graph (create it with requires_grad=True)",
    "notes.dydx_no_grad_fn": "d{of}/d{wrt}: '{of}' has no grad_fn: it does not depend on '{wrt}' through "
                             "the graph",
    "notes.dydx_zero": "'{of}' does not depend on '{wrt}': every entry is 0",
    "notes.dydx_too_big": "d{of}/d{wrt}: d{of}/d{wrt} would have {entries} entries; the limit is {limit} "
                          "(limit max_tensor_elements)",
    "notes.dydx_freed": "d{of}/d{wrt}: the graph of '{of}' was freed by a backward() call; call "
                        "backward(retain_graph=True) to keep it",
    "notes.dydx_freed_long": "d{of}/d{wrt}: the graph of '{of}' was freed by a backward() call, and the "
                             "program runs too long to run once more keeping it; call "
                             "backward(retain_graph=True) to keep it",
    "notes.dydx_graph_work": "d{of}/d{wrt}: d{of}/d{wrt} would run {rows} backward passes through a graph of "
                             "{nodes} operations, about {work} arithmetic steps in all; the limit is {limit} "
                             "(limit max_graph_work)",
    "notes.dydx_failed": "d{of}/d{wrt}: d{of}/d{wrt} cannot be computed: {error}",
    "notes.call_not_made": "call {index} was not made",
    "notes.op_line": "(line {line})",
    "notes.trace_pinned": "the program ran {total} tensor operations; the op list keeps the last {kept} of "
                          "them and the {pinned} that made leaf tensors (most run: {busiest})",
    "notes.trace": "the program ran {total} tensor operations; the op list keeps the last {kept} of them "
                   "(most run: {busiest})",
    "notes.skimmed": "the loop on line {line}: {count} tensor operations of its middle passes were counted "
                     "but not recorded (the op list shows its last {passes} passes in full; every pass ran, "
                     "so the values are exact)",
    "notes.skimmed_backward": "the loop on line {line}: {count} tensor operations and {backwards} backward() "
                              "calls of its middle passes were counted but not recorded (the op list shows "
                              "its last {passes} passes in full; the gradients come from its last passes)",
    "notes.skimmed_cut": "the loop on line {line}: {count} tensor operations and {backwards} backward() "
                         "calls of its middle passes were counted but not recorded, and the run stopped "
                         "inside the loop before its last passes were recorded",
    "notes.skimmed_cut_backward": "the loop on line {line}: {backwards} backward() calls of its middle "
                                  "passes were counted but not recorded (their gradients and saved tensors "
                                  "were not kept), and the run stopped inside the loop before its last "
                                  "passes were recorded: the graph of its last backward() may show no "
                                  "gradients",
    "notes.skimmed_forecast": "a loop's op count changed after its middle passes were counted but not "
                              "recorded: the op list misses some of its last operations (every pass ran, "
                              "so the values are exact)",
    "notes.output_not_tensor": "output '{name}' is not a tensor variable of this program; showing the "
                               "default output instead",
    "notes.notebook_skipped": "line {line}: `{command}` was skipped: it sets up a notebook and changes "
                              "nothing here",
    "notes.plot_skipped_one": "the plotting call on line {line} was skipped (plots are not drawn here); its "
                              "arguments ran",
    "notes.plot_skipped": "the plotting calls on lines {lines} were skipped (plots are not drawn here); "
                          "their arguments ran",
    "notes.repaired": "statements were run together on one line; Autograd Lab put them on separate lines "
                      "({added} line breaks added) and ran:\n{code}",
    "notes.steps_failed": "the steps of this run could not be built ({error})",
    "notes.part_failed": "part of this report could not be built ({error})",
    "notes.more_omitted": "more values were left out of the report in the same way",
    "notes.text_time": ("the report ran out of time to write every value's text; the values shown last are "
                        "summarised by their shape"),
    "notes.values_omitted": "{what}: its values are not kept in full (the report keeps at most {limit} "
                            "tensor values, counting each place a tensor is shown); {parts}",
    "notes.grad_omitted": "{what}: its gradient is not kept in full (the report keeps at most {limit} "
                          "tensor values, counting each place a tensor is shown); {parts}",
    "notes.backward_overflow": "the {call} on line {line} moved more gradient values than the steps "
                               "keep (20 million): its reverse steps are left out; use smaller tensors to "
                               "step it",
    "notes.past_output": "the {call} on line {line} started past the output: what reached the output "
                         "from the ops after it is shown as coming from the output node",
    "notes.dropped": "{count} earlier {call} calls were too large to keep step by step",
    "notes.steps_too_many": "the output's graph has {nodes} nodes; the steps follow at most {limit}: use a "
                            "shorter computation (fewer loop passes) to step it",
    "notes.unlogged_backwards": "no {call} kept step by step reached this output: {count} {call} "
                                "calls ran through more than {limit} nodes and were not kept",
    "notes.skipped_backwards": "{count} {call} calls of a long loop's middle passes were not kept "
                               "step by step (its last passes' are)",
    "notes.no_kept_backward": "no {call} kept step by step reached this output: a long loop's middle "
                              "passes keep none (its last passes' are kept)",
    "notes.tangent_stopped_line": "forward mode stopped on line {line}: {error}; later ops have no tangent",
    "notes.tangent_stopped": "forward mode stopped: {error}; later ops have no tangent",
    "notes.tangent_no_time": "no time was left within the time limit for a forward-mode run",
    "notes.tangent_time_out": "the forward-mode run had only the time left within the time limit after the "
                              "program's own run, and it ran out here",
    "notes.tangent_overflow": "the tangents of this program are too many values to keep (20 million): the "
                              "later ops have none",
    "notes.no_tangent": "no tangent could be given to {names} (forward mode could not follow how it became "
                        "a leaf)",
    "notes.expression_constant": "expression mode: {names} became leaves, but the expression's value does "
                                 "not depend on them through tensors, so there is nothing to backward",
    "notes.ensure_failed": "backward on the output could not run ({error}): {detail}",
    "notes.ensure_freed": "backward on the output could not run: an earlier backward() or autograd.grad() "
                          "call freed the output's graph (retain_graph=True in that call keeps it)",
    "notes.check_none": "the function changes values outside itself and was not run again: no checks",
    "notes.check_vjp_failed": "VJP check not run ({error})",
    "notes.check_vjp_only": "finite differences and the JVP would run the function again, which changes "
                            "values outside itself: only the VJP check ran",
    "notes.check_jvp_failed": "JVP check not run: the function does not support forward mode ({error})",
    "notes.check_fd_columns": "finite differences compared {picked} of {total} columns",
    "notes.check_fd_failed": "finite-difference check not run ({error})",
    "notes.check_vjp_limit": "VJP check stopped: it used its share of the program's limits ({error})",
    "notes.check_jvp_limit": "JVP check stopped: it used its share of the program's limits ({error})",
    "notes.check_fd_limit": "finite-difference check stopped: it used its share of the program's limits "
                            "({error})",
    "notes.check_dydx": "finite differences need a function; dY/dX is read from the graph",
    "notes.paths_lazy": "paths of a Jacobian with more than {limit} entries are followed for the cell you "
                        "click",
    "notes.paths_no_graph": "the function was not run again, so there is no graph to follow",
    "notes.paths_row_outside": "row {row} is outside the Jacobian's {rows} rows",
    "notes.paths_independent": "the output does not depend on the inputs through the graph",
    "notes.func_paths": "the chain-rule paths are drawn for jacobian(...) calls, not for {call}",
    "notes.func_no_rerun": "the checks did not run: the function could not run again ({error})",
    "notes.func_rerun_limit": "the checks stopped: running the function again used their share of the "
                              "program's limits ({error})",
    "notes.func_batch": "line {line}: `{call}` under vmap computes a batch of Jacobians, one per row: not "
                        "drawn (the page draws one Jacobian per call; call it on one row to see it)",
    "notes.func_batch_hessian": "line {line}: `{call}` under vmap computes a batch of Hessians, one per "
                                "row: not drawn (the page draws one Hessian per call; call it on one row "
                                "to see it)",
    "notes.func_higher": "line {line}: `{call}` computes third or higher derivatives: not drawn (the page "
                         "draws first and second derivatives)",
    "notes.func_not_tensors": "line {line}: `{call}` has inputs or outputs that are not tensors or tuples of "
                              "tensors: not drawn",
    "notes.func_not_drawn": "line {line}: `{call}` could not be drawn ({error})",
    "notes.func_more_calls": "line {line}: `{call}` ran more than {limit} times: the page draws the first "
                             "{limit} calls of a line",
    "notes.func_entries": "line {line}: `{call}` not drawn: the matrices drawn would hold more than {limit} "
                          "entries, the most one run keeps",
    "notes.eigen_the_matrix": "the matrix",
    "notes.eigen_numbers_only": "{where} must hold numbers only, not {value}",
    "notes.eigen_finite": "{where} must hold finite numbers (no NaN or infinity)",
    "notes.eigen_too_big": "{where} holds {value}: entries must be at most {limit} in size (beyond that "
                           "the arithmetic overflows)",
    "notes.eigen_nested": "{where} must be a nested list of rows such as [[2,1],[1,2]]",
    "notes.eigen_square": "{where} must be square: it has {n} rows of lengths {lengths}",
    "notes.eigen_size": "{where} must be 2×2 or 3×3, not {n}×{n}",
    "notes.eigen_shape": "`{name}` has shape {shape}: eigen analysis needs a square 2×2 or 3×3 matrix",
    "notes.eigen_complex": "`{name}` is complex: eigen analysis needs a real matrix",
    "notes.eigen_start": "the start vector must be {n} finite numbers, not all 0",
    "notes.eigen_not_function": "{name} is not a function name",
    "notes.eigen_point": "the point must be two finite numbers x, y",
    "notes.eigen_program_error": "the program stopped with an error: {error}",
    "notes.eigen_no_variable": "the program has no variable `{name}`",
    "notes.eigen_not_tensor": "`{name}` is not a tensor with values",
    "notes.eigen_jacobian_shape": "the function's Jacobian has shape {shape}: the Eigen page needs a "
                                  "function from 2 numbers to 2 numbers",
    "notes.eigen_count": "`{name}` must have {count} numbers, not {given}",
    "notes.link_matrix_square": "the link's `matrix` must be square (it has {n} rows of lengths {lengths})",
    "notes.link_matrix_size": "the link's `matrix` must be {a} or {b}, not {n}×{n}",
    "notes.link_v_count": "the link's `v` must have 2 numbers x,y, not {given}",
    "notes.link_v_zero": "the link's `v` must not be the zero vector",
    "notes.render_missing": "graphviz is not installed (the `dot` program was not found); install it with "
                            "`apt-get install graphviz`",
    "notes.render_slow": "graphviz took longer than {seconds} s to lay out this graph",
    "notes.render_start": "graphviz could not be started: {error}",
    "notes.render_failed": "graphviz could not draw this graph: {error}",
    "notes.render_format": "unknown format {fmt}: choose one of {choices}",
    "notes.render_scale": "unknown PNG scale {scale}: choose one of {choices}",
    "notes.link_prefix": "the link's ",
    "notes.typed_prefix": "the ",
    "notes.link_dir_prefix": "the link's `dir`",
    "notes.typed_dir_prefix": "the value typed",
}

ZH = {
    "notes.vmap_control_flow": "函数的控制流取决于张量的值",
    "notes.vmap_data": "函数直接读取张量数据（就像 .numpy() 那样）",
    "notes.vmap_random": "函数会抽取随机数",
    "notes.vmap_operation": "函数中的某个运算无法向量化运行",
    "notes.vmap_other": "函数无法向量化运行",
    "notes.a_value": "某个值",
    "notes.shown_times": "（显示了 {times} 次：同一个对象绑定到了多个名字或列表元素）",
    "notes.part_values": "数值：",
    "notes.part_grad": "梯度：",
    "notes.eigen_near_identity": "数值上接近亏损矩阵：A − {lam}·I 并不严格为 0（它把向量最多移动 {zeroed}，"
                                 "与 ‖A‖ = {scale} 相比微不足道），因此 A 被当作 {lam}·I；"
                                 "非对角元素再大一点，它就会成为只有一个特征方向的剪切。",
    "notes.eigen_near_parallel": "数值上接近亏损矩阵：特征值互不相同，但特征方向几乎平行。",
    "notes.eigen_near_singular": "数值上奇异：A 把一个方向缩短到原长度的 {s}，低于这个矩阵的容差。",
    "notes.eigen_commas": "`{name}` 必须是用逗号分隔的数，而不是 {value}",
    "notes.link_dir_read": "链接中的 `dir` 必须写成 NAME=VALUES（例如 x=[1,0,0]），而不是 {value}",
    "notes.link_dir_deep": "链接中的 `dir` 嵌套层数太多",
    "notes.dir_not_leaf": "方向 {name}：不是输出计算图中有名字的叶子（它的叶子：{known}）",
    "notes.dir_values": "方向 {name}：数值必须是一个数或由数组成的嵌套列表",
    "notes.dir_shape": "方向 {name}：形状 {shape} 与叶子的形状 {leaf} 不一致",
    "notes.dir_dtype": "方向 {name}：叶子的 dtype 是 {dtype}，没有切向量",
    "notes.dydx_not_tensor": "d{of}/d{wrt}：'{name}' 不是本程序的张量变量",
    "notes.dydx_no_grad": "d{of}/d{wrt}：'{wrt}' 不需要梯度，所以计算图中没有任何东西依赖它（请用 "
                          "requires_grad=True 创建它）",
    "notes.dydx_no_grad_fn": "d{of}/d{wrt}：'{of}' 没有 grad_fn：它并不通过计算图依赖 '{wrt}'",
    "notes.dydx_zero": "'{of}' 并不依赖 '{wrt}'：每个元素都是 0",
    "notes.dydx_too_big": "d{of}/d{wrt}：d{of}/d{wrt} 会有 {entries} 个元素；上限是 {limit}（限制 "
                          "max_tensor_elements）",
    "notes.dydx_freed": "d{of}/d{wrt}：'{of}' 的计算图已被一次 backward() 调用释放；请调用 "
                        "backward(retain_graph=True) 来保留它",
    "notes.dydx_freed_long": "d{of}/d{wrt}：'{of}' 的计算图已被一次 backward() 调用释放，而程序运行太久，"
                             "无法再运行一次来保留它；请调用 backward(retain_graph=True) 来保留它",
    "notes.dydx_graph_work": "d{of}/d{wrt}：计算 d{of}/d{wrt} 需要对一个含 {nodes} 个运算的计算图"
                             "做 {rows} 次反向传播，总共约 {work} 步算术运算；上限是 {limit}"
                             "（限制 max_graph_work）",
    "notes.dydx_failed": "d{of}/d{wrt}：无法计算 d{of}/d{wrt}：{error}",
    "notes.call_not_made": "第 {index} 次调用没有执行",
    "notes.op_line": "（第 {line} 行）",
    "notes.trace_pinned": "程序执行了 {total} 次张量运算；运算列表保留了最后 {kept} 次，以及创建叶子张量的 "
                          "{pinned} 次（执行最多的：{busiest}）",
    "notes.trace": "程序执行了 {total} 次张量运算；运算列表保留了最后 {kept} 次（执行最多的：{busiest}）",
    "notes.skimmed": "第 {line} 行的循环：中间各轮的 {count} 次张量运算只计数，没有记录（运算列表完整显示"
                     "最后 {passes} 轮；每一轮都运行了，所以数值是精确的）",
    "notes.skimmed_backward": "第 {line} 行的循环：中间各轮的 {count} 次张量运算和 {backwards} 次 backward() "
                              "调用只计数，没有记录（运算列表完整显示最后 {passes} 轮；梯度来自最后几轮）",
    "notes.skimmed_cut": "第 {line} 行的循环：中间各轮的 {count} 次张量运算和 {backwards} 次 backward() "
                         "调用只计数，没有记录；程序在循环中途停止，最后几轮没有被记录",
    "notes.skimmed_cut_backward": "第 {line} 行的循环：中间各轮的 {backwards} 次 backward() "
                                  "调用只计数，没有记录（没有保留它们的梯度和保存的张量）；程序在循环中途"
                                  "停止，最后几轮没有被记录：它最后一次 backward() 的计算图可能不显示梯度",
    "notes.skimmed_forecast": "某个循环的中间各轮只计数、没有记录，之后它每轮的运算次数变了：运算列表缺少"
                              "它最后的一些运算（每一轮都运行了，所以数值是精确的）",
    "notes.output_not_tensor": "输出 '{name}' 不是本程序的张量变量；改为显示默认输出",
    "notes.notebook_skipped": "第 {line} 行：已跳过 `{command}`：它只用于设置笔记本，在这里不改变任何结果",
    "notes.plot_skipped_one": "已跳过第 {line} 行的绘图调用（这里不画图）；它的参数已经运行",
    "notes.plot_skipped": "已跳过第 {lines} 行的绘图调用（这里不画图）；它们的参数已经运行",
    "notes.repaired": "有几条语句写在了同一行；Autograd Lab 把它们分到不同的行（加了 {added} 个换行）"
                      "后运行：\n{code}",
    "notes.steps_failed": "无法生成这次运行的步骤（{error}）",
    "notes.part_failed": "报告的一部分无法生成（{error}）",
    "notes.more_omitted": "还有更多数值以同样的方式未写入报告",
    "notes.text_time": "报告写出每个值的文本时超出了时间预算；最后显示的那些值只以形状概括",
    "notes.values_omitted": "{what}：其数值没有完整保留（报告最多保留 {limit} 个张量数值，"
                            "张量每显示一处都计入）；{parts}",
    "notes.grad_omitted": "{what}：其梯度没有完整保留（报告最多保留 {limit} 个张量数值，"
                          "张量每显示一处都计入）；{parts}",
    "notes.backward_overflow": "第 {line} 行的 {call} 传递的梯度数值超过了步骤能保留的数量（2000 万）："
                               "它的反向步骤被省略；请用更小的张量来单步查看",
    "notes.past_output": "第 {line} 行的 {call} 从输出之后开始：输出之后的运算传到输出的部分，"
                         "显示为来自输出节点",
    "notes.dropped": "之前有 {count} 次 {call} 调用太大，无法逐步保留",
    "notes.steps_too_many": "输出的计算图有 {nodes} 个节点；步骤最多跟踪 {limit} 个：请用更短的计算"
                            "（更少的循环次数）来逐步查看",
    "notes.unlogged_backwards": "没有逐步保留下来的 {call} 到达这个输出：{count} 次 {call} 调用"
                                "经过了超过 {limit} 个节点，没有保留",
    "notes.skipped_backwards": "长循环中间各轮的 {count} 次 {call} 调用没有逐步保留（最后几轮的保留了）",
    "notes.no_kept_backward": "没有逐步保留下来的 {call} 到达这个输出：长循环中间各轮的 {call} "
                              "都不逐步保留（最后几轮的保留了）",
    "notes.tangent_stopped_line": "前向模式在第 {line} 行停止：{error}；之后的运算没有切向量",
    "notes.tangent_stopped": "前向模式停止：{error}；之后的运算没有切向量",
    "notes.tangent_no_time": "时间限制内已没有剩余时间来运行前向模式",
    "notes.tangent_time_out": "前向模式的运行只能使用程序自身运行之后时间限制内剩下的时间，并在这里用完了",
    "notes.tangent_overflow": "这个程序的切向量数值太多，无法保留（2000 万）：之后的运算没有切向量",
    "notes.no_tangent": "无法给 {names} 指定切向量（前向模式无法追踪它是如何成为叶子的）",
    "notes.expression_constant": "表达式模式：{names} 已成为叶子，但表达式的值并不通过张量依赖它们，"
                                 "所以没有可以 backward 的内容",
    "notes.ensure_failed": "无法对输出运行 backward（{error}）：{detail}",
    "notes.ensure_freed": "无法对输出运行 backward：之前的一次 backward() 或 autograd.grad() 调用"
                          "已释放了输出的计算图（在那次调用中传入 retain_graph=True 可以保留它）",
    "notes.check_none": "该函数会修改自身之外的值，因此没有再次运行：不做检查",
    "notes.check_vjp_failed": "未运行 VJP 检查（{error}）",
    "notes.check_vjp_only": "有限差分和 JVP 需要再次运行该函数，而它会修改自身之外的值：只运行了 VJP 检查",
    "notes.check_jvp_failed": "未运行 JVP 检查：该函数不支持前向模式（{error}）",
    "notes.check_fd_columns": "有限差分比较了 {total} 列中的 {picked} 列",
    "notes.check_fd_failed": "未运行有限差分检查（{error}）",
    "notes.check_vjp_limit": "VJP 检查已停止：它用完了分给它的那份程序限额（{error}）",
    "notes.check_jvp_limit": "JVP 检查已停止：它用完了分给它的那份程序限额（{error}）",
    "notes.check_fd_limit": "有限差分检查已停止：它用完了分给它的那份程序限额（{error}）",
    "notes.check_dydx": "有限差分需要一个函数；dY/dX 是从计算图中读出的",
    "notes.paths_lazy": "元素超过 {limit} 个的雅可比矩阵，只在你点击某个单元格时追踪它的路径",
    "notes.paths_no_graph": "该函数没有再次运行，因此没有可追踪的计算图",
    "notes.paths_row_outside": "第 {row} 行超出了雅可比矩阵的 {rows} 行",
    "notes.paths_independent": "输出并不通过计算图依赖输入",
    "notes.func_paths": "链式法则路径只为 jacobian(...) 调用画出，{call} 不画",
    "notes.func_no_rerun": "没有运行检查：该函数无法再次运行（{error}）",
    "notes.func_rerun_limit": "检查已停止：再次运行该函数用完了分给检查的那份程序限额（{error}）",
    "notes.func_batch": "第 {line} 行：vmap 下的 `{call}` 一次算出一批雅可比矩阵，每行一个：不画出"
                        "（本页每个调用画一个雅可比矩阵；对单独一行调用它即可看到）",
    "notes.func_batch_hessian": "第 {line} 行：vmap 下的 `{call}` 一次算出一批黑塞矩阵，每行一个：不画出"
                                "（本页每个调用画一个黑塞矩阵；对单独一行调用它即可看到）",
    "notes.func_higher": "第 {line} 行：`{call}` 计算三阶或更高阶导数：不画出（本页画一阶和二阶导数）",
    "notes.func_not_tensors": "第 {line} 行：`{call}` 的输入或输出不是张量或张量元组：不画出",
    "notes.func_not_drawn": "第 {line} 行：`{call}` 无法画出（{error}）",
    "notes.func_more_calls": "第 {line} 行：`{call}` 运行了超过 {limit} 次：本页只画出一行的"
                             "前 {limit} 次调用",
    "notes.func_entries": "第 {line} 行：`{call}` 不画出：画出的矩阵会超过 {limit} 个元素，"
                          "这是一次运行最多保留的数量",
    "notes.eigen_the_matrix": "矩阵",
    "notes.eigen_numbers_only": "{where} 只能包含数字，不能是 {value}",
    "notes.eigen_finite": "{where} 必须是有限数（不能是 NaN 或无穷大）",
    "notes.eigen_too_big": "{where} 含有 {value}：元素的绝对值最多为 {limit}（超过会导致运算溢出）",
    "notes.eigen_nested": "{where} 必须是由行组成的嵌套列表，例如 [[2,1],[1,2]]",
    "notes.eigen_square": "{where} 必须是方阵：它有 {n} 行，各行长度为 {lengths}",
    "notes.eigen_size": "{where} 必须是 2×2 或 3×3，而不是 {n}×{n}",
    "notes.eigen_shape": "`{name}` 的形状是 {shape}：特征分析需要 2×2 或 3×3 的方阵",
    "notes.eigen_complex": "`{name}` 是复数矩阵：特征分析需要实数矩阵",
    "notes.eigen_start": "初始向量必须是 {n} 个有限数，且不能全为 0",
    "notes.eigen_not_function": "{name} 不是函数名",
    "notes.eigen_point": "该点必须是两个有限数 x, y",
    "notes.eigen_program_error": "程序因错误而停止：{error}",
    "notes.eigen_no_variable": "程序中没有变量 `{name}`",
    "notes.eigen_not_tensor": "`{name}` 不是带数值的张量",
    "notes.eigen_jacobian_shape": "该函数的雅可比矩阵形状是 {shape}：特征页面需要一个从 2 个数到 2 "
                                  "个数的函数",
    "notes.eigen_count": "`{name}` 必须有 {count} 个数，而不是 {given} 个",
    "notes.link_matrix_square": "链接中的 `matrix` 必须是方阵（它有 {n} 行，各行长度为 {lengths}）",
    "notes.link_matrix_size": "链接中的 `matrix` 必须是 {a} 或 {b}，而不是 {n}×{n}",
    "notes.link_v_count": "链接中的 `v` 必须是 2 个数 x,y，而不是 {given} 个",
    "notes.link_v_zero": "链接中的 `v` 不能是零向量",
    "notes.render_missing": "未安装 graphviz（找不到 `dot` 程序）；请用 `apt-get install graphviz` 安装",
    "notes.render_slow": "graphviz 排版这张图用了超过 {seconds} 秒",
    "notes.render_start": "无法启动 graphviz：{error}",
    "notes.render_failed": "graphviz 无法绘制这张图：{error}",
    "notes.render_format": "未知格式 {fmt}：请从 {choices} 中选择",
    "notes.render_scale": "未知的 PNG 缩放倍数 {scale}：请从 {choices} 中选择",
    "notes.link_prefix": "链接中的 ",
    "notes.typed_prefix": "输入的 ",
    "notes.link_dir_prefix": "链接中的 `dir` ",
    "notes.typed_dir_prefix": "输入的值",
}
