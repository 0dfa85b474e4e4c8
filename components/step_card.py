"""The explanation card beside the step graph: what this step computed, by which rule, with which
numbers; the running sum at a fan-out node; a leaf's .grad before and after; the source line.

Everything shown comes from the step records (autogradlab/step_records.py) and the Report's graph;
program-derived text is escaped or shown in code blocks, never as markup.
"""

from __future__ import annotations

import html

import streamlit as st

from autogradlab.render.step_frames import Frame
from autogradlab.report import Graph, TensorSnapshot
from autogradlab.step_records import ForwardStep, ModeCost, ReverseStep, StepTrace, TangentStep
from components.text import escape_markdown

CONTEXT_LINES = 2
SOURCE_STYLE = ("font-family:monospace;font-size:0.9rem;white-space:pre;overflow-x:auto;"
                "border:1px solid #ddd;border-radius:4px;padding:4px 0;margin:0")
HIGHLIGHT = "background:#fde2a7;font-weight:bold"


def node_name(graph: Graph, node_id: str | None) -> str:
    """A node as the graph shows it: `mul → y`, `x`, `saved self`; the root seed for None."""
    if node_id is None:
        return "the output's seed"
    try:
        node = graph.node(node_id)
    except KeyError:
        return node_id
    if node.kind == "op":
        return f"{node.op or node.label}" + (f" → {node.var}" if node.var else "")
    if node.kind == "saved":
        return f"saved {node.label}"
    return node.var or node.label or node.kind


def _v(snapshot: TensorSnapshot | None) -> str:
    return "—" if snapshot is None else snapshot.summary


def _code(text: str) -> str:
    """Text in an inline code span that cannot be closed early by the text itself."""
    text = text.replace("\n", " ")
    ticks = "``" if "`" in text else "`"
    return f"{ticks} {text} {ticks}" if ticks == "``" else f"`{text}`"


def source_lines(source: str, line: int | None) -> None:
    """The current step's source line, highlighted among its neighbours."""
    lines = source.splitlines()
    if line is None or not 1 <= line <= len(lines):
        return
    first, last = max(1, line - CONTEXT_LINES), min(len(lines), line + CONTEXT_LINES)
    rows = []
    for n in range(first, last + 1):
        style = HIGHLIGHT if n == line else "color:#666"
        rows.append(f'<div style="{style};padding:0 8px">{n:>3}  {html.escape(lines[n - 1][:200])}</div>')
    with st.container(key="steps_source"):
        st.markdown(f'<div style="{SOURCE_STYLE}">{"".join(rows)}</div>', unsafe_allow_html=True)


def _forward(graph: Graph, step: ForwardStep, out: list[str]) -> None:
    out.append(f"**Forward**: {_code(node_name(graph, step.node))} computes its value")
    if step.rule:
        out.append(f"Rule: {_code(step.rule)}")
    for node_id in dict.fromkeys(step.inputs):
        try:
            value = graph.node(node_id).value
        except KeyError:
            value = None
        out.append(f"- input {_code(node_name(graph, node_id))} = {_code(_v(value))}")
    out.append(f"Result: {_code(_v(step.value))}")


def _reverse(graph: Graph, step: ReverseStep, out: list[str]) -> None:
    out.append(f"**Reverse**: {_code(step.grad_fn)} at {_code(node_name(graph, step.node))}")
    parts = [f"{_v(c.value)} from {node_name(graph, c.source)}" for c in step.contributions]
    if len(step.contributions) > 1:
        out.append("Used more than once, so the adjoint is the **sum of the contributions**:")
        out.append("\n".join(f"- {_code(p)}" for p in parts))
        total = " + ".join(_v(c.value) for c in step.contributions)
        out.append(f"ḡ = {_code(total)} = {_code(_v(step.adjoint))}")
    else:
        origin = f" ({escape_markdown(parts[0])})" if parts else ""
        out.append(f"Incoming adjoint ḡ = {_code(_v(step.adjoint))}{origin}")
    if step.rule:
        out.append(f"Local rule: {_code(step.rule)}")
    if step.numbers:
        out.append(f"With the numbers: {_code(step.numbers)}")
    for target, value in step.sends:
        out.append(f"- sends {_code(_v(value))} to {_code(node_name(graph, target))}")
    if step.grad_after is not None or step.grad_before is not None:
        out.append(f"`.grad` before: {_code(_v(step.grad_before) if step.grad_before else 'None')} "
                    f"→ after: {_code(_v(step.grad_after))}")


def _tangent(graph: Graph, step: TangentStep, out: list[str]) -> None:
    out.append(f"**Tangent**: {_code(node_name(graph, step.node))} carries its dual number")
    if step.rule:
        out.append(f"Rule: {_code(step.rule)}")
    if step.numbers:
        out.append(f"With the numbers: {_code(step.numbers)}")
    out.append(f"Tangent ṫ = {_code(_v(step.tangent))}")


def show(graph: Graph, trace: StepTrace, mode: str, steps: tuple, frame: Frame, final: bool) -> None:
    """The card of one frame (a folded group shows its last step and says how many it holds). One
    markdown element, so a step change sends and redraws one block, not a dozen."""
    step = steps[frame.last]
    out: list[str] = []
    if frame.count > 1:
        out.append(f"**Steps {frame.first + 1}–{frame.last + 1}** of {len(steps)}: one pass through "
                   f"a folded loop body ({frame.count} steps); showing the last of them.")
    {"forward": _forward, "reverse": _reverse, "tangent": _tangent}[mode](graph, step, out)
    if final and mode == "tangent" and trace.tangent is not None:
        t = trace.tangent
        out.append(f"Output tangent **J·v** = {_code(_v(t.output_tangent))}")
        if t.vjp is not None:
            out.append(f"Reverse mode's **vᵀJ** (one backward pass) = {_code(_v(t.vjp))}")
    small = []
    if mode == "tangent" and trace.tangent is not None and trace.tangent.direction:
        given = ", ".join(f"{name} = {_v(v)}" for name, v in trace.tangent.direction)
        small.append(f"direction v: {escape_markdown(given)} (other leaves 0)")
    if step.line is not None:
        small.append(f"line {step.line}" + (f", variable {_code(step.var)}" if step.var else ""))
    if small:
        out.append(":gray[" + " · ".join(small) + "]")
    with st.container(key="steps_card", border=True):
        st.markdown("\n\n".join(out))


def cost_panel(cost: ModeCost | None) -> None:
    """How much each mode costs for this program's full Jacobian."""
    if cost is None:
        return
    with st.expander("Cost of each mode for this program", expanded=False), st.container(key="steps_cost"):
        st.markdown(
            f"{cost.n_inputs} scalar inputs, {cost.m_outputs} outputs: the full Jacobian takes "
            f"**{cost.forward_passes}** forward-mode passes (one per input) or **{cost.reverse_passes}** "
            "reverse-mode passes (one per output).")
        st.table({"": ["passes for the Jacobian", "one pass (measured)", "extra memory"],
                  "forward (tangent)": [str(cost.forward_passes), f"{cost.forward_pass_ms:.2f} ms",
                                        f"{cost.tangent_extra_bytes:,} B of tangents"],
                  "reverse (backward)": [str(cost.reverse_passes), f"{cost.reverse_pass_ms:.2f} ms",
                                         f"{cost.saved_bytes:,} B saved for backward"]})
