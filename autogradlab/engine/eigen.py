"""Eigen analysis of a small real matrix (2×2 or 3×3): what the Eigen page and `eigen` CLI show.

Pure numpy (no torch, no Streamlit), so the UI process can analyse typed matrices itself.

Tolerances are relative to the matrix's size (its 2-norm), never absolute: eigenvalues closer than
`cluster_tol` are one repeated value (a defective value of multiplicity m is only computed to about
eps^(1/m) of its size, so the tolerance grows with the dimension), and a singular value of A − λI
below `rank_tol` counts as zero. That is how `[[1,1],[0,1]]` is defective while `[[2,1e-9],[0,2]]`
is 2I to working precision, with a note that it is numerically close to a defective matrix.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

SIZES = (2, 3)
EPS = float(np.finfo(float).eps)
DEFAULT_POWER_ITERATIONS = 20
MAX_POWER_ITERATIONS = 1000
KINDS = ("real-distinct", "repeated", "defective", "complex")
MAX_ENTRY = 1e100            # A·A and ‖A‖² stay finite in float64


class EigenInputError(ValueError):
    """A matrix that cannot be analysed, in plain words naming what is wrong."""


@dataclass(frozen=True)
class EigenSpace:
    value: complex                      # the eigenvalue (imag exactly 0 for a real one)
    multiplicity: int                   # algebraic multiplicity
    vectors: tuple[np.ndarray, ...]     # unit basis of the eigenspace (complex dtype for complex values)

    @property
    def is_real(self) -> bool:
        return self.value.imag == 0.0

    @property
    def defective(self) -> bool:
        return len(self.vectors) < self.multiplicity


@dataclass(frozen=True)
class PowerIteration:
    converges: bool
    dominant: complex | None            # the single real dominant value when it converges
    direction: np.ndarray | None        # unit vector of the dominant eigenspace nearest the last iterate
    iterations: int                     # steps actually taken (fewer when Aᵏv became 0)
    why: str                            # plain words
    path: tuple[np.ndarray, ...]        # v0, Av0/‖Av0‖, ..., unit vectors (a zero vector once Aᵏv = 0)


@dataclass(frozen=True)
class EigenAnalysis:
    matrix: np.ndarray
    eigenvalues: tuple[complex, ...]    # with multiplicity; by modulus, then real part (descending)
    spaces: tuple[EigenSpace, ...]      # one per distinct value, same order
    kind: str
    symmetric: bool
    singular: bool
    kernel: tuple[np.ndarray, ...]      # the directions A sends to 0 (empty unless singular)
    determinant: float
    trace: float
    notes: tuple[str, ...]              # numerical caveats in plain words ("close to defective")
    cluster_tol: float
    rank_tol: float

    @property
    def n(self) -> int:
        return self.matrix.shape[0]

    @property
    def real_directions(self) -> tuple[tuple[float, np.ndarray], ...]:
        """(λ, unit vector) for every real eigen-direction: the lines A only stretches."""
        return tuple((s.value.real, v.real) for s in self.spaces if s.is_real for v in s.vectors)


# --- input ----------------------------------------------------------------------------------------

def _number(item: object, where: str) -> float:
    if isinstance(item, bool) or not isinstance(item, int | float | np.integer | np.floating):
        raise EigenInputError(f"{where} must hold numbers only, not {str(item)[:40]!r}")
    if isinstance(item, int) and abs(item) > MAX_ENTRY:   # float() of 10**400 would overflow
        raise EigenInputError(f"{where} holds {Decimal(item):.3g}: entries must be at most {MAX_ENTRY:g} in "
                              "size (beyond that the arithmetic overflows)")
    value = float(item)
    if not math.isfinite(value):
        raise EigenInputError(f"{where} must hold finite numbers (no NaN or infinity)")
    if abs(value) > MAX_ENTRY:
        raise EigenInputError(f"{where} holds {value:.3g}: entries must be at most {MAX_ENTRY:g} in size "
                              "(beyond that the arithmetic overflows)")
    return value


def to_matrix(rows: object, where: str = "the matrix") -> np.ndarray:
    """A nested list (or array) of numbers → a float 2×2 or 3×3 array, or EigenInputError."""
    if isinstance(rows, np.ndarray):
        rows = rows.tolist()
    if not isinstance(rows, list | tuple) or not rows or not all(isinstance(r, list | tuple) for r in rows):
        raise EigenInputError(f"{where} must be a nested list of rows such as [[2,1],[1,2]]")
    n = len(rows)
    if any(len(r) != n for r in rows):
        lengths = ", ".join(str(len(r)) for r in rows[:4])
        raise EigenInputError(f"{where} must be square: it has {n} rows of lengths {lengths}")
    if n not in SIZES:
        raise EigenInputError(f"{where} must be 2×2 or 3×3, not {n}×{n}")
    return np.array([[_number(x, where) for x in r] for r in rows], dtype=float)


def matrix_from_values(values: object, name: str) -> np.ndarray:
    """A program variable's values (a numpy array from the Report) → the matrix, or a plain error."""
    array = np.asarray(values)
    if array.ndim != 2 or array.shape[0] != array.shape[1] or array.shape[0] not in SIZES:
        raise EigenInputError(f"`{name}` has shape {tuple(array.shape)}: eigen analysis needs a "
                              "square 2×2 or 3×3 matrix")
    if np.iscomplexobj(array):
        raise EigenInputError(f"`{name}` is complex: eigen analysis needs a real matrix")
    return to_matrix(array.astype(float).tolist(), f"`{name}`")


# --- analysis -------------------------------------------------------------------------------------

def _sort_key(z: complex) -> tuple[float, float, float]:
    return (-round(abs(z), 12), -round(z.real, 12), -z.imag)


def _clusters(values: np.ndarray, tol: float) -> list[list[complex]]:
    """Single-linkage groups of eigenvalues closer than tol."""
    groups: list[list[complex]] = []
    for z in values:
        near = [g for g in groups if any(abs(z - w) <= tol for w in g)]
        merged = [complex(z)] + [w for g in near for w in g]
        groups = [g for g in groups if g not in near] + [merged]
    return groups


def _unit(v: np.ndarray) -> np.ndarray:
    """Unit length, the largest component made real and positive (a stable sign/phase)."""
    v = v / np.linalg.norm(v)
    if np.iscomplexobj(v):                     # rounding noise such as 1.1e-16 reads as 0
        v = np.where(np.abs(v.real) < 1e-14, 0, v.real) + 1j * np.where(np.abs(v.imag) < 1e-14, 0, v.imag)
    else:
        v = np.where(np.abs(v) < 1e-14, 0, v)
    big = v[int(np.argmax(np.abs(v) > np.abs(v).max() * (1 - 1e-9)))]
    return v * (abs(big) / big)


def _null_space(m: np.ndarray, tol: float, at_most: int) -> tuple[list[np.ndarray], float]:
    """Unit basis of the (numerical) null space, 1..at_most vectors, and the largest singular value
    that was counted as zero (how far from exact the eigenspace is)."""
    _, s, vh = np.linalg.svd(m)
    k = min(max(int(np.sum(s <= tol)), 1), at_most)
    vectors = [_unit(vh[-i].conj()) for i in range(1, k + 1)]
    if m.dtype.kind != "c":
        vectors = [v.real for v in vectors]
    return vectors, float(s[-k])


def analyse(rows: object) -> EigenAnalysis:
    a = to_matrix(rows)
    n = a.shape[0]
    scale = float(np.linalg.norm(a, 2)) or 1.0
    cluster_tol = 4 * EPS ** (1 / n) * scale
    rank_tol = 4 * math.sqrt(EPS) * scale
    notes: list[str] = []
    raw = np.linalg.eigvals(a)
    spaces: list[EigenSpace] = []
    values: list[complex] = []
    for group in _clusters(raw, cluster_tol):
        mean = complex(np.mean(group))
        if abs(mean.imag) <= cluster_tol:
            mean = complex(mean.real, 0.0)
        m = len(group)
        shifted = a - mean.real * np.eye(n) if mean.imag == 0 else a.astype(complex) - mean * np.eye(n)
        vectors, zeroed = _null_space(shifted, rank_tol, m)
        if m > 1 and zeroed > 100 * EPS * scale * n:
            lam = f"{mean.real:.6g}"
            notes.append(f"Numerically close to a defective matrix: A − {lam}·I is not exactly 0 "
                         f"(it moves vectors by up to {zeroed:.1e}, tiny next to ‖A‖ = {scale:.3g}), "
                         f"so A is treated as {lam}·I; a slightly larger off-diagonal entry would make "
                         f"it a shear with a single eigen-direction.")
        spaces.append(EigenSpace(mean, m, tuple(vectors)))
        values.extend([mean] * m)
    spaces.sort(key=lambda s: _sort_key(s.value))
    values.sort(key=_sort_key)
    if any(s.value.imag != 0 for s in spaces):
        kind = "complex"
    elif any(s.defective for s in spaces):
        kind = "defective"
    elif any(s.multiplicity > 1 for s in spaces):
        kind = "repeated"
    else:
        kind = "real-distinct"
    if kind == "real-distinct":
        basis = np.column_stack([v for s in spaces for v in s.vectors])
        if np.linalg.cond(basis) > 1e6:
            notes.append("Numerically close to a defective matrix: the eigenvalues are distinct but "
                         "the eigen-directions are almost parallel.")
    symmetric = bool(np.max(np.abs(a - a.T)) <= 1e-12 * scale)
    _, s, vh = np.linalg.svd(a)
    singular = bool(s[-1] <= rank_tol)
    kernel = tuple(_unit(vh[-i]) for i in range(1, int(np.sum(s <= rank_tol)) + 1)) if singular else ()
    if singular and s[-1] > 100 * EPS * scale * n:
        notes.append(f"Numerically singular: A shrinks one direction to {s[-1]:.1e} of its length, "
                     "below the tolerance for this matrix.")
    return EigenAnalysis(a, tuple(values), tuple(spaces), kind, symmetric, singular, kernel,
                         float(np.linalg.det(a)), float(np.trace(a)), tuple(notes), cluster_tol, rank_tol)


# --- power iteration ------------------------------------------------------------------------------

def default_start(n: int) -> np.ndarray:
    """A start vector with a component along every direction of the usual examples."""
    return np.array([1.0, 0.6, 0.3][:n])


def power_iteration(analysis: EigenAnalysis, start: object = None,
                    iterations: int = DEFAULT_POWER_ITERATIONS, lang: str = "en") -> PowerIteration:
    """`lang`: the language of the verdict's `why` (autogradlab/messages/eigen.py)."""
    a, n = analysis.matrix, analysis.n
    v = default_start(n) if start is None else np.asarray(start, dtype=float).reshape(-1)
    if v.shape != (n,) or not np.all(np.isfinite(v)) or not np.any(v):
        raise EigenInputError(f"the start vector must be {n} finite numbers, not all 0")
    iterations = max(0, min(int(iterations), MAX_POWER_ITERATIONS))
    v = v / np.linalg.norm(v)
    path, taken = [v], 0
    for _ in range(iterations):
        w = a @ path[-1]
        taken += 1
        norm = float(np.linalg.norm(w))
        if norm <= analysis.rank_tol * EPS or not math.isfinite(norm):
            path.append(np.zeros(n))
            break
        path.append(w / norm)
    converges, dominant, direction, why = _verdict(analysis, path, start, lang)
    return PowerIteration(converges, dominant, direction, taken, why, tuple(path))


def _verdict(analysis: EigenAnalysis, path: list[np.ndarray], start: object, lang: str = "en"
             ) -> tuple[bool, complex | None, np.ndarray | None, str]:
    from autogradlab.engine.eigen_words import fmt, polar
    from autogradlab.messages import text

    def p(key: str, **params: object) -> str:
        return text(lang, f"eigen.p.{key}", **params)

    spaces = analysis.spaces
    top = abs(spaces[0].value)
    if top <= analysis.cluster_tol:
        return False, None, None, p("all_zero")
    tied = [s for s in spaces if abs(abs(s.value) - top) <= analysis.cluster_tol]
    if len(tied) > 1 or not tied[0].is_real:
        if not tied[0].is_real:
            r, deg = polar(tied[0].value)
            return False, None, None, p("complex", r=fmt(r), deg=fmt(deg))
        reals = sorted(s.value.real for s in tied)
        if len(tied) == 2 and reals[0] == -reals[1]:
            return False, None, None, p("flip", a=fmt(reals[1]), b=fmt(reals[0]))
        return False, None, None, p("tied", values=", ".join(fmt(s.value) for s in tied))
    space = tied[0]
    lam = space.value.real
    basis = np.column_stack(space.vectors)
    last = path[-1]
    proj = basis @ (basis.T @ last)
    direction = proj / np.linalg.norm(proj) if np.linalg.norm(proj) > 1e-12 else basis[:, 0]
    rest = [abs(s.value) for s in spaces if s is not space]
    if space.defective:
        why = p("defective", lam=fmt(lam))
    elif space.multiplicity > 1:
        why = p("repeated", lam=fmt(lam))
    else:
        ratio = max(rest) / abs(lam) if rest else 0.0
        why = p("dominant", lam=fmt(lam), ratio=fmt(ratio))
    if lam < 0:
        why += p("negative")
    first = path[0]
    if np.linalg.norm(basis.T @ first) < 1e-9:
        why += p("no_component")
    return True, complex(lam, 0.0), direction, why
