"""The Jacobian page: every jacobian(...) call of the program as a heatmap; click a cell to see the
chain rule as a sum over paths on the function's graph. Without a call: dY/dX from the graph."""

from __future__ import annotations

import streamlit as st

from autogradlab import links as core
from autogradlab import note_keys
from components import cached, editor, error_box, heatmap, links, present, run_indicator, state
from components.i18n import say_note, t


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
    digest = state.digest(submitted.source)
    with right:
        records = report.jacobians
        if not records:
            of_wrt = heatmap.dydx_pickers(report, submitted.source)
            if of_wrt is None:
                links.sync(submitted.source, submitted.seed, call=None, cell=None)
                return
            dydx = cached.run_dydx(submitted.source, submitted.seed, *of_wrt, session=session)
            records = tuple(r for r in dydx.jacobians if r.line == 0)
            if not records:
                note = next((n for n in dydx.notes if n.startswith("d")), None)
                st.warning(say_note(note, note_keys.DYDX) if note else t("jacobian.dydx_unavailable"))
                return
        record = heatmap.pick(records, state.JACOBIAN_CALL_PREFIX + digest)
        cell_key = f"{state.JACOBIAN_CELL_PREFIX}{digest}_{record.index}"
        if cell_key not in st.session_state:
            st.session_state[cell_key] = links.param(
                "cell", lambda text: core.check_cell(core.parse_cell(text), record.shape), None)
        clicked = heatmap.heatmap(record, st.session_state[cell_key],
                                  key=f"{state.JACOBIAN_CHART_PREFIX}{digest}_{record.index}")
        if clicked is not None and clicked != st.session_state[cell_key]:
            st.session_state[cell_key] = clicked
            st.rerun()
        cell = st.session_state[cell_key]
        links.sync(submitted.source, submitted.seed, call=record.index,
                   cell=f"{cell[0]},{cell[1]}" if cell else None)
        heatmap.zoom(record)
        heatmap.facts(record)
        heatmap.exports(record)
        heatmap.undrawn(report)
        if cell is not None:
            heatmap.paths(record, cell, heatmap.row_fetcher(submitted.source, submitted.seed, session,
                                                            record.index))
        else:
            st.caption(t("jacobian.click_cell"))


main()
