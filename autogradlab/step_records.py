"""Step records: what the Steps page plays, node by node, as plain picklable data.

The contract between the steps engine (autogradlab/engine/steps.py, in the worker) and the Steps page
(render/steps.py, components/step_player.py). Node ids are those of Report.graph. No torch import.
"""

from __future__ import annotations

from dataclasses import dataclass

from autogradlab.report import TensorSnapshot

# The end of a reverse step's rule at an input torch.autograd.grad returned the gradient of
# (engine/grad_logs.py); components/step_card.py says it in the reader's language.
GRAD_RULE = " (autograd.grad: returned)"
# Contribution.source of a gradient sent from outside the output's graph by another output of the same call
# (`torch.autograd.grad([y1, y2], x)` on the page of y2): this prefix, the call, the other outputs' names.
OTHER_OUTPUTS = "@other-outputs"


def other_outputs_source(call: str, names: str) -> str:
    return f"{OTHER_OUTPUTS}|{call}|{names}"


def other_outputs(source: str | None) -> tuple[str, str] | None:
    """(call, names) of an other_outputs_source; None for a node id or the seed."""
    if source is None or not source.startswith(OTHER_OUTPUTS + "|"):
        return None
    _, call, names = source.split("|", 2)
    return call, names


@dataclass(frozen=True)
class ForwardStep:
    index: int
    node: str                      # node id in Report.graph ("n3")
    op: str                        # forward op ("mul")
    var: str | None                # variable the result was assigned to
    line: int | None               # 1-based source line
    inputs: tuple[str, ...]        # node ids (in Report.graph) of the inputs
    value: TensorSnapshot | None
    rule: str = ""                 # e.g. "y = a · b" (plain math of the forward op, may be "")


@dataclass(frozen=True)
class Contribution:
    source: str | None             # consumer node id that sent it; None = the root seed (1 / gradient=);
                                   # other_outputs_source(...): another output of the same call sent it
    value: TensorSnapshot


@dataclass(frozen=True)
class ReverseStep:
    index: int
    node: str                      # node id in Report.graph
    grad_fn: str                   # "MulBackward0", "AccumulateGrad"
    var: str | None
    line: int | None
    adjoint: TensorSnapshot        # d root / d this node's value, = sum of contributions
    contributions: tuple[Contribution, ...]
    sends: tuple[tuple[str, TensorSnapshot], ...]   # (input node id, what this node sends along that edge)
    rule: str                      # local backward rule in plain math: "∂/∂a = ḡ·b,  ∂/∂b = ḡ·a"
    numbers: str = ""              # the rule with this step's numbers plugged in (short text)
    grad_before: TensorSnapshot | None = None       # leaves: .grad before this backward()
    grad_after: TensorSnapshot | None = None        # leaves: .grad after it


@dataclass(frozen=True)
class TangentStep:
    index: int
    node: str
    var: str | None
    line: int | None
    tangent: TensorSnapshot        # d(node value) along the direction (dual number's tangent)
    rule: str = ""                 # e.g. "ẏ = ȧ·b + a·ḃ"
    numbers: str = ""


@dataclass(frozen=True)
class TangentTrace:
    direction: tuple[tuple[str, TensorSnapshot], ...]   # (leaf variable, its tangent)
    entries: tuple[TangentStep, ...]
    output_tangent: TensorSnapshot | None               # J·v
    vjp: TensorSnapshot | None = None                   # reverse mode's vᵀJ for comparison, when defined
    # vjp is the scalar (uᵀJ)·v from the reverse steps' leaf adjoints, u = the backward's seed (1 for
    # a scalar output), so it equals Σ u·output_tangent; None when no backward of this output ran.


@dataclass(frozen=True)
class ModeCost:
    n_inputs: int                  # scalar inputs (elements of all leaves requiring grad)
    m_outputs: int                 # elements of the output
    forward_passes: int            # passes for the full Jacobian in forward mode (= n_inputs)
    reverse_passes: int            # (= m_outputs)
    forward_pass_ms: float         # measured time of one tangent pass
    reverse_pass_ms: float         # measured time of one backward pass
    saved_bytes: int               # bytes of tensors saved for backward
    tangent_extra_bytes: int       # forward mode's extra memory (tangents alive)


@dataclass(frozen=True)
class StepTrace:
    backward_line: int | None      # line of the last backward() that reached the output; None = none
    backward_var: str | None
    forward: tuple[ForwardStep, ...]
    reverse: tuple[ReverseStep, ...]          # in the autograd engine's real execution order
    tangent: TangentTrace | None
    cost: ModeCost | None
    notes: tuple[str, ...] = ()               # e.g. "no backward(): reverse of y.sum() run by the toggle"
    synthetic_backward: bool = False          # True: reverse pass run by us (toggle / expression)
    direction_error: str | None = None        # the direction asked for was refused (unknown leaf, shape)


@dataclass(frozen=True)
class StepOptions:
    """How a run asks for steps.

    direction: (leaf variable, tangent values) pairs, values a number or nested lists of the leaf's
    shape; other leaves get zero tangents; empty = no tangent trace.
    backward_if_missing: with no backward() reaching the output, run one on it (summed if not scalar).
    values: (free name, value) pairs for expression mode (a bare expression with free names); names
    not listed get 1.0.
    """

    direction: tuple[tuple[str, object], ...] = ()
    backward_if_missing: bool = False
    values: tuple[tuple[str, object], ...] = ()
    default_direction: bool = True            # no direction given: tangents along e₁ of the first leaf
    expression: bool = True                   # a bare expression with free names runs as expression mode
