"""The explanation card beside the step graph: what this step computed, by which rule, with which
numbers; the running sum at a fan-out node; a leaf's .grad before and after; the source line.

Everything shown comes from the step records (autogradlab/step_records.py) and the Report's graph;
program-derived text is escaped or shown in code blocks, never as markup.
"""

from __future__ import annotations

import html

import streamlit as st

from autogradlab.render.step_frames import Frame
from autogradlab.render.words import say_inline, say_summary
from autogradlab.report import Graph, TensorSnapshot
from autogradlab.step_records import (
    GRAD_RULE,
    Contribution,
    ForwardStep,
    ModeCost,
    ReverseStep,
    StepTrace,
    TangentStep,
    other_outputs,
)
from components import present
from components.i18n import current_lang, t
from components.text import escape_markdown

CONTEXT_LINES = 2
SOURCE_STYLE = ("font-family:monospace;font-size:0.9rem;white-space:pre;overflow-x:auto;"
                "border:1px solid #ddd;border-radius:4px;padding:4px 0;margin:0")
HIGHLIGHT = "background:#fde2a7;font-weight:bold"
WRAPPED = "white-space:pre-wrap;overflow-wrap:anywhere"


LEAF_RULE = " (leaf: accumulate)"   # the engine's words after a leaf's rule (engine/steps.py)


def _reverse_rule(rule: str) -> str:
    """The rule as code; a leaf's "(leaf: accumulate)" is said in words of the reader's language."""
    rule = say_inline(current_lang(), rule)
    if rule.endswith(LEAF_RULE):
        return t("steps.leaf_rule", rule=_code(rule[:-len(LEAF_RULE)]))
    if rule.endswith(GRAD_RULE):   # an input torch.autograd.grad returned the gradient of
        return t("steps.grad_rule", rule=_code(rule[:-len(GRAD_RULE)]))
    return _code(rule)


def node_name(graph: Graph, node_id: str | None) -> str:
    """A node as the graph shows it: `mul → y`, `x`, `saved self`; the root seed for None."""
    if node_id is None:
        return t("steps.root_seed")
    other = other_outputs(node_id)
    if other is not None:   # a Node of another output of the same call sent it (engine/steps.py _outside)
        call, names = other
        return t("steps.other_outputs_named", call=call, names=names) if names else t("steps.other_outputs",
                                                                                      call=call)
    try:
        node = graph.node(node_id)
    except KeyError:
        return node_id
    if node.kind == "op":
        return f"{node.op or node.label}" + (f" → {node.var}" if node.var else "")
    if node.kind == "saved":
        return t("steps.saved", label=node.label)
    return node.var or node.label or node.kind


def _contribution(graph: Graph, contribution: Contribution) -> str:
    """A line of a summed adjoint: "`2.` from `mul → y`". The value and a node's or an output's name are
    code; what is said about them (the seed, another output of the same call) stays words, wrapped as
    prose in the card's font (the whole line in code was a small monospace block in Chinese)."""
    other = other_outputs(contribution.source)
    if contribution.source is None:
        name = t("steps.root_seed")
    elif other is not None:
        call, names = other
        name = t("steps.other_outputs_named", call=_code(call), names=_code(names)) if names else \
            t("steps.other_outputs", call=_code(call))
    else:
        name = _code(node_name(graph, contribution.source))
    return t("steps.from", value=_code(_v(contribution.value)), node=name)


def _v(snapshot: TensorSnapshot | None) -> str:
    return "—" if snapshot is None else say_summary(current_lang(), snapshot.summary)


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
    # On a projector the card's narrow column wraps a long line (a scrolled-away line is lost); its
    # continuation lines hang under the code, not under the line numbers (a wrapped comment began at
    # the number column and read as a line of its own).
    wrap = present.active()
    for n in range(first, last + 1):
        style = HIGHLIGHT if n == line else "color:#666"
        text = html.escape(lines[n - 1][:200])
        if wrap:
            rows.append(f'<div style="{style};padding:0 8px;display:flex"><span style="flex:none">{n:>3}  '
                        f'</span><span style="{WRAPPED};min-width:0">{text}</span></div>')
        else:
            rows.append(f'<div style="{style};padding:0 8px">{n:>3}  {text}</div>')
    style = SOURCE_STYLE
    with st.container(key="steps_source"):
        st.markdown(f'<div style="{style}">{"".join(rows)}</div>', unsafe_allow_html=True)


def _forward(graph: Graph, step: ForwardStep, out: list[str]) -> None:
    out.append(t("steps.forward_title", node=_code(node_name(graph, step.node))))
    if step.rule:
        out.append(t("steps.rule", rule=_code(step.rule)))
    for node_id in dict.fromkeys(step.inputs):
        try:
            value = graph.node(node_id).value
        except KeyError:
            value = None
        out.append(t("steps.input", node=_code(node_name(graph, node_id)), value=_code(_v(value))))
    out.append(t("steps.result", value=_code(_v(step.value))))


def _reverse(graph: Graph, step: ReverseStep, out: list[str]) -> None:
    # an input torch.autograd.grad returned the gradient of: the engine ran no Node there (no AccumulateGrad)
    title = "steps.returned_title" if step.rule.endswith(GRAD_RULE) else "steps.reverse_title"
    out.append(t(title, grad_fn=_code(step.grad_fn), node=_code(node_name(graph, step.node))))
    parts = [t("steps.from", value=_v(c.value), node=node_name(graph, c.source)) for c in step.contributions]
    if len(step.contributions) > 1:   # the seed among them: an output of a multi-output call, not a fan-out
        seeded = any(c.source is None for c in step.contributions)
        out.append(t("steps.seed_and_share" if seeded else "steps.fan_out"))
        out.append("\n".join(f"- {_contribution(graph, c)}" for c in step.contributions))
        total = " + ".join(_v(c.value) for c in step.contributions)
        out.append(f"ḡ = {_code(total)} = {_code(_v(step.adjoint))}")
    else:
        origin = f" ({escape_markdown(parts[0])})" if parts else ""
        out.append(t("steps.incoming", value=_code(_v(step.adjoint)), origin=origin))
    if step.rule:
        out.append(t("steps.local_rule", rule=_reverse_rule(step.rule)))
    if step.numbers:
        out.append(t("steps.numbers", numbers=_code(say_inline(current_lang(), step.numbers))))
    for target, value in step.sends:
        out.append(t("steps.sends", value=_code(_v(value)), node=_code(node_name(graph, target))))
    if step.grad_after is not None or step.grad_before is not None:
        out.append(t("steps.grad_before_after",
                     before=_code(_v(step.grad_before) if step.grad_before else "None"),
                     after=_code(_v(step.grad_after))))


def _tangent(graph: Graph, step: TangentStep, out: list[str]) -> None:
    out.append(t("steps.tangent_title", node=_code(node_name(graph, step.node))))
    if step.rule:
        out.append(t("steps.rule", rule=_code(step.rule)))
    if step.numbers:
        out.append(t("steps.numbers", numbers=_code(say_inline(current_lang(), step.numbers))))
    out.append(t("steps.tangent_value", value=_code(_v(step.tangent))))


def show(graph: Graph, trace: StepTrace, mode: str, steps: tuple, frame: Frame, final: bool) -> None:
    """The card of one frame (a folded group shows its last step and says how many it holds). One
    markdown element, so a step change sends and redraws one block, not a dozen."""
    step = steps[frame.last]
    out: list[str] = []
    if frame.count > 1:
        out.append(t("steps.folded_card", first=frame.first + 1, last=frame.last + 1, total=len(steps),
                     count=frame.count))
    {"forward": _forward, "reverse": _reverse, "tangent": _tangent}[mode](graph, step, out)
    if final and mode == "tangent" and trace.tangent is not None:
        tangent = trace.tangent
        out.append(t("steps.output_tangent", value=_code(_v(tangent.output_tangent))))
        if tangent.vjp is not None:
            out.append(t("steps.vjp", value=_code(_v(tangent.vjp))))
    small = []
    if mode == "tangent" and trace.tangent is not None and trace.tangent.direction:
        given = ", ".join(f"{name} = {_v(v)}" for name, v in trace.tangent.direction)
        small.append(t("steps.direction_v", given=escape_markdown(given)))
    if step.line is not None:
        small.append(t("steps.line_variable", line=step.line, var=_code(step.var)) if step.var
                     else t("common.line", line=step.line))
    if small:
        out.append(":gray[" + " · ".join(small) + "]")
    with st.container(key="steps_card", border=True):
        st.markdown("\n\n".join(out))


def cost_panel(cost: ModeCost | None) -> None:
    """How much each mode costs for this program's full Jacobian."""
    if cost is None:
        return
    with st.expander(t("steps.cost"), expanded=False), st.container(key="steps_cost"):
        st.markdown(t("steps.cost_text", n=cost.n_inputs, m=cost.m_outputs, fwd=cost.forward_passes,
                      rev=cost.reverse_passes))
        tangent_bytes = t("steps.cost_tangent_bytes", bytes=f"{cost.tangent_extra_bytes:,}")
        st.table({"": [t("steps.cost_passes"), t("steps.cost_one"), t("steps.cost_memory")],
                  t("steps.cost_forward"): [str(cost.forward_passes), f"{cost.forward_pass_ms:.2f} ms",
                                            tangent_bytes],
                  t("steps.cost_reverse"): [str(cost.reverse_passes), f"{cost.reverse_pass_ms:.2f} ms",
                                            t("steps.cost_saved_bytes", bytes=f"{cost.saved_bytes:,}")]})
