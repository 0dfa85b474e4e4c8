"""The size of a matrix's lower triangle, with Python ints (np.tril_indices / triu_indices, session 36)."""

from __future__ import annotations


def lower_count(n: int, k: int, m: int) -> int:
    """The pairs (i, j) with 0 <= i < n, 0 <= j < m and j <= i + k, which np.tril_indices(n, k, m) lists:
    row i holds min(max(i + k + 1, 0), m). (np.triu_indices(n, k, m) lists the other n * m -
    lower_count(n, k - 1, m).) O(1) for any n: tests/unit/test_triangle_indices_s36.py checks it against
    NumPy for every n, m < 9 and |k| < 13."""
    if n <= 0 or m <= 0:
        return 0
    first = min(n, max(0, -k))   # rows before it hold none (i + k + 1 <= 0)
    full = min(n, max(first, m - k - 1))   # rows from it on hold all m (i + k + 1 >= m)
    return (full - first) * (first + full - 1 + 2 * (k + 1)) // 2 + (n - full) * m
