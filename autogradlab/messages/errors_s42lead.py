"""Session 42 (lead): a shell command pasted without its `!` (lang/syntax_errors.py). The English text gives
back the engine's sentence exactly."""

EN = {
    "errors_s42lead.shell_line_hint": "remove this line: a notebook runs it in the shell, and Autograd Lab "
                                      "runs Python code only",
}

ZH = {
    "errors_s42lead.shell_line_hint": ("删除这一行：notebook 会在 shell 中运行它，"
                                      "而 Autograd Lab 只运行 Python 代码"),
}
