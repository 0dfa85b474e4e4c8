"""The seed of `torch.manual_seed(seed)` and of `g.manual_seed(seed)` as PyTorch 2.13 reads it.

torch.manual_seed converts with Python's `int(seed)` (2.5 seeds as 2, "3" as 3, True as 1, a one-element
tensor as its value; `int()`'s own errors otherwise); a Generator's manual_seed takes an int only
(RuntimeError `manual_seed expected a long, but got float`). Both accept -2**63 .. 2**64 - 1 (a negative
seed wraps) and say `Overflow when unpacking long long` beyond; the generator is seeded only with an int
checked here, so nothing the program passes reaches torch but that int.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import type_text

_LOWEST, _HIGHEST = -2**63, 2**64 - 1
_CONVERTIBLE = (int, float, str)   # bool is an int


def _arguments(fn: str, args: list, kwargs: dict) -> Any:
    """The one `seed` argument (Python's messages for a wrong count or keyword)."""
    extra = set(kwargs) - {"seed"}
    if extra:
        raise python_error(TypeError(f"{fn}() got an unexpected keyword argument '{sorted(extra)[0]}'"))
    if len(args) > 1:
        raise python_error(TypeError(f"{fn}() takes 1 positional argument but {len(args)} were given"))
    if args and kwargs:
        raise python_error(TypeError(f"{fn}() got multiple values for argument 'seed'"))
    if not args and not kwargs:
        raise python_error(TypeError(f"{fn}() missing 1 required positional argument: 'seed'"))
    return args[0] if args else kwargs["seed"]


def _in_range(seed: int) -> int:
    if not _LOWEST <= seed <= _HIGHEST:
        raise python_error(ValueError("Overflow when unpacking long long"))
    return seed


def seed_of(args: list, kwargs: dict) -> int:
    """torch.manual_seed(seed): `int(seed)`, then the range."""
    seed = _arguments("manual_seed", args, kwargs)
    if isinstance(seed, torch.Tensor):
        if seed.numel() != 1:
            raise python_error(ValueError("only one element tensors can be converted to Python scalars"))
        seed = seed.item()
    elif isinstance(seed, np.generic) and isinstance(seed, np.number | np.bool_):
        seed = seed.item()
    if not isinstance(seed, _CONVERTIBLE):
        name = type_text(seed).removeprefix("torch.")
        raise python_error(TypeError("int() argument must be a string, a bytes-like object or a real number, "
                                     f"not '{name}'"))
    try:
        seed = int(seed)   # a str is at most the text limit long; Python refuses more than 4,300 digits
    except (ValueError, OverflowError) as exc:
        raise python_error(exc) from None
    return _in_range(seed)


def generator_seed_of(args: list, kwargs: dict) -> int:
    """g.manual_seed(seed): an int (not a bool), then the range."""
    seed = _arguments("manual_seed", args, kwargs)
    if isinstance(seed, bool) or not isinstance(seed, int):
        name = "Tensor" if isinstance(seed, torch.Tensor) else type_text(seed).rsplit(".", 1)[-1]
        raise python_error(RuntimeError(f"manual_seed expected a long, but got {name}"))
    return _in_range(seed)
