"""The Jacobian page's pieces: pick a Jacobian, its heatmap with clickable cells, how it was computed
and checked, the chain rule as paths on the function's graph, exports.

Everything shown was computed once, in the worker, with the run (Report.jacobians); a click only
picks what to show. The figure comes from autogradlab.render.heatmap (small payloads).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import streamlit as st

from autogradlab import links as core
from autogradlab import note_keys
from autogradlab.jacobian_words import why_text
from autogradlab.render import heatmap as render
from autogradlab.report import Report
from autogradlab.report_jacobian import JacobianRecord
from components import graph_view, links, present, state
from components.i18n import current_lang, localize, say_note, t, worded
from components.text import escape_markdown

PATH_COLOR = "#f5a623"
STRATEGIES = ("reverse", "forward", "loop")
EXAMPLE = """import torch
from torch.autograd.functional import jacobian
W = torch.tensor([[1.0, -2.0, 0.5], [0.3, 0.8, -1.0]])
x = torch.tensor([0.5, -1.0, 2.0])
J = jacobian(lambda v: torch.tanh(W @ torch.sin(v)), x)
"""


def label(record: JacobianRecord) -> str:
    where = t("common.line", line=record.line) if record.line else t("jacobian.from_graph")
    rows, cols = record.shape
    key = "jacobian.label_hessian" if getattr(record, "kind", "") == "hessian" else "jacobian.label"
    return t(key, where=where, text=record.text, rows=rows, cols=cols)


def pick(records: tuple[JacobianRecord, ...], key: str) -> JacobianRecord:
    if key not in st.session_state:   # a call beyond the program's Jacobians warns and shows the first
        st.session_state[key] = links.param(
            "call", lambda t: core.check_call(core.parse_int("call", t, 0, 10**6), len(records)), 0)
    if len(records) == 1:
        st.session_state[key] = 0
        return records[0]
    index = st.selectbox(t("jacobian.picker"), range(len(records)), format_func=lambda k: label(records[k]),
                         key=worded(key))
    return records[int(index or 0)]


def _clicked(event: object) -> tuple[int, int] | None:
    points = (getattr(event, "selection", None) or {}).get("points", []) if event else []
    for point in points:
        if point.get("curve_number") == 1:            # the invisible overlay: one point per cell
            return int(point["y"]), int(point["x"])
    return None


def heatmap(record: JacobianRecord, cell: tuple[int, int] | None, key: str) -> tuple[int, int] | None:
    from components import figure_export, present_fit

    fmt = st.session_state.get(state.JACOBIAN_IMAGE_FORMAT, "png")
    lang = current_lang()     # read now: a download is made later, outside this script run
    if not present.active():
        present_fit.report_widths()   # the figure's width, so its title fits it (presentation mode's
    measured = present_fit.width("jacobian")   # fitting script reports it already)
    font = present.TITLE_FONT_PX if present.active() else render.TITLE_FONT_PX
    chars = render.title_chars(measured, font) if measured else render.TITLE_CHARS
    fig = render.jacobian_figure(record, cell=cell, lang=lang, line_chars=chars)
    config = render.export_config(fmt)
    config["toImageButtonOptions"]["filename"] = f"{present.slug()}-jacobian-{record.index + 1}"
    with present_fit.box("jacobian"):
        event = st.plotly_chart(present.figure(fig), key=key, on_select="rerun", selection_mode="points",
                                config=config, width="stretch", height=present.plot_height())
    presenting = present.active()
    figure_export.downloads(lambda: export_figure(record, lang, presenting),   # no selected cell in files
                            f"{present.slug()}-jacobian-{record.index + 1}", key=f"{key}_downloads",
                            sized=True)
    return _clicked(event)


def export_figure(record: JacobianRecord, lang: str, presenting: bool):  # noqa: ANN201 - a plotly Figure
    """The downloaded figure, its text sized for the file (1600×900, or presentation mode's 1920×1080):
    the title's lines fit its width, the numbers fill their cells (render/heatmap_file.py)."""
    from autogradlab.render.heatmap_file import file_figure
    from autogradlab.render.plotly_export import PRESENTING, SCREEN

    size = PRESENTING if presenting else SCREEN
    return file_figure(record, size["width"], size["height"], lang)


def zoom(record: JacobianRecord) -> None:
    """Downsampled Jacobians: an exact window of up to 500 × 500 entries."""
    rows, cols = record.shape
    if render.block_factor(rows, cols) == 1:
        return
    with st.expander(t("jacobian.zoom")):
        r = st.slider(t("jacobian.rows"), 0, rows, (0, min(rows, 500)), key=state.JACOBIAN_ZOOM_ROWS)
        c = st.slider(t("jacobian.columns"), 0, cols, (0, min(cols, 500)), key=state.JACOBIAN_ZOOM_COLS)
        if (r[1] - r[0]) * (c[1] - c[0]) > render.EXACT_MAX_CELLS or r[0] == r[1] or c[0] == c[1]:
            st.caption(t("jacobian.window_hint"))
            return
        st.plotly_chart(render.window_figure(record, r, c, current_lang()), key=state.JACOBIAN_ZOOM_CHART,
                        config=render.export_config("png"), width="stretch")


def facts(record: JacobianRecord) -> None:
    strategy = t(f"jacobian.strategy.{record.strategy}") if record.strategy in STRATEGIES \
        else record.strategy.capitalize()
    why = why_text(record.why, *record.shape, current_lang())
    st.markdown(t("jacobian.facts", strategy=strategy, ms=f"{record.timing_ms:.1f}", why=why))
    c = record.checks
    fd_key = "jacobian.check_fd_one" if c.fd_columns == 1 else "jacobian.check_fd"   # "1 column"
    shown = [t(fd_key, dtype=c.fd_dtype, columns=c.fd_columns, error=f"{c.fd_max_error:.1e}")
             if c.fd_max_error is not None else None,
             t("jacobian.check_vjp", error=f"{c.vjp_max_error:.1e}") if c.vjp_max_error is not None else None,
             t("jacobian.check_jvp", column=c.jvp_column, error=f"{c.jvp_max_error:.1e}")
             if c.jvp_max_error is not None else None]
    text = "; ".join(s for s in shown if s)
    if not text:        # e.g. dY/dX read from the graph: no function to check, nothing agreed
        st.info(t("jacobian.no_check"), icon=":material/info:")
    elif c.passed():
        st.success(t("jacobian.checks_agree", text=text), icon=":material/check_circle:")
    else:
        st.warning(t("jacobian.checks_disagree", text=text), icon=":material/warning:")
    said = any("every entry is 0" in note for note in record.notes)   # dY/dX's own note (notes.dydx_zero)
    if np.asarray(record.matrix).size and not np.any(record.matrix) and not said:   # a blank map says why
        st.info(t("jacobian.all_zero", y=record.output_name, x=", ".join(record.input_names)),
                icon=":material/info:")
    for note in c.notes + record.notes:
        st.caption(say_note(note, note_keys.JACOBIAN))
    latex = render.latex_matrix(record.matrix, "H" if getattr(record, "kind", "") == "hessian" else "J")
    if latex:
        st.latex(latex)


def paths(record: JacobianRecord, cell: tuple[int, int],
          fetch: Callable[[int], JacobianRecord | str] | None = None) -> None:
    """`fetch(row)`: the record again, from a run that followed that row's paths (big Jacobians),
    or why it could not."""
    i, j = cell
    rows, cols = record.shape
    if not (0 <= i < rows and 0 <= j < cols):
        return
    outs = tuple(f"y{k}" if record.output_is_tuple else "y" for k in range(len(record.output_shapes)))
    ys = render.index_labels(outs, record.output_shapes)
    xs = render.index_labels(record.input_names, record.input_shapes)
    st.subheader(f"∂{ys[i]}/∂{xs[j]} = {record.matrix[i, j]:.6g}")
    if record.paths_on_click and fetch is not None:
        with st.spinner(t("jacobian_extra.following_paths", row=i)):
            fetched = fetch(i)
        if isinstance(fetched, str):
            st.caption(t("jacobian_extra.paths_failed", why=localize(fetched)))
            return
        record = fetched
        st.caption(t("jacobian_extra.paths_of_row", row=i))
    if record.graph is None or not record.paths:
        st.caption(say_note(next(iter(record.notes), t("jacobian_extra.no_paths")), note_keys.JACOBIAN))
        return
    if record.output_is_tuple:
        st.caption(t("jacobian_extra.tuple_paths"))
    live = [(p, p.share(i, j) or 0.0) for p in record.paths if p.reaches(j)]
    names = {n.id: escape_markdown(n.label) for n in record.graph.nodes}   # a label may hold a dict key
    lines = [f"| {' → '.join(names[n] for n in p.nodes)} | {v:.6g} |" for p, v in live]
    total = sum(v for _, v in live)
    st.markdown(f"{t('jacobian.paths')}\n\n| {t('jacobian.col_path')} | {t('jacobian.col_share')} |\n"
                "|---|---|\n" + "\n".join(lines) + f"\n| **{t('jacobian.sum')}** | **{total:.6g}** |")
    if np.isclose(total, record.matrix[i, j], rtol=1e-5, atol=1e-6):
        st.caption(t("jacobian.sum_equals", i=i, j=j))
    on_path = {n for p, _ in live for n in p.nodes}
    edges = {(a, b) for p, _ in live for a, b in zip(p.nodes, p.nodes[1:], strict=False)}
    graph_view._draw_dot(highlighted_dot(record, on_path, edges), key=f"jacobian_paths_{i}_{j}")


def row_fetcher(source: str, seed: int, session: str | None,
                index: int) -> Callable[[int], JacobianRecord | str]:
    """For paths(): jacobian() call `index` again, from a run that followed one row's paths."""
    from components import cached

    def fetch(row: int) -> JacobianRecord | str:
        report = cached.run_jacobian_cell(source, seed, index, row, session=session)
        found = next((r for r in report.jacobians if r.index == index), None)
        if found is None:
            return report.error.message if report.error else t("notes.call_not_made", index=index)
        return found

    return fetch


def highlighted_dot(record: JacobianRecord, nodes: set[str], edges: set[tuple[str, str]]) -> str:
    """The function's annotated graph with the paths' nodes and edges drawn in PATH_COLOR. A leaf
    used by many ops is drawn again beside each consumer (`n0~3`, render/dot.py): the copy on the
    path is the one coloured."""
    from autogradlab.render.dot import annotated_dot

    dot = annotated_dot(record.graph, max_nodes=400, lang=current_lang())
    drawn = set(nodes)
    for a, b in edges:
        for source in (a, f"{a}~{b}"):
            line = f'  "{source}" -> "{b}" [weight=10];'
            if line in dot:
                dot = dot.replace(line, f'  "{source}" -> "{b}" [weight=10, color="{PATH_COLOR}", '
                                        f'penwidth=3.5];')
                if source != a:
                    drawn.add(source)
    if any("~" in n for n in drawn):   # the leaf itself is on the path only where it is drawn
        drawn -= {a for a, b in edges if f"{a}~{b}" in drawn and (a, b) not in _direct(dot, edges)}
    extra = "".join(f'  "{n}" [color="{PATH_COLOR}", penwidth=3.5];\n' for n in sorted(drawn))
    return dot.rstrip().removesuffix("}") + extra + "}\n"


def _direct(dot: str, edges: set[tuple[str, str]]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in edges if f'  "{a}" -> "{b}" [weight=10, color=' in dot}


def exports(record: JacobianRecord) -> None:
    left, right = st.columns(2)
    with left:
        st.radio(t("jacobian.image"), ["png", "svg"], horizontal=True,
                 key=state.JACOBIAN_IMAGE_FORMAT)
    with right:
        if record.matrix.size <= render.EXACT_MAX_CELLS:
            st.download_button(t("jacobian.csv"), render.matrix_csv(record),
                               file_name=f"{present.slug()}-jacobian-{record.index + 1}.csv",
                               mime="text/csv", icon=":material/download:")
        else:
            st.caption(t("jacobian.csv_limit"))


def _differentiable(report: Report) -> tuple[list[str], list[str]]:
    """The run's tensors with a grad_fn (Y of dY/dX) and its leaves that require grad (X)."""
    from autogradlab.report import TensorValue

    tensors = {n: v for n, v in report.variables.items() if isinstance(v, TensorValue)}
    return ([n for n, v in tensors.items() if v.grad_fn is not None],
            [n for n, v in tensors.items() if v.requires_grad and v.is_leaf])


def has_result(report: Report) -> bool:
    """The run has something for this page to show: a jacobian(...) call's matrix, or a dY/dX."""
    ys, xs = _differentiable(report)
    return bool(report.jacobians) or bool(ys and xs)


_CALL = re.compile(r"\bjacobian\s*\(")   # in the text: a program with a syntax error has no tree


def dydx_pickers(report: Report, source: str = "", *, hints: bool = True) -> tuple[str, str] | None:
    """A program without jacobian(): pick Y and X, and see dY/dX at the run's values (said plainly
    when there is nothing to pick, and which torch.func calls the page does not draw). `hints`: the
    no-call hint and the example, for the program in the editor (not for a last good run's).
    Under an error the error is why nothing is shown (it comes first: the error box); a program
    that calls no jacobian(...) is not told that it calls none, nor that a call did not run."""
    from autogradlab.func_jacobian_calls import undrawn_calls

    ys, xs = _differentiable(report)
    error = report.error
    if error is not None:
        if _CALL.search(source):   # the error is why no call ran
            st.info(t("jacobian.no_call_before_error", line=error.line) if error.line is not None
                    else t("jacobian.no_call_before_error_somewhere"), icon=":material/grid_on:")
        else:
            st.info(t("jacobian.fix_first"), icon=":material/grid_on:")
        if not ys or not xs:
            return None
        st.caption(t("jacobian.dydx_before_error"))
    elif hints:
        st.info(t("jacobian.no_call" if ys and xs else "jacobian.no_call_nothing"), icon=":material/grid_on:")
        calls = () if report.jacobian_notes else undrawn_calls(source)
        undrawn(report)
        if calls:
            named = t("jacobian.calls_sep").join(f"`{name}(...)`" for name in calls)
            st.caption(t("jacobian.undrawn_calls", calls=named))
        st.button(t("jacobian.load_example"), on_click=_load_example, key=state.JACOBIAN_EXAMPLE)
        if not ys or not xs:
            return None
    if not ys or not xs:
        st.caption(t("jacobian.nothing_to_differentiate"))
        return None
    left, right = st.columns(2)
    of = left.selectbox("Y", ys, index=len(ys) - 1, key=state.JACOBIAN_OF)
    # The drawn output's own leaves first: the first leaf of the program may be one Y does not depend
    # on (a tutorial's `w` before `out = (inp+1).pow(2)`), and dY/dX was then a blank, all-zero map.
    graph = report.graph
    if graph is not None and of == graph_view.output_name(graph):
        own = {node.var for node in graph.nodes if node.kind == "leaf" and node.var}
        xs = sorted(xs, key=lambda name: name not in own)
    wrt = right.selectbox("X", xs, key=state.JACOBIAN_WRT)
    return (of, wrt) if of and wrt else None


def undrawn(report: Report) -> None:
    """The Jacobian makers the run called but the page does not draw (a vmap's batch, third
    derivatives), each named with its line (engine/func_jacobian_call.py)."""
    for note in getattr(report, "jacobian_notes", ()):
        st.caption(say_note(note, note_keys.JACOBIAN))


def empty_editor() -> None:
    """An empty editor: say so, with a program to start from (as the Graph and Steps pages do)."""
    st.info(t("jacobian.empty_help"), icon=":material/edit_note:")
    st.button(t("jacobian.load_example"), on_click=_load_example, key=state.JACOBIAN_EXAMPLE)


def _load_example() -> None:
    st.session_state[state.EDITOR] = EXAMPLE
