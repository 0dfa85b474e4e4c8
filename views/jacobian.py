"""The Jacobian page: every jacobian(...) call of the program as a heatmap; click a cell to see the
chain rule as a sum over paths on the function's graph. Without a call: dY/dX from the graph. Under
an error the last good run's result stays (components/jacobian_view.py)."""

from __future__ import annotations

import streamlit as st

from components import cached, editor, error_box, heatmap, jacobian_view, links, present, run_indicator, state


def main() -> None:
    state.init()
    links.apply_program_link()
    error_at = present.wide("error_slot")   # presentation mode: errors full width, above
    left, right = present.columns([2, 3], gap="large")
    with left:
        submitted = editor.show()
    if not submitted.source.strip():
        with right:
            heatmap.empty_editor()
        return
    session = st.session_state[state.SESSION_ID]
    with right, run_indicator.running():
        report = cached.run_program(submitted.source, submitted.seed, None, session, retry=submitted.pressed)
    if report.error is not None:
        with error_at or left:
            error_box.show(report.error, submitted.source)
    with right:
        jacobian_view.show(report, submitted.source, submitted.seed, session)


main()
