# Source: numpy/numpy, doc/source/user/absolute_beginners.rst ("NumPy: the absolute basics for beginners",
# from the end of "How to create a basic array" through "Basic array operations"; commit 0233ced;
# BSD-3-Clause; https://github.com/numpy/numpy/blob/0233ced/doc/source/user/absolute_beginners.rst), its
# doctest lines in order, the `>>>`/`...` prompts removed. Left out: `np.reshape(a, newshape=(1, 6),
# order='C')` (NumPy 2.1 deprecated newshape=).
import numpy as np
np.arange(2, 9, 2)
np.linspace(0, 10, num=5)
x = np.ones(2, dtype=np.int64)
x
arr = np.array([2, 1, 5, 3, 7, 4, 6, 8])
np.sort(arr)
a = np.array([1, 2, 3, 4])
b = np.array([5, 6, 7, 8])
np.concatenate((a, b))
x = np.array([[1, 2], [3, 4]])
y = np.array([[5, 6]])
np.concatenate((x, y), axis=0)
array_example = np.array([[[0, 1, 2, 3],
                           [4, 5, 6, 7]],

                          [[0 ,1 ,2, 3],
                           [4, 5, 6, 7]],

                          [[0 ,1 ,2, 3],
                           [4, 5, 6, 7]]])
array_example.ndim
array_example.size
array_example.shape
a = np.arange(6)
print(a)
b = a.reshape(3, 2)
print(b)
a = np.array([1, 2, 3, 4, 5, 6])
a.shape
a2 = a[np.newaxis, :]
a2.shape
row_vector = a[np.newaxis, :]
row_vector.shape
col_vector = a[:, np.newaxis]
col_vector.shape
a = np.array([1, 2, 3, 4, 5, 6])
a.shape
b = np.expand_dims(a, axis=1)
b.shape
c = np.expand_dims(a, axis=0)
c.shape
data = np.array([1, 2, 3])
data[1]
data[0:2]
data[1:]
data[-2:]
a = np.array([[1 , 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
print(a[a < 5])
five_up = (a >= 5)
print(a[five_up])
divisible_by_2 = a[a%2==0]
print(divisible_by_2)
c = a[(a > 2) & (a < 11)]
print(c)
five_up = (a > 5) | (a == 5)
print(five_up)
a = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
b = np.nonzero(a < 5)
print(b)
list_of_coordinates= list(zip(b[0], b[1]))
for coord in list_of_coordinates:
    print(coord)
print(a[b])
not_there = np.nonzero(a == 42)
print(not_there)
a = np.array([1,  2,  3,  4,  5,  6,  7,  8,  9, 10])
arr1 = a[3:8]
arr1
a1 = np.array([[1, 1],
               [2, 2]])
a2 = np.array([[3, 3],
               [4, 4]])
np.vstack((a1, a2))
np.hstack((a1, a2))
x = np.arange(1, 25).reshape(2, 12)
x
np.hsplit(x, 3)
np.hsplit(x, (3, 4))
a = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
b1 = a[0, :]
b1
b1[0] = 99
b1
a
b2 = a.copy()
data = np.array([1, 2])
ones = np.ones(2, dtype=int)
data + ones
data - ones
data * data
data / data
a = np.array([1, 2, 3, 4])
a.sum()
b = np.array([[1, 1], [2, 2]])
b.sum(axis=0)
b.sum(axis=1)
