"""The annotated autograd graph as DOT text: names, shapes, values, gradients and a legend.

This is our own drawing (torchviz's is kept for students who know it). It is read on laptops and on
projectors, so it uses a large CJK-capable sans font, rounded boxes, torchviz's colours and few words.
User text (variable names, values, source lines) only ever reaches the DOT inside HTML-like labels
or quoted tooltips, after escaping, so it can neither break the DOT nor add attributes. The same
Graph always gives the same bytes; node names are the Graph's ids.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from autogradlab.render.fold import FoldedGraph, FoldNode, fold_graph
from autogradlab.render.fold_expand import BOX
from autogradlab.render.legend import (
    BORDER,
    FONT,
    FONT_SIZE,
    KIND_NAME,
    MUTED,
    REST_FILL,
    SELECTED_BORDER,
    SELECTED_PENWIDTH,
    SMALL_SIZE,
    TITLE_SIZE,
    fill_for,
    legend_table,
)
from autogradlab.render.words import language, w
from autogradlab.render.words import summary as value_words
from autogradlab.report import Graph, GraphNode, TensorSnapshot

NAME_CHARS = 40        # longer user text is cut with "…"
VALUE_CHARS = 48
TOOLTIP_CHARS = 300
NOT_COMPUTED = "grad: not computed yet"
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffe\uffff]"
)
_RANKDIRS = ("BT", "TB", "LR", "RL")
Returned = Mapping[str, TensorSnapshot] | None   # node id -> the gradient torch.autograd.grad returned


def clean_text(text: object, limit: int) -> str:
    """Printable, UTF-8-encodable text of at most `limit` characters (newlines kept)."""
    s = str(text).encode("utf-8", "replace").decode("utf-8")    # lone surrogates -> "?"
    s = _UNSAFE.sub("\ufffd", s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    return s if len(s) <= limit else s[: limit - 1] + "…"


def html(text: object, limit: int = NAME_CHARS) -> str:
    """Text for inside an HTML-like label: entities escaped, newlines as line breaks."""
    s = clean_text(text, limit)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return s.replace("\n", "<BR/>")


def quoted(text: object, limit: int = TOOLTIP_CHARS) -> str:
    """A DOT double-quoted string. Backslashes become "⧵": graphviz would expand \\N, \\G, ..."""
    s = clean_text(text, limit).replace("\\", "\u29f5").replace('"', '\\"').replace("\n", "\\n")
    return f'"{s}"'


def shape_text(shape: tuple[int, ...] | None) -> str:
    if shape is None:
        return ""
    if len(shape) == 1:
        return f"({shape[0]},)"
    return "(" + ", ".join(str(int(d)) for d in shape) + ")"


# CJK ideographs, kana, hangul and full-width punctuation: glyphs as tall as the font size.
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
LINE_GAP = 2   # pt between the lines of a label with CJK text (CELLSPACING of its one-column table)


def join_lines(lines: list[str], table: bool = False) -> str:
    """A label's lines, one under the other. Graphviz 2.43 spaces `<BR/>` lines of a label that
    changes font size only one font size apart: enough for Latin letters, but CJK glyphs fill the
    whole em and the lines of a Chinese label touched. A label with CJK text gets one table row
    per line instead (each row as tall as pango measures the line, plus LINE_GAP); others keep the
    plain line breaks (and their bytes). `table`: rows whatever the text (a step drawing's slots get
    Chinese text later)."""
    lines = [line for line in lines if line]
    if not table and not any(_CJK.search(line) for line in lines):
        return "<BR/>".join(lines)
    rows = "".join(f"<TR><TD>{line}</TD></TR>" for line in lines)
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{LINE_GAP}" CELLPADDING="0">{rows}</TABLE>'


def _small(text: str) -> str:
    return f'<FONT POINT-SIZE="{SMALL_SIZE}" COLOR="{MUTED}">{text}</FONT>'


def _title(text: str) -> str:
    return f'<FONT POINT-SIZE="{TITLE_SIZE}"><B>{text}</B></FONT>'


def _value_lines(node: GraphNode, backward_done: bool, returned: Returned = None) -> list[str]:
    lines = []
    if node.value is not None:
        lines.append(w("value", value=html(value_words(node.value.summary), VALUE_CHARS)))
    if node.kind == "saved" and node.grad is None and not (node.value and node.value.requires_grad):
        return lines                     # a saved constant has no gradient to show
    if node.grad is not None:
        lines.append(w("grad", value=html(_summary(node.grad), VALUE_CHARS)))
    elif returned is not None and node.id in returned:     # torch.autograd.grad returned it, .grad unset
        lines.append(w("grad_returned", value=html(_summary(returned[node.id]), VALUE_CHARS)))
    elif node.value is not None or node.shape is not None:
        lines.append(w("grad_not_recorded") if backward_done else
                     w("grad_not_returned") if returned is not None else w("grad_not_computed"))
    return lines


def _summary(snapshot: TensorSnapshot) -> str:
    return value_words(snapshot.summary)


def _shape_line(node: GraphNode, prefix: str) -> str:
    shape = node.shape if node.shape is not None else (node.value.shape if node.value else None)
    parts = [prefix] if prefix else []
    if shape is not None:
        parts.append(w("shape", shape=shape_text(shape)))
    dtype = node.dtype or (node.value.dtype if node.value else None)
    if dtype and dtype != "float32":
        parts.append(html(dtype, 20))
    return ", ".join(parts)


def op_head_lines(node: GraphNode) -> list[str]:
    """An op node's first label lines: `mul → y` in bold, PyTorch's class, the shape."""
    head = html(node.op or node.label or "op")
    if node.var:
        head += " → " + html(node.var)
    lines = [_title(head)]
    if node.grad_fn:
        lines.append(_small(html(node.grad_fn)))
    shape = _shape_line(node, "")
    if shape:
        lines.append(_small(shape))
    return lines


def node_label(node: GraphNode, backward_done: bool, returned: Returned = None) -> str:
    """The HTML-like label (without the outer <>) of one original graph node. `returned`: see
    annotated_dot."""
    if node.kind == "op":
        lines = op_head_lines(node)
    elif node.kind == "saved":
        name = node.label or (node.saved_name or "").removeprefix("_saved_") or "saved"
        lines = [_title(w("saved", name=html(name))), _shape_line(node, "")]
    else:
        name = node.var or node.label or KIND_NAME.get(node.kind, node.kind)
        lines = [_title(html(name)), _shape_line(node, w("output") if node.kind == "output" else "")]
    lines += _value_lines(node, backward_done, returned)
    return join_lines(lines)


def node_tooltip(node: GraphNode) -> str:
    if node.line is not None and node.source:
        return w("line_source", line=node.line, source=node.source.strip())
    name = node.var or node.label or node.grad_fn or node.id
    where = w("line", line=node.line) if node.line is not None else ""
    kind = w(f"kind.{node.kind}") if node.kind in KIND_NAME else node.kind
    return f"{kind}: {name}{where}"


def summary_label(fnode: FoldNode) -> str:
    return join_lines(summary_lines(fnode))


def summary_lines(fnode: FoldNode) -> list[str]:
    """The lines of a folded node's label (the step drawing adds its value slots under them)."""
    if fnode.kind == "rest":
        return [f"… {html(fnode.text, 80)}"]
    lines = [_title(html(fnode.text, 80)), _title(f"× {fnode.count}")]
    detail = w("nodes", count=f"{fnode.size:,}")
    if fnode.lines:
        detail += w("lines", lines=", ".join(str(n) for n in fnode.lines))
    lines.append(_small(detail))
    return lines


def _header(rankdir: str, title: str | None) -> list[str]:
    font = quoted(FONT)
    label = legend_table(html(title, 120) if title else None)
    graph_attrs = (
        f'rankdir={quoted(rankdir)}, fontname={font}, fontsize={FONT_SIZE}, nodesep=0.5, ranksep=0.6, '
        f'pad=0.3, bgcolor="white", labelloc="t", labeljust="l", tooltip="autograd graph", label=<{label}>'
    )
    node_attrs = (
        f'shape="box", style="rounded,filled", fontname={font}, fontsize={FONT_SIZE}, '
        f'color={quoted(BORDER)}, penwidth=1.2, margin="0.2,0.1"'
    )
    return [
        "digraph autograd {",
        f"  graph [{graph_attrs}];",
        f"  node [{node_attrs}];",
        f"  edge [color={quoted(MUTED)}, penwidth=1.4, arrowsize=0.8];",
    ]


def _node_line(node_id: str, label: str, fill: str, tooltip: str, selected: bool, extra: str = "") -> str:
    attrs = f"id={quoted(node_id)}, label=<{label}>, fillcolor={quoted(fill)}, tooltip={quoted(tooltip)}"
    if selected:
        attrs += f", color={quoted(SELECTED_BORDER)}, penwidth={SELECTED_PENWIDTH}"
    return f"  {quoted(node_id)} [{attrs}{extra}];"


def _edge_line(a: str, b: str, saved: bool) -> str:
    """Data edges are heavy, so a chain of ops is drawn straight and the saved tensors hang beside
    it (with equal weights a 30-step loop drifts into a staircase 10x wider than needed)."""
    style = ' [style="dashed", arrowhead="none"]' if saved else " [weight=10]"
    return f"  {quoted(a)} -> {quoted(b)}{style};"


def annotated_dot(graph: Graph, *, max_nodes: int = 500, selected: str | None = None,
                  rankdir: str = "BT", fold: bool = False, folded: FoldedGraph | None = None,
                  lang: str = "en", returned: Returned = None) -> str:
    """DOT text of the annotated graph; graphs over `max_nodes` are drawn folded (see fold.py),
    smaller ones too when `fold` is asked for (repeated loop steps drawn once, with a count).
    `folded`: a folding made already (with groups opened, see fold_expand.py) to draw as it is.
    `lang`: the language of the drawn words (legend, "value", "grad"; render/words.py).
    `returned`: the program called torch.autograd.grad and no backward(): {node id: the gradient grad()
    returned for that node's tensor} (grad_returned.returned_by_node); those nodes show it, the others
    say grad() did not return theirs, instead of "not computed yet"."""
    with language(lang):
        return _annotated_dot(graph, max_nodes=max_nodes, selected=selected, rankdir=rankdir, fold=fold,
                              folded=folded, returned=returned)


def _annotated_dot(graph: Graph, *, max_nodes: int, selected: str | None, rankdir: str, fold: bool,
                   folded: FoldedGraph | None, returned: Returned) -> str:
    if rankdir not in _RANKDIRS:
        raise ValueError(f"rankdir must be one of {', '.join(_RANKDIRS)}, got {rankdir!r}")
    if folded is not None or fold or len(graph.nodes) > max_nodes:
        return _folded_dot(folded or fold_graph(graph, max_nodes), graph, selected, rankdir, returned)
    lines = _header(rankdir, None)
    kinds = {node.id: node.kind for node in graph.nodes}
    copies = _repeated_sources(graph.edges, kinds)
    for node in graph.nodes:
        label, tip = node_label(node, graph.backward_done, returned), node_tooltip(node)
        lines.append(_node_line(node.id, label, fill_for(node.kind), tip, node.id == selected))
        for copy in copies.get(node.id, {}).values():
            lines.append(_node_line(copy, label, fill_for(node.kind), tip, node.id == selected,
                                    ', style="rounded,filled,dashed"'))
    for a, b in graph.edges:
        if a in kinds and b in kinds:
            lines.append(_edge_line(copies.get(a, {}).get(b, a), b, kinds[a] == "saved"))
    lines.append("}")
    return "\n".join(lines) + "\n"


COPY_SEPARATOR = "~"   # `n0~3`: a drawn copy of node n0 beside its consumer n3 (clicks mean n0)
MAX_DRAWN_CONSUMERS = 3


def _repeated_sources(edges: tuple[tuple[str, str], ...] | list[tuple[str, str]],
                      kinds: dict[str, str]) -> dict[str, dict[str, str]]:
    """A leaf used by many ops (`+ 0.1 * x` in every loop step) is drawn again beside each consumer
    after the first: one node with long edges to 70 places made graphviz take over 20 s for a
    500-node graph. Returns {leaf id: {consumer id: copy id}}."""
    consumers: dict[str, list[str]] = {}
    for a, b in edges:
        if kinds.get(a) == "leaf" and b in kinds:
            consumers.setdefault(a, []).append(b)
    return {a: {b: f"{a}{COPY_SEPARATOR}{b}" for b in dict.fromkeys(bs[1:])}
            for a, bs in consumers.items() if len(dict.fromkeys(bs)) > MAX_DRAWN_CONSUMERS}


def _folded_dot(folded: FoldedGraph, graph: Graph, selected: str | None, rankdir: str,
                returned: Returned = None) -> str:
    lines = _header(rankdir, folded.title)
    chosen = folded.owner.get(selected) if selected else None
    kinds = {fnode.id: fnode.kind for fnode in folded.nodes}
    copies = _repeated_sources(folded.edges, kinds)
    boxed = {i: summary for summary, ids in folded.clusters for i in ids}
    body: dict[str, list[str]] = {}
    for fnode in folded.nodes:
        summary = boxed.get(fnode.id)
        out = body.setdefault(summary.id, []) if summary is not None else lines
        if fnode.node is not None:
            label, tip = node_label(fnode.node, graph.backward_done, returned), node_tooltip(fnode.node)
            out.append(_node_line(fnode.id, label, fill_for(fnode.kind), tip, fnode.id == chosen))
            for copy in copies.get(fnode.id, {}).values():
                out.append(_node_line(copy, label, fill_for(fnode.kind), tip, fnode.id == chosen,
                                      ', style="rounded,filled,dashed"'))
            continue
        fill = REST_FILL if fnode.kind == "rest" else fill_for(fnode.fill_kind)
        tip = f"{fnode.text} × {fnode.count} ({fnode.size:,} nodes folded)"
        extra = ', peripheries=2' if fnode.kind != "rest" else ', style="rounded,dashed"'
        out.append(_node_line(fnode.id, summary_label(fnode), fill, tip, fnode.id == chosen, extra))
    for summary, _ in folded.clusters:
        lines += cluster_lines(summary, body.get(summary.id, []))
    for a, b in folded.edges:
        lines.append(_edge_line(copies.get(a, {}).get(b, a), b, kinds.get(a) == "saved"))
    lines.append("}")
    return "\n".join(lines) + "\n"


CLUSTER_FILL = "#f6f8fa"
CLUSTER_BORDER = "#57606a"


def cluster_lines(summary: FoldNode, members: list[str]) -> list[str]:
    """An opened group: its nodes in a dashed box whose id is the group's (a click on it folds the
    group again) and whose title reads like the folded node did (`▾ sin → mul → add × 1000`)."""
    title = html(f"▾ {summary.text} × {summary.count}", 80)
    tip = f"{summary.text} × {summary.count}: {summary.size:,} nodes (click the box to fold them)"
    return [f"  subgraph {quoted('cluster_' + summary.id)} {{",
            f"    graph [id={quoted(summary.id + BOX)}, label=<{_title(title)}>, tooltip={quoted(tip)}, "
            f'style="rounded,dashed,filled", fillcolor={quoted(CLUSTER_FILL)}, '
            f"color={quoted(CLUSTER_BORDER)}, penwidth=1.6, labeljust=\"l\"];",
            *members, "  }"]
