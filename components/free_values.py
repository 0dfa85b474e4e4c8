"""Expression mode's values (issue 6 §2): a small table, one row per free name of `sin(x) * exp(y)`,
where a value is a number or a (nested) list for a vector or matrix; empty means 1.0.

The values live in session state as one text (`x=[1,2]; y=0.5`, the link's `values` parameter), so
the link keeps them and the run is cached by them. The table is keyed by that text: an edit rewrites
the text, and the table starts again from it (its edits folded in).
"""

from __future__ import annotations

import json

import streamlit as st

from autogradlab import error_keys, note_keys
from autogradlab import links as core
from components import state
from components.i18n import current_lang, t
from components.text import markdown_with_code

LINK_SEEN = "fold_values_link_seen"     # str: the `values` of the URL last applied or written
TABLE_PREFIX = "fold_values_table_"     # + digest of (program, values text): the table's widget key


def _shape(value: object) -> str:
    dims = []
    while isinstance(value, list):
        dims.append(len(value))
        value = value[0] if value else None
    return "(" + ", ".join(map(str, dims)) + ("," if len(dims) == 1 else "") + ")"


def _cells(text: str) -> dict[str, str]:
    """`x=[1,2]; y=0.5` -> {"x": "[1,2]", "y": "0.5"} (the text as typed, bad parts included)."""
    out = {}
    for part in (p for p in text.split(";") if p.strip()):
        name, _, value = part.partition("=")
        out[name.strip()] = value.strip()
    return out


def parse(names: tuple[str, ...], text: str) -> tuple[tuple[tuple[str, object], ...], list[str]]:
    """The (name, value) pairs for the run, in the names' order, and one message per bad value."""
    pairs, problems = [], []
    cells = _cells(text)
    for name in names:
        value = cells.get(name, "")
        if not value:
            continue
        try:
            pairs.append(core.parse_direction(f"{name}={value}"))
        except core.LinkError as exc:
            reason = note_keys.say_typed(current_lang(), str(exc), error_keys.LINKS + note_keys.LINKS)
            problems.append(t("fold.bad_value", name=name, reason=markdown_with_code(reason)))  # from a link
    return tuple(pairs), problems


def link_text(pairs: tuple[tuple[str, object], ...]) -> str | None:
    return "; ".join(f"{n}={json.dumps(v, separators=(',', ':'))}" for n, v in pairs) or None


def _from_link() -> None:
    text = st.query_params.get("values")
    if text is not None and st.session_state.get(LINK_SEEN) != text:
        st.session_state[LINK_SEEN] = text
        st.session_state[state.STEPS_VALUES] = text


def merged_text(names: tuple[str, ...], cells: dict[str, str], edits: dict) -> str:
    """The values text after the table's edits (`edited_rows`: {row: {"value": text}})."""
    merged = dict(cells)
    for row, change in edits.items():
        if 0 <= int(row) < len(names) and "value" in change:
            merged[names[int(row)]] = str(change["value"] or "").strip()
    return "; ".join(f"{n}={merged[n]}" for n in names if merged.get(n))


def _edited(key: str, names: tuple[str, ...], cells: dict[str, str]) -> None:
    edits = (st.session_state.get(key) or {}).get("edited_rows", {})
    st.session_state[state.STEPS_VALUES] = merged_text(names, cells, edits)


def table(names: tuple[str, ...], source: str) -> tuple[tuple[str, object], ...]:
    """Draw the values table for the free `names`; returns the (name, value) pairs to run with."""
    _from_link()
    text = st.session_state.get(state.STEPS_VALUES)
    text = text if isinstance(text, str) else ""
    cells = _cells(text)
    pairs, problems = parse(names, text)
    given = dict(pairs)
    rows = [{"name": n, "value": cells.get(n, ""), "shape": _shape(given[n]) if n in given else "()"}
            for n in names]
    key = TABLE_PREFIX + state.digest(f"{source}\0{text}")
    st.data_editor(
        rows, key=key, hide_index=True, num_rows="fixed", width="stretch", on_change=_edited,
        args=(key, names, cells), disabled=("name", "shape"),
        column_config={
            "name": st.column_config.TextColumn(t("fold.name_column")),
            "value": st.column_config.TextColumn(t("fold.value_column"), help=t("fold.values_help")),
            "shape": st.column_config.TextColumn(t("fold.shape_column")),
        })
    st.caption(t("fold.values_help"))
    for problem in problems:
        st.warning(problem, icon=":material/warning:")
    st.session_state[LINK_SEEN] = link_text(pairs)
    return pairs
