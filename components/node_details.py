"""Pick a node of the graph and read everything about it: the op, PyTorch's class, the source line,
its inputs and saved tensors, its value and its gradient."""

from __future__ import annotations

from collections import Counter

import streamlit as st

from autogradlab import messages
from autogradlab.grad_returned import grad_call_line, returned_gradient
from autogradlab.render.identity_memo import IdentityMemo
from autogradlab.render.words import say_summary
from autogradlab.report import Graph, GraphNode, Report, TensorSnapshot
from components.i18n import current_lang, t, worded
from components.text import escape_markdown
from components.variables_table import shape_text

KINDS = ("leaf", "op", "saved", "output")
# The picker's labels of a graph, per language: every rerun of a page with a 3,500-node graph built
# them again, two texts a node, each reading the language from the session (~75 % of such a rerun).
_LABELS = IdentityMemo(8)


def node_label(node: GraphNode, lang: str | None = None) -> str:
    """How a node reads in the picker, as the graph shows it: `mul → y · line 4`, `x (leaf) · line 2`."""
    lang = lang or current_lang()
    if node.kind == "op":
        text = node.op or node.label
        if node.var:
            text += f" → {node.var}"
    elif node.kind == "saved":
        text = messages.text(lang, "graph.node_saved", label=node.label)
    elif node.kind == "leaf":
        text = messages.text(lang, "graph.node_leaf", name=node.var or node.label)
    else:
        text = messages.text(lang, "graph.node_output", name=node.label or node.var)
    if node.line is None or node.kind == "saved":
        return text
    return messages.text(lang, "graph.node_line", text=text, line=node.line)


def picker_labels(graph: Graph, lang: str) -> dict[str, str]:
    """Node id -> its label in the picker; a label a loop repeats (`sin · line 5`) numbered in order.
    Kept per graph and language while the graph lives: the caller must not change it."""
    kept = _LABELS.get(graph, lang)
    if kept is not None:
        return kept
    labels = {node.id: node_label(node, lang) for node in graph.nodes}
    totals = Counter(labels.values())
    seen: Counter[str] = Counter()
    for node_id, label in labels.items():
        if totals[label] > 1:
            seen[label] += 1
            labels[node_id] = messages.text(lang, "graph.node_nth", label=label, n=seen[label],
                                            total=totals[label])
    _LABELS.put(graph, lang, labels)
    return labels


def pick(graph: Graph, *, key: str) -> str | None:
    """A selectbox over the graph's nodes; returns the chosen node id or None."""
    labels = picker_labels(graph, current_lang())
    choice = st.selectbox(
        t("graph.node_details"),
        options=list(labels),
        index=None,
        format_func=labels.__getitem__,
        placeholder=t("graph.node_placeholder"),
        key=worded(key),
    )
    return choice if choice in labels else None


def _neighbours(graph: Graph, node_id: str) -> tuple[list[GraphNode], list[GraphNode], list[GraphNode]]:
    """(inputs, saved tensors, consumers) of a node, following the data-flow edges."""
    by_id = {node.id: node for node in graph.nodes}
    into = [by_id[a] for a, b in graph.edges if b == node_id and a in by_id]
    out_of = [by_id[b] for a, b in graph.edges if a == node_id and b in by_id]
    saved = [n for n in into + out_of if n.kind == "saved"]
    inputs = [n for n in into if n.kind != "saved"]
    consumers = [n for n in out_of if n.kind != "saved"]
    return inputs, saved, consumers


def _snapshot_text(snapshot: TensorSnapshot | None) -> str:
    if snapshot is None:
        return "—"
    summary = say_summary(current_lang(), snapshot.summary).replace("\n", " ")
    return f"`{summary}`" if "`" not in summary else escape_markdown(summary)


def _names(nodes: list[GraphNode]) -> str:
    """Labels in edge order; a node used twice (`dot(x, x)`) is named once with "× 2"."""
    counts: dict[str, int] = {}
    for node in nodes:
        label = node_label(node)
        counts[label] = counts.get(label, 0) + 1
    return ", ".join(escape_markdown(label) + (f" × {n}" if n > 1 else "") for label, n in counts.items()) \
        or t("graph.none")


def details_rows(graph: Graph, node: GraphNode, report: Report | None = None) -> list[tuple[str, str]]:
    """(field, markdown) pairs for the details panel; program-derived text is escaped. `report`: the run,
    for what torch.autograd.grad returned (it fills no .grad)."""
    inputs, saved, consumers = _neighbours(graph, node.id)
    rows = [(t("graph.f_kind"), t(f"graph.kind_{node.kind}") if node.kind in KINDS else node.kind)]
    if node.op:
        rows.append((t("graph.f_op"), f"`{node.op}`"))
    if node.grad_fn:
        rows.append((t("graph.f_class"), f"`{node.grad_fn}`"))
    if node.var:
        rows.append((t("graph.f_variable"), f"`{node.var}`"))
    if node.shape is not None:
        dtype = f" · {node.dtype}" if node.dtype else ""
        rows.append((t("graph.f_shape"), escape_markdown(shape_text(node.shape)) + dtype))
    rows.append((t("graph.f_inputs"), _names(inputs)))
    if saved or node.kind == "op":
        rows.append((t("graph.f_saved"), ", ".join(
            f"{escape_markdown(node_label(n))} = {_snapshot_text(n.value)}" for n in saved)
            or t("graph.none")))
    rows.append((t("graph.f_used_by"), _names(consumers)))
    rows.append((t("graph.f_value"), _snapshot_text(node.value)))
    if node.grad is not None:
        gradient = _snapshot_text(node.grad)
    else:
        gradient = t("graph.grad_missing") if graph.grads_missing else \
            t("graph.grad_off_path") if graph.backward_done else _not_computed(report, node)
    rows.append((t("graph.f_gradient"), gradient))
    return rows


def _not_computed(report: Report | None, node: GraphNode) -> str:
    """No backward() reached the graph: what a torch.autograd.grad call returned for the node, if one did."""
    line = grad_call_line(report) if report is not None else None
    if line is None:
        return t("graph.grad_not_computed")
    returned = returned_gradient(report, node.value.id if node.value is not None else None)
    if returned is None:
        return t("graph.grad_not_returned", line=line)
    return t("graph.grad_returned", line=returned[0], value=_snapshot_text(returned[1]))


def source_line_text(node: GraphNode) -> str | None:
    """`line 4: y = 2 * torch.dot(x, x)`, or None for nodes with no source line."""
    if node.line is None:
        return None
    return t("graph.source_line", line=node.line, source=(node.source or "").strip())


def show(graph: Graph, node_id: str | None, report: Report | None = None) -> None:
    if node_id is None:
        return
    try:
        node = graph.node(node_id)
    except KeyError:
        return
    with st.container(key="node_details", border=True):
        st.markdown(f"**{escape_markdown(node_label(node))}**")
        where = source_line_text(node)
        if where:
            st.code(where, language="python")
        st.markdown("\n".join(f"- **{field}:** {text}" for field, text in details_rows(graph, node, report)))
