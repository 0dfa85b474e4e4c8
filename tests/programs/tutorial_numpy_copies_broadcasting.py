# Source: NumPy's user guide, "Copies and views" and "Broadcasting" (numpy/numpy
# doc/source/user/basics.copies.rst and basics.broadcasting.rst, commit 1f90bbb55e; BSD-3-Clause): their
# doctest lines in order, each example under its own `# ---- cell N` line (copies' examples 1-4,
# broadcasting's example N as cell 10N), `import numpy as np` first. Left out: broadcasting's example 3,
# which fails on purpose (NumPy's "operands could not be broadcast" error). Session 34 (corpus): `y.base is None` and
# `from numpy import array, argmin, sqrt, sum` were refused before.
import numpy as np
# ---- cell 1
import numpy as np
x = np.arange(10)
x
y = x[1:3]  # creates a view
y
x[1:3] = [10, 11]
x
y
# ---- cell 2
import numpy as np
x = np.arange(9).reshape(3, 3)
x
y = x[[1, 2]]
y
y.base is None
# ---- cell 3
x[[1, 2]] = [[10, 11, 12], [13, 14, 15]]
x
y
# ---- cell 4
import numpy as np
x = np.arange(9)
x
y = x.reshape(3, 3)
y
y.base  # .reshape() creates a view
z = y[[2, 1]]
z
z.base is None  # advanced indexing creates a copy
# ---- cell 101
import numpy as np
a = np.array([1.0, 2.0, 3.0])
b = np.array([2.0, 2.0, 2.0])
a * b
# ---- cell 102
import numpy as np
a = np.array([1.0, 2.0, 3.0])
b = 2.0
a * b
# ---- cell 104
import numpy as np
a = np.array([0.0, 10.0, 20.0, 30.0])
b = np.array([1.0, 2.0, 3.0])
a[:, np.newaxis] + b
# ---- cell 105
from numpy import array, argmin, sqrt, sum
observation = array([111.0, 188.0])
codes = array([[102.0, 203.0],
               [132.0, 193.0],
               [45.0, 155.0],
               [57.0, 173.0]])
diff = codes - observation    # the broadcast happens here
dist = sqrt(sum(diff**2,axis=-1))
argmin(dist)
