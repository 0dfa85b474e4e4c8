"""`torch.pi = torch.acos(torch.zeros(1)).item() * 2  # Define pi in torch`, the first line of several
chapters of d2l's mathematics appendix (single-variable calculus, random variables, distributions, ...).

In Python this rebinds a module attribute for the whole process. Here each run keeps its own copy, as
lang/cudnn_flags.py does for cuDNN's flags (security.md 6: nothing one program sets is seen by the next):
only the number constants pi, e, tau, inf and nan of torch, numpy and math can be set, only to an int, a
float or a one-element tensor without a graph, and reading them back (`torch.pi`, `from torch import
pi`) gives what this run set. The module objects themselves are never written. Torch-free: the
page-side static check imports NAMES.
"""

from __future__ import annotations

from typing import Any

from autogradlab.errors import NotSupported

MODULES = frozenset({"torch", "numpy", "math"})
NAMES = frozenset({"pi", "e", "tau", "inf", "nan"})


def is_constant(base: Any, name: str) -> bool:
    """A number constant of torch, numpy or math that the module has (torch has no tau)."""
    return type(base).__name__ == "Namespace" and base.qualname in MODULES and name in NAMES \
        and name in base.members


def _values(interp: Any) -> dict[tuple[str, str], Any]:
    values = getattr(interp, "module_constants", None)
    if values is None:
        values = interp.module_constants = {}
    return values


def read(interp: Any, base: Any, name: str) -> Any:
    """This run's value of `module.name`, or the module's own."""
    return _values(interp).get((base.qualname, name), base.members[name])


def _small_tensor(value: Any) -> bool:
    """d2l's statistics chapter writes `torch.pi = torch.acos(torch.zeros(1)) * 2`: a one-element tensor.
    Only one element and no autograd graph: what this dict holds stays out of the run's memory count,
    so nothing big may hide behind it (a graph keeps its saved tensors alive)."""
    return type(value).__name__ == "Tensor" and value.numel() == 1 and value.grad_fn is None \
        and not value.requires_grad


def write(interp: Any, base: Any, name: str, value: Any) -> None:
    if type(value) not in (int, float) and not _small_tensor(value):
        from autogradlab.lang.safe_values import type_text
        kind = "Tensor" if type(value).__name__ == "Tensor" else type_text(value)   # Python's name of it
        raise NotSupported(f"setting `{base.qualname}.{name}` to a {kind} value is not supported in "
                           f"Autograd Lab (an int, a float or a one-element tensor without a graph)",
                           hint="keep the value under a name of your own instead")
    _values(interp)[(base.qualname, name)] = value
