"""Eigen analysis against PyTorch (torch.linalg.eig / eigvalsh / det) for every kind and edge case:
eigenvalues with multiplicity, Av = λv for every returned vector, kinds, flags, power iteration."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from autogradlab.engine.eigen import EigenInputError, analyse, matrix_from_values, power_iteration
from autogradlab.engine.eigen_presets import PRESETS
from autogradlab.engine.eigen_words import describe

C30, S30 = math.cos(math.radians(30)), math.sin(math.radians(30))

CASES = {  # name: (matrix, kind, symmetric, singular)
    "symmetric": ([[2, 1], [1, 2]], "real-distinct", True, False),
    "lesson": ([[2, 1], [2, 3]], "real-distinct", False, False),
    "shear": ([[1, 1], [0, 1]], "defective", False, False),
    "rotation": ([[0, -1], [1, 0]], "complex", False, False),
    "spiral": ([[1.2 * C30, -1.2 * S30], [1.2 * S30, 1.2 * C30]], "complex", False, False),
    "scalar": ([[2, 0], [0, 2]], "repeated", True, False),
    "zero": ([[0, 0], [0, 0]], "repeated", True, True),
    "nilpotent": ([[0, 1], [0, 0]], "defective", False, True),
    "projection": ([[0.5, 0.5], [0.5, 0.5]], "real-distinct", True, True),
    "reflection": ([[0, 1], [1, 0]], "real-distinct", True, False),
    "negative dominant": ([[-3, 0], [1, 1]], "real-distinct", False, False),
    "3x3 complex pair": ([[0, -1, 0], [1, 0, 0], [0, 0, 2]], "complex", False, False),
    "3x3 symmetric": ([[2, 1, 0], [1, 2, 1], [0, 1, 2]], "real-distinct", True, False),
    "3x3 jordan": ([[2, 1, 0], [0, 2, 1], [0, 0, 2]], "defective", False, False),
    "3x3 repeated plane": ([[3, 0, 0], [0, 3, 0], [1, 0, 5]], "repeated", False, False),
    "3x3 singular": ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], "real-distinct", False, True),
}


def torch_eigenvalues(m: list) -> list[complex]:
    return [complex(z) for z in torch.linalg.eigvals(torch.tensor(m, dtype=torch.float64)).tolist()]


def assert_same_multiset(ours: tuple[complex, ...], theirs: list[complex], tol: float) -> None:
    left = list(theirs)
    for z in ours:
        k = min(range(len(left)), key=lambda i: abs(left[i] - z))
        assert abs(left[k] - z) <= tol, (ours, theirs)
        left.pop(k)
    assert not left


@pytest.mark.parametrize("name", CASES)
def test_eigenvalues_match_torch_with_multiplicity(name: str):
    m = CASES[name][0]
    an = analyse(m)
    assert len(an.eigenvalues) == len(m)
    # a defective value is computed to about sqrt(eps) (2×2) or eps^(1/3) (3×3) of its size
    assert_same_multiset(an.eigenvalues, torch_eigenvalues(m), tol=1e-4)


@pytest.mark.parametrize("name", CASES)
def test_every_returned_pair_satisfies_av_equals_lambda_v(name: str):
    a = torch.tensor(CASES[name][0], dtype=torch.complex128)
    for space in analyse(CASES[name][0]).spaces:
        assert space.vectors, "every eigenvalue has at least one eigenvector"
        for v in space.vectors:
            vt = torch.tensor(np.asarray(v, dtype=complex))
            assert abs(torch.linalg.vector_norm(vt).item() - 1) < 1e-12
            assert torch.allclose(a @ vt, space.value * vt, atol=1e-9)


@pytest.mark.parametrize("name", CASES)
def test_kind_and_flags(name: str):
    m, kind, symmetric, singular = CASES[name]
    an = analyse(m)
    assert (an.kind, an.symmetric, an.singular) == (kind, symmetric, singular)


@pytest.mark.parametrize("name", CASES)
def test_determinant_and_trace_match_torch(name: str):
    t = torch.tensor(CASES[name][0], dtype=torch.float64)
    an = analyse(CASES[name][0])
    assert an.determinant == pytest.approx(torch.linalg.det(t).item(), abs=1e-9)
    assert an.trace == pytest.approx(torch.trace(t).item())


def test_eigenvalues_sorted_by_modulus_then_real_part():
    an = analyse([[1, 0, 0], [0, -3, 0], [0, 0, 3]])
    assert [z.real for z in an.eigenvalues] == [3, -3, 1]


def test_symmetric_eigenvectors_are_orthogonal_and_match_eigh():
    m = [[2, 1, 0], [1, 2, 1], [0, 1, 2]]
    an = analyse(m)
    vectors = np.column_stack([v for s in an.spaces for v in s.vectors])
    assert np.allclose(vectors.T @ vectors, np.eye(3), atol=1e-12)
    expected = sorted(torch.linalg.eigvalsh(torch.tensor(m, dtype=torch.float64)).tolist(), reverse=True)
    assert [z.real for z in an.eigenvalues] == pytest.approx(expected)


def test_repeated_diagonalizable_value_has_as_many_vectors_as_its_multiplicity():
    assert [len(s.vectors) for s in analyse([[2, 0], [0, 2]]).spaces] == [2]
    assert [(s.multiplicity, len(s.vectors)) for s in analyse([[3, 0, 0], [0, 3, 0], [1, 0, 5]]).spaces] \
        == [(1, 1), (2, 2)]


def test_defective_value_has_fewer_vectors():
    shear = analyse([[1, 1], [0, 1]]).spaces
    assert [(s.multiplicity, len(s.vectors)) for s in shear] == [(2, 1)]
    assert np.allclose(shear[0].vectors[0], [1, 0])
    jordan = analyse([[2, 1, 0], [0, 2, 1], [0, 0, 2]]).spaces
    assert [(s.multiplicity, len(s.vectors)) for s in jordan] == [(3, 1)]


def test_near_defective_is_repeated_and_explained():
    an = analyse([[2, 1e-9], [0, 2]])
    assert an.kind == "repeated"
    assert any("close to a defective" in note for note in an.notes)
    assert any("close to a defective" in line for line in describe(an))
    assert not analyse([[2, 0], [0, 2]]).notes


def test_tolerance_is_relative_to_the_matrix_size():
    """The same shape at any scale gets the same kind: a tiny shear is still a shear."""
    for scale in (1e-8, 1.0, 1e8):
        assert analyse((np.array([[1, 1], [0, 1]]) * scale).tolist()).kind == "defective"
        assert analyse((np.array([[2, 1e-9], [0, 2]]) * scale).tolist()).kind == "repeated"


def test_almost_parallel_eigenvectors_are_noted():
    an = analyse([[1, 1], [1e-12, 1]])
    assert an.kind == "real-distinct"
    assert any("almost parallel" in note for note in an.notes)


def test_complex_pair_has_conjugate_vectors_and_is_described_as_rotation():
    an = analyse([[1.2 * C30, -1.2 * S30], [1.2 * S30, 1.2 * C30]])
    first, second = an.spaces
    assert first.value == pytest.approx(second.value.conjugate())
    assert np.allclose(first.vectors[0], second.vectors[0].conj())
    assert "rotates by 30° and scales by 1.2 each step" in describe(an)[0]


def test_singular_names_the_collapsing_direction():
    an = analyse([[0.5, 0.5], [0.5, 0.5]])
    assert len(an.kernel) == 1 and np.allclose(np.abs(an.kernel[0]), [2**-0.5, 2**-0.5])
    assert np.allclose(an.matrix @ an.kernel[0], 0)
    assert any("(0.707, −0.707) collapses" in line for line in describe(an))


@pytest.mark.parametrize("bad, words", [
    ([[1, 2, 3], [4, 5, 6]], "square"),
    ([[1]], "2×2 or 3×3"),
    ([[1, 0, 0, 0]] * 4, "2×2 or 3×3"),
    ([[1, "x"], [0, 1]], "numbers"),
    ([[1, float("nan")], [0, 1]], "finite"),
    ([[1, float("inf")], [0, 1]], "finite"),
    ([[True, 0], [0, 1]], "numbers"),
    ([[1e200, 0], [0, 1]], "at most"),
    ("[[1,0],[0,1]]", "nested list"),
    ([], "nested list"),
])
def test_bad_matrix_gets_a_plain_message(bad, words):
    with pytest.raises(EigenInputError, match=words):
        analyse(bad)


def test_matrix_from_program_values_checks_shape():
    assert matrix_from_values(np.eye(3, dtype=np.float32), "W").shape == (3, 3)
    with pytest.raises(EigenInputError, match=r"`v` has shape \(3,\)"):
        matrix_from_values(np.ones(3), "v")


# --- power iteration ------------------------------------------------------------------------------

def torch_power(m: list, start: list, k: int) -> np.ndarray:
    a, v = torch.tensor(m, dtype=torch.float64), torch.tensor(start, dtype=torch.float64)
    v = v / v.norm()
    for _ in range(k):
        v = a @ v
        v = v / v.norm()
    return v.numpy()


def test_power_iteration_path_matches_torch_and_converges_to_dominant_vector():
    m = [[2, 1], [2, 3]]
    power = power_iteration(analyse(m), start=[1, 0], iterations=40)
    assert power.converges and power.dominant == 4
    assert np.allclose(power.path[-1], torch_power(m, [1, 0], 40), atol=1e-12)
    ev, evec = torch.linalg.eig(torch.tensor(m, dtype=torch.float64))
    top = evec[:, int(torch.argmax(ev.abs()))].real.numpy()
    assert abs(abs(float(power.direction @ top)) - 1) < 1e-12
    assert "0.25 per step" in power.why


def test_negative_dominant_converges_with_flipping_sign():
    power = power_iteration(analyse([[-3, 0], [1, 1]]), start=[1, 1], iterations=30)
    assert power.converges and power.dominant == -3
    assert "flips sign" in power.why
    assert float(power.path[-1] @ power.path[-2]) < -0.99


@pytest.mark.parametrize("m, words", [
    ([[0, -1], [1, 0]], "complex pair"),
    ([[1, 0], [0, -1]], "flips"),
    ([[0, 0], [0, 0]], "every eigenvalue is 0"),
    ([[0, 1], [0, 0]], "every eigenvalue is 0"),
    ([[2, 0, 0], [0, 0, -2], [0, 2, 0]], "share the largest modulus"),
])
def test_power_iteration_says_why_it_does_not_converge(m, words):
    power = power_iteration(analyse(m))
    assert not power.converges and power.dominant is None and power.direction is None
    assert words in power.why


def test_nilpotent_power_iteration_reaches_zero_and_stops():
    power = power_iteration(analyse([[0, 1], [0, 0]]), start=[0, 1], iterations=20)
    assert power.iterations == 2 and not np.any(power.path[-1])


def test_defective_dominant_converges_slowly():
    power = power_iteration(analyse([[1, 1], [0, 1]]), start=[0, 1], iterations=20)
    assert power.converges and "slowly" in power.why
    assert np.allclose(power.direction, [1, 0])
    assert abs(power.path[-1][1]) > 1e-2, "after 20 steps it is still visibly off the line"


def test_start_without_dominant_component_is_called_out():
    power = power_iteration(analyse([[2, 0], [0, 1]]), start=[0, 1])
    assert power.converges and "no component along that direction" in power.why


def test_every_preset_analyses_and_describes():
    for preset in PRESETS:
        an = analyse(preset.rows)
        assert describe(an)[0]
        power_iteration(an)


def test_rounding_noise_in_eigenvectors_reads_as_zero():
    an = analyse([[1.03923, -0.6], [0.6, 1.03923]])
    for space in an.spaces:
        v = space.vectors[0]
        assert abs(v[0] - 2**-0.5) < 1e-12 and v[1].real == 0.0
