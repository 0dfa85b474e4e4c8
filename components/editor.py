"""The program editor: a text area, the seed and a Run button in one form.

A form gives both ways to run: the Run button and Ctrl+Enter (Cmd+Enter on a Mac) inside the text
area. Typing does not rerun the app, so a half-written program never runs; the text stays in the
widget state (kept across page switches), so an error never loses it.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components import state

MAX_SEED = 2**31 - 1


@dataclass(frozen=True)
class Submitted:
    source: str
    seed: int
    pressed: bool  # True on the rerun right after Run / Ctrl+Enter


def show() -> Submitted:
    """Draw the editor and return the program and seed last submitted (the defaults at first)."""
    expected = _expected_program()
    with st.form(state.RUN_FORM, border=False):
        source = st.text_area(
            "Program",
            value=state.DEFAULT_PROGRAM,
            height=260,
            key=state.EDITOR,
            persist_state=state.PERSIST,
            help="A small PyTorch program, as pasted from a lesson. Ctrl+Enter runs it.",
        )
        run_col, seed_col = st.columns([1, 1], vertical_alignment="bottom")
        with seed_col:
            seed = st.number_input(
                "Seed", min_value=0, max_value=MAX_SEED, value=0, step=1, key=state.SEED,
                persist_state=state.PERSIST,
                help="randn/rand/randint draw from a generator seeded with this number: "
                     "the same seed gives the same numbers.",
            )
        with run_col:
            pressed = st.form_submit_button("Run  (Ctrl+Enter)", type="primary", key=state.RUN_BUTTON,
                                  width="stretch")
    submitted = Submitted(source=source or "", seed=int(seed if seed is not None else 0),
                          pressed=bool(pressed))
    if not pressed and expected is not None and submitted.source != expected \
            and st.session_state.get(state.EDITOR_RESTORED) != expected:
        st.session_state[state.EDITOR_RESTORED] = expected     # once per program: never a rerun loop
        st.session_state[state.EDITOR_RESTORE_NOW] = True
        st.rerun()
    st.session_state[state.EDITOR_COPY], st.session_state[state.SEED_COPY] = submitted.source, submitted.seed
    return submitted


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
