# Source: NumPy's user guide, "How to print NumPy arrays" (numpy/numpy doc/source/user/how-to-print.rst,
# commit 1f90bbb55e; BSD-3-Clause): its doctest lines in order, each example under its own `# ---- cell N`
# line, `import numpy as np` first. Left out: the last example (cell 9), which formats np.datetime64 items
# with a formatter function (both refused in Autograd Lab). Session 34 (corpus): get_printoptions,
# `with np.printoptions(...)`, threshold/edgeitems/nanstr/infstr/floatmode were refused before.
import numpy as np
# ---- cell 1
np.set_printoptions(precision=2)
np.get_printoptions()
# ---- cell 2
np.set_printoptions(edgeitems=3, infstr='inf',
linewidth=75, nanstr='nan', precision=8,
suppress=False, threshold=1000, formatter=None)
# ---- cell 3
arr = np.array([0.155, 0.184, 0.173])
with np.printoptions(precision=2):
    print(arr)
# ---- cell 4
arr = np.array([0.1, 0.184, 0.17322])
with np.printoptions(precision=2):
    print(arr)
# ---- cell 5
arr = np.array([0.1, 0.184, 0.173], dtype=np.float32)
with np.printoptions(precision=2, floatmode="fixed"):
    print(arr)
# ---- cell 6
arr = np.array([np.inf, np.nan, 0])
with np.printoptions(nanstr="NAN", infstr="INF"):
    print(arr)
# ---- cell 7
arr = np.array([0.00002, 210000.0, 3.14])
print(arr)
# ---- cell 8
arr = np.array([0.00002, 210000.0, 3.14])
with np.printoptions(suppress=True):
    print(arr)
