"""Jacobian page texts added with the lazy chain-rule paths and dY/dX after backward() (issue 7).
The page's older texts live in the `jacobian` area."""

EN = {
    "jacobian_extra.following_paths": "Following the paths of row {row}…",
    "jacobian_extra.paths_of_row": "Paths followed for this cell's row ({row}) in a run made for "
                                   "the click: this Jacobian has more than 4,096 entries.",
    "jacobian_extra.no_paths": "No paths for this Jacobian.",
    "jacobian_extra.paths_failed": "The paths of this cell could not be followed: {why}",
    "jacobian_extra.tuple_paths": "The function returns a tuple: its outputs are flattened and "
                                  "concatenated (cat) into the rows of J, so every path ends there.",
    "jacobian_extra.dydx_rerun": "A backward() call freed the graph of '{of}', so the program ran "
                                 "once more with every backward() keeping its graph "
                                 "(retain_graph=True); these are that run's values (same seed).",
    "jacobian_extra.dydx_kept": "The program's backward() would have freed the graph of '{of}', so this run "
                                "kept every backward()'s graph (retain_graph=True); the values are the "
                                "program's own (same seed).",
    "jacobian_extra.fig_title": "{text} — J is {rows} × {cols}",
    "jacobian_extra.fig_title_hessian": "{text} — Hessian H is {rows} × {cols}",
    "jacobian_extra.fig_shown_as": " (shown as {rows} × {cols}: each cell the largest |entry| of a "
                                   "{f}×{f} block)",
    "jacobian_extra.fig_inputs": "inputs: {names}",
    "jacobian_extra.fig_outputs": "outputs: {name}",
    "jacobian_extra.fig_window": "rows {r0}–{r1}, columns {c0}–{c1}: exact",
    "jacobian_extra.fig_block_hover": "rows {y}±{h}, cols {x}±{h}: largest |∂y/∂x| = {z}",
    "jacobian_extra.fig_blocks": "{f}×{f} blocks",
}

ZH = {
    "jacobian_extra.following_paths": "正在追踪第 {row} 行的路径…",
    "jacobian_extra.paths_of_row": "此雅可比矩阵超过 4,096 个元素：为这次点击单独运行了一次程序，"
                                   "只追踪了该单元格所在的第 {row} 行的路径。",
    "jacobian_extra.no_paths": "此雅可比矩阵没有可显示的路径。",
    "jacobian_extra.paths_failed": "无法追踪此单元格的路径：{why}",
    "jacobian_extra.tuple_paths": "函数返回一个元组：各输出被展平并拼接（cat）成 J 的各行，"
                                  "因此每条路径都终止于该拼接节点。",
    "jacobian_extra.dydx_rerun": "backward() 释放了 '{of}' 的计算图，因此程序又运行了一次，"
                                 "每次 backward() 都保留计算图（retain_graph=True）；"
                                 "这里显示的是那次运行的值（相同的随机种子）。",
    "jacobian_extra.dydx_kept": "程序中的 backward() 本会释放 '{of}' 的计算图，因此这次运行让每次 backward() "
                                "都保留计算图（retain_graph=True）；数值与程序本身的相同（相同的随机种子）。",
    "jacobian_extra.fig_title": "{text} — J 的形状为 {rows} × {cols}",
    "jacobian_extra.fig_title_hessian": "{text} — 黑塞矩阵 H 的形状为 {rows} × {cols}",
    "jacobian_extra.fig_shown_as": "（显示为 {rows} × {cols}：每格是一个 {f}×{f} 块中绝对值最大的元素）",
    "jacobian_extra.fig_inputs": "输入：{names}",
    "jacobian_extra.fig_outputs": "输出：{name}",
    "jacobian_extra.fig_window": "第 {r0}–{r1} 行，第 {c0}–{c1} 列：精确值",
    "jacobian_extra.fig_block_hover": "第 {y}±{h} 行，第 {x}±{h} 列：最大的 |∂y/∂x| = {z}",
    "jacobian_extra.fig_blocks": "{f}×{f} 块",
}
