"""The last good result under an error. The guide: "a bad input gets a clear error and loses nothing:
the user's program and their last good result stay on screen." The Graph page fetched its last good
run again by its inputs (state.last_good_run); the Steps and Jacobian pages dropped their result at
the first bad edit. Every page that runs a program without an error now remembers its inputs here, so
whichever page a student is on, the last good result of the session stays under the error box, and
the page says that it is the last good run.

Session state keeps inputs only (primitives); the run itself comes back from the shared cache.
"""

from __future__ import annotations

import streamlit as st

from autogradlab.report import Report
from components import cached, state
from components.i18n import t
from components.step_controls import Options


def remember(source: str, seed: int, output: str | None) -> None:
    """A run without an error: the one to show under the next error (Graph and Jacobian pages)."""
    state.remember_good_run(source, seed, output)


def remember_steps(source: str, seed: int, output: str | None, options: Options) -> None:
    """A Steps run without an error, with the options it ran with (the drawn direction, backward,
    the free names' values): the player under the next error is that run's, at the step it was on."""
    state.remember_good_run(source, seed, output)
    st.session_state[state.STEPS_LAST_GOOD] = (state.digest(source), options.direction,
                                               options.direction_text, options.backward_if_missing,
                                               options.values)


def steps_run(options: Options, session: str | None) -> tuple[Report, Options, tuple] | None:
    """The last good run with its steps, the options to show it with (the mode chosen now) and its
    run key (step_player.show); None before the first good run or when it cannot run again. A run the
    Graph or Jacobian page remembered gets the Steps page's default options."""
    last = state.last_good_run()
    if last is None:
        return None
    source, seed, output = last
    kept = st.session_state.get(state.STEPS_LAST_GOOD)
    if isinstance(kept, tuple) and len(kept) == 5 and kept[0] == state.digest(source):
        _, direction, text, backward, values = kept
    else:
        direction, text, backward, values = (), "", options.backward_if_missing, ()
    report = cached.run_steps(source, seed, output, session, direction, backward, values)
    if report.error is not None or report.steps is None:
        return None
    return report, Options(options.mode, direction, text, backward, values), (source, seed, output,
                                                                               backward, values)


def steps_player(options: Options, session: str | None) -> None:
    """Under an error (Steps page): the last good run's player, usable, at the step it was on (its
    frame is kept under that run's key), headed by a note saying so; without one, why nothing plays."""
    from components import step_player

    last = steps_run(options, session)
    if last is None:
        st.info(t("steps.fix_first"), icon=":material/pause_circle:")
        return
    report, shown, run_key = last
    st.info(t("steps.last_good_run"), icon=":material/history:")
    step_player.show(report, shown, run_key[0], run_key)


def program_run(session: str | None) -> Report | None:
    """The last good program run as the Jacobian page runs it (every jacobian() call, no output
    chosen); None before the first good run or when it cannot run again."""
    last = state.last_good_run()
    if last is None:
        return None
    report = cached.run_program(last[0], last[1], None, session)
    return report if report.error is None else None
