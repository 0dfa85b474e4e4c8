"""The messages for an attribute a value does not have (split out of attributes.py): a typo gets a
"did you mean", an out-of-scope part of torch says why, a process-wide switch points to its block form,
and `x.grad.zero_()` before any backward() says why .grad is None."""

from __future__ import annotations

import ast
import difflib
import sys
from typing import Any

import torch

from autogradlab.errors import NotSupported, ProgramError, ProgramTypeError
from autogradlab.lang import allowlist as al
from autogradlab.lang.allowed_imports import out_of_scope, scope_hint
from autogradlab.lang.grad_decorators import GRAD_MODE_HINTS
from autogradlab.lang.numpy_removed_names import removed_numpy_name
from autogradlab.lang.outside_world import MEMBER_HINTS, debugger_refusal
from autogradlab.lang.safe_values import Namespace
from autogradlab.lang.time_module import refusal

PLOT_HINT = ("the Graph and Steps pages show the run; print the values you would plot, or leave the "
             "plotting lines out to run the rest")
# Tensor methods a lesson meets that stay refused, with what to write instead.
STORAGE_HINT = ("Autograd Lab keeps a tensor's storage closed (it is a door to the machine's memory); "
                "`.stride()`, `.storage_offset()` and `.is_contiguous()` show how a view lays out the same "
                "memory, and `x.flatten()` of the tensor the view came from shows the values in storage "
                "order")
TENSOR_METHOD_HINTS = {
    "storage": STORAGE_HINT,
    "untyped_storage": STORAGE_HINT,
}


def _closest(name: str, candidates: Any) -> str | None:
    found = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.75)
    return found[0] if found else None


def _python_attribute_error(text: str, hint: str | None) -> ProgramError:
    """Python's own AttributeError (`except AttributeError as e` catches it, e says Python's words),
    with the engine's did-you-mean kept as the hint the error box shows."""
    from autogradlab.lang.operators import python_error
    error = python_error(AttributeError(text))
    error.hint = hint
    return error


def _no_tensor_attribute(base: torch.Tensor, name: str, call: bool) -> ProgramError:
    """`x.gard`, `x.sumn()`: a typo, not a missing feature, when torch has no such name either:
    PyTorch's AttributeError. A name torch.Tensor has stays refused (not catchable)."""
    if hasattr(torch.Tensor, name):
        what = "method `.{}()`" if call else "attribute `.{}`"
        return NotSupported(f"the tensor {what.format(name)} is not supported in Autograd Lab",
                            hint=TENSOR_METHOD_HINTS.get(name))
    best = _closest(name, list(al.TENSOR_PROPERTIES) + list(al.TENSOR_METHODS))
    return _python_attribute_error(f"'{type(base).__name__}' object has no attribute '{name}'",
                                   f"did you mean `.{best}`?" if best else None)


# Names a module's own __getattr__ answers (lazy submodules, deprecated or removed names, each with its
# own words): never reported as missing; they stay refused by name as before.
_NUMPY_EXTRA = frozenset({"chararray", "array_api", "distutils", "matlib"})


def _answered_by_getattr(module: Any) -> frozenset[str] | None:
    """The names `module.__getattr__` answers, or None when the module has one this file does not know."""
    if "__getattr__" not in vars(module):
        return frozenset()
    if module is torch:
        return frozenset({*torch._lazy_modules, *torch._deprecated_attrs, "set_vital"})
    if module.__name__ == "numpy":
        return frozenset({*module.__numpy_submodules__, *module.__former_attrs__,
                          *module.__expired_attributes__, *module.__future_scalars__, *_NUMPY_EXTRA})
    return None


def _module_lacks(module: Any, name: str) -> bool:
    """True when Python's `module.name` raises AttributeError("module 'm' has no attribute 'name'")."""
    answered = _answered_by_getattr(module)
    return answered is not None and name not in answered and name not in vars(module) \
        and name not in getattr(module, "__all__", ())


NO_CUDA_HINT = ("there is no GPU here (torch.cuda.is_available() is False): write "
                "`device = \"cuda\" if torch.cuda.is_available() else \"cpu\"` and "
                "`torch.randn(10, 20, device=device)` to run the same code here and on a GPU machine")


def _no_module_member(base: Namespace, name: str) -> ProgramError:
    if base.qualname.split(".")[0] == "matplotlib":
        return NotSupported(f"`{base.qualname}.{name}`: plotting is not available in Autograd Lab; the "
                            "lines before this one ran", hint=PLOT_HINT)
    if base.qualname == "pdb":   # hunkim's PyTorchZeroToAll imports it and never calls it
        return debugger_refusal(name)
    refused = refusal(f"{base.qualname}.{name}", f"{base.qualname}.{name}")   # time.sleep
    if refused is not None:
        return refused
    why = out_of_scope(f"{base.qualname}.{name}")
    if why is not None:
        return NotSupported(f"`{base.qualname}.{name}` is not supported in Autograd Lab",
                            hint=scope_hint(f"{base.qualname}.{name}", why))
    removed = removed_numpy_name(base.qualname, name)   # np.float, np.NaN: NumPy's own words
    if removed is not None:
        return removed
    module = sys.modules.get(base.qualname)
    if module is not None and _module_lacks(module, name):   # torch.dott, math.sqr: Python's words
        best = _closest(name, base.members)
        return _python_attribute_error(f"module '{base.qualname}' has no attribute '{name}'",
                                       f"did you mean `{base.qualname}.{best}`?" if best else None)
    qualname = f"{base.qualname}.{name}"
    if base.qualname == "torch.cuda":   # torch.cuda.FloatTensor, torch.cuda.synchronize() (GPU lessons)
        return NotSupported(f"`{qualname}` is not supported in Autograd Lab", hint=NO_CUDA_HINT)
    return NotSupported(f"`{qualname}` is not supported in Autograd Lab",
                        hint=GRAD_MODE_HINTS.get(qualname) or MEMBER_HINTS.get(qualname))


def _none_has_nothing(node: ast.AST, name: str, call: bool) -> ProgramError:
    """`x.grad.zero_()` before any backward(): say why it is None, not that None is unsupported."""
    target = node.func.value if call and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
        else node.value if isinstance(node, ast.Attribute) else None
    text = ast.unparse(target) if target is not None else "the value"
    what = f"`.{name}()`" if call else f"`.{name}`"
    hint = None
    if text.endswith(".grad"):
        hint = ("a tensor has no .grad until backward() has reached it; a non-leaf tensor (one made by "
                "an operation) keeps none unless you call .retain_grad() before backward()")
    error = ProgramTypeError(f"`{text}` is None, so it has no {what}", hint=hint)
    # caught, it is Python's AttributeError in Python's words (red team s43: `except AttributeError` missed
    # it and `except TypeError` caught it, with this sentence as its text)
    error.py_type, error.py_message = AttributeError, f"'NoneType' object has no attribute '{name}'"
    return error
