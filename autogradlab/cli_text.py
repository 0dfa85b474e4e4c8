"""How `python -m autogradlab run` writes a report as text (without --json): errors as compilers
print them (`file:line:column: kind: message`), then what the program printed, its variables and
its output.

A program is untrusted, and what it prints reaches a terminal: an escape sequence (ESC [ 2 J, an
OSC 52 clipboard write, a title change) or a carriage return that overwrites the line would act on
the reader's terminal. So the text output shows every control character other than newline and tab
as its Python escape (backslash x1b, backslash r). JSON escapes the C0 controls itself but writes DEL
and the C1 controls as they are (U+009B is a one-character CSI): --json writes those as \\u escapes,
which decode to the same text. cli.main wraps its streams in TerminalSafe writers, so every command
(run, graph, jacobian, eigen, export, gallery) and every stderr line passes through one of these."""

from __future__ import annotations

from typing import Any

from autogradlab.report import PlainValue, Report, SequenceValue, TensorValue

# C0 controls but newline and tab, DEL, and the C1 controls (U+0080..U+009F: U+009B is a one-character CSI)
_CONTROLS = {code: repr(chr(code))[1:-1] for code in (*range(0x20), *range(0x7f, 0xa0))
             if code not in (9, 10)}


_JSON_CONTROLS = {code: f"\\u{code:04x}" for code in range(0x7f, 0xa0)}   # DEL and C1 (json leaves them)


def terminal_safe(text: str) -> str:
    """text with its control characters (other than newline and tab) written as Python escapes."""
    return text.translate(_CONTROLS)


def json_terminal_safe(text: str) -> str:
    """JSON text with DEL and the C1 controls written as JSON escapes (the same JSON value)."""
    return text.translate(_JSON_CONTROLS)


class TerminalSafe:
    """A text stream that writes everything through `escape` (terminal_safe or json_terminal_safe)."""

    def __init__(self, stream: Any, escape: Any) -> None:
        self._stream = stream
        self._escape = escape

    def write(self, text: str) -> int:
        return self._stream.write(self._escape(text))

    def __getattr__(self, name: str) -> Any:   # flush, isatty, ... of the real stream
        return getattr(self._stream, name)


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
