# Source: wesm/pydata-book @d86d805 (MIT License, (C) 2022 Wes McKinney), appa.ipynb ("Python for Data
# Analysis", 3rd ed., Appendix A: Advanced NumPy; https://github.com/wesm/pydata-book/blob/d86d805/appa.ipynb):
# its code cells in order, each after a '# ---- cell N (corpus cell)' line, without the pandas import (out
# of scope), np.frompyfunc / .mro() / np.memmap (files) / order='F' with .flags and the cells that use
# their results. Session 40 (breadth): arr.searchsorted(), arr.put() in place, key.argsort(kind='mergesort'),
# a string array's take() and np.lexsort by strings (lang/numpy_array_methods.py, numpy_strings.py,
# numpy_sets_bits.py).
import numpy as np
# ---- cell 1 (wesm_appa 2)
rng = np.random.default_rng(seed=12345)
# ---- cell 2 (wesm_appa 3)
np.ones((10, 5)).shape
# ---- cell 3 (wesm_appa 4)
np.ones((3, 4, 5), dtype=np.float64).strides
# ---- cell 4 (wesm_appa 5)
ints = np.ones(10, dtype=np.uint16)
floats = np.ones(10, dtype=np.float32)
np.issubdtype(ints.dtype, np.integer)
np.issubdtype(floats.dtype, np.floating)
# ---- cell 5 (wesm_appa 7)
np.issubdtype(ints.dtype, np.number)
# ---- cell 6 (wesm_appa 8)
arr = np.arange(8)
arr
arr.reshape((4, 2))
# ---- cell 7 (wesm_appa 9)
arr.reshape((4, 2)).reshape((2, 4))
# ---- cell 8 (wesm_appa 10)
arr = np.arange(15)
arr.reshape((5, -1))
# ---- cell 9 (wesm_appa 11)
other_arr = np.ones((3, 5))
other_arr.shape
arr.reshape(other_arr.shape)
# ---- cell 10 (wesm_appa 12)
arr = np.arange(15).reshape((5, 3))
arr
arr.ravel()
# ---- cell 11 (wesm_appa 13)
arr.flatten()
# ---- cell 12 (wesm_appa 14)
arr = np.arange(12).reshape((3, 4))
arr
arr.ravel()
arr.ravel('F')
# ---- cell 13 (wesm_appa 15)
arr1 = np.array([[1, 2, 3], [4, 5, 6]])
arr2 = np.array([[7, 8, 9], [10, 11, 12]])
np.concatenate([arr1, arr2], axis=0)
np.concatenate([arr1, arr2], axis=1)
# ---- cell 14 (wesm_appa 16)
np.vstack((arr1, arr2))
np.hstack((arr1, arr2))
# ---- cell 15 (wesm_appa 17)
arr = rng.standard_normal((5, 2))
arr
first, second, third = np.split(arr, [1, 3])
first
second
third
# ---- cell 16 (wesm_appa 18)
arr = np.arange(6)
arr1 = arr.reshape((3, 2))
arr2 = rng.standard_normal((3, 2))
np.r_[arr1, arr2]
np.c_[np.r_[arr1, arr2], arr]
# ---- cell 17 (wesm_appa 19)
np.c_[1:6, -10:-5]
# ---- cell 18 (wesm_appa 20)
arr = np.arange(3)
arr
arr.repeat(3)
# ---- cell 19 (wesm_appa 21)
arr.repeat([2, 3, 4])
# ---- cell 20 (wesm_appa 22)
arr = rng.standard_normal((2, 2))
arr
arr.repeat(2, axis=0)
# ---- cell 21 (wesm_appa 23)
arr.repeat([2, 3], axis=0)
arr.repeat([2, 3], axis=1)
# ---- cell 22 (wesm_appa 24)
arr
np.tile(arr, 2)
# ---- cell 23 (wesm_appa 25)
arr
np.tile(arr, (2, 1))
np.tile(arr, (3, 2))
# ---- cell 24 (wesm_appa 26)
arr = np.arange(10) * 100
inds = [7, 1, 2, 6]
arr[inds]
# ---- cell 25 (wesm_appa 27)
arr.take(inds)
arr.put(inds, 42)
arr
arr.put(inds, [40, 41, 42, 43])
arr
# ---- cell 26 (wesm_appa 28)
inds = [2, 0, 2, 1]
arr = rng.standard_normal((2, 4))
arr
arr.take(inds, axis=1)
# ---- cell 27 (wesm_appa 29)
arr = np.arange(5)
arr
arr * 4
# ---- cell 28 (wesm_appa 30)
arr = rng.standard_normal((4, 3))
arr.mean(0)
demeaned = arr - arr.mean(0)
demeaned
demeaned.mean(0)
# ---- cell 29 (wesm_appa 31)
arr
row_means = arr.mean(1)
row_means.shape
row_means.reshape((4, 1))
demeaned = arr - row_means.reshape((4, 1))
demeaned.mean(1)
# ---- cell 30 (wesm_appa 33)
arr - arr.mean(1).reshape((4, 1))
# ---- cell 31 (wesm_appa 34)
arr = np.zeros((4, 4))
arr_3d = arr[:, np.newaxis, :]
arr_3d.shape
arr_1d = rng.standard_normal(3)
arr_1d[:, np.newaxis]
arr_1d[np.newaxis, :]
# ---- cell 32 (wesm_appa 35)
arr = rng.standard_normal((3, 4, 5))
depth_means = arr.mean(2)
depth_means
depth_means.shape
demeaned = arr - depth_means[:, :, np.newaxis]
demeaned.mean(2)
# ---- cell 33 (wesm_appa 36)
arr = np.zeros((4, 3))
arr[:] = 5
arr
# ---- cell 34 (wesm_appa 37)
col = np.array([1.28, -0.42, 0.44, 1.6])
arr[:] = col[:, np.newaxis]
arr
arr[:2] = [[-1.37], [0.509]]
arr
# ---- cell 35 (wesm_appa 38)
arr = np.arange(10)
np.add.reduce(arr)
arr.sum()
# ---- cell 36 (wesm_appa 39)
my_rng = np.random.default_rng(12346)  # for reproducibility
arr = my_rng.standard_normal((5, 5))
arr
arr[::2].sort(1) # sort a few rows
arr[:, :-1] < arr[:, 1:]
np.logical_and.reduce(arr[:, :-1] < arr[:, 1:], axis=1)
# ---- cell 37 (wesm_appa 40)
arr = np.arange(15).reshape((3, 5))
np.add.accumulate(arr, axis=1)
# ---- cell 38 (wesm_appa 41)
arr = np.arange(3).repeat([1, 2, 2])
arr
np.multiply.outer(arr, np.arange(5))
# ---- cell 39 (wesm_appa 42)
x, y = rng.standard_normal((3, 4)), rng.standard_normal(5)
result = np.subtract.outer(x, y)
result.shape
# ---- cell 40 (wesm_appa 43)
arr = np.arange(10)
np.add.reduceat(arr, [0, 5, 8])
# ---- cell 41 (wesm_appa 44)
arr = np.multiply.outer(np.arange(4), np.arange(5))
arr
np.add.reduceat(arr, [0, 2, 4], axis=1)
# ---- cell 42 (wesm_appa 47)
arr = rng.standard_normal(10000)
# ---- cell 43 (wesm_appa 48)
dtype = [('x', np.float64), ('y', np.int32)]
sarr = np.array([(1.5, 6), (np.pi, -2)], dtype=dtype)
sarr
# ---- cell 44 (wesm_appa 49)
sarr[0]
sarr[0]['y']
# ---- cell 45 (wesm_appa 50)
sarr['x']
# ---- cell 46 (wesm_appa 51)
dtype = [('x', np.int64, 3), ('y', np.int32)]
arr = np.zeros(4, dtype=dtype)
arr
# ---- cell 47 (wesm_appa 52)
arr[0]['x']
# ---- cell 48 (wesm_appa 53)
arr['x']
# ---- cell 49 (wesm_appa 54)
dtype = [('x', [('a', 'f8'), ('b', 'f4')]), ('y', np.int32)]
data = np.array([((1, 2), 5), ((3, 4), 6)], dtype=dtype)
data['x']
data['y']
data['x']['a']
# ---- cell 50 (wesm_appa 55)
arr = rng.standard_normal(6)
arr.sort()
arr
# ---- cell 51 (wesm_appa 56)
arr = rng.standard_normal((3, 5))
arr
arr[:, 0].sort()  # Sort first column values in place
arr
# ---- cell 52 (wesm_appa 57)
arr = rng.standard_normal(5)
arr
np.sort(arr)
arr
# ---- cell 53 (wesm_appa 58)
arr = rng.standard_normal((3, 5))
arr
arr.sort(axis=1)
arr
# ---- cell 54 (wesm_appa 59)
arr[:, ::-1]
# ---- cell 55 (wesm_appa 60)
values = np.array([5, 0, 1, 3, 2])
indexer = values.argsort()
indexer
values[indexer]
# ---- cell 56 (wesm_appa 61)
arr = rng.standard_normal((3, 5))
arr[0] = values
arr
arr[:, arr[0].argsort()]
# ---- cell 57 (wesm_appa 62)
first_name = np.array(['Bob', 'Jane', 'Steve', 'Bill', 'Barbara'])
last_name = np.array(['Jones', 'Arnold', 'Arnold', 'Jones', 'Walters'])
sorter = np.lexsort((first_name, last_name))
sorter
list(zip(last_name[sorter], first_name[sorter]))
# ---- cell 58 (wesm_appa 63)
values = np.array(['2:first', '2:second', '1:first', '1:second',
                   '1:third'])
key = np.array([2, 2, 1, 1, 1])
indexer = key.argsort(kind='mergesort')
indexer
values.take(indexer)
# ---- cell 59 (wesm_appa 64)
rng = np.random.default_rng(12345)
arr = rng.standard_normal(20)
arr
np.partition(arr, 3)
# ---- cell 60 (wesm_appa 65)
indices = np.argpartition(arr, 3)
indices
arr.take(indices)
# ---- cell 61 (wesm_appa 66)
arr = np.array([0, 1, 7, 12, 15])
arr.searchsorted(9)
# ---- cell 62 (wesm_appa 67)
arr.searchsorted([0, 8, 11, 16])
# ---- cell 63 (wesm_appa 68)
arr = np.array([0, 0, 0, 1, 1, 1, 1])
arr.searchsorted([0, 1])
arr.searchsorted([0, 1], side='right')
# ---- cell 64 (wesm_appa 69)
data = np.floor(rng.uniform(0, 10000, size=50))
bins = np.array([0, 100, 1000, 5000, 10000])
data
# ---- cell 65 (wesm_appa 70)
labels = bins.searchsorted(data)
labels
# ---- cell 66 (wesm_appa 72)
import numpy as np

def mean_distance(x, y):
    nx = len(x)
    result = 0.0
    count = 0
    for i in range(nx):
        result += x[i] - y[i]
        count += 1
    return result / count
