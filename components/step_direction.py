"""A tangent direction the engine could not use (Steps page): said once, where it was given, and the
drawing of the last direction that worked for this program (or the default one) stays on screen.

The engine reports an unusable direction (wrong shape, not a leaf, ...) as `steps.direction_error`,
and also as a note of the trace; the page said it twice and then showed no drawing at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import streamlit as st

from autogradlab import links as core
from autogradlab import note_keys
from autogradlab.leaf_paths import split_parts
from autogradlab.report import Report
from components import state
from components.i18n import say_note, t
from components.step_controls import Options
from components.text import escape_markdown, markdown_with_code

GOOD = "steps_direction_good"   # (program digest, direction text) of the last direction that was used


def _parsed(text: str) -> tuple[tuple[str, object], ...]:
    try:
        return tuple(core.parse_direction(p) for p in split_parts(text))
    except core.LinkError:
        return ()


def settle(report: Report, options: Options, source: str,
           run: Callable[[tuple], Report]) -> tuple[Report, Options]:
    """The report and options to draw. A usable direction is remembered for this program; an unusable
    one is named once (a warning above the drawing) and, in tangent mode, the steps of the last usable
    direction (or of the default one) are drawn instead: `run(direction)` gives their report."""
    trace = report.steps
    if report.error is not None or trace is None:
        return report, options
    if not trace.direction_error:
        if options.mode == "tangent":
            st.session_state[GOOD] = (state.digest(source), options.direction_text)
        return report, options
    reason = markdown_with_code(say_note(trace.direction_error, note_keys.DIRECTION))   # quotes a link's path
    if options.mode != "tangent":     # forward and reverse steps do not use it: say it, draw as asked
        st.warning(t("steps.direction_unused", reason=reason), icon=":material/warning:")
        return report, options
    good = st.session_state.get(GOOD)
    kept = good[1] if isinstance(good, tuple) and good[0] == state.digest(source) else ""
    for text in dict.fromkeys((kept, "")):
        other = run(_parsed(text))
        if other.error is None and other.steps is not None and not other.steps.direction_error:
            shown = (t("steps.direction_kept", given=escape_markdown(text)) if text
                     else t("steps.direction_default"))
            st.warning(t("steps.direction_refused", reason=reason, shown=shown), icon=":material/warning:")
            return other, replace(options, direction=_parsed(text), direction_text=text)
    st.warning(t("steps.direction_unused", reason=reason), icon=":material/warning:")
    return report, options
