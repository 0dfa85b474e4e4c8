"""`np.set_printoptions(**np.get_printoptions())` runs as in NumPy (session 35).

Before: refused with "`np.set_printoptions(legacy=...)` is not supported", because get_printoptions()
gives legacy=False (NumPy's default) and override_repr=None. Those default values are accepted; any other
legacy mode is still refused by name. NumPy is the oracle for the printed text.
"""

from __future__ import annotations

import numpy as np
import pytest

from autogradlab.engine.run import run_program


def _numpy_prints(body: str) -> str:
    lines: list[str] = []
    before = np.get_printoptions()
    try:
        exec(body, {"np": np, "print": lambda *a: lines.append(" ".join(map(str, a)))})   # noqa: S102
    finally:
        np.set_printoptions(**before)
    return "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("body", [
    "np.set_printoptions(**np.get_printoptions())\nprint(np.array([1.5, 2.25, 1e-9]))\n",
    "opts = np.get_printoptions()\nopts['precision'] = 3\nnp.set_printoptions(**opts)\n"
    "print(np.array([1 / 3, 2 / 3]))\nprint(np.get_printoptions()['legacy'])\n",
    "np.set_printoptions(precision=2)\nkept = np.get_printoptions()\nnp.set_printoptions(precision=5)\n"
    "np.set_printoptions(**kept)\nprint(np.array([1 / 3]))\n",
    "with np.printoptions(**np.get_printoptions()):\n    print(np.array([1 / 7]))\n",
    "np.set_printoptions(legacy=False, override_repr=None, formatter=None)\nprint(np.array([0.5]))\n",
])
def test_setting_the_options_get_printoptions_gave_prints_what_numpy_prints(body: str) -> None:
    report = run_program("import numpy as np\n" + body, torchviz=False)
    assert report.ok, report.error
    assert report.printed == _numpy_prints(body)


@pytest.mark.parametrize("value", ["'1.13'", "'1.25'", "True"])
def test_a_legacy_mode_is_still_refused_by_name(value: str) -> None:
    report = run_program(f"import numpy as np\nnp.set_printoptions(legacy={value})\n", torchviz=False)
    assert report.error is not None and "legacy=" in report.error.message, report.error
