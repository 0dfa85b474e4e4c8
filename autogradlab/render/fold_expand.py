"""Open folded groups in place: a summary node ("sin → mul → add × 1000") becomes its original nodes.

The student clicks a folded loop and sees the real nodes, with the ids they have everywhere else
(SVG export, CLI JSON, the Steps page), drawn inside a box that folds the group again when clicked.
Only the expanded group changes; every other drawn node keeps its id. A group too big for the node
budget opens as many whole iterations (or fan siblings) as fit, and the rest stays one summary
(`fold3.more`, counted) inside the same box.
"""

from __future__ import annotations

from collections.abc import Iterable

from autogradlab.render.fold import FoldedGraph, FoldNode, _gc_paused, _remap_edges, fold_graph
from autogradlab.report import Graph

MORE = ".more"     # `fold3.more`: the iterations of expanded group fold3 that did not fit
BOX = ".box"       # `fold3.box`: the box drawn around the opened group fold3 (a click folds it)


def group_of(drawn_id: str) -> str:
    """The group a drawn id opens or folds: `fold3.more`, `fold3.box` -> `fold3`; others unchanged."""
    for suffix in (MORE, BOX):
        if drawn_id.endswith(suffix):
            return drawn_id[: -len(suffix)]
    return drawn_id


def groups(folded: FoldedGraph) -> dict[str, FoldNode]:
    """Every group a student can open or fold in this drawing: drawn summaries and open clusters."""
    found = {n.id: n for n in folded.nodes if n.id in folded.parts}
    found.update((summary.id, summary) for summary, _ in folded.clusters)
    return found


def expand(folded: FoldedGraph, graph: Graph, expanded: Iterable[str], budget: int) -> FoldedGraph:
    """`folded` with the groups named in `expanded` opened (unknown or undrawn names are ignored).
    Opened nodes count against `budget` (drawn nodes in all); each group opens at least one part."""
    drawn = {n.id: n for n in folded.nodes}
    wanted = [g for g in dict.fromkeys(expanded) if g in folded.parts and g in drawn]
    if not wanted:
        return folded
    index = {node.id: i for i, node in enumerate(graph.nodes)}
    owner = dict(folded.owner)
    room = max(budget - len(folded.nodes), 0)
    replace: dict[str, list[FoldNode]] = {}
    clusters = []
    for gid in wanted:
        summary, parts = drawn[gid], folded.parts[gid]
        shown, used = 0, 0
        while shown < len(parts) and (shown == 0 or used + len(parts[shown]) <= room):
            used += len(parts[shown])
            shown += 1
        room = max(room - used + 1, 0)          # the summary's own place is freed
        members = sorted((i for part in parts[:shown] for i in part), key=index.__getitem__)
        new = [FoldNode(id=i, kind=graph.nodes[index[i]].kind, node=graph.nodes[index[i]]) for i in members]
        for i in members:
            owner[i] = i
        rest = parts[shown:]
        if rest:
            more = summary.id + MORE
            hidden = [i for part in rest for i in part]
            for i in hidden:
                owner[i] = more
            new.append(FoldNode(id=more, kind=summary.kind, text=summary.text, count=len(rest),
                                size=len(hidden), fill_kind=summary.fill_kind, lines=summary.lines))
        replace[gid] = new
        clusters.append((summary, tuple(n.id for n in new)))
    nodes = [m for n in folded.nodes for m in replace.get(n.id, (n,))]
    edges = _remap_edges(graph.edges, owner)
    parts = {k: v for k, v in folded.parts.items() if k not in replace}
    return FoldedGraph(tuple(nodes), tuple(edges), folded.original_nodes, folded.original_edges,
                       folded.repeats, owner, parts, folded.clusters + tuple(clusters), folded.longest_chain)


def expanded_fold(graph: Graph, max_nodes: int, expanded: Iterable[str] = ()) -> FoldedGraph:
    """The folded drawing of `graph` with the named groups opened (the one call pages use)."""
    folded = fold_graph(graph, max_nodes)
    with _gc_paused():
        return expand(folded, graph, expanded, max_nodes)


def parse_expanded(text: str | None) -> tuple[str, ...]:
    """Session text `fold3,fold7` -> ("fold3", "fold7"); anything that is not a group id is dropped."""
    names = (part.strip() for part in (text or "").split(","))
    return tuple(dict.fromkeys(n for n in names if n.startswith("fold") and n[4:].isdigit()))


def toggled(expanded: tuple[str, ...], group: str) -> tuple[str, ...]:
    """The expanded set after a click on `group` (or on its `.more` rest, which folds it)."""
    group = group_of(group)
    return tuple(g for g in expanded if g != group) if group in expanded else (*expanded, group)
