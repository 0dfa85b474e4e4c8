"""Links: what is said when a link (or a typed link-style value) cannot be used."""

EN = {
    "links.bad_link": "**This link could not be used as it is:** {message}. Showing the default instead.",
    "links.not_a_program": "the link's `code` is not a program encoded by Autograd Lab (not zlib data; was "
                           "the link cut short?)",
    "links.not_base64": "the link's `code` is not a program encoded by Autograd Lab (not base64; was the "
                        "link cut short?)",
    "links.bad_link_kept": "**This link could not be used as it is:** {message}. Your program stays as it "
                           "was.",
    "links.incomplete": "the link's `code` is incomplete (was the link cut short?)",
    "links.program_not_in_link": "**The address bar does not carry this program:** it is too long for a "
                                 "link ({length} characters; a link holds programs of up to {limit} "
                                 "characters, fewer when they compress poorly), so a copied link opens "
                                 "without it. The program stays here in the editor.",
    "links.too_long": "the link's program is longer than the limit of {limit} characters",
    "links.code_too_long": "the link's program is too long ({length} characters of `code`; the limit is "
                           "{limit})",
    "links.not_utf8": "the link's program is not UTF-8 text",
    "links.whole_number": "the link's `{name}` must be a whole number, not {value}",
    "links.between": "the link's `{name}` must be between {low} and {high}, not {value}",
    "links.one_of": "the link's `{name}` must be one of {choices}, not {value}",
    "links.not_json": "the link's `{name}` is not valid JSON: {value}",
    "links.finite": "the link's `{name}` must hold finite numbers (no NaN or infinity)",
    "links.count": "the link's `{name}` must have {count} numbers, not {given}",
    "links.matrix_nested": "the link's `matrix` must be a nested list such as [[2,1],[1,2]]",
    "links.param_too_long": "the link's `{name}` is too long ({length} characters)",
    "links.commas": "the link's `{name}` must be numbers separated by commas, not {value}",
    "links.numbers_only": "the link's `{name}` must hold numbers only, not {value}",
    "links.flag": "the link's `{name}` must be 1 or 0, not {value}",
    "links.cell_whole": "the link's `cell` must be two whole numbers i,j, not {value}",
    "links.cell_outside": "the link's `cell` {cell} is outside the {rows}×{cols} Jacobian",
    "links.call_outside": "the link's `call` must be 0 to {last} (this program's Jacobians), not {call}",
    "links.output_unknown": "the link's `output` must name a tensor variable of this program, not {value}",
}

ZH = {
    "links.bad_link": "**此链接无法按原样使用：** {message}。已改为显示默认内容。",
    "links.not_a_program": "链接中的 `code` 不是由 Autograd Lab 编码的程序（无法解压；链接是否被截断了？）",
    "links.not_base64": "链接中的 `code` 不是由 Autograd Lab 编码的程序（含有程序链接中不会出现的字符；"
                        "链接是否被截断了？）",
    "links.bad_link_kept": "**此链接无法按原样使用：** {message}。你的程序保持不变。",
    "links.incomplete": "链接中的 `code` 不完整（链接是否被截断了？）",
    "links.program_not_in_link": "**地址栏中的链接不包含这个程序：** 程序太长，放不进链接（{length} 个字符；"
                                 "链接最多容纳 {limit} 个字符的程序，不易压缩的程序更少），所以复制的链接"
                                 "打开时不会带上它。程序仍保留在编辑器中。",
    "links.too_long": "链接中的程序超过了 {limit} 个字符的上限",
    "links.code_too_long": "链接中的程序太长（`code` 有 {length} 个字符；上限为 {limit}）",
    "links.not_utf8": "链接中的程序不是 UTF-8 文本",
    "links.whole_number": "链接中的 `{name}` 必须是整数，而不是 {value}",
    "links.between": "链接中的 `{name}` 必须在 {low} 与 {high} 之间，而不是 {value}",
    "links.one_of": "链接中的 `{name}` 必须是 {choices} 之一，而不是 {value}",
    "links.not_json": "链接中的 `{name}` 不是有效的 JSON：{value}",
    "links.finite": "链接中的 `{name}` 必须都是有限的数（不能有 NaN 或无穷大）",
    "links.count": "链接中的 `{name}` 必须有 {count} 个数，而不是 {given} 个",
    "links.matrix_nested": "链接中的 `matrix` 必须是嵌套列表，例如 [[2,1],[1,2]]",
    "links.param_too_long": "链接中的 `{name}` 太长（{length} 个字符）",
    "links.commas": "链接中的 `{name}` 必须是用逗号分隔的数字，而不是 {value}",
    "links.numbers_only": "链接中的 `{name}` 只能包含数字，而不是 {value}",
    "links.flag": "链接中的 `{name}` 必须是 1 或 0，而不是 {value}",
    "links.cell_whole": "链接中的 `cell` 必须是两个整数 i,j，而不是 {value}",
    "links.cell_outside": "链接中的 `cell` {cell} 超出了 {rows}×{cols} 的雅可比矩阵",
    "links.call_outside": "链接中的 `call` 必须在 0 到 {last} 之间（本程序的雅可比矩阵），而不是 {call}",
    "links.output_unknown": "链接中的 `output` 必须是本程序中某个张量变量的名字，而不是 {value}",
}
