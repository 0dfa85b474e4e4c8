"""The Graph page: edit a program, run it, see its autograd graph, variables and printed output.

Thin on purpose: the components do the work; this file only decides which result to show. Under an
error the last good run stays visible, fetched again by its inputs from the shared cache.
"""

from __future__ import annotations

import streamlit as st

from components import cached, editor, error_box, links, present, results, run_indicator, state
from components.i18n import t


def main() -> None:
    state.init()
    links.apply_program_link()
    error_at = present.wide("error_slot")   # presentation mode: errors full width, above
    left, right = present.columns([2, 3], gap="large")
    # Printed output under the graph, full width, in presentation mode (its 1/5 column wrapped every
    # tensor row); beside the editor otherwise.
    printed_at = st.container(key="printed_slot") if present.active() else left
    with left:
        submitted = editor.show()
    if not submitted.source.strip():
        with right:
            st.info(t("graph.empty_help"), icon=":material/edit_note:")
        return

    linked = st.query_params.get("output")   # before sync drops a name that is no identifier
    output = links.output_choice(submitted.source)
    links.sync(submitted.source, submitted.seed, output=output)
    session = st.session_state[state.SESSION_ID]
    with right, run_indicator.running():
        report = cached.run_program(submitted.source, submitted.seed, output, session,
                                    retry=submitted.pressed)

    with right:
        links.check_output(linked, output, report.output, report.error is None)
    shown, label, refused = report, None, False
    if report.error is None:
        state.remember_good_run(submitted.source, submitted.seed, output)
    else:
        with error_at or right:   # normal mode: above the graph, in the first screen (under the
            error_box.show(report.error, submitted.source)   # 260-px editor its hint was below 720 px)
        if report.printed:
            with printed_at:
                results.printed_output(report, title=t("graph.printed_before_error"),
                                       key="printed_before_error")
        last = state.last_good_run()
        last_report = cached.run_program(*last, session=session) if last else None
        if last_report is not None and last_report.error is None:
            shown, label = last_report, t("graph.last_good_run")
        else:
            label, refused = _failed_run_label(report)

    if refused:   # nothing ran: no empty graph or table whose help would be about something else
        with right:
            results.nothing_ran(label)
        return
    graph_slot = right.container()
    results.variables(shown, label=label)   # sent first: a few rows, drawn while the graph is laid out
    with graph_slot:
        results.graph_panel(shown, label=label)
    with printed_at:
        if report.error is None or shown is not report:
            results.printed_output(shown, label=label)


def _failed_run_label(report) -> tuple[str, bool]:
    """What the failed run's own (possibly empty) result is, and whether nothing ran because the
    program was refused before running."""
    from autogradlab.static_refusal import refused_before_running

    if not refused_before_running(report.source, report.error):
        return t("graph.computed_before_error"), False
    if report.error.line is None:
        return t("graph.refused"), True
    return t("graph.refused_at_line", line=report.error.line), True


main()
