"""`torch.backends.cudnn.deterministic = True` / `.benchmark = False` as course notebooks write them in
their seeding cell (phlippe/uvadlc_notebooks tutorial 2, cell 59), on a machine without a GPU.

In PyTorch these are process-wide flags. Here each run keeps its own copy (security.md 6: nothing one
program sets is seen by the next): reading a flag gives what this run set, or PyTorch's default on a
CPU-only machine; a value that is not a bool gets PyTorch's error text. torch's own flags are never
touched. `is_available()` is False and `version()` None, as PyTorch answers without cuDNN.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.errors import ProgramValueError

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

QUALNAME = "torch.backends.cudnn"
DEFAULTS = {"deterministic": False, "benchmark": False, "enabled": True, "allow_tf32": True}
_SETTERS = {"deterministic": "set_deterministic_cudnn", "benchmark": "set_benchmark_cudnn",
            "enabled": "set_enabled_cudnn", "allow_tf32": "set_allow_tf32_cublas"}


def is_flag(base: Any, name: str) -> bool:
    from autogradlab.lang.safe_values import Namespace
    return isinstance(base, Namespace) and base.qualname == QUALNAME and name in DEFAULTS


def _flags(interp: Interpreter) -> dict[str, bool]:
    flags = getattr(interp, "cudnn_flags", None)
    if flags is None:
        flags = interp.cudnn_flags = {}
    return flags


def read(interp: Interpreter, name: str) -> bool:
    return _flags(interp).get(name, DEFAULTS[name])


def write(interp: Interpreter, name: str, value: Any) -> None:
    if not isinstance(value, bool):
        kind = "Tensor" if type(value).__name__ == "Tensor" else type(value).__name__
        error = ProgramValueError(f"{_SETTERS[name]} expects a bool, but got {kind}",
                                  hint="pass True or False")
        error.py_type, error.py_message = RuntimeError, error.message
        raise error
    _flags(interp)[name] = value
