"""Letters NFKC turns into other non-ASCII letters may be used in names (lang/guards.py), as Python runs them.

Math lessons write the Greek symbol forms (ϵ U+03F5, ϑ U+03D1, ϕ U+03D5), the micro sign µ (U+00B5) or
a CJK compatibility ideograph; Python normalizes every name to NFKC, so `ϵ` and `ε` are one variable.
Anything NFKC turns into ASCII (fullwidth `ｐｒｉｎｔ`, the ligature ﬁ, black-letter ℌ, modifier
letters, mathematical bold) stays refused with the character named: no name can become a builtin,
keyword or dunder in disguise.
"""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted

RUNS = {
    "lunate_epsilon_loop": "ϵ_values = [0.1, 0.01]\nfor ϵ in ϵ_values:\n    print(ϵ, ε)\n",
    "theta_symbol_is_theta": "ϑ = 2\nθ = θ + 1\nprint(ϑ, θ)\n",
    "phi_symbol": "ϕ = 1.5\nprint(φ * 2)\n",
    "micro_sign": "µ = 2.5\nσ = 0.5\nprint((3 - μ) / σ)\n",
    "ohm_sign": "\u2126 = 10\nprint(\u03a9 + 1)\n",
    "halfwidth_katakana": "ﾊ = 1\nprint(ハ)\n",
    "cjk_compatibility": "\uf902 = 1\nprint(\u8eca)\n",
    "default_argument": "ϵ = 1e-3\ndef f(x, ϵ=ϵ):\n    return x + ϵ\nprint(f(1.0), f(1.0, ϵ=2))\n",
    "keyword_call": "def g(ϕ):\n    return ϕ * 2\nprint(g(ϕ=3), g(φ=4))\n",
    "class_attribute": "class P:\n    ϵ = 0.5\n    def half(self):\n        return self.ε\n"
                       "print(P().half(), P.ϵ)\n",
    "fstring": "ϵ = 7\nprint(f'{ϵ} {ε!r}')\n",
    "tensor_gradient": "import torch\nϵ = torch.tensor(2.0, requires_grad=True)\n(ϵ ** 2).backward()\n"
                       "print(ε.grad)\n",
    "undefined_after_normalizing": "ϵ = 1\nprint(ϵ2)\n",
    "attribute_error_names_normalized": "x = 1\nx.ϵ\n",
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_names_run_as_python_runs_them(name):
    source = RUNS[name]
    oracle = run_trusted(source)
    report = run_program(source)
    assert report.printed == oracle.printed
    if oracle.error is None:
        assert report.error is None, report.error
    else:
        assert report.error is not None and report.error.line == oracle.error_line
        assert str(oracle.error).strip("'") in report.error.message


def test_the_variable_is_listed_under_its_normalized_name():
    report = run_program("ϵ = 3\n")
    assert report.error is None
    names = list(report.variables)
    assert "ε" in names and "ϵ" not in names


@pytest.mark.parametrize(("source", "char"), [
    ("ｐｒｉｎｔ(1)", "U+FF50 (FULLWIDTH LATIN SMALL LETTER P)"),
    ("ﬁ = 1", "U+FB01 (LATIN SMALL LIGATURE FI)"),
    ("ℌ = 2", "U+210C (BLACK-LETTER CAPITAL H)"),
    ("ᵃ = 1", "U+1D43 (MODIFIER LETTER SMALL A)"),
    ("ϵ𝐱 = 1", "U+1D431 (MATHEMATICAL BOLD SMALL X)"),
    ("x = 1\nx.ｂ = 2", "U+FF42 (FULLWIDTH LATIN SMALL LETTER B)"),
    ("\u2160 = 1", "U+2160 (ROMAN NUMERAL ONE)"),
])
def test_letters_that_normalize_to_ascii_or_unlisted_forms_stay_refused(source, char):
    report = run_program(source)
    assert report.error is not None and report.error.kind == "syntax"
    assert report.error.message == f"character {char} is not allowed in code"
