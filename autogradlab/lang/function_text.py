"""What a notebook shows for a bare function name (`torch.dot`, `f`, `print`): Python's repr without the
address, as the Variables table and the oracle write other objects (`<built-in method dot of type object>`).

Only the engine's own qualname of an allowlisted function is looked up on the real library module (never a
text the program wrote), so the repr is that of a trusted callable; functions the program made (partials,
torch.func transforms, bound methods) keep showing nothing.
"""

from __future__ import annotations

import builtins
import math
import re
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from autogradlab.lang.safe_values import SafeFunction, UserFunction

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_MODULES = {"": builtins, "torch": torch, "torch.linalg": torch.linalg, "torch.nn.functional": F,
            "torch.autograd": torch.autograd, "torch.autograd.functional": torch.autograd.functional,
            "torch.func": torch.func, "numpy": np, "math": math}


def function_text(value: Any) -> str | None:
    """`<function f>` for the program's def or lambda, the library's repr for an allowlisted function,
    None for anything else."""
    if type(value) is UserFunction:
        return repr(value)
    if type(value).__name__ in ("VjpFunction", "LinearizeFunction"):   # PyTorch's vjp_fn / jvp_fn: their
        return repr(value)                                             # repr without the address
    if type(value) is not SafeFunction:
        return None
    module, _, name = value.qualname.rpartition(".")
    real = getattr(_MODULES[module], name, None) if module in _MODULES else None
    if real is None or not callable(real) or isinstance(real, type):
        return None
    return _ADDRESS.sub("", repr(real))
