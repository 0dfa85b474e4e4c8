"""Presentation mode and exports: the toggle, the editor's one-line summary, download labels, the
`export` command's lines."""

EN = {
    "present.toggle": "Presentation mode",
    "present.toggle_help": "Large fonts, high contrast, the editor folded to one line and figures "
                           "filling the screen: for a projector. The link keeps it (`present=1`).",
    "present.program_summary": "Program: {lines} lines, {line} … (edit)",
    "present.program_empty": "Program: empty (edit)",
    "present.png_scale": "PNG scale",
    "present.png_scale_help": "The PNG's size relative to the drawing on screen: 2× is sharp on "
                              "slides and projectors.",
    "present.download_svg": "The drawing as SVG: scales to any size, text stays text",
    "present.download_figure_png": "The figure as PNG, {size} (16:9)",
    "present.download_figure_svg": "The figure as SVG (16:9): scales to any size",
    "present.download_png": "The drawing as PNG at {scale}× the on-screen size",
    "present.download_pdf": "The drawing as PDF, for print and LaTeX slides",
    "present.cli_wrote": "wrote {path}",
    "present.cli_no_source": "{name}: no such file or gallery entry",
    "present.cli_unreadable": "{name}: cannot read it ({reason})",
    "present.cli_seed_range": "--seed must be a whole number from 0 to {high} (as in the app and its "
                              "links), not {seed}",
    "present.cli_no_graph": "{name}: no graph to draw: no tensor in the program has a grad_fn",
    "present.cli_failed": "{name}: {figure} not written: {reason}",
    "present.cli_out": "{out}: cannot write there ({reason})",
    "present.cli_help": "write every figure of a gallery entry or program (graph SVG/PNG/PDF, "
                        "Jacobian heatmaps, the steps as a GIF)",
}

ZH = {
    "present.toggle": "演示模式",
    "present.toggle_help": "大字号、高对比度，编辑器折叠成一行，图形铺满屏幕：适合投影。"
                           "链接会保留此设置（`present=1`）。",
    "present.program_summary": "程序：{lines} 行，{line} …（编辑）",
    "present.program_empty": "程序：空（编辑）",
    "present.png_scale": "PNG 倍率",
    "present.png_scale_help": "PNG 相对屏幕上图形的尺寸：2× 在幻灯片和投影上清晰。",
    "present.download_svg": "SVG 格式的图：可任意缩放，文字仍是文字",
    "present.download_figure_png": "PNG 格式的图，{size}（16:9）",
    "present.download_figure_svg": "SVG 格式的图（16:9）：可任意缩放",
    "present.download_png": "PNG 格式的图，屏幕尺寸的 {scale}×",
    "present.download_pdf": "PDF 格式的图，适合打印和 LaTeX 幻灯片",
    "present.cli_wrote": "已写入 {path}",
    "present.cli_no_source": "{name}：没有这个文件，也没有这个示例",
    "present.cli_unreadable": "{name}：无法读取（{reason}）",
    "present.cli_seed_range": "--seed 必须是 0 到 {high} 之间的整数（与应用及其链接中的相同），而不是 {seed}",
    "present.cli_no_graph": "{name}：没有可画的图：程序中没有带 grad_fn 的张量",
    "present.cli_failed": "{name}：未写入 {figure}：{reason}",
    "present.cli_out": "{out}：无法写入（{reason}）",
    "present.cli_help": "导出示例或程序的所有图形（计算图 SVG/PNG/PDF、雅可比热力图、步骤 GIF）",
}
