"""Which gradient a torch.autograd.grad call returned for a node of the graph (the Graph page).

grad() fills no .grad, so the graph's nodes hold none after it; the report keeps what each call returned
(OpRecord.outputs) and for which input (Report.grad_returns, engine/grad_returns.py). Torch-free: the
UI process reads it.
"""

from __future__ import annotations

from autogradlab.report import Report, TensorSnapshot


def grad_call_line(report: Report) -> int | None:
    """The line of the program's last torch.autograd.grad call, None if it made none."""
    return report.grad_returns[-1].line if report.grad_returns else None


def returned_gradient(report: Report, tensor_id: int | None) -> tuple[int, TensorSnapshot] | None:
    """(line, gradient) the latest grad() call that had this tensor among its inputs returned for it; None
    when none did or its op record has left the report's window of ops."""
    if tensor_id is None:
        return None
    for call in reversed(report.grad_returns):
        if tensor_id not in call.input_ids:
            continue
        position = call.input_ids.index(tensor_id)
        op = next((op for op in report.ops if op.index == call.op_index and op.op == "autograd.grad"), None)
        if op is None or position >= len(op.outputs):
            return None
        return call.line, op.outputs[position]
    return None


def returned_by_node(report: Report) -> dict[str, TensorSnapshot] | None:
    """For the drawn graph (render/dot.annotated_dot's `returned`): {node id: the gradient grad() returned
    for that node's tensor} when the program called torch.autograd.grad and no backward() reached the
    graph (the Graph page's caption then names the grad() call); None otherwise."""
    graph = report.graph
    if graph is None or graph.backward_done or grad_call_line(report) is None:
        return None
    found = {node.id: returned_gradient(report, node.value.id if node.value is not None else None)
             for node in graph.nodes}
    return {node_id: pair[1] for node_id, pair in found.items() if pair is not None}
