"""The variables table: every variable at the end of the run, one row each.

Values are shown short and in PyTorch's own spelling (taken from the repr the worker made), so a
student recognises what `print` would show; `grad` follows PyTorch exactly (None for a non-leaf
without retain_grad()).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import streamlit as st

from autogradlab.report import PlainValue, SequenceValue, TensorValue, Value
from components.i18n import t

MAX_CELL_CHARS = 70
COLUMNS = ("name", "value", "shape", "dtype", "requires_grad", "grad", "grad_fn")

_TENSOR_KWARGS = re.compile(r",\s*(requires_grad=True|grad_fn=<[^>]*>|dtype=torch\.\w+)")


def _squeeze_spaces(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip())
    text = re.sub(r"\[\s+", "[", text)
    text = re.sub(r"\s+([,\]])", r"\1", text)
    return text


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1] + "…"


def short_tensor_text(text: str) -> str:
    """`tensor([0., 1.], requires_grad=True)` -> `[0., 1.]`, on one line, clipped."""
    text = _squeeze_spaces(text)
    match = re.fullmatch(r"tensor\((.*)\)", text)
    if match:
        text = _TENSOR_KWARGS.sub("", match.group(1))
    return _clip(text)


def short_array(array: np.ndarray) -> str:
    """A numpy array in PyTorch-like short form: `[0., 4., 8., 12.]`."""
    text = np.array2string(np.asarray(array), separator=", ", precision=4, threshold=12,
                           edgeitems=3, max_line_width=10**6)
    return _clip(_squeeze_spaces(text))


def shape_text(shape: tuple[int, ...]) -> str:
    """`()` -> `scalar`, `(3, 4)` -> `3 × 4`: readable from the back of a lecture hall."""
    return t("graph.scalar") if len(shape) == 0 else " × ".join(str(n) for n in shape)


# What an "object" is, read from its repr: `b'ab'` bytes, `np.void((1, 2.0), dtype=...)` np.void
# (a structured array's record), `np.record(...)`, `np.bytes_(b'x')`, `mappingproxy({...})` (`d.fields`).
_OBJECT_REPRS = ((re.compile(r"b['\"]"), "bytes"),
                 (re.compile(r"(np\.(?:void|record|bytes_|str_)|mappingproxy)\("), None))


def object_kind(text: str) -> str:
    """The dtype column's word for a value the table only has the repr of: "object" unless the repr says."""
    for pattern, kind in _OBJECT_REPRS:
        match = pattern.match(text)
        if match:
            return kind or match.group(1)
    return "object"


def row(name: str, value: Value) -> dict[str, object]:
    if isinstance(value, TensorValue):
        return {
            "name": name,
            "value": short_tensor_text(value.text),
            "shape": shape_text(value.shape),
            "dtype": value.dtype,
            "requires_grad": value.requires_grad,
            "grad": short_array(value.grad) if value.grad is not None else "None",
            "grad_fn": value.grad_fn or "",
        }
    if isinstance(value, SequenceValue):
        kind, shape = value.type_name, t("graph.items", count=len(value.items))
    elif isinstance(value, PlainValue):   # an object of the program's classes: its class name
        kind = value.value if value.kind == "object" and isinstance(value.value, str) else value.kind
        if kind == "object":
            kind = object_kind(value.text)
        shape = ""
    else:  # a Value kind this table does not know yet: show its text, never fail
        kind, shape = type(value).__name__, ""
    return {"name": name, "value": _clip(_squeeze_spaces(getattr(value, "text", ""))), "shape": shape,
            "dtype": kind, "requires_grad": None, "grad": "", "grad_fn": ""}


def table(variables: Mapping[str, Value]) -> dict[str, list[object]]:
    """Columns for st.dataframe, rows in the program's first-assignment order."""
    rows = [row(name, value) for name, value in variables.items()]
    return {column: [r[column] for r in rows] for column in COLUMNS}


def show(variables: Mapping[str, Value], *, key: str = "variables_table") -> None:
    if not variables:
        st.caption(t("graph.no_variables"))
        return
    grid = _grid_key()   # (a key given to st.dataframe itself does not mount it afresh: a container's does)
    with st.container(key=key):
        if grid is None:
            _dataframe(variables)
            return
        with st.container(key=grid):
            _dataframe(variables)


def _dataframe(variables: Mapping[str, Value]) -> None:
    st.dataframe(
        table(variables),
        hide_index=True,
        column_config={
            "name": st.column_config.TextColumn(t("graph.col_name"), width="small", pinned=True),
            "value": st.column_config.TextColumn(t("graph.col_value"), width="large"),
            "shape": st.column_config.TextColumn(t("graph.col_shape"), width="small"),
            "dtype": st.column_config.TextColumn("dtype", width="small"),
            "requires_grad": st.column_config.CheckboxColumn("requires_grad", width="small"),
            "grad": st.column_config.TextColumn("grad", width="medium"),
            "grad_fn": st.column_config.TextColumn("grad_fn", width="small"),
        },
    )


def _grid_key() -> str | None:
    """st.dataframe draws its text on a canvas at the size the page's root font had when it mounted; in
    presentation mode that size follows the window (present.FONT_SIZE), so after the window grew (a
    projector, full screen), or when the table mounted before presentation mode's stylesheet applied,
    the table kept 14 px text beside 19.25 px text everywhere else at 1920 px. A new root size
    (present_fit.root_px) gives the table's container a new key, which mounts the table afresh at that
    size (tests/e2e/test_present_variables_table_browser_s36.py)."""
    from components import present, present_fit

    size = present_fit.root_px() if present.active() else None
    return None if size is None else f"variables_grid_{size}"
