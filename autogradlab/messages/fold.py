"""Texts of folded groups (open / fold a repeated loop in place) and the node selection shared by
the Graph and Steps pages."""

EN = {
    "fold.groups": "Folded loop groups",
    "fold.groups_help": "A repeated sequence of ops (a loop body) is drawn and stepped as one group. "
                        "Click a group (or Tab to it and press Enter) to open it in place: every "
                        "iteration is then stepped node by node. Click again to fold it.",
    "fold.graph_hint": "Click a folded group (double border) to open it in place; click its box to "
                       "fold it again.",
    "fold.selected": "Selected node: **{node}**",
    "fold.jump": "Jump to its step",
    "fold.no_step": "This node has no step in this mode.",
    "fold.select_current": "Select this step's node",
    "fold.values_table": "Values of the free names",
    "fold.values_help": "One row per free name. A number, or a list for a vector / matrix: "
                        "`[1, 2, 3]`, `[[1, 0], [0, 1]]`. Empty: 1.0.",
    "fold.value_column": "value",
    "fold.name_column": "name",
    "fold.shape_column": "shape",
    "fold.bad_value": "Value of `{name}`: {reason}",
    "fold.window": "Showing steps {first}–{last} of {total} around the current one.",
}

ZH = {
    "fold.groups": "折叠的循环组",
    "fold.groups_help": "重复出现的一段运算（循环体）画成一个组，并作为一个整体单步播放。"
                        "点击一个组（或用 Tab 移到它上面按 Enter）即可原地展开：之后每次迭代都逐个节点播放。"
                        "再点一次即可折叠。",
    "fold.graph_hint": "点击折叠的组（双边框）可原地展开；点击展开后的方框可重新折叠。",
    "fold.selected": "选中的节点：**{node}**",
    "fold.jump": "跳到它的步骤",
    "fold.no_step": "这个节点在当前模式下没有步骤。",
    "fold.select_current": "选中当前步骤的节点",
    "fold.values_table": "自由变量的值",
    "fold.values_help": "每个自由变量一行。填一个数，或用列表表示向量 / 矩阵："
                        "`[1, 2, 3]`、`[[1, 0], [0, 1]]`。留空则为 1.0。",
    "fold.value_column": "值",
    "fold.name_column": "名称",
    "fold.shape_column": "形状",
    "fold.bad_value": "`{name}` 的值：{reason}",
    "fold.window": "显示当前步骤附近的第 {first}–{last} 步（共 {total} 步）。",
}
