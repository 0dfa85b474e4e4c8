"""The Steps page: play forward accumulation, reverse accumulation and forward-mode tangents node by
node on the student's own program (or a bare expression such as `sin(x) * exp(y)`).

Thin on purpose: the run (with its step traces) happens once, in the sandbox, through the shared
cache; the player (components/step_player.py) only picks frames of that trace.
"""

from __future__ import annotations

import streamlit as st

from components import cached, editor, error_box, last_good, links, present, run_indicator, state, step_player
from components.direction_leaves import leaf_picker
from components.graph_view import output_picker
from components.i18n import t
from components.step_direction import settle


def main() -> None:
    state.init()
    links.apply_program_link()
    error_at = present.wide("error_slot")   # presentation mode: errors full width, above
    # Presentation mode: the controls need about 270 px at projector font size; a quarter of the width
    # gives them 290 px at 1280 px (present.py keeps 1.5rem side padding), the rest goes to the drawing.
    left, right = present.columns([2, 6], presenting=(2, 6), gap="medium" if present.active() else "large")
    with left:
        submitted = editor.show()
        with st.container(key="steps_controls"):
            options = step_player.controls(submitted.source)
    if not submitted.source.strip():
        with right:
            st.info(t("steps.empty_help"), icon=":material/edit_note:")
        return

    linked = st.query_params.get("output")   # before sync_link drops a name that is no identifier
    output = links.output_choice(submitted.source)
    step_player.sync_link(submitted.source, submitted.seed, output, options)
    session = st.session_state[state.SESSION_ID]

    def run(direction: tuple) -> object:   # a refused direction falls back (step_direction.py)
        return cached.run_steps(submitted.source, submitted.seed, output, session, direction,
                                options.backward_if_missing, options.values)

    with right, run_indicator.running():
        report, options = settle(run(options.direction), options, submitted.source, run)
    if report.error is not None:   # normal mode: beside the editor, where the player would be (under
        with error_at or right:     # the editor and the mode controls it was below a 720-px screen)
            error_box.show(report.error, submitted.source)
        with right:
            last_good.steps_player(options, session)   # the last good run's player stays, said so
        return
    last_good.remember_steps(submitted.source, submitted.seed, output, options)
    with right:
        links.check_output(linked, output, report.output, True)
    with left:
        output_picker(report, key=state.output_key(submitted.source))
        leaf_picker(report, options.mode)
    run_key = (submitted.source, submitted.seed, output, options.backward_if_missing, options.values)
    with right:
        step_player.show(report, options, submitted.source, run_key)


main()
