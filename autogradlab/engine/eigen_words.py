"""The eigen analysis in plain words, with its numbers: what each kind means geometrically.

Kept apart from the arithmetic (eigen.py) so the page, the CLI and the tests read the same sentences.
"""

from __future__ import annotations

import math

import numpy as np

from autogradlab.engine.eigen import EigenAnalysis

KIND_TITLES = {
    "real-distinct": "Real, distinct eigenvalues",
    "repeated": "A repeated eigenvalue",
    "defective": "Defective (a shear)",
    "complex": "Complex eigenvalues (a rotation)",
}


def fmt(x: float | complex, digits: int = 3) -> str:
    """A short number: 2, -0.5, 1.41, 3.2e-09; complex as 1 ± 2i style `1+2i`."""
    if isinstance(x, complex):
        if x.imag == 0:
            return fmt(x.real, digits)
        sign = "+" if x.imag > 0 else "−"
        if x.real == 0:
            return f"{'' if x.imag > 0 else '−'}{fmt(abs(x.imag), digits)}i"
        return f"{fmt(x.real, digits)}{sign}{fmt(abs(x.imag), digits)}i"
    if x == 0:
        return "0"
    text = f"{x:.{digits}g}"
    return "−" + text[1:] if text.startswith("-") else text


def vec(v: np.ndarray, digits: int = 3) -> str:
    return "(" + ", ".join(fmt(complex(x) if np.iscomplexobj(v) else float(x), digits) for x in v) + ")"


def polar(z: complex) -> tuple[float, float]:
    """Modulus and angle in degrees (0..180) of a complex eigenvalue."""
    return abs(z), abs(math.degrees(math.atan2(z.imag, z.real)))


def describe(an: EigenAnalysis) -> list[str]:
    """Sentences for the page under the figure (and `eigen` text output), most important first."""
    lines = [_kind_sentence(an)]
    if an.symmetric:
        lines.append("Symmetric (A = Aᵀ): the eigenvalues are real and the eigen-directions are at "
                     "right angles to each other, so A just stretches along perpendicular axes.")
    if an.singular:
        if len(an.kernel) == an.n:
            what = "every direction collapses"
        elif len(an.kernel) == 1:
            what = f"the direction {vec(an.kernel[0])} collapses"
        else:
            what = f"the plane spanned by {' and '.join(vec(v) for v in an.kernel)} collapses"
        lines.append(f"Singular (det = {fmt(an.determinant)}): A flattens space; {what} to 0, "
                     "so no inverse can undo it.")
    what = "areas" if an.n == 2 else "volumes"
    flips = ", and orientation flips" if an.determinant < 0 else ""
    lines.append(f"det A = {fmt(an.determinant)} (the factor by which {what} scale{flips}); "
                 f"trace A = {fmt(an.trace)} (the sum of the eigenvalues).")
    lines.extend(an.notes)
    return lines


def _kind_sentence(an: EigenAnalysis) -> str:
    if an.kind == "complex":
        z = next(s.value for s in an.spaces if not s.is_real)
        r, deg = polar(z)
        text = (f"λ = {fmt(z)} and {fmt(z.conjugate())}: no real direction stays on its line in that "
                f"plane. In a suitable basis A rotates by {fmt(deg)}° and scales by {fmt(r)} each step")
        reals = [s for s in an.spaces if s.is_real]
        if reals:
            text += (f"; the remaining axis {vec(reals[0].vectors[0])} is only stretched, by "
                     f"λ = {fmt(reals[0].value.real)}")
        return text + "."
    if an.kind == "defective":
        s = next(s for s in an.spaces if s.defective)
        return (f"λ = {fmt(s.value.real)} is repeated {s.multiplicity}× but has only "
                f"{len(s.vectors)} eigen-direction{'s' if len(s.vectors) > 1 else ''} "
                f"({', '.join(vec(v) for v in s.vectors)}): A shears space, sliding vectors along "
                "that line; no basis of eigenvectors exists.")
    if an.kind == "repeated":
        s = next(s for s in an.spaces if s.multiplicity > 1)
        whole = s.multiplicity == an.n
        where = "every direction" if whole else f"a whole {'plane' if s.multiplicity == 2 else 'space'}"
        return (f"λ = {fmt(s.value.real)} is repeated {s.multiplicity}×, and {where} is an "
                f"eigen-direction: A scales {'all of space' if whole else 'that plane'} by "
                f"{fmt(s.value.real)} without turning it.")
    parts = [f"λ = {fmt(s.value.real)} along {vec(s.vectors[0])}" for s in an.spaces]
    return ("Real, distinct eigenvalues: A stretches " + "; ".join(parts)
            + ". Any other vector is turned towards the direction with the largest |λ|.")
