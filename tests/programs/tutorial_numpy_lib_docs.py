# Source: the examples of NumPy's reference for stride tricks, NaN functions, type checks, index tricks and
# ediff1d (numpy/numpy numpy/lib/_stride_tricks_impl.py, _nanfunctions_impl.py, _type_check_impl.py,
# _index_tricks_impl.py, _arraysetops_impl.py docstrings, BSD-3-Clause; as shipped with numpy 2.4;
# https://numpy.org/doc/stable/reference/): the `>>>`/`...` lines of each function's "Examples", without the
# printed outputs, as a student pastes them one after the other; one `# ---- cell N name` line before each
# function's example (bench/tutorial_cells.py), each example's own `import numpy as np` kept once, in cell 1.
# Left out: np.nanmedian / nanpercentile / nanquantile's examples (they pass overwrite_input= and out=,
# refused), np.isrealobj's (it passes an object array), and the modules' other functions (common_type,
# mintypecode, real_if_close, typename, s_, ravel_multi_index, unique_*: refused, session 36's notes).
# ---- cell 1
import numpy as np
# ---- cell 2 broadcast_arrays
x = np.array([[1,2,3]])
y = np.array([[4],[5]])
np.broadcast_arrays(x, y)
[np.array(a) for a in np.broadcast_arrays(x, y)]
# ---- cell 3 broadcast_shapes
np.broadcast_shapes((1, 2), (3, 1), (3, 2))
np.broadcast_shapes((6, 7), (5, 6, 1), (7,), (5, 1, 7))
# ---- cell 4 broadcast_to
x = np.array([1, 2, 3])
np.broadcast_to(x, (3, 3))
# ---- cell 5 nanargmax
a = np.array([[np.nan, 4], [2, 3]])
np.argmax(a)
np.nanargmax(a)
np.nanargmax(a, axis=0)
np.nanargmax(a, axis=1)
# ---- cell 6 nanargmin
a = np.array([[np.nan, 4], [2, 3]])
np.argmin(a)
np.nanargmin(a)
np.nanargmin(a, axis=0)
np.nanargmin(a, axis=1)
# ---- cell 7 nancumprod
np.nancumprod(1)
np.nancumprod([1])
np.nancumprod([1, np.nan])
a = np.array([[1, 2], [3, np.nan]])
np.nancumprod(a)
np.nancumprod(a, axis=0)
np.nancumprod(a, axis=1)
# ---- cell 8 nancumsum
np.nancumsum(1)
np.nancumsum([1])
np.nancumsum([1, np.nan])
a = np.array([[1, 2], [3, np.nan]])
np.nancumsum(a)
np.nancumsum(a, axis=0)
np.nancumsum(a, axis=1)
# ---- cell 9 nanmax
a = np.array([[1, 2], [3, np.nan]])
np.nanmax(a)
np.nanmax(a, axis=0)
np.nanmax(a, axis=1)
np.nanmax([1, 2, np.nan, -np.inf])
np.nanmax([1, 2, np.nan, np.inf])
# ---- cell 10 nanmean
a = np.array([[1, np.nan], [3, 4]])
np.nanmean(a)
np.nanmean(a, axis=0)
np.nanmean(a, axis=1)
# ---- cell 11 nanmin
a = np.array([[1, 2], [3, np.nan]])
np.nanmin(a)
np.nanmin(a, axis=0)
np.nanmin(a, axis=1)
np.nanmin([1, 2, np.nan, np.inf])
np.nanmin([1, 2, np.nan, -np.inf])
# ---- cell 12 nanprod
np.nanprod(1)
np.nanprod([1])
np.nanprod([1, np.nan])
a = np.array([[1, 2], [3, np.nan]])
np.nanprod(a)
np.nanprod(a, axis=0)
# ---- cell 13 nanstd
a = np.array([[1, np.nan], [3, 4]])
np.nanstd(a)
np.nanstd(a, axis=0)
np.nanstd(a, axis=1)
# ---- cell 14 nansum
np.nansum(1)
np.nansum([1])
np.nansum([1, np.nan])
a = np.array([[1, 1], [1, np.nan]])
np.nansum(a)
np.nansum(a, axis=0)
np.nansum([1, np.nan, np.inf])
np.nansum([1, np.nan, -np.inf])
with np.errstate(invalid="ignore"):
    np.nansum([1, np.nan, np.inf, -np.inf]) # both +/- infinity present
# ---- cell 15 nanvar
a = np.array([[1, np.nan], [3, 4]])
np.nanvar(a)
np.nanvar(a, axis=0)
np.nanvar(a, axis=1)
# ---- cell 16 imag
a = np.array([1+2j, 3+4j, 5+6j])
a.imag
a.imag = np.array([8, 10, 12])
a
np.imag(1 + 1j)
# ---- cell 17 iscomplex
np.iscomplex([1+1j, 1+0j, 4.5, 3, 2, 2j])
# ---- cell 18 iscomplexobj
np.iscomplexobj(1)
np.iscomplexobj(1+0j)
np.iscomplexobj([3, 1+0j, True])
# ---- cell 19 nan_to_num
np.nan_to_num(np.inf)
np.nan_to_num(-np.inf)
np.nan_to_num(np.nan)
x = np.array([np.inf, -np.inf, np.nan, -128, 128])
np.nan_to_num(x)
np.nan_to_num(x, nan=-9999, posinf=33333333, neginf=33333333)
nan = np.array([11, 12, -9999, 13, 14])
posinf = np.array([33333333, 11, 12, 13, 14])
neginf = np.array([11, 33333333, 12, 13, 14])
np.nan_to_num(x, nan=nan, posinf=posinf, neginf=neginf)
y = np.array([complex(np.inf, np.nan), np.nan, complex(np.nan, np.inf)])
np.nan_to_num(y)
np.nan_to_num(y, nan=111111, posinf=222222)
nan = np.array([11, 12, 13])
posinf = np.array([21, 22, 23])
neginf = np.array([31, 32, 33])
np.nan_to_num(y, nan=nan, posinf=posinf, neginf=neginf)
# ---- cell 20 real
a = np.array([1+2j, 3+4j, 5+6j])
a.real
a.real = 9
a
a.real = np.array([9, 8, 7])
a
np.real(1 + 1j)
# ---- cell 21 diag_indices
di = np.diag_indices(4)
di
a = np.arange(16).reshape(4, 4)
a
a[di] = 100
a
d3 = np.diag_indices(2, 3)
d3
a = np.zeros((2, 2, 2), dtype=int)
a[d3] = 1
a
# ---- cell 22 diag_indices_from
a = np.arange(16).reshape(4, 4)
a
di = np.diag_indices_from(a)
di
a[di]
np.diag_indices(a.shape[0])
# ---- cell 23 fill_diagonal
a = np.zeros((3, 3), int)
np.fill_diagonal(a, 5)
a
a = np.zeros((3, 3, 3, 3), int)
np.fill_diagonal(a, 4)
a[0, 0]
a[1, 1]
a[2, 2]
# tall matrices no wrap
a = np.zeros((5, 3), int)
np.fill_diagonal(a, 4)
a
# tall matrices wrap
a = np.zeros((5, 3), int)
np.fill_diagonal(a, 4, wrap=True)
a
# wide matrices
a = np.zeros((3, 5), int)
np.fill_diagonal(a, 4, wrap=True)
a
a = np.zeros((3, 3), int);
np.fill_diagonal(np.fliplr(a), [1,2,3])  # Horizontal flip
a
np.fill_diagonal(np.flipud(a), [1,2,3])  # Vertical flip
a
# ---- cell 24 ediff1d
x = np.array([1, 2, 4, 7, 0])
np.ediff1d(x)
np.ediff1d(x, to_begin=-99, to_end=np.array([88, 99]))
y = [[1, 2, 4], [1, 6, 24]]
np.ediff1d(y)
