"""The program editor: a code editor over a text area, the seed and a Run button in one form.

The program lives in the form's text area (key `state.EDITOR`): Python, links, AppTest and the
benches read and write it there, and it persists across pages. Over it the browser draws a
CodeMirror 6 editor (`components/code_editor.py`: line numbers, Python highlighting, Tab indents,
auto-indent, IME) that copies every edit into the hidden text area; Ctrl+Enter (Cmd+Enter) clicks
Run, so a run is the same form submit as before. If the editor's script cannot load, the plain
text area shows again. Typing does not rerun the app, so a half-written program never runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from autogradlab.report import ErrorInfo
from components import code_editor, links, state
from components.i18n import t

MAX_SEED = 2**31 - 1
SEED_WIDTH_PX = 170     # room for the largest seed (10 digits) beside the input's -/+ buttons


@dataclass(frozen=True)
class Submitted:
    source: str
    seed: int
    pressed: bool  # True on the rerun right after Run / Ctrl+Enter


def show(markers: Sequence[code_editor.Marker] | None = None) -> Submitted:
    """The editor; in presentation mode folded into a one-line summary (open it to edit)."""
    from components import present

    if not present.active():
        return _show(markers)
    st.session_state.setdefault(state.EDITOR, state.DEFAULT_PROGRAM)
    st.session_state.setdefault(state.SEED, 0)   # the same for the seed (a link may set it)
    # After a page switch the editor's state may still be empty while the browser's copy of the widget
    # (what runs) comes back: the summary then names the program last submitted, not "empty".
    shown = st.session_state[state.EDITOR] or st.session_state.get(state.EDITOR_COPY) or ""
    with st.expander(present.program_label(shown), expanded=False,
                     icon=":material/code:"):
        return _show(markers)


def _show(markers: Sequence[code_editor.Marker] | None = None) -> Submitted:
    """Draw the editor and return the program and seed last submitted (the defaults at first).

    `markers` (optional) are drawn in the gutter now; pages usually need not pass them: the error box
    marks the failing line itself (`mark_error`)."""
    expected = _expected_program()
    # The default goes in through session state, as a link's program does: a text area given both a
    # `value` and a session-state value logs a warning.
    st.session_state.setdefault(state.EDITOR, state.DEFAULT_PROGRAM)
    st.session_state.setdefault(state.SEED, 0)   # the same for the seed (a link may set it)
    code_editor.show(st.session_state[state.EDITOR], markers)
    with st.form(state.RUN_FORM, border=False):
        source = st.text_area(
            t("common.editor_label"),
            height=260,
            key=state.EDITOR,
            persist_state=state.PERSIST,
            help=t("common.editor_help"),
        )
        # One row that wraps: the button keeps its whole label ("运行 (Ctrl+E…" was cut in the Steps
        # page's narrow editor column at 1280x720) and the seed goes under it when the row is too narrow.
        with st.container(horizontal=True, vertical_alignment="bottom", key="run_row"):
            pressed = st.form_submit_button(t("common.run_button"), type="primary",
                                            key=state.RUN_BUTTON, width="content")
            seed = st.number_input(
                t("common.seed"), min_value=0, max_value=MAX_SEED, step=1, key=state.SEED,
                persist_state=state.PERSIST,
                help=t("common.seed_help"), width=SEED_WIDTH_PX,
            )
    submitted = Submitted(source=source or "", seed=int(seed if seed is not None else 0),
                          pressed=bool(pressed))
    if not pressed and expected is not None and submitted.source != expected \
            and st.session_state.get(state.EDITOR_RESTORED) != expected:
        st.session_state[state.EDITOR_RESTORED] = expected     # once per program: never a rerun loop
        st.session_state[state.EDITOR_RESTORE_NOW] = True
        st.rerun()
    st.session_state[state.EDITOR_COPY], st.session_state[state.SEED_COPY] = submitted.source, submitted.seed
    links.too_long(submitted.source)   # the address bar cannot carry it: said where it was pasted
    return submitted


def mark_error(error: ErrorInfo, title: str = "") -> None:
    """Mark the error's line and column in the editor's gutter (message on hover) until the error
    box goes away. Does nothing for an error without a line."""
    marker = code_editor.marker_for(error, title)
    if marker is not None:
        code_editor.show_markers([marker])


def _expected_program() -> str | None:
    """A program put into the editor by a link (session state, not typing) comes back as the default
    after a page switch (Streamlit 1.67: the widget's persisted browser value wins). show() notices
    (the editor returns something else than the last submitted program although neither a Run nor a
    link changed it) and reruns once; this then puts the copy back before the editor is drawn."""
    copy = st.session_state.get(state.EDITOR_COPY)
    if st.session_state.pop(state.EDITOR_RESTORE_NOW, False) and copy is not None:
        st.session_state[state.EDITOR] = copy
        st.session_state[state.SEED] = st.session_state.get(state.SEED_COPY, 0)
    return copy if copy is not None and st.session_state.get(state.EDITOR) == copy else None
