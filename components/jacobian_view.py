"""The Jacobian page's result column: the program's jacobian(...) calls as heatmaps (or dY/dX from
its graph), a clicked cell's chain rule, and, under an error, the last good run's result (moved from
views/jacobian.py so the page stays thin; session 38)."""

from __future__ import annotations

import streamlit as st

from autogradlab import links as core
from autogradlab import note_keys
from autogradlab.report import Report
from components import cached, heatmap, last_good, links, state
from components.graph_view import chosen_output
from components.i18n import say_note, t


def show(report: Report, source: str, seed: int, session: str | None) -> None:
    """The run's Jacobians. A program that stopped with an error before any jacobian(...) call keeps
    the last good run's result on screen, said so; without one, the error is why nothing is shown."""
    if report.error is None:
        last_good.remember(source, seed, chosen_output(state.output_key(source)))
    elif not report.jacobians:
        links.sync(source, seed, call=None, cell=None)
        last = last_good.program_run(session)
        if last is not None and heatmap.has_result(last):
            st.info(t("jacobian.last_good_run"), icon=":material/history:")
            _result(last, last.source, last.seed, session, current=False)
            return
    _result(report, source, seed, session)


def _result(report: Report, source: str, seed: int, session: str | None, *, current: bool = True) -> None:
    """`current`: the program in the editor (its view goes in the URL); else the last good run's, shown
    as it was, without the hints that would speak of the program in the editor."""
    digest = state.digest(source)
    records = report.jacobians
    if not records:
        of_wrt = heatmap.dydx_pickers(report, source, hints=current)
        if of_wrt is None:
            if current:
                links.sync(source, seed, call=None, cell=None)
            return
        dydx = cached.run_dydx(source, seed, *of_wrt, session=session)
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
    if current:
        links.sync(source, seed, call=record.index, cell=f"{cell[0]},{cell[1]}" if cell else None)
    heatmap.zoom(record)
    heatmap.facts(record)
    heatmap.exports(record)
    heatmap.undrawn(report)
    if cell is not None:
        heatmap.paths(record, cell, heatmap.row_fetcher(source, seed, session, record.index))
    else:
        st.caption(t("jacobian.click_cell"))
