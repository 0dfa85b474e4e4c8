"""The classic torchviz drawing (`torchviz.make_dot`), made in the worker as DOT text.

Students know this picture from tutorials, so it is torchviz's own output with three repairs:
- after backward() PyTorch has freed the saved tensors that `show_saved=True` reads, so torchviz
  fails; we then draw without them and add the saved tensors the engine kept before backward, the
  way torchviz draws them (orange, undirected edge to their node);
- torchviz names nodes by id(), which changes every run; we rename them n0, n1, ... in order of
  appearance so the same program gives the same DOT;
- no label may begin with an empty line (torchviz's output node is "\\n ()"): st.graphviz_chart
  stops redrawing on such a label, so it gets the output's name.
torchviz walks the graph recursively and fails on deep graphs; we say so instead of crashing.
"""

from __future__ import annotations

import contextlib
import re
import sys
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import torch

from autogradlab.engine.graph import SAVED_PREFIX, Walk, function_inputs, is_leaf_node, walk_graph
from autogradlab.engine.saved_tensors import read_saved
from autogradlab.engine.torchviz_text import DotText, make_dot_text

DIRECT_TEXT = True   # make_dot's source written as text (torchviz_text.py; tests compare with it off)
SavedOf = Callable[[Any], list[tuple[str, torch.Tensor]]]
MAX_TORCHVIZ_NODES = 2_000  # beyond this nobody reads the picture, and drawing it costs seconds
RECURSION_MARGIN = 100      # frames torchviz's recursive walk needs besides one per graph level

_QUOTED_OR_ID = re.compile(r'"(?:[^"\\]|\\.)*"|(?<![\w.])\d{6,}(?![\w.])')
_EMPTY_FIRST_LINE = re.compile(r'label="\n(?P<rest>[^"]*)" fillcolor=(?P<color>\w+)')


def graph_depth(order: list[Any], inputs_of: list[list[Any]] | None = None) -> int:
    """Longest input-to-output path, in nodes (order is post-order: inputs first; inputs_of: each
    Node's function_inputs, when known)."""
    depth: dict[int, int] = {}
    for i, fn in enumerate(order):
        inputs = inputs_of[i] if inputs_of is not None else function_inputs(fn)
        depth[id(fn)] = 1 + max((depth.get(id(u), 0) for u in inputs), default=0)
    return max(depth.values(), default=0) + 1  # + the output tensor itself


def stable_names(source: str) -> str:
    """Replace id()-based node names by n0, n1, ... in order of first appearance."""
    names: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        token = match.group(0)
        if token.startswith('"'):
            return token
        return names.setdefault(token, f"n{len(names)}")
    return _QUOTED_OR_ID.sub(rename, source)


def name_empty_labels(source: str, output_name: str) -> str:
    first_lines = {"darkolivegreen1": output_name, "darkolivegreen3": "base", "lightblue": "leaf"}

    def fill(match: re.Match[str]) -> str:
        first = first_lines.get(match.group("color"), "tensor")
        return f'label="{first}\n{match.group("rest")}" fillcolor={match.group("color")}'
    return _EMPTY_FIRST_LINE.sub(fill, source)


def _add_saved(dot: Any, order: list[Any], saved_of: SavedOf) -> None:
    """What torchviz's show_saved draws, from the saved tensors the engine kept before backward.

    torchviz declares saved tensors before the leaves they may be (same id), so the leaf's own
    declaration wins; putting ours first in the body keeps that."""
    start = len(dot.body)
    text = type(dot) is DotText   # (torchviz_text's: the same calls in its own signature)
    for fn in order:
        if is_leaf_node(fn):
            continue
        for attr, tensor in saved_of(fn):
            size = "(" + ", ".join(str(int(s)) for s in tensor.shape) + ")"
            label = f"{attr.removeprefix(SAVED_PREFIX)}\n {size}"
            if text:
                dot.edge(str(id(fn)), str(id(tensor)), " [dir=none]")
                dot.node(str(id(tensor)), label, "orange")
            else:
                dot.edge(str(id(fn)), str(id(tensor)), dir="none")
                dot.node(str(id(tensor)), label, fillcolor="orange")
    added = dot.body[start:]
    del dot.body[start:]
    dot.body[0:0] = added


@contextlib.contextmanager
def _custom_nodes_unsaved(order: list[Any]) -> Iterator[None]:
    """A custom autograd Function's node (lang/custom_functions.py) raises RuntimeError from
    `hasattr(fn, 'saved_tensors')` once backward() freed them, which stops torchviz even with
    show_saved=False; while it draws, their classes (made for this run) answer AttributeError."""
    classes = {type(fn) for fn in order if isinstance(fn, torch.autograd.function.BackwardCFunction)
               and "saved_tensors" not in type(fn).__dict__}
    for cls in classes:
        cls.saved_tensors = property(_no_saved_tensors)
    try:
        yield
    finally:
        for cls in classes:
            del cls.saved_tensors


def too_big_to_draw(order: list[Any]) -> bool:
    """Whether make_torchviz_dot declines a graph of these Nodes (walk_graph's order) for its size."""
    return len(order) > MAX_TORCHVIZ_NODES


def _no_saved_tensors(fn: Any) -> Any:
    raise AttributeError("saved_tensors")


def _any_freed(order: list[Any]) -> bool:
    """Has backward() freed a Node's saved tensors? Then torchviz's show_saved=True walk raises
    RuntimeError when it reads them (it reads every `_saved_*` attribute of every Node of `order`):
    after a backward, the usual case, it drew half the graph twice (issue 9: a fifth of a short
    program's report)."""
    return any(read_saved(fn) is None for fn in order if not is_leaf_node(fn))


def make_torchviz_dot(output: torch.Tensor, *, output_name: str | None, params: dict[str, torch.Tensor],
                      saved_of: SavedOf, walked: Walk | None = None) -> tuple[str | None, str | None]:
    """(DOT source, None) or (None, why torchviz could not draw this graph); `walked`: walk_graph of
    output.grad_fn, when the caller has it."""
    order, inputs = walked if walked is not None else walk_graph(output.grad_fn)
    if too_big_to_draw(order):
        return None, (f"torchviz was not run: this graph has {len(order):,} nodes, more than can be "
                      "drawn whole; use the annotated view")
    depth = graph_depth(order, inputs)
    deep = (f"torchviz could not draw this graph ({depth:,} nodes deep): its recursive walk stops at "
            "Python's recursion limit; use the annotated view")
    if depth + RECURSION_MARGIN > sys.getrecursionlimit():
        return None, deep
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = _direct_source(output, params, order, saved_of) if DIRECT_TEXT else \
                _torchviz_source(output, params, order, saved_of)
    except RecursionError:
        return None, deep
    except Exception as exc:
        return None, f"torchviz could not draw this graph ({type(exc).__name__}); use the annotated view"
    return stable_names(name_empty_labels(_without_size(source), output_name or "output")), None


def _torchviz_source(output: torch.Tensor, params: dict[str, torch.Tensor], order: list[Any],
                     saved_of: SavedOf) -> str:
    """torchviz.make_dot's source: with the saved tensors it reads, or (freed by backward()) without
    them and with the engine's copies added."""
    import torchviz
    try:
        if _any_freed(order):   # the attempt below would raise: not made only to be thrown away
            raise RuntimeError("saved tensors freed")
        dot = torchviz.make_dot(output, params=params, show_saved=True)
    except RuntimeError:  # saved tensors freed by backward(): draw them from our copies
        with _custom_nodes_unsaved(order):
            dot = torchviz.make_dot(output, params=params, show_saved=False)
        _add_saved(dot, order, saved_of)
    return dot.source


def _direct_source(output: torch.Tensor, params: dict[str, torch.Tensor], order: list[Any],
                   saved_of: SavedOf) -> str:
    """_torchviz_source's text, written by torchviz_text.make_dot_text (the same steps)."""
    try:
        if _any_freed(order):
            raise RuntimeError("saved tensors freed")
        dot = make_dot_text(output, params, show_saved=True)
    except RuntimeError:
        with _custom_nodes_unsaved(order):
            dot = make_dot_text(output, params, show_saved=False)
        _add_saved(dot, order, saved_of)
    return dot.source()


_SIZE = re.compile(r'^\s*graph \[size="[\d.,]+"\]\n', re.MULTILINE)


def _without_size(source: str) -> str:
    """torchviz caps the drawing at `size` inches (27.75 for a 150-node chain), which shrinks a tall
    graph's text to specks; without it the page scales the drawing itself and keeps text readable."""
    return _SIZE.sub("", source, count=1)


def leaf_params(output: torch.Tensor, label_of: Callable[[torch.Tensor], str],
                order: list[Any] | None = None) -> dict[str, torch.Tensor]:
    """{leaf label: leaf tensor} for torchviz's `params`, so leaves show their variable names
    (`order`: walk_functions of output.grad_fn, when the caller has it)."""
    params: dict[str, torch.Tensor] = {}
    if output.grad_fn is None:
        if output.requires_grad:
            params[label_of(output)] = output
        return params
    for fn in order if order is not None else walk_graph(output.grad_fn).order:
        if is_leaf_node(fn):
            params.setdefault(label_of(fn.variable), fn.variable)
    return params
