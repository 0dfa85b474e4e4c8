"""`np.float`, `np.int`, `np.object` (aliases NumPy 1.24 removed) and `np.float_`, `np.NaN`, `np.Inf`, ...
(names NumPy 2.0 removed), as older lessons still write them (session 41: STAT 453's perceptron,
`np.float` in a dtype): NumPy's own AttributeError, word for word, at the line that reads the name, so
`except AttributeError as e` catches it and `print(e)` shows NumPy's text. The names come from NumPy's
own tables; NumPy's module __getattr__ makes the text and imports nothing for them."""

from __future__ import annotations

import numpy as np

from autogradlab.errors import ProgramError

REMOVED_NAMES = frozenset({*np.__former_attrs__, *np.__expired_attributes__})


def removed_numpy_name(qualname: str, name: str) -> ProgramError | None:
    """NumPy's AttributeError for `numpy.<name>` when NumPy removed that name, else None."""
    if qualname != "numpy" or name not in REMOVED_NAMES:
        return None
    try:
        getattr(np, name)
    except AttributeError as exc:
        from autogradlab.lang.operators import python_error
        return python_error(AttributeError(str(exc)))
    return None
