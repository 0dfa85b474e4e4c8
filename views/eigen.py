"""The Eigen page: how a matrix moves space, which directions it only stretches (the lesson's green
vector), and why power iteration finds one. The matrix comes from numbers, presets, a link, or the
user's program; a matrix that cannot be analysed gets a plain message and the last good one stays."""

from __future__ import annotations

import json

import streamlit as st

from autogradlab import note_keys
from components import eigen_input, eigen_view, links, present, state
from components.i18n import say_note, t
from components.text import markdown_with_code


def main() -> None:
    state.init()
    eigen_input.init()
    links.apply_program_link()
    eigen_input.apply_link()
    left, right = present.columns([1, 2], presenting=(1, 3), gap="large")
    with left:
        st.markdown(t("eigen.title"))
        chosen = eigen_input.show()
    rows = chosen.rows
    if rows is None:
        with left:
            problem = markdown_with_code(say_note(chosen.problem, note_keys.EIGEN))   # may quote a link
            st.warning(t("eigen.cannot_analyse", problem=problem), icon=":material/warning:")
        last = st.session_state.get(state.EIGEN_LAST_GOOD)
        rows = tuple(tuple(r) for r in json.loads(last)) if last else None
    else:
        st.session_state[state.EIGEN_LAST_GOOD] = eigen_input.as_json(rows)
    from_program = chosen.source is not None
    links.sync(chosen.source, chosen.seed,
               matrix=None if from_program or chosen.rows is None else eigen_input.as_json(chosen.rows),
               var=chosen.var, fn=chosen.fn, at=chosen.at)
    eigen_input.remember_link()
    if rows is None:
        return
    with right:
        if len(rows) == 2:
            eigen_view.plane(rows)
        else:
            eigen_view.space(rows)
    # In presentation mode the words and the table go under the figure: in the 1/4 column the table's
    # eigenvector column was cut off at 1280×720 and every sentence took four lines.
    with right if present.active() else left:
        eigen_view.words(rows)


main()
