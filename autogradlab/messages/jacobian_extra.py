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
}
