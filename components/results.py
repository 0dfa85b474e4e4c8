"""The parts of a run's result: the graph panel with node details, printed output and expression
values, and the variables table. Each takes a Report and an optional label ("last good run") so the
page can show an older result under an error and say so."""

from __future__ import annotations

import streamlit as st

from autogradlab.report import Report
from components import fold_view, graph_view, node_details, state, variables_table
from components.i18n import say_note, t


def _heading(text: str, label: str | None) -> None:
    suffix = f" · _{label}_" if label else ""
    st.markdown(f"#### {text}{suffix}")


def graph_panel(report: Report, *, label: str | None = None) -> None:
    """Graph toolbar (output picker, style), the graph, and the node picker with its details.

    The output picker is offered only for the current program: under an error the last good run is
    shown as it was."""
    _heading(t("graph.heading"), label)
    # One row that wraps: two columns cut the style picker's second option at a narrow window's edge.
    with st.container(horizontal=True, vertical_alignment="bottom", gap="medium", key="graph_toolbar"):
        if label is None:
            graph_view.output_picker(report, key=state.output_key(report.source))
        style = graph_view.style_picker()
    graph = report.graph
    node_key = state.node_key(report.source, report.output)
    ids = {node.id for node in graph.nodes} if graph else set()
    fold_view.adopt_selection(node_key, report.source, report.output, ids)   # chosen on the Steps page
    selected = st.session_state.get(node_key)
    graph_view.show(report, style=style, selected=selected if selected in ids else None,
                    node_key=node_key if label is None else None)
    if graph is not None and graph.nodes:
        choice = node_details.pick(graph, key=node_key)
        fold_view.remember(report.source, report.output, choice)
        node_details.show(graph, choice, report)


def nothing_ran(label: str) -> None:
    """In place of the graph and the variables when the program was refused before running."""
    _heading(t("graph.heading"), label)
    st.info(t("graph.nothing_ran_help"), icon=":material/block:")


PRINTED_MAX_HEIGHT_PX = 360   # longer output scrolls inside its box instead of pushing the page down
_LINE_PX = 21


def printed_output(report: Report, *, label: str | None = None, title: str | None = None,
                   key: str = "printed_output") -> None:
    """`key` tells two printed blocks on one page apart (the failing run's and the last good one's)."""
    if label and not report.printed and not report.displayed:
        return  # an older run's empty output would only add noise under an error
    _heading(title or t("graph.printed_output"), label)
    if report.printed:
        text = report.printed.rstrip("\n")
        lines = text.count("\n") + 1
        height = PRINTED_MAX_HEIGHT_PX if lines * _LINE_PX > PRINTED_MAX_HEIGHT_PX else "content"
        with st.container(key=key):
            # Not wrapped: a tensor row PyTorch prints on one line (80 characters) stays one line and
            # the block scrolls sideways (wrapped at 1280 px, a 4x8 tensor's rows broke mid-row).
            st.code(text, language=None, wrap_lines=False, height=height)
        if height != "content":
            st.caption(t("graph.lines_printed", lines=f"{lines:,}"))
    else:
        st.caption(t("graph.nothing_printed"))
    if report.displayed:
        with st.container(key=f"{key}_values"), \
                st.expander(t("graph.expression_values", count=len(report.displayed)), expanded=True):
            for shown in report.displayed:
                st.caption(t("common.line", line=shown.line))
                st.code(shown.text, language=None, wrap_lines=False)


def variables(report: Report, *, label: str | None = None) -> None:
    _heading(t("graph.variables"), label)
    variables_table.show(report.variables)
    facts = [t("graph.ran_in", ms=f"{report.timing_ms:.0f}"), t("graph.seed", seed=report.seed)]
    if report.graph is not None:
        facts.append(t("graph.output_fact", name=graph_view.output_name(report.graph)))
    st.caption(" · ".join(facts))
    for note in report.notes:
        st.caption(say_note(note))
