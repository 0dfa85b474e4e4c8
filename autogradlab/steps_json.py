"""Report.steps -> the CLI's "steps" object (issue §5, a contract other tools read as written), and
the `--direction NAME=VALUES` argument (NAME a leaf's variable, or its path such as `layers[0].w`
for a leaf only a list, dict or object holds). Never imports torch.

    "steps": {"backward": {"line", "var"} | null,
              "forward": [{"index", "node", "op", "var", "line", "inputs", "value"}],
              "reverse": [{"index", "node", "grad_fn", "var", "adjoint", "contributions": [{"from", "value"}],
                           "grad_before", "grad_after"}],
              "tangent": null | {"direction": {NAME: V}, "entries": [{"index", "node", "var", "tangent"}]}}

V is the variables' value encoding (jsonout.array_to_json: nested lists, "nan"/"inf"); null when
the value was too large to keep.
"""

from __future__ import annotations

import json
import math
from typing import Any

from autogradlab.jsonout import array_to_json
from autogradlab.leaf_paths import split_direction
from autogradlab.report import TensorSnapshot
from autogradlab.step_records import StepTrace

DIRECTION_MAX_CHARS = 100_000
DIRECTION_MAX_DEPTH = 8


def _v(snapshot: TensorSnapshot | None) -> Any:
    return array_to_json(snapshot.value) if snapshot is not None else None


def steps_to_json(steps: StepTrace | None) -> dict[str, Any]:
    """Always an object: a run without an output graph has no steps."""
    if steps is None:
        return {"backward": None, "forward": [], "reverse": [], "tangent": None}
    backward = {"line": steps.backward_line, "var": steps.backward_var} if steps.reverse else None
    tangent = None
    if steps.tangent is not None:
        tangent = {"direction": {name: _v(value) for name, value in steps.tangent.direction},
                   "entries": [{"index": e.index, "node": e.node, "var": e.var, "tangent": _v(e.tangent)}
                               for e in steps.tangent.entries]}
    return {
        "backward": backward,
        "forward": [{"index": f.index, "node": f.node, "op": f.op, "var": f.var, "line": f.line,
                     "inputs": list(f.inputs), "value": _v(f.value)} for f in steps.forward],
        "reverse": [{"index": r.index, "node": r.node, "grad_fn": r.grad_fn, "var": r.var,
                     "adjoint": _v(r.adjoint),
                     "contributions": [{"from": c.source, "value": _v(c.value)} for c in r.contributions],
                     "grad_before": _v(r.grad_before), "grad_after": _v(r.grad_after)}
                    for r in steps.reverse],
        "tangent": tangent,
    }


def parse_direction_arg(text: str) -> tuple[str, object]:
    """`NAME=VALUES`, VALUES a JSON number or nested list of numbers; ValueError says what is wrong
    in one line (the leaf's shape is checked after the run, where the leaves are known)."""
    found = split_direction(text)
    if found is None:
        raise ValueError(f"--direction must read NAME=VALUES (e.g. x=[1,0,0] or layers[0].w=[1,0,0]), "
                         f"not {text[:60]!r}")
    name, values = found
    if len(values) > DIRECTION_MAX_CHARS:
        raise ValueError(f"--direction {name}: more than {DIRECTION_MAX_CHARS:,} characters")
    try:
        value = json.loads(values)
    except (ValueError, RecursionError):
        raise ValueError(f"--direction {name}: VALUES must be a JSON number or nested list, "
                         f"not {values[:60]!r}") from None
    _check_numbers(name, value, 0)
    return name, value


def _check_numbers(name: str, item: object, depth: int) -> None:
    if depth > DIRECTION_MAX_DEPTH:
        raise ValueError(f"--direction {name}: nested more than {DIRECTION_MAX_DEPTH} deep")
    if isinstance(item, list):
        for sub in item:
            _check_numbers(name, sub, depth + 1)
    elif isinstance(item, bool) or not isinstance(item, (int, float)) or not _finite(item):
        raise ValueError(f"--direction {name}: {str(item)[:40]} is not a finite number")


def _finite(x: float) -> bool:
    try:
        return math.isfinite(float(x))
    except OverflowError:
        return False


def add_steps_arguments(parser: Any) -> None:
    """`run --steps [--direction NAME=VALUES]...` (the CLI registers these)."""
    parser.add_argument("--steps", action="store_true",
                        help='with --json: add "steps" (forward, reverse, tangent) to each line')
    parser.add_argument("--direction", action="append", default=[], metavar="NAME=VALUES",
                        help="tangent direction for a leaf, named by its variable or, for a leaf a list, "
                             "dict or object holds, by its path (layers[0].w=[1,0,0]); VALUES a JSON number "
                             "or nested list; repeatable")


def step_options(args: Any) -> Any:
    """StepOptions for the parsed arguments, None without --steps; ValueError for a bad direction."""
    if not getattr(args, "steps", False):
        if getattr(args, "direction", None):
            raise ValueError("--direction needs --steps")
        return None
    from autogradlab.step_records import StepOptions

    direction = tuple(parse_direction_arg(text) for text in args.direction)
    names = [name for name, _ in direction]
    if len(set(names)) != len(names):
        raise ValueError("--direction: each leaf may be given once")
    return StepOptions(direction=direction, default_direction=False)
