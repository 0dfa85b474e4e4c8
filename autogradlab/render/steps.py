"""The Steps page's drawing: one graphviz layout per program, recoloured and relabelled per step.

Graphviz runs once per (program, fold choice); every step after that is a string join over a parsed
SVG template, so a step change costs a millisecond or so and the layout can never move (consecutive
screenshots line up on a slide). The drawing reads like the Graph page's (same node ids, colours,
fonts, legend), with two reserved text lines per node: a value slot and a derivative slot (adjoint or
tangent). The slots are written into the DOT as fixed runs of figure spaces in marker colours, so the
layout reserves room for them; the template finds them by colour and centres their text.

Plain boxes, not rounded ones: rounded nodes made in-browser redraws slower (style.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from math import ceil
from unicodedata import east_asian_width

from autogradlab.render.dot import (
    _edge_line,
    _header,
    _shape_line,
    _small,
    _title,
    cluster_lines,
    html,
    join_lines,
    node_tooltip,
    op_head_lines,
    quoted,
    summary_lines,
)
from autogradlab.render.fold_expand import expanded_fold
from autogradlab.render.legend import BORDER, REST_FILL, SMALL_SIZE, fill_for
from autogradlab.render.words import language, tall_glyphs, w
from autogradlab.render.words import summary as said
from autogradlab.report import Graph, GraphNode

SLOT_CHARS = 40                    # longest slot text; longer text is cut with "…"
SLOT_FIGURES = 16                  # a slot's least width in figure spaces: about 22 ordinary characters
MAX_SLOT_FIGURES = 34              # a big tensor's summary in Chinese (均值 …，最小值 …，最大值 …) needs ~31
VALUE_MARK = "#010203"             # marker colours of the two slots in the DOT (never shown)
DERIV_MARK = "#010204"
VALUE_COLOUR = "#1f3a5f"
DERIV_COLOUR = "#a01d1d"

# Node looks: (fill or None = the node's own colour, stroke, stroke-width, extra SVG attributes).
PENDING = ("#f1f1f1", "#bbbbbb", "1.2", "")
DONE = (None, BORDER, "1.2", "")
CONTEXT = (None, BORDER, "1.2", "")
CURRENT = (None, "#c0392b", "5", "")
SAVED_IN_USE = (None, "#d35400", "3.5", ' stroke-dasharray="6,3"')
RECEIVES = (None, "#2e86c1", "3", ' stroke-dasharray="4,3"')
SELECTED = (None, "#8250df", "4", ' stroke-dasharray="2,2"')      # the node chosen on either page
LOOKS = {"pending": PENDING, "done": DONE, "context": CONTEXT, "current": CURRENT,
         "saved_in_use": SAVED_IN_USE, "receives": RECEIVES, "selected": SELECTED}


@dataclass(frozen=True)
class StepLayout:
    """What is drawn for one program: DOT text, the drawn node ids and which drawn node stands for
    each original node (itself, or a folded summary)."""

    dot: str
    owner: dict[str, str]
    fills: dict[str, str]              # drawn id -> its legend colour
    folded: bool
    title: str | None = None
    counts: dict[str, int] = field(default_factory=dict)   # summary id -> repetitions it stands for


def _slot(mark: str, figures: int = SLOT_FIGURES) -> str:
    return f'<FONT COLOR="{mark}">{chr(0x2007) * figures}</FONT>'


def _label(lines: list[str], figures: int = SLOT_FIGURES) -> str:
    """The lines and the two slots. In a Chinese drawing always one table row per line (join_lines):
    graphviz spaced the `<BR/>` lines one font size apart, and the slots' Chinese summaries, a
    full em tall, touched the small shape line above and each other (session 23's look)."""
    lines = [*lines, _slot(VALUE_MARK, figures), _slot(DERIV_MARK, figures)]
    return join_lines(lines, table=tall_glyphs())


def _figures(text: str) -> float:
    """Width of `text` in figure spaces (a digit's width): a CJK character or full-width comma takes
    about two, an ordinary character about 3/4 (digits one, spaces and dots less)."""
    return sum(1.85 if east_asian_width(c) in "WF" else 0.75 for c in text)


def slot_figures(node: GraphNode) -> int:
    """The node's slot width: room for the longest text its slots are known to show (its value, its
    gradient or an adjoint of the same size, in the drawing's language), so a big tensor's
    mean/min/max summary is never cut (a fixed 16 cut the Chinese one after the mean)."""
    texts = [f"= {said(node.value.summary)}", f"ḡ {said(node.value.summary)}"] if node.value else []
    if node.grad is not None:
        texts.append(f"{w('slot.grad')} {said(node.grad.summary)}")
    need = max((_figures(text[:SLOT_CHARS]) for text in texts), default=0.0)
    return min(max(SLOT_FIGURES, ceil(need)), MAX_SLOT_FIGURES)


def step_node_label(node: GraphNode) -> str:
    """Like the Graph page's label, but values and gradients live in the two step slots."""
    if node.kind == "op":
        lines = op_head_lines(node)
    elif node.kind == "saved":
        name = node.label or (node.saved_name or "").removeprefix("_saved_") or "saved"
        lines = [_title(w("saved", name=html(name))), _small(_shape_line(node, ""))]
    else:
        name = node.var or node.label or node.kind
        lines = [_title(html(name)), _small(_shape_line(node, w("output") if node.kind == "output" else ""))]
    return _label(lines, slot_figures(node))


def _node(node_id: str, label: str, fill: str, tooltip: str, extra: str = "") -> str:
    return (f"  {quoted(node_id)} [id={quoted(node_id)}, label=<{label}>, fillcolor={quoted(fill)}, "
            f"tooltip={quoted(tooltip)}{extra}];")


def step_layout(graph: Graph, *, fold: bool, max_nodes: int = 500,
                expanded: tuple[str, ...] = (), lang: str = "en", small_size: int = SMALL_SIZE) -> StepLayout:
    """The DOT of the step view; folded (repeated loop steps drawn once) when asked or when big,
    with the `expanded` groups opened in place (fold_expand.py).
    `lang`: the language of the drawn words (render/words.py); `small_size`: the point size of the
    small lines (legend.PRESENT_SMALL_SIZE in presentation mode)."""
    with language(lang):
        layout = _step_layout(graph, fold=fold, max_nodes=max_nodes, expanded=expanded)
    if small_size == SMALL_SIZE:
        return layout
    return replace(layout, dot=layout.dot.replace(f'<FONT POINT-SIZE="{SMALL_SIZE}" ',
                                                  f'<FONT POINT-SIZE="{small_size}" '))


def _step_layout(graph: Graph, *, fold: bool, max_nodes: int, expanded: tuple[str, ...]) -> StepLayout:
    def header(title: str | None) -> list[str]:
        return [line.replace('style="rounded,filled"', 'style="filled"') for line in _header("BT", title)]

    fills: dict[str, str] = {}
    if not fold and len(graph.nodes) <= max_nodes:
        lines = header(None)
        kinds = {}
        for node in graph.nodes:
            kinds[node.id] = node.kind
            fills[node.id] = fill_for(node.kind)
            lines.append(_node(node.id, step_node_label(node), fills[node.id], node_tooltip(node)))
        lines += [_edge_line(a, b, kinds[a] == "saved") for a, b in graph.edges if a in kinds and b in kinds]
        lines.append("}")
        return StepLayout("\n".join(lines) + "\n", {n.id: n.id for n in graph.nodes}, fills, False)
    folded = expanded_fold(graph, max_nodes, expanded)
    lines = header(folded.title)
    kinds = {}
    boxed = {i: summary.id for summary, ids in folded.clusters for i in ids}
    body: dict[str, list[str]] = {}
    for fnode in folded.nodes:
        kinds[fnode.id] = fnode.kind
        out = body.setdefault(boxed[fnode.id], []) if fnode.id in boxed else lines
        if fnode.node is not None:
            fills[fnode.id] = fill_for(fnode.kind)
            out.append(_node(fnode.id, step_node_label(fnode.node), fills[fnode.id],
                             node_tooltip(fnode.node)))
            continue
        fills[fnode.id] = REST_FILL if fnode.kind == "rest" else fill_for(fnode.fill_kind)
        label = _label(summary_lines(fnode))
        tip = f"{fnode.text} × {fnode.count} ({fnode.size:,} nodes folded)"
        out.append(_node(fnode.id, label, fills[fnode.id], tip, ", peripheries=2"))
    for summary, _ in folded.clusters:
        lines += cluster_lines(summary, body.get(summary.id, []))
    lines += [_edge_line(a, b, kinds.get(a) == "saved") for a, b in folded.edges]
    lines.append("}")
    counts = {f.id: f.count for f in folded.nodes if f.node is None and f.kind == "repeat"}
    return StepLayout("\n".join(lines) + "\n", dict(folded.owner), fills, True, folded.title, counts)


_NODE_START = re.compile(r'<g id="([^"]+)" class="node">')
_GROUP_END = re.compile(r'\n(?=<!--|<g id="[^"]*" class="(?:node|edge|cluster)"|</g>\s*</svg>)')
_SHAPE = re.compile(r'<(polygon|path|ellipse) fill="([^"]*)" stroke="[^"]*"(?: stroke-width="[^"]*")?')
_POINTS = re.compile(r'points="([^"]+)"')
_SLOT_TEXT = re.compile(
    r'<text text-anchor="\w+" x="[-\d.]+"( y="[-\d.]+"[^>]*?) fill="(#01020[34])">[^<]*</text>')


@dataclass(frozen=True)
class _NodeTemplate:
    id: str
    pieces: tuple[str, ...]            # literal text around the holes: shape, value slot, deriv slot
    holes: tuple[str, ...]             # "shape" | "value" | "deriv", in order
    size: tuple[float, float] | None = None   # the box's width and height in points
    fill: str = "white"                # its own colour as graphviz wrote it (#caff70, not X11 names)


@dataclass(frozen=True)
class SvgTemplate:
    """A graphviz SVG cut at the places a step changes: each node's shape colours and its slots."""

    parts: tuple[str | _NodeTemplate, ...]
    fills: dict[str, str]

    @property
    def node_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.parts if isinstance(p, _NodeTemplate))


def _box(group: str) -> tuple[float, float, float] | None:
    """(centre x, width, height) of the node's first polygon."""
    points = _POINTS.search(group)
    if points is None:
        return None
    pairs = [p.split(",") for p in points.group(1).split()]
    xs, ys = [float(p[0]) for p in pairs], [float(p[1]) for p in pairs]
    return (min(xs) + max(xs)) / 2, max(xs) - min(xs), max(ys) - min(ys)


def _cut_node(node_id: str, group: str) -> _NodeTemplate:
    pieces, holes, pos, fill = [], [], 0, "white"
    shape = _SHAPE.search(group)
    if shape is not None:
        pieces.append(group[pos:shape.start()] + f"<{shape.group(1)}")
        holes.append("shape")
        pos, fill = shape.end(), shape.group(2)
    box = _box(group)
    for slot in _SLOT_TEXT.finditer(group, pos):
        x = f"{box[0]:.2f}" if box is not None else "0"
        pieces.append(group[pos:slot.start()] + f'<text text-anchor="middle" x="{x}"{slot.group(1)}')
        holes.append("value" if slot.group(2) == VALUE_MARK else "deriv")
        pos = slot.end()
    pieces.append(group[pos:])
    return _NodeTemplate(node_id, tuple(pieces), tuple(holes), box[1:] if box is not None else None, fill)


def svg_template(svg: str, fills: dict[str, str], *, one_line: bool = False) -> SvgTemplate:
    """Parse the layout's SVG once (graphviz output of step_layout's DOT, newlines intact);
    `one_line` joins the lines afterwards (for embedding through markdown, where a blank line would
    end the HTML block)."""
    parts: list[str | _NodeTemplate] = []
    pos = 0
    for m in _NODE_START.finditer(svg):
        end = _GROUP_END.search(svg, m.end())
        stop = end.start() if end is not None else len(svg)
        parts.append(svg[pos:m.start()])
        parts.append(_cut_node(m.group(1), svg[m.start():stop]))
        pos = stop
    parts.append(svg[pos:])
    if one_line:
        parts = [p.replace("\n", " ") if isinstance(p, str) else
                 _NodeTemplate(p.id, tuple(s.replace("\n", " ") for s in p.pieces), p.holes, p.size, p.fill)
                 for p in parts]
    return SvgTemplate(tuple(parts), dict(fills))


def _escape(text: str) -> str:
    text = text if len(text) <= SLOT_CHARS else text[: SLOT_CHARS - 1] + "…"
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paint(template: SvgTemplate, looks: dict[str, str], values: dict[str, str],
          derivs: dict[str, str], default_look: str = "context") -> str:
    """The SVG of one step: each drawn node in its look (LOOKS key), with its slot texts."""
    out: list[str] = []
    for part in template.parts:
        if isinstance(part, str):
            out.append(part)
            continue
        nid = part.id
        for piece, hole in zip(part.pieces, part.holes, strict=False):
            out.append(piece)
            if hole == "shape":
                fill, stroke, width, extra = LOOKS[looks.get(nid, default_look)]
                fill = fill or part.fill
                out.append(f' fill="{fill}" stroke="{stroke}" stroke-width="{width}"{extra}')
            elif hole == "value":
                out.append(f' fill="{VALUE_COLOUR}">{_escape(values.get(nid, ""))}</text>')
            else:
                out.append(f' fill="{DERIV_COLOUR}" font-weight="bold">{_escape(derivs.get(nid, ""))}</text>')
        out.append(part.pieces[-1])
    return "".join(out)


_DOT_NODE = re.compile(r'^  "([^"]+)" \[id=', re.MULTILINE)
_DOT_FILL = re.compile(r'fillcolor="[^"]*"')
_DOT_SLOT = {mark: re.compile(f'<FONT COLOR="{mark}">\u2007+</FONT>') for mark in (VALUE_MARK, DERIV_MARK)}


def _slot_dot(colour: str, text: str) -> str:
    return f'<FONT COLOR="{colour}">{html(text, SLOT_CHARS) if text else chr(0x2007)}</FONT>'


def frame_dot(layout: StepLayout, template: SvgTemplate, looks: dict[str, str], values: dict[str, str],
              derivs: dict[str, str], default_look: str = "context") -> str:
    """DOT of one step for PNG export and GIF frames: every box keeps the size it has in the
    template (fixedsize), so graphviz lays each frame out exactly like the screen's drawing."""
    sizes = {p.id: p.size for p in template.parts if isinstance(p, _NodeTemplate) and p.size}
    out = []
    for line in layout.dot.split("\n"):
        m = _DOT_NODE.match(line)
        if m is None:
            out.append(line)
            continue
        nid = m.group(1)
        fill, stroke, width, extra = LOOKS[looks.get(nid, default_look)]
        for mark, colour, texts in ((VALUE_MARK, VALUE_COLOUR, values), (DERIV_MARK, DERIV_COLOUR, derivs)):
            slot = _slot_dot(colour, texts.get(nid, ""))
            line = _DOT_SLOT[mark].sub(lambda _, slot=slot: slot, line)
        line = _DOT_FILL.sub(f'fillcolor="{fill or layout.fills.get(nid, "white")}"', line, count=1)
        attrs = f', color="{stroke}", penwidth={width}'
        if "dasharray" in extra:
            attrs += ', style="filled,dashed"'
        if nid in sizes:
            w, h = sizes[nid]
            attrs += f", fixedsize=true, width={w / 72:.4f}, height={h / 72:.4f}"
        out.append(line[:-2] + attrs + "];")
    return "\n".join(out)
