"""`t.storage()`: the flat memory under a tensor, as Deep Learning with PyTorch (ch. 3, "Tensors: views of
a storage") and fast.ai's matmul lesson show it: printed one number a line, indexed by an int, written by
an int index (which changes every tensor viewing that memory, as in PyTorch), `len()`, `.size()`,
`.tolist()`, `.dtype`, `.device`.

The wrapper holds PyTorch's own TypedStorage of the tensor: no memory is allocated (the storage is the
tensor's, already counted), its text is weighed one unit a number before it is written (text_weight). Each
call makes a new object, as PyTorch's does (`a.storage() is a.storage()` is False); id() names the memory
(`id(a.storage()) == id(a.t().storage())` is True, as the lesson prints: CPython gives the second
temporary the first one's freed address). Only ints, slices (PyTorch's own error) and Python numbers
reach it.

Threat model (security.md §2-3, decided in session 33): PyTorch's storage object stays unreachable (its doors,
`from_file`, `.type('module.name')`, `_share_filename_`, `data_ptr`, `resize_`, are not on the wrapper), and a
storage is given only where every byte of its memory is an element of the tensor's base (holds_only_elements):
some results keep unwritten room (`unique_consecutive`), which a storage would show.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

METHODS = frozenset({"size", "tolist", "element_size", "nbytes"})
ATTRIBUTES = frozenset({"dtype", "device"})
_NUMBERS = (bool, int, float, complex)
STORAGES_KEPT = 64   # wrappers remembered per run (each keeps its memory alive)


class TensorStorage:
    """One tensor memory's TypedStorage, shown and indexed as PyTorch does."""

    def __init__(self, tensor: torch.Tensor, first: TensorStorage | None = None) -> None:
        with warnings.catch_warnings():   # "TypedStorage is deprecated": PyTorch's own warning, on stderr
            warnings.simplefilter("ignore")
            self.real = tensor.storage()
        self.tensor = tensor   # keeps the memory alive as long as the program holds the storage
        self.first = first or self   # the run's first wrapper of this memory: what id() names

    def own_text_weight(self) -> int:
        """print() and displays write one line a number (lang/text_weight.py weighs it first)."""
        return 1 + len(self)

    def __len__(self) -> int:
        return self.real.size()

    def _values(self) -> list:
        """The numbers of the memory, in its order: PyTorch's TypedStorage reads them one `self[i]` at a time
        (a tensor made and .item() each: ~20 us a number, tolist() of 1,000,000 ran 20 s in one call; red
        team, session 34); one flat tensor over the same memory gives the same Python numbers at once."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return torch.tensor([], dtype=self.real.dtype).set_(self.real).tolist()

    def __repr__(self) -> str:
        """PyTorch's TypedStorage.__str__, its numbers from _values."""
        real = self.real
        info = f"[{torch.typename(real)}(dtype={real.dtype}, device={real.device}) of size {len(self)}]"
        return " " + "\n ".join(map(str, self._values())) + "\n" + info

    __str__ = __repr__

    def read(self, index: Any) -> Any:
        if type(index) not in (int, bool, slice):
            from autogradlab.lang.operators import python_error
            raise python_error(RuntimeError(f"can't index a <class 'torch.storage.TypedStorage'> with "
                                            f"{_class_text(index)}"))
        return self._guarded(lambda: self.real[index])

    def write(self, index: Any, value: Any) -> None:
        if type(index) not in (int, bool, slice) or type(value) not in _NUMBERS:
            raise NotSupported("writing into a storage takes an int index and a number in Autograd Lab")
        self._guarded(lambda: self.real.__setitem__(index, value))

    def call(self, interp: Interpreter, name: str, args: list, kwargs: dict) -> Any:
        if name not in METHODS or args or kwargs:
            raise NotSupported(f"the method `.{name}()` of torch.storage.TypedStorage values is not "
                               f"supported in Autograd Lab")
        if name == "tolist":   # a list of every number: counted as a tensor's tolist() is, before it is built
            from autogradlab.lang.piece_counts import check_tolist
            check_tolist(interp, len(self))
            return self._values()
        return self._guarded(lambda: getattr(self.real, name)())

    def attribute(self, name: str) -> Any:
        if name not in ATTRIBUTES:
            raise NotSupported(f"the attribute `.{name}` of torch.storage.TypedStorage values is not "
                               f"supported in Autograd Lab")
        return getattr(self.real, name)

    @staticmethod
    def _guarded(fn: Any) -> Any:   # noqa: D102
        from autogradlab.lang.operators import python_error
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return fn()
            except Exception as exc:  # noqa: BLE001 - PyTorch's own error, as the program would see it
                raise python_error(exc) from None


TensorStorage.__name__ = "TypedStorage"   # Python's own messages name PyTorch's class ("'TypedStorage' object
                                          # is not iterable")


def _class_text(value: Any) -> str:
    from autogradlab.lang.safe_values import type_text
    return f"<class '{type_text(value)}'>"


def holds_only_elements(tensor: torch.Tensor) -> bool:
    """Whether every byte of the tensor's memory is an element of its base tensor (the tensor itself when it
    is not a view): a storage shows all of its memory, and PyTorch leaves written-over room in some results
    (`unique_consecutive` of 200 values keeps room for 600, never initialised: security.md §3)."""
    root = tensor._base if tensor._base is not None else tensor
    memory = root.untyped_storage()
    if root.storage_offset() != 0 or memory.nbytes() != root.numel() * root.element_size():
        return False
    expected = 1   # dense: the strides, smallest first, step over each other's blocks exactly
    dims = [d for d in zip(root.shape, root.stride(), strict=True) if d[0] != 1]
    for size, stride in sorted(dims, key=lambda d: d[1]):
        if stride != expected:
            return False
        expected *= size
    return True


def storage_of(interp: Interpreter, tensor: torch.Tensor, args: list, kwargs: dict) -> TensorStorage:
    """`t.storage()`: a new wrapper, its id() that of the run's first wrapper of the same memory."""
    if args or kwargs:
        raise NotSupported("`.storage()` takes no arguments in Autograd Lab")
    if not holds_only_elements(tensor):
        raise NotSupported("`.storage()` of this tensor is not supported in Autograd Lab: its memory holds "
                           "more than the elements of the tensor it belongs to (PyTorch left room it never "
                           "wrote); `.storage()` of a tensor you made, or of a view of it, works")
    memory = tensor.untyped_storage()
    cache = interp.__dict__.setdefault("_storages", {})
    key = (memory.data_ptr(), memory.nbytes(), tensor.dtype)   # held memory: its address is not reused
    first = cache.get(key)
    if first is None:
        if len(cache) >= STORAGES_KEPT:   # `.storage()` of a fresh tensor in a loop holds no memory for long
            cache.clear()
        first = cache[key] = TensorStorage(tensor)
        return first
    return TensorStorage(tensor, first)
