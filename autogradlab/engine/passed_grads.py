"""Gradients an `a + b` passes on as they are: read from the add's own hook, not one hook per input.

grads.py puts a pre-hook on every Node of a backward's graph; each hook call costs torch ~8 us
(wrapping the gradient, taking the GIL) and each registration ~3 us. In `y = sin(y) * 1.01 + 0.1 * x`
half the Nodes are the two inputs of an AddBackward0, and AddBackward0 hands its incoming
gradient to `self` unchanged (and to `other` when alpha is 1): the very same tensor, which the
engine then puts, untouched, into the input's buffer when the input

- is reached from that add only (one edge into it in the whole graph of this backward: no sum),
- is not a root of the backward (a root also receives the program's gradient),
- has one output (a pre-hook stores the first gradient of several),
- expects a gradient of exactly the add's own shape, dtype and device (otherwise the engine
  reduces a broadcast, casts or moves it: a new tensor).

Such a Node is not hooked; when the backward returns, it gets the add's gradient (the same
object its hook would have stored, so the report shares one snapshot as before), or a copy of its
own when the add's hook copied (a `gradient` tensor of the program's, create_graph). Only for a
plain backward: with `inputs=` the engine may run the add and skip the input (grads.begin's caller
decides). register_hook on tensors (which could change a gradient in between) is refused by the
interpreter; retain_grad's hook reads it and passes it on unchanged. test_passed_grads pins every
case against hooking every Node.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import torch

PASS_THROUGH = True   # off: every Node is hooked (the tests compare both)

_ADD = type((torch.ones(1, requires_grad=True) + torch.ones(1)).grad_fn)   # AddBackward0
UNHOOKED = object()   # GradientRecorder._hooked value: saved tensors read, gradient taken from its add


def _passes_other(add: Any) -> bool:
    alpha = add._saved_alpha
    return type(alpha) in (int, float) and alpha == 1


def _meta(fn: Any) -> tuple | None:
    """(shape, dtype, device) of the one gradient `fn` receives; None for several or a nested one."""
    metadata = getattr(fn, "_input_metadata", ())
    if len(metadata) != 1:
        return None
    m = metadata[0]
    if m.is_nested_tensor or m.is_cpp_nested_tensor:
        return None
    return m.shape, m.dtype, m.device


def hook_graphs_passing(recorder: Any, roots: list[torch.Tensor], hook: Any, leaf_of: dict,
                        is_leaf_node: Any) -> list[Any]:
    """GradientRecorder._hook_graphs, but the inputs an add passes its gradient to are left
    unhooked and listed in the generation's `derived` (finish() fills them in). Two passes: the
    walk counts every Node's incoming edges, then each reached Node is hooked or derived."""
    new_fns: list[Any] = []
    current = recorder._current
    reached, owner, hooked = current.reached, recorder._owner, recorder._hooked
    uses: dict[int, int] = {}
    via: dict[int, Any] = {}          # id(Node) -> the add whose passing edge reached it last
    order: list[Any] = []             # non-leaf Nodes, each after the Node it was first reached from
    root_keys: set[int] = set()
    for tensor in roots:
        root = tensor.grad_fn
        if root is None:
            if tensor.requires_grad:
                recorder._hook_leaf(tensor)
            continue
        root_keys.add(id(root))
        if id(root) in reached:
            continue
        reached[id(root)] = root
        stack = [root]
        pop, push = stack.pop, stack.append
        while stack:
            fn = pop()
            key = id(fn)
            owner[key] = current
            leaf = leaf_of.get(type(fn))
            if leaf is None:
                leaf = leaf_of[type(fn)] = is_leaf_node(fn)
            if leaf:
                recorder._hook_leaf(fn.variable)
                continue
            order.append(fn)
            add = type(fn) is _ADD
            position = 0
            for child, input_nr in fn.next_functions:
                if child is not None:
                    child_key = id(child)
                    uses[child_key] = uses.get(child_key, 0) + 1
                    if add and input_nr == 0 and (position == 0 or _passes_other(fn)):
                        via[child_key] = fn
                    if child_key not in reached:
                        reached[child_key] = child
                        push(child)
                position += 1
    derived = current.derived
    metas: dict[int, tuple | None] = {}
    for fn in order:
        key = id(fn)
        token = hooked.get(key)
        if token is not None and token is not UNHOOKED:
            continue   # an earlier backward's hook, still registered, stores it
        if token is None:
            new_fns.append(fn)   # saved tensors not read yet
        add = via.get(key)
        if add is not None and uses[key] == 1 and key not in root_keys:
            add_key = id(add)
            if add_key not in metas:
                metas[add_key] = _meta(add)
            wanted = metas[add_key]
            if wanted is not None and _meta(fn) == wanted:
                hooked[key] = UNHOOKED
                derived.append((key, add_key))
                continue
        token = hooked[key] = object()
        fn.register_prehook(partial(hook, recorder, key, token))
    return new_fns


def fill_derived(current: Any) -> None:
    """The gradients of the Nodes hook_graphs_passing left unhooked, from their adds (in walk
    order: an add that was itself left unhooked is filled before its inputs)."""
    capture, copied = current.capture, current.copied
    for key, add_key in current.derived:
        grad = capture.get(add_key)
        if grad is not None:
            if copied is not None and add_key in copied:   # its own copy, as its hook would have made
                grad = grad.clone()
                copied.add(key)
            capture[key] = grad
