# Source: the examples of NumPy's reference pages (numpy/numpy docstrings, BSD-3-Clause; as shipped with the
# installed NumPy 2.x): np.binary_repr, np.base_repr, np.format_float_positional, np.format_float_scientific,
# np.compress, np.put, np.cumulative_sum, np.cumulative_prod, np.seterr, np.geterr and the window functions
# np.hanning, np.hamming, np.bartlett, np.blackman, np.kaiser: the `>>>` lines without the printed outputs,
# one `# ---- cell N name` line before each function's example. Left out: cumulative_sum's
# `np.array([1, 2e-9, 3e-9] * 1000000)` (a 3,000,000-item list: above Autograd Lab's 100,000 items), the
# seterr / geterr lines setting 'raise' or 'print' (refused on purpose: they change what a program does or
# write to stdout), and `import matplotlib.pyplot as plt` (unused there). Session 36 (breadth): each of these
# functions was refused before.
import numpy as np
# ---- cell 1 binary_repr
np.binary_repr(3)
np.binary_repr(-3)
np.binary_repr(3, width=4)
np.binary_repr(-3, width=3)
np.binary_repr(-3, width=5)
# ---- cell 2 base_repr
np.base_repr(5)
np.base_repr(6, 5)
np.base_repr(7, base=5, padding=3)
np.base_repr(10, base=16)
np.base_repr(32, base=16)
# ---- cell 3 format_float_positional
np.format_float_positional(np.float32(np.pi))
np.format_float_positional(np.float16(np.pi))
np.format_float_positional(np.float16(0.3))
np.format_float_positional(np.float16(0.3), unique=False, precision=10)
# ---- cell 4 format_float_scientific
np.format_float_scientific(np.float32(np.pi))
s = np.float32(1.23e24)
np.format_float_scientific(s, unique=False, precision=15)
np.format_float_scientific(s, exp_digits=4)
# ---- cell 5 compress
a = np.array([[1, 2], [3, 4], [5, 6]])
a
np.compress([0, 1], a, axis=0)
np.compress([False, True, True], a, axis=0)
np.compress([False, True], a, axis=1)
np.compress([False, True], a)
# ---- cell 6 put
a = np.arange(5)
np.put(a, [0, 2], [-44, -55])
a
a = np.arange(5)
np.put(a, 22, -5, mode='clip')
a
# ---- cell 7 cumulative_sum
a = np.array([1, 2, 3, 4, 5, 6])
a
np.cumulative_sum(a)
np.cumulative_sum(a, dtype=float)  # specifies type of output value(s)
b = np.array([[1, 2, 3], [4, 5, 6]])
np.cumulative_sum(b,axis=0)  # sum over rows for each of the 3 columns
np.cumulative_sum(b,axis=1)  # sum over columns for each of the 2 rows
# ---- cell 8 cumulative_prod
a = np.array([1, 2, 3])
np.cumulative_prod(a)  # intermediate results 1, 1*2
                       # total product 1*2*3 = 6
a = np.array([1, 2, 3, 4, 5, 6])
np.cumulative_prod(a, dtype=float) # specify type of output
b = np.array([[1, 2, 3], [4, 5, 6]])
np.cumulative_prod(b, axis=0)
np.cumulative_prod(b, axis=1)
# ---- cell 9 seterr
orig_settings = np.seterr(all='ignore')  # seterr to known value
np.int16(32000) * np.int16(3)
np.geterr()
np.seterr(**orig_settings)  # restore original
# ---- cell 10 geterr
np.geterr()
np.arange(3.) / np.arange(3.)  # doctest: +SKIP
# ---- cell 11 hanning
np.hanning(12)
# ---- cell 12 hamming
np.hamming(12)
# ---- cell 13 bartlett
np.bartlett(12)
# ---- cell 14 blackman
np.blackman(12)
# ---- cell 15 kaiser
np.kaiser(12, 14)
