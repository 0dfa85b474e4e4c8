"""The Eigen page's matrix from the user's program: a 2×2/3×3 tensor variable, or the Jacobian of a
2→2 function at a point (the linearization the Jacobian page shows). Both run in the sandbox through
components.cached; the Jacobian by a generated program (the user's source plus three lines)."""

from __future__ import annotations

import streamlit as st

from autogradlab import links as core
from autogradlab import note_keys
from autogradlab.engine import eigen_sources as sources
from autogradlab.engine.eigen import EigenInputError
from components import cached, editor, error_box, state
from components.eigen_input import Chosen
from components.i18n import say_note, t

EXAMPLE = """import torch
W = torch.tensor([[2.0, 1.0], [2.0, 3.0]])
def f(p):
    return torch.stack([p[0] * p[1], p[0] - p[1] ** 2])
"""


def _pick(label: str, options: list[str], key: str, linked: str | None) -> str | None:
    if linked in options and st.session_state.get(key) not in options:
        st.session_state[key] = linked
    return st.selectbox(label, options, key=key) if options else None


def show(jacobian: bool) -> Chosen:
    submitted = editor.show()
    source, seed = submitted.source, submitted.seed
    session = st.session_state[state.SESSION_ID]
    if not source.strip():
        return Chosen(None, t("eigen.editor_empty") + "\n\n" + EXAMPLE)
    if not jacobian:
        report = cached.run_program(source, seed, None, session, retry=submitted.pressed)
        if report.error is not None:
            error_box.show(report.error, source)
            return Chosen(None, t("eigen.program_error"), source, seed)
        names = sources.matrix_variables(report)
        var = _pick(t("eigen.matrix_variable"), names, state.EIGEN_VAR, st.query_params.get("var"))
        if var is None:
            return Chosen(None, t("eigen.no_matrix"), source, seed)
        try:
            rows = sources.matrix_from_report(report, var)
        except EigenInputError as exc:
            return Chosen(None, str(exc), source, seed, var=var)
        return Chosen(tuple(tuple(r) for r in rows.tolist()), None, source, seed, var=var)
    names = sources.functions_in(source)
    if not names:   # a syntax error hides every def: the error is why there is none, said as the error
        report = cached.run_program(source, seed, None, session, retry=submitted.pressed)
        if report.error is not None:
            error_box.show(report.error, source)
            return Chosen(None, t("eigen.program_error"), source, seed)
    fn = _pick(t("eigen.function"), names, state.EIGEN_FUNC, st.query_params.get("fn"))
    if fn is None:
        return Chosen(None, t("eigen.no_function"),
                      source, seed)
    st.session_state.setdefault(state.EIGEN_POINT, st.query_params.get("at", "1, 1"))
    at_text = st.text_input(t("eigen.at_point"), key=state.EIGEN_POINT, persist_state=state.PERSIST)
    try:
        point = core.parse_numbers("at", at_text, 2)
        program = sources.jacobian_program(source, fn, (point[0], point[1]))
    except (core.LinkError, EigenInputError) as exc:
        return Chosen(None, str(exc).replace("the link's ", ""), source, seed, fn=fn)
    report = cached.run_program(program, seed, None, session, retry=submitted.pressed)
    at = core.format_numbers(point)
    try:
        rows = sources.matrix_from_report(report, sources.JACOBIAN_VAR)
    except EigenInputError as exc:
        return Chosen(None, t("eigen.jacobian_of", fn=fn, at=at, reason=say_note(str(exc), note_keys.EIGEN)),
                      source, seed, fn=fn, at=at)
    st.caption(t("eigen.linearised", fn=fn, at=at))
    return Chosen(tuple(tuple(r) for r in rows.tolist()), None, source, seed, fn=fn, at=at)
