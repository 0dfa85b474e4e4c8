"""The eigen analysis in plain words, with its numbers: what each kind means geometrically.

Kept apart from the arithmetic (eigen.py) so the page, the CLI and the tests read the same sentences.
"""

from __future__ import annotations

import math

import numpy as np

from autogradlab import note_keys
from autogradlab.engine.eigen import EigenAnalysis
from autogradlab.messages import text

KINDS = ("real-distinct", "repeated", "defective", "complex")
KIND_TITLES = {kind: text("en", f"eigen.kind.{kind}") for kind in KINDS}


def kind_title(kind: str, lang: str = "en") -> str:
    return text(lang, f"eigen.kind.{kind}") if kind in KINDS else kind


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


def describe(an: EigenAnalysis, lang: str = "en") -> list[str]:
    """Sentences for the page under the figure (and `eigen` text output), most important first, in
    `lang` (autogradlab/messages/eigen.py)."""
    def w(key: str, **params: object) -> str:
        return text(lang, f"eigen.w.{key}", **params)

    lines = [_kind_sentence(an, w)]
    if an.symmetric:
        lines.append(w("symmetric"))
    if an.singular:
        if len(an.kernel) == an.n:
            what = w("collapse_all")
        elif len(an.kernel) == 1:
            what = w("collapse_one", v=vec(an.kernel[0]))
        else:
            what = w("collapse_plane", vs=w("and").join(vec(v) for v in an.kernel))
        lines.append(w("singular", det=fmt(an.determinant), what=what))
    what = w("areas") if an.n == 2 else w("volumes")
    flips = w("flips") if an.determinant < 0 else ""
    lines.append(w("det_trace", det=fmt(an.determinant), what=what, flips=flips, trace=fmt(an.trace)))
    lines.extend(note_keys.say(lang, note, note_keys.EIGEN_ANALYSIS) for note in an.notes)
    return lines


def _kind_sentence(an: EigenAnalysis, w) -> str:
    if an.kind == "complex":
        z = next(s.value for s in an.spaces if not s.is_real)
        r, deg = polar(z)
        sentence = w("complex", z=fmt(z), zbar=fmt(z.conjugate()), deg=fmt(deg), r=fmt(r))
        reals = [s for s in an.spaces if s.is_real]
        if reals:
            sentence += w("complex_axis", v=vec(reals[0].vectors[0]), lam=fmt(reals[0].value.real))
        return sentence + w("end")
    if an.kind == "defective":
        s = next(s for s in an.spaces if s.defective)
        dirs = w("dir_many" if len(s.vectors) > 1 else "dir_one", d=len(s.vectors))
        return w("defective", lam=fmt(s.value.real), m=s.multiplicity, dirs=dirs,
                 vs=", ".join(vec(v) for v in s.vectors))
    if an.kind == "repeated":
        s = next(s for s in an.spaces if s.multiplicity > 1)
        whole = s.multiplicity == an.n
        where = w("every_direction") if whole else w("whole_plane" if s.multiplicity == 2 else "whole_space")
        return w("repeated", lam=fmt(s.value.real), m=s.multiplicity, where=where,
                 what=w("all_space") if whole else w("that_plane"))
    parts = [w("along", lam=fmt(s.value.real), v=vec(s.vectors[0])) for s in an.spaces]
    return w("distinct", parts=w("semicolon").join(parts))
