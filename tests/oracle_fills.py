"""What the oracle fills where PyTorch and NumPy hand out uninitialised memory (tests/oracle.py): zeros, as
the engine does (security.md: no uninitialised memory), one of the possible outcomes, so a tutorial that
prints `torch.empty(3, 4)`, `torch.Tensor(2, 3)`, `x.new(2, 3)`, `torch.IntTensor(1)` or `np.empty_like(x)`
compares exactly."""

from __future__ import annotations

import contextlib

import numpy as np
import torch


def _zero_filled(make):  # noqa: ANN001, ANN202
    def zero_filled(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        tensor = make(*args, **kwargs)
        with torch.no_grad():
            return tensor.zero_()
    return zero_filled


@contextlib.contextmanager
def zero_filled_empty():  # noqa: ANN202
    """torch.empty's content is whatever memory held; the engine fills it with zeros (security.md:
    no uninitialised memory), one of its possible outcomes. The oracle takes the same one, so the
    tutorials that start with `x = torch.empty(3, 4); print(x)` compare exactly. The legacy
    `torch.Tensor(2, 3)` and `x.new(2, 3)` (chenyuntc/pytorch-book chapter 3) likewise, and NumPy's
    np.empty / np.empty_like (CS231n's `y = np.empty_like(x)`)."""
    empty, empty_like = torch.empty, torch.empty_like
    torch.empty, torch.empty_like = _zero_filled(empty), _zero_filled(empty_like)
    np_empty, np_empty_like = np.empty, np.empty_like
    np.empty, np.empty_like = np.zeros, np.zeros_like
    base_new, new = torch._C.TensorBase.__new__, torch.Tensor.new

    def tensor_new(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        # (cls, *sizes) taken as *args: torch.func's first use imports torch._dynamo, which refuses a
        # Tensor.__new__ whose signature is neither its polyfill's nor a bare (*args, **kwargs)
        made = base_new(*args, **kwargs)
        return made.zero_() if _sizes_only(args[1:]) else made

    def method_new(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        made = new(self, *args, **kwargs)
        return made.zero_() if _sizes_only(args) else made

    torch.Tensor.__new__, torch.Tensor.new = staticmethod(tensor_new), method_new
    legacy = {name: getattr(torch, name) for name in LEGACY_TYPES}
    for name, real in legacy.items():   # torch.IntTensor(1) (eat_pytorch_in_20_days 2-1) likewise
        setattr(torch, name, _ZeroFilledLegacy(name, (), {"real": real}))
    type_method, set_default = torch.Tensor.type, torch.set_default_tensor_type
    torch.Tensor.type = lambda self, *a, **k: type_method(self, *map(_real_type, a), **k)
    torch.set_default_tensor_type = lambda t: set_default(_real_type(t))
    try:
        yield
    finally:
        torch.empty, torch.empty_like = empty, empty_like
        np.empty, np.empty_like = np_empty, np_empty_like
        del torch.Tensor.__new__
        del torch.Tensor.new
        for name, real in legacy.items():
            setattr(torch, name, real)
        torch.Tensor.type, torch.set_default_tensor_type = type_method, set_default


def _real_type(value: object) -> object:
    """The real legacy type for the stand-in (also named by a string, `'torch.DoubleTensor'`, which torch
    would look up on the torch module and find the stand-in)."""
    if isinstance(value, str) and value.removeprefix("torch.") in LEGACY_TYPES:
        value = getattr(torch, value.removeprefix("torch."))
    return value.real if isinstance(value, _ZeroFilledLegacy) else value


class _ZeroFilledLegacy(type):
    """Stands for a legacy typed constructor (torch.IntTensor) in the oracle's run: made from sizes
    it is zero-filled as the engine fills it; isinstance and printing answer as the real type's."""

    def __call__(cls, *args, **kwargs):  # noqa: ANN002, ANN003, ANN204
        made = cls.real(*args, **kwargs)
        return made.zero_() if _sizes_only(args) else made

    def __instancecheck__(cls, obj: object) -> bool:
        return isinstance(obj, cls.real)

    def __repr__(cls) -> str:
        return repr(cls.real)


LEGACY_TYPES = ("FloatTensor", "DoubleTensor", "HalfTensor", "BFloat16Tensor", "LongTensor", "IntTensor",
                "ShortTensor", "CharTensor", "ByteTensor", "BoolTensor")


def _sizes_only(args: tuple) -> bool:
    return (bool(args) and all(isinstance(a, int) and not isinstance(a, bool) for a in args)
            or len(args) == 1 and isinstance(args[0], torch.Size))
