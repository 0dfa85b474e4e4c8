"""Results made of many pieces, counted before they are made (security.md item 4).

`tolist()` makes one Python number per element, and split/unbind/chunk/tensor_split one tensor per
piece: `zeros(5_000_000).split(1)` would be five million tensors. Both are charged like any other
list of that many items before the call runs (calls.invoke).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import torch

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def check_tolist(interp: Interpreter, numel: int) -> None:
    """tolist() makes one Python number per element: a list of that many items, before it is built
    (a float in a list costs ~4 times a tensor's element)."""
    interp.sizes.charge_sequence(int(numel), "the list tolist() builds")


_PIECE_OPS = frozenset({"tolist", "split", "unbind", "chunk", "tensor_split", "hsplit", "vsplit",
                        "dsplit"})   # check_pieces' ops
# hsplit/vsplit/dsplit(x, n) make n pieces even of a dimension of size 0 (hsplit(zeros(3, 0), 10**9)):
# n is counted whatever the dimension
_SECTION_SPLITS = frozenset({"tensor_split", "hsplit", "vsplit", "dsplit"})
_SECTION_WORDS = ("indices_or_sections", "sections", "indices", "tensor_indices_or_sections")


def check_pieces(interp: Interpreter, op: str, args: list, kwargs: dict) -> None:
    """split/unbind/chunk/tensor_split return one tensor per piece: zeros(5_000_000).split(1) would
    be five million tensors (and snapshots). Count the pieces first, like any other sequence."""
    if op == "tolist" and args and isinstance(args[0], torch.Tensor):
        check_tolist(interp, args[0].numel())
        return
    if op in _SECTION_SPLITS and args and isinstance(args[0], torch.Tensor):
        sections = args[1] if len(args) > 1 else next(   # indices=: tensor_split's list overload
            (kwargs[name] for name in _SECTION_WORDS if name in kwargs), None)
        if isinstance(sections, torch.Tensor):   # a 0-d tensor is a count, a 1-d one indices
            sections = int(sections) if sections.dim() == 0 and not sections.is_floating_point() \
                else sections.numel() + 1
        elif isinstance(sections, (list, tuple)):
            sections = len(sections) + 1
        elif isinstance(sections, np.integer):   # hsplit(zeros(3, 0), np.int64(10**7)): 21 s, 2.5 GB
            sections = int(sections)
        if isinstance(sections, int) and not isinstance(sections, bool) and sections > 0:
            interp.sizes.check_length(sections, f"the pieces of {op}")
        return
    if op not in ("split", "unbind", "chunk") or not args \
            or not isinstance(args[0], torch.Tensor) or args[0].dim() == 0:
        return
    tensor = args[0]
    dim = kwargs.get("dim", args[2] if op != "unbind" and len(args) > 2 else
                     args[1] if op == "unbind" and len(args) > 1 else 0)
    if not isinstance(dim, int) or not -tensor.dim() <= dim < tensor.dim():
        return   # the real call reports a bad dim
    length = tensor.shape[dim]
    size = args[1] if len(args) > 1 else kwargs.get("split_size_or_sections", kwargs.get("chunks",
                                                                                           kwargs.get("sections")))
    if isinstance(size, np.integer):   # x.chunk(np.int64(n)) as chunk(n)
        size = int(size)
    if op == "unbind":
        pieces = length
    elif isinstance(size, int) and not isinstance(size, bool) and size > 0:
        pieces = -(-length // size) if op == "split" else size
    else:
        return
    interp.sizes.check_length(pieces, f"the pieces of {op}")
