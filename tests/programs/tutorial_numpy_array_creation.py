# Source: NumPy's user guide, "Array creation" (numpy/numpy doc/source/user/basics.creation.rst, commit
# 1f90bbb55e; BSD-3-Clause): its doctest lines in order, each example under its own `# ---- cell N` line,
# `import numpy as np` first. Left out: example 2, which fails on purpose (128 does not fit int8), and
# example 16, which reads simple.csv from disk (np.loadtxt: no files in Autograd Lab). Session 34
# (corpus): np.vander was refused before.
import numpy as np
# ---- cell 1
import numpy as np
a1D = np.array([1, 2, 3, 4])
a2D = np.array([[1, 2], [3, 4]])
a3D = np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])
# ---- cell 3
import numpy as np
a = np.array([2, 3, 4], dtype=np.uint32)
b = np.array([5, 6, 7], dtype=np.uint32)
c_unsigned32 = a - b
print('unsigned c:', c_unsigned32, c_unsigned32.dtype)
c_signed32 = a - b.astype(np.int32)
print('signed c:', c_signed32, c_signed32.dtype)
# ---- cell 4
import numpy as np
np.arange(10)
np.arange(2, 10, dtype=np.float64)
np.arange(2, 3, 0.1)
# ---- cell 5
import numpy as np
np.linspace(1., 4., 6)
# ---- cell 6
import numpy as np
np.eye(3)
np.eye(3, 5)
# ---- cell 7
import numpy as np
np.diag([1, 2, 3])
np.diag([1, 2, 3], 1)
a = np.array([[1, 2], [3, 4]])
np.diag(a)
# ---- cell 8
import numpy as np
np.vander(np.linspace(0, 2, 5), 2)
np.vander([1, 2, 3, 4], 2)
np.vander((1, 2, 3, 4), 4)
# ---- cell 9
import numpy as np
np.zeros((2, 3))
np.zeros((2, 3, 2))
# ---- cell 10
import numpy as np
np.ones((2, 3))
np.ones((2, 3, 2))
# ---- cell 11
import numpy as np
from numpy.random import default_rng
default_rng(42).random((2,3))
default_rng(42).random((2,3,2))
# ---- cell 12
import numpy as np
np.indices((3,3))
# ---- cell 13
import numpy as np
a = np.array([1, 2, 3, 4, 5, 6])
b = a[:2]
b += 1
print('a =', a, '; b =', b)
# ---- cell 14
import numpy as np
a = np.array([1, 2, 3, 4])
b = a[:2].copy()
b += 1
print('a = ', a, 'b = ', b)
# ---- cell 15
import numpy as np
A = np.ones((2, 2))
B = np.eye(2, 2)
C = np.zeros((2, 2))
D = np.diag((-3, -4))
np.block([[A, B], [C, D]])
