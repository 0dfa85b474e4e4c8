# Source: NumPy's user guide, "Structured arrays" (numpy/numpy doc/source/user/basics.rec.rst, commit
# 1f90bbb55e; BSD-3-Clause): its doctest lines in order, each example under its own `# ---- cell N` line,
# `import numpy as np` first. Left out: cell 19 and cell 26 (NumPy raises there on purpose) and cell 20 (an
# object field 'O': refused in Autograd Lab). Session 35 (records): structured dtypes, records, np.rec,
# bytes fields and numpy.lib.recfunctions' repack_fields / structured_to_unstructured were refused before.
import numpy as np
# ---- cell 1
x = np.array([('Rex', 9, 81.0), ('Fido', 3, 27.0)],
             dtype=[('name', 'U10'), ('age', 'i4'), ('weight', 'f4')])
x
# ---- cell 2
x[1]
# ---- cell 3
x['age']
x['age'] = 5
x
# ---- cell 4
np.dtype([('x', 'f4'), ('y', np.float32), ('z', 'f4', (2, 2))])
# ---- cell 5
np.dtype([('x', 'f4'), ('', 'i4'), ('z', 'i8')])
# ---- cell 6
np.dtype('i8, f4, S3')
np.dtype('3int8, float32, (2, 3)float64')
# ---- cell 7
np.dtype({'names': ['col1', 'col2'], 'formats': ['i4', 'f4']})
np.dtype({'names': ['col1', 'col2'],
          'formats': ['i4', 'f4'],
          'offsets': [0, 4],
          'itemsize': 12})
# ---- cell 8
np.dtype({'col1': ('i1', 0), 'col2': ('f4', 1)})
# ---- cell 9
d = np.dtype([('x', 'i8'), ('y', 'f4')])
d.names
# ---- cell 10
d['x']
# ---- cell 11
d.fields
# ---- cell 12
def print_offsets(d):
    print("offsets:", [d.fields[name][1] for name in d.names])
    print("itemsize:", d.itemsize)
print_offsets(np.dtype('u1, u1, i4, u1, i8, u2'))
# ---- cell 13
print_offsets(np.dtype('u1, u1, i4, u1, i8, u2', align=True))
# ---- cell 14
np.dtype([(('my title', 'name'), 'f4')])
# ---- cell 15
np.dtype({'name': ('i4', 0, 'my title')})
# ---- cell 16
for name in d.names:
    print(d.fields[name][:2])
# ---- cell 17
x = np.array([(1, 2, 3), (4, 5, 6)], dtype='i8, f4, f8')
x[1] = (7, 8, 9)
x
# ---- cell 18
x = np.zeros(2, dtype='i8, f4, ?, S1')
x[:] = 3
x
x[:] = np.arange(2)
x
# ---- cell 21
x = np.array([(1, 2), (3, 4)], dtype=[('foo', 'i8'), ('bar', 'f4')])
x['foo']
x['foo'] = 10
x
# ---- cell 22
y = x['bar']
y[:] = 11
x
# ---- cell 23
y.dtype, y.shape, y.strides
# ---- cell 24
x = np.zeros((2, 2), dtype=[('a', np.int32), ('b', np.float64, (3, 3))])
x['a'].shape
x['b'].shape
# ---- cell 25
a = np.zeros(3, dtype=[('a', 'i4'), ('b', 'i4'), ('c', 'f4')])
a[['a', 'c']]
# ---- cell 27
from numpy.lib.recfunctions import repack_fields
repack_fields(a[['a', 'c']]).view('i8')  # supported in 1.16
# ---- cell 28
b = np.zeros(3, dtype=[('x', 'f4'), ('y', 'f4'), ('z', 'f4')])
b[['x', 'z']].view('f4')
# ---- cell 29
from numpy.lib.recfunctions import structured_to_unstructured
structured_to_unstructured(b[['x', 'z']])
# ---- cell 30
a[['a', 'c']] = (2, 3)
a
# ---- cell 31
a[['a', 'c']] = a[['c', 'a']]
# ---- cell 32
x = np.array([(1, 2., 3.)], dtype='i, f, f')
scalar = x[0]
scalar
type(scalar)
# ---- cell 33
x = np.array([(1, 2), (3, 4)], dtype=[('foo', 'i8'), ('bar', 'f4')])
s = x[0]
s['bar'] = 100
x
# ---- cell 34
scalar = np.array([(1, 2., 3.)], dtype='i, f, f')[0]
scalar[0]
scalar[1] = 4
# ---- cell 35
scalar.item(), type(scalar.item())
# ---- cell 36
a = np.array([(1, 1), (2, 2)], dtype=[('a', 'i4'), ('b', 'i4')])
b = np.array([(1, 1), (2, 3)], dtype=[('a', 'i4'), ('b', 'i4')])
a == b
# ---- cell 37
b = np.array([(1.0, 1), (2.5, 2)], dtype=[("a", "f4"), ("b", "i4")])
a == b
# ---- cell 38
np.result_type(np.dtype("i,>i"))
np.result_type(np.dtype("i,>i"), np.dtype("i,i"))
# ---- cell 39
dt = np.dtype("i1,V3,i4,V1")[["f0", "f2"]]
dt
np.result_type(dt)
# ---- cell 40
dt = np.dtype("i1,V3,i4,V1", align=True)[["f0", "f2"]]
dt
# ---- cell 41
np.result_type(dt)
np.result_type(dt).isalignedstruct
# ---- cell 42
np.result_type(np.dtype("i,i"), np.dtype("i,i", align=True))
# ---- cell 43
recordarr = np.rec.array([(1, 2., 'Hello'), (2, 3., "World")],
                   dtype=[('foo', 'i4'),('bar', 'f4'), ('baz', 'S10')])
recordarr.bar
recordarr[1:2]
recordarr[1:2].foo
recordarr.foo[1:2]
recordarr[1].baz
# ---- cell 44
arr = np.array([(1, 2., 'Hello'), (2, 3., "World")],
            dtype=[('foo', 'i4'), ('bar', 'f4'), ('baz', 'S10')])
recordarr = np.rec.array(arr)
# ---- cell 45
arr = np.array([(1, 2., 'Hello'), (2, 3., "World")],
               dtype=[('foo', 'i4'),('bar', 'f4'), ('baz', 'S10')])
recordarr = arr.view(dtype=np.dtype((np.record, arr.dtype)),
                     type=np.recarray)
# ---- cell 46
recordarr = arr.view(np.recarray)
recordarr.dtype
# ---- cell 47
arr2 = recordarr.view(recordarr.dtype.fields or recordarr.dtype, np.ndarray)
# ---- cell 48
recordarr = np.rec.array([('Hello', (1, 2)), ("World", (3, 4))],
                dtype=[('foo', 'S6'),('bar', [('A', int), ('B', int)])])
type(recordarr.foo)
type(recordarr.bar)
