"""The graph panel: style toggle, output picker, and the graph itself as server-rendered SVG.

The SVG is made by graphviz on the server (cached by DOT text) and embedded inline, so it scales to
the column, redraws on every edit (st.graphviz_chart did not, see style.md) and its text can be read
by browser tests. Only our own graphviz output is embedded: labels were escaped when the DOT was
built, and st.html sanitises the markup once more. Graphs over the node budget are never sent whole:
the page says how big the graph is and shows the folded summary.
"""

from __future__ import annotations

import logging
import re

import streamlit as st

from autogradlab import note_keys
from autogradlab.grad_returned import grad_call_line, returned_by_node
from autogradlab.report import Graph, Report
from components import cached, state
from components.i18n import current_lang, say_note, t, worded

MAX_NODES = 500  # limits.max_graph_nodes: above this the folded summary is shown
FOLD_OFFER_NODES = 60  # from here on, repeated loop steps are folded unless the student says no
FIT_HEIGHT_PT = 1000  # graphs up to this natural height shrink to fit the screen; taller ones scroll
MIN_SCALE = 0.5       # never shrink a drawing below half size (its text would be unreadable): scroll
_log = logging.getLogger(__name__)

NO_GRAPH_EXAMPLE = "x = torch.arange(4.0, requires_grad=True)\ny = 2 * torch.dot(x, x)\ny.backward()"


def style_picker() -> str:
    """Annotated (ours) or torchviz classic (as in tutorials); kept across programs and pages."""
    style = st.segmented_control(
        t("graph.style"), state.GRAPH_STYLES, default=state.GRAPH_STYLES[0], required=True,
        format_func=_style_name,
        key=state.GRAPH_STYLE, persist_state=state.PERSIST,
    )
    return style if style in state.GRAPH_STYLES else state.GRAPH_STYLES[0]


def _style_name(style: str) -> str:
    return t("graph.style_annotated") if style == state.GRAPH_STYLES[0] else t("graph.style_torchviz")


def output_name(graph: Graph) -> str:
    """The output as the program names it: its variable, else its text (`y.sum()`)."""
    return graph.output or graph.output_label or "output"


OUTPUT_BOX_PX = 260   # the output box's width: its row (results.py) wraps the style picker below it
DEFAULT_OUTPUT = ""   # the picker's entry for an output no variable holds (`y.sum().backward()`)


def output_picker(report: Report, *, key: str) -> None:
    """Pick which tensor's graph to draw. The page reads the choice from st.session_state[key]
    before running, so a change reruns the program with output=NAME (a cache hit after once)."""
    if not report.candidates:
        return
    options = list(report.candidates)
    last = report.backward_calls[-1] if report.backward_calls else None
    unnamed = last.text if last is not None and last.var is None else None  # `y.sum()` is the default
    if unnamed:
        options.insert(0, DEFAULT_OUTPUT)
    current = report.output if report.output is not None else DEFAULT_OUTPUT
    index = options.index(current) if current in options else None
    if st.session_state.get(key) not in options:
        st.session_state.pop(key, None)

    def shown(option: str) -> str:
        return t("graph.output_backward", text=unnamed) if option == DEFAULT_OUTPUT and unnamed else option

    # No option for the drawn output (its variable reassigned after its backward()): the box names
    # what is drawn, in the page's language (Streamlit's own text was
    # "Choose an option", in English on a Chinese page).
    drawn = output_name(report.graph) if report.graph is not None else None
    placeholder = t("graph.output_drawn", name=drawn) if drawn else t("graph.output_choose")
    st.selectbox(t("graph.output"), options, index=index, key=worded(key), format_func=shown,
                 help=t("graph.output_help"), placeholder=placeholder, width=OUTPUT_BOX_PX)


def chosen_output(key: str) -> str | None:
    value = st.session_state.get(key)
    return value if isinstance(value, str) and value != DEFAULT_OUTPUT else None


_ACTIVE_ELEMENTS = re.compile(r"<(script|foreignObject|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_ACTIVE_ATTRIBUTES = re.compile(r"""\s(?:on\w+|(?:xlink:)?href|src)\s*=\s*(?:"[^"]*"|'[^']*')""",
                                re.IGNORECASE)


def inert_svg(svg: str) -> str:
    """Graphviz SVG reduced to drawing: from `<svg` on, without comments, scripts, link targets (a
    DOT `URL=` attribute becomes an <a href>; the <a> stays, it carries the tooltip), event handlers
    or foreign content. Defence in depth: our DOT sets none of these, and torchviz's DOT only
    carries identifiers and class names."""
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.DOTALL)
    svg = _ACTIVE_ELEMENTS.sub("", svg)
    return _ACTIVE_ATTRIBUTES.sub("", svg)


def _clickable(svg: str, *, key: str, node_key: str, ids: set[str], selected: str | None,
               on_group=None, start: str = "top") -> None:
    """The annotated drawing as a zoomable, pannable element whose node clicks select the node in
    the picker (`node_key`); the selection is a CSS class in the browser, so the layout never moves
    and exports stay clean."""
    from autogradlab.render.dot import COPY_SEPARATOR
    from components import svg_view

    def clicked() -> None:
        node = getattr(st.session_state.get(key), "click", None)
        node = node.split(COPY_SEPARATOR)[0] if isinstance(node, str) else None  # a leaf drawn again
        if node is not None and on_group is not None and on_group(node):   # a folded group opens/folds
            return
        if node in ids:
            st.session_state[node_key] = node

    svg = " ".join(inert_svg(svg).split("\n"))
    from components import present, present_fit

    with present_fit.box(key):
        svg_view.show(svg, key=key, selected=selected, on_click=clicked,
                      max_height=present.figure_height("72vh"), aspect=present.aspect(),
                      min_scale=None if present.active() else svg_view.NORMAL_MIN_SCALE, start=start)


def _embed_svg(svg: str, *, key: str) -> None:
    """Inline our own graphviz SVG. A graph of ordinary size is shrunk to fit the column and the
    screen, so the whole graph is visible at once (a projector included); a tall one keeps a
    readable size and scrolls. st.html would strip SVG (its sanitiser allows HTML only), so it goes
    through markdown as one raw HTML block: no XML prolog, no comments, no line breaks (a blank line
    would end the block). Labels were escaped when the DOT was built; graphviz escapes text again."""
    svg = inert_svg(svg)
    height = re.search(r'<svg[^>]*?\sheight="([\d.]+)pt"', svg)
    width = re.search(r'<svg[^>]*?\swidth="([\d.]+)pt"', svg)
    fits = height is None or float(height.group(1)) <= FIT_HEIGHT_PT
    size = "max-height:72vh;width:auto;" if fits else ""
    if width is not None:   # a wide graph scrolls sideways rather than shrink past MIN_SCALE
        size += f"min-width:{float(width.group(1)) * MIN_SCALE:.0f}pt;"
    style = f"display:block;margin:0 auto;max-width:100%;height:auto;{size}"
    svg = svg.replace("<svg", f'<svg style="{style}"', 1)
    svg = " ".join(svg.split("\n"))
    with st.container(key=key):
        st.markdown(f'<div style="width:100%;max-height:80vh;overflow:auto">{svg}</div>',
                    unsafe_allow_html=True)


def _draw_dot(dot: str, *, key: str, clicks: tuple[str, set[str], str | None] | None = None,
              slug: str = "autograd", export_dot: str | None = None, on_group=None) -> bool:
    """Render and show a DOT drawing with its download buttons. `clicks` = (node picker key, node
    ids, selected id) makes the drawing clickable (see _clickable). `export_dot` (the drawing without
    a selection highlight) is what the downloads get when it differs from what is shown."""
    from autogradlab.render.export import RenderError

    try:
        svg = cached.svg_for_web(dot)
    except RenderError as exc:  # graphviz missing, failed or too slow: say so, keep the page alive
        st.warning(t("graph.render_failed", reason=say_note(str(exc), note_keys.RENDER)),
                   icon=":material/warning:")
        return False
    except Exception:
        _log.exception("graphviz could not render a graph")
        st.warning(t("graph.graphviz_failed"))
        return False
    if clicks is None:
        _embed_svg(svg, key=key)
    else:
        _clickable(svg, key=key, node_key=clicks[0], ids=clicks[1], selected=clicks[2], on_group=on_group,
                   start="right" if 'rankdir="LR"' in dot else "top")   # left to right: the output's end
    if export_dot is not None and export_dot != dot:
        dot, svg = export_dot, None
    _download_buttons(dot, svg, slug)
    return True


def _download_buttons(dot: str, svg: str | None, slug: str) -> None:
    """The drawing as files for slides and notes, named for what they are (`y-dot-graph.png`); PNG
    and PDF are made only when asked for. Exports never carry the selection highlight."""
    from components import present

    present.graph_downloads(dot, svg, slug, key="graph_downloads")


def _slug(report: Report) -> str:
    from components import present

    return present.slug(report.source, output_name(report.graph) if report.graph else None)


def _switch_to_annotated() -> None:
    st.session_state[state.GRAPH_STYLE] = state.GRAPH_STYLES[0]


def _show_torchviz(report: Report) -> None:
    if report.torchviz_dot:
        _draw_dot(report.torchviz_dot, key="graph_view", slug=_slug(report) + "-torchviz")
        st.caption(t("graph.torchviz_legend"))
        return
    reason = report.torchviz_error or t("graph.torchviz_none")
    st.warning(t("graph.torchviz_failed", reason=reason), icon=":material/warning:")
    st.button(t("graph.to_annotated"), on_click=_switch_to_annotated, key=state.TO_ANNOTATED)


def _fold_summary(graph: Graph) -> None:
    """What the folded drawing counts, under the graph, for whoever wants the whole list."""
    from autogradlab.render.fold import fold_summary_lines

    with st.expander(t("graph.what_folded"), expanded=False), st.container(key="graph_folded"):
        st.code("\n".join(fold_summary_lines(graph, MAX_NODES)), language=None)


def _fold_choice(graph: Graph) -> bool:
    """Graphs over the node budget are always folded; a mid-size graph with repeated loop steps
    is folded unless the student turns it off (30 loop steps make a graph 12,000 pt tall)."""
    if len(graph.nodes) > MAX_NODES:
        return True
    if len(graph.nodes) <= FOLD_OFFER_NODES:
        return False
    from autogradlab.render.fold import has_repeats

    if not has_repeats(graph, MAX_NODES):
        return False
    return st.toggle(t("graph.fold"), value=True, key=state.FOLD_REPEATS, persist_state=state.PERSIST,
                     help=t("graph.fold_help"))


def _projector_rankdir(graph: Graph, fold: bool, returned: dict | None = None) -> str:
    """Presentation mode: a tall, narrow graph is drawn left to right when that fills the 16:9 area
    with larger text (autogradlab/render/layout_choice.py); always bottom to top otherwise."""
    from autogradlab.render.dot import annotated_dot
    from autogradlab.render.layout_choice import USUAL, best_rankdir, svg_size_pt
    from components import present

    if not present.active() or fold or len(graph.nodes) > FOLD_OFFER_NODES:
        return USUAL
    try:
        sizes = [svg_size_pt(cached.svg_for_web(annotated_dot(graph, max_nodes=MAX_NODES, rankdir=rankdir,
                                                              lang=current_lang(), returned=returned)))
                 for rankdir in ("BT", "LR")]
    except Exception:   # graphviz missing or slow: the usual drawing says why (_draw_dot)
        return USUAL
    return best_rankdir(*sizes)


def show(report: Report, *, style: str, selected: str | None, node_key: str | None = None) -> None:
    """Draw the report's graph in the chosen style, or explain why there is none. With `node_key`
    (the node picker's key) a click on a node of the annotated drawing selects it."""
    graph = report.graph
    if graph is None or not graph.nodes:
        if report.error is not None:   # the error is why: the general example would only repeat the program
            line = report.error.line
            st.info(t("graph.no_graph_before_error", line=line) if line is not None
                    else t("graph.no_graph_before_error_somewhere"), icon=":material/account_tree:")
            return
        st.info(t("graph.no_graph_help"), icon=":material/account_tree:")
        st.code(NO_GRAPH_EXAMPLE, language="python")
        return
    big = len(graph.nodes) > MAX_NODES
    if style == state.GRAPH_STYLES[1] and not big:
        _show_torchviz(report)
        return
    if big:
        also = t("graph.too_big_torchviz") if style == state.GRAPH_STYLES[1] else ""
        st.warning(t("graph.too_big", nodes=f"{len(graph.nodes):,}", limit=MAX_NODES, also=also),
                   icon=":material/compress:")
    fold = _fold_choice(graph)
    from autogradlab.render.dot import annotated_dot
    from components import fold_view

    folded = fold_view.folded(("graph", report.source, report.seed, report.output), graph, MAX_NODES,
                              fold_view.expanded(report.source, report.output)) if fold else None
    clicks = None
    if node_key is not None:   # select in the browser, the drawing stays put; a folded group opens
        clicks = (node_key, {node.id for node in graph.nodes}, fold_view.drawn_selection(folded, selected))
    grads = returned_by_node(report)   # torch.autograd.grad's gradients, drawn as the caption says
    rankdir = _projector_rankdir(graph, fold, grads)
    dot = annotated_dot(graph, max_nodes=MAX_NODES, selected=None if clicks else selected, fold=fold,
                        folded=folded, lang=current_lang(), rankdir=rankdir, returned=grads)
    clean = annotated_dot(graph, max_nodes=MAX_NODES, fold=fold, folded=folded, lang=current_lang(),
                          rankdir=rankdir, returned=grads) if selected and not clicks else None
    on_group = fold_view.graph_click(report.source, report.output, folded)
    if _draw_dot(dot, key="graph_view", clicks=clicks, on_group=on_group, slug=_slug(report),
                 export_dot=clean):
        returned = grad_call_line(report)   # torch.autograd.grad returned the gradients, filled no .grad
        status = t("graph.grads_missing") if graph.grads_missing else \
            t("graph.after_backward") if graph.backward_done else \
            t("graph.grads_returned", line=returned) if returned is not None else t("graph.not_computed")
        st.caption(t("graph.status", nodes=f"{len(graph.nodes):,}", name=output_name(graph), status=status))
    if fold:
        st.caption(t("fold.graph_hint"))
        _fold_summary(graph)
