"""How `python -m autogradlab run` writes a report as text (without --json): errors as compilers
print them (`file:line:column: kind: message`), then what the program printed, its variables and
its output.

A program is untrusted, and what it prints reaches a terminal: an escape sequence (ESC [ 2 J, an
OSC 52 clipboard write, a title change) or a carriage return that overwrites the line would act on
the reader's terminal. So the text output shows every control character other than newline and tab
as its Python escape (backslash x1b, backslash r); --json needs no such care (JSON escapes them)."""

from __future__ import annotations

from typing import Any

from autogradlab.report import PlainValue, Report, SequenceValue, TensorValue

# C0 controls but newline and tab, DEL, and the C1 controls (U+0080..U+009F: U+009B is a one-character CSI)
_CONTROLS = {code: repr(chr(code))[1:-1] for code in (*range(0x20), *range(0x7f, 0xa0))
             if code not in (9, 10)}


def terminal_safe(text: str) -> str:
    """text with its control characters (other than newline and tab) written as Python escapes."""
    return text.translate(_CONTROLS)


def format_error(name: str, report: Report) -> str:
    """`file:line:column: kind: message` and an indented hint, as compilers print errors."""
    error = report.error
    if error is None:
        return ""
    where = name + "".join(f":{n}" for n in (error.line, error.column) if n is not None)
    text = f"{where}: {error.kind}: {error.message}"
    if error.hint:
        text += f"\n  hint: {error.hint}"
    return terminal_safe(text)


def _array_text(array: Any) -> str:
    import numpy as np

    return np.array2string(np.asarray(array), separator=", ", threshold=50)


def _value_lines(name: str, value: Any) -> list[str]:
    if isinstance(value, TensorValue):
        flags = "requires_grad" if value.requires_grad else ""
        if value.grad_fn:
            flags = f"grad_fn={value.grad_fn}"
        head = f"{name}: tensor {value.dtype} shape {tuple(value.shape)} {flags}".rstrip()
        lines = [head] + ["    " + line for line in value.text.splitlines()]
        if value.grad is not None:
            lines.append(f"    grad: {_array_text(value.grad)}")
        return lines
    if isinstance(value, (PlainValue, SequenceValue)):
        return [f"{name} = {value.text}"]
    return [f"{name}: {type(value).__name__}"]


def format_summary(name: str, report: Report, *, heading: bool) -> str:
    lines = [f"==> {name} <=="] if heading else []
    if report.printed:
        lines.append(report.printed.rstrip("\n"))
    if report.variables:
        lines.append("variables:")
        for var, value in report.variables.items():
            lines.extend("  " + line for line in _value_lines(var, value))
    if report.output:
        lines.append(f"output: {report.output}")
    lines.append(f"({report.timing_ms:.0f} ms)")
    return terminal_safe("\n".join(lines)) + "\n"
