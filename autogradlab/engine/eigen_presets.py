"""Preset matrices of the Eigen page, each with the one line that says what it shows.

The lesson's examples (seed 003, "特征向量、特征值": a red vector the matrix turns and stretches, a green
one it only stretches) use d2l's matrices: A = [[2,1],[2,3]] (λ = 4 along (1,2), λ = 1 along (1,−1))
and A = [[2,0],[0,−1]].
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    label: str
    rows: tuple[tuple[float, ...], ...]
    line: str


_C, _S = math.cos(math.radians(30)), math.sin(math.radians(30))

PRESETS: tuple[Preset, ...] = (
    Preset("lesson: red and green vectors", ((2.0, 1.0), (2.0, 3.0)),
           "The lesson's matrix: a green vector along (1, 2) is only stretched (by 4); most others turn."),
    Preset("lesson: stretch and flip", ((2.0, 0.0), (0.0, -1.0)),
           "The lesson's diagonal matrix: doubles x, flips y (λ = 2 and λ = −1 on the axes)."),
    Preset("symmetric", ((2.0, 1.0), (1.0, 2.0)),
           "Symmetric: stretches by 3 along the diagonal and by 1 across it, at right angles."),
    Preset("stretch", ((3.0, 0.0), (0.0, 0.5)),
           "Stretch: triples x and halves y; the axes are the eigen-directions."),
    Preset("shear (defective)", ((1.0, 1.0), (0.0, 1.0)),
           "Shear: slides everything along x; λ = 1 twice but only one eigen-direction."),
    Preset("rotation (complex)", ((round(_C, 6), round(-_S, 6)), (round(_S, 6), round(_C, 6))),
           "Rotation by 30°: every vector turns, no real eigen-direction; λ = cos 30° ± i sin 30°."),
    Preset("rotation-scaling (spiral)", ((round(1.2 * _C, 6), round(-1.2 * _S, 6)),
                                         (round(1.2 * _S, 6), round(1.2 * _C, 6))),
           "Spiral: rotates by 30° and scales by 1.2 each step; repeated steps spiral outwards."),
    Preset("scalar (repeated)", ((2.0, 0.0), (0.0, 2.0)),
           "2·I: every direction is an eigen-direction, all stretched by λ = 2."),
    Preset("projection (singular)", ((0.5, 0.5), (0.5, 0.5)),
           "Projection onto the diagonal: (1, −1) collapses to 0 (λ = 0), the diagonal stays (λ = 1)."),
    Preset("reflection", ((0.0, 1.0), (1.0, 0.0)),
           "Reflection across y = x: λ = 1 along the mirror, λ = −1 across it."),
    Preset("3×3 symmetric", ((2.0, 1.0, 0.0), (1.0, 2.0, 1.0), (0.0, 1.0, 2.0)),
           "3×3 symmetric: three perpendicular eigen-directions; the sphere becomes an ellipsoid."),
    Preset("3×3 with a spin", ((0.0, -1.0, 0.0), (1.0, 0.0, 0.0), (0.0, 0.0, 2.0)),
           "3×3 rotation about z by 90° plus a stretch along z: one real axis, a complex pair."),
)

BY_LABEL = {p.label: p for p in PRESETS}
DEFAULT = PRESETS[0]


def matching(rows: object) -> Preset | None:
    """The preset with exactly these numbers, if any (to show its line next to typed numbers)."""
    for preset in PRESETS:
        if [list(r) for r in preset.rows] == [list(map(float, r)) for r in rows]:  # type: ignore[union-attr]
            return preset
    return None
