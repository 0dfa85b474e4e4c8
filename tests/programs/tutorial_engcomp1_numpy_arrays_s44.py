# Source: engineersCode/EngComp1_offtheground @a6fa44f5a5 (code: BSD-3-Clause, (C) 2018 engineersCode), notebooks_en/4_NumPy_Arrays_and_Plotting.ipynb (Engineering Computations module 1, lesson 4: NumPy arrays)
# Its code cells in order, each after a '# ---- cell N' line (N: the notebook's code-cell index). Session 44
# (breadth corpus, /work/wt/corpus-s44). Left out: cells that need a file, a plot, IPython or another library:
#   cell 39: IPython magic/shell/help
#   cell 43: IPython magic/shell/help
#   cell 46: out-of-scope import: from matplotlib import pyplot
#   cell 49: plot/file/display/input/network/other library: display(HTML(response.text))
#   cell 49: removed import requests; from IPython.core.display import HTML
#   cells 40, 47, 48: plain Python stops there too (an error the lesson shows on purpose, or a name a left-out cell made)
# ---- cell 0
import numpy
# ---- cell 1
numpy.array([3, 5, 8, 17])
# ---- cell 2
numpy.ones(5)
# ---- cell 3
numpy.zeros(3)
# ---- cell 4
numpy.arange(4)
# ---- cell 5
numpy.arange(2, 6)
# ---- cell 6
numpy.arange(2, 6, 2)
# ---- cell 7
numpy.arange(2, 6, 0.5)
# ---- cell 8
numpy.linspace(2.0, 3.0)
# ---- cell 9
len(numpy.linspace(2.0, 3.0))
# ---- cell 10
numpy.linspace(2.0, 3.0, 6)
# ---- cell 11
numpy.linspace(-1, 1, 9)
# ---- cell 12
x_array = numpy.linspace(-1, 1, 9)
# ---- cell 13
y_array = x_array**2
print(y_array)
# ---- cell 14
z_array = numpy.sqrt(y_array)
print(z_array)
# ---- cell 15
add_array = x_array + y_array 
print(add_array)
# ---- cell 16
mult_array = x_array * z_array
print(mult_array)
# ---- cell 17
x_array / y_array
# ---- cell 18
array_2d = numpy.array([[1, 2], [3, 4]])
print(array_2d)
# ---- cell 19
X = numpy.array([[1, 2], [3, 4]])
Y = numpy.array([[1, -1], [0, 1]])
# ---- cell 20
X + Y
# ---- cell 21
X * Y
# ---- cell 22
X @ Y
# ---- cell 23
numpy.dot(X, Y)
# ---- cell 24
a = numpy.arange(24)
# ---- cell 25
a_3D = numpy.reshape(a, (2, 3, 4))
print(a_3D)
# ---- cell 26
numpy.shape(a_3D)
# ---- cell 27
X
# ---- cell 28
# Grab the element in the 1st row and 1st column 
X[0, 0]
# ---- cell 29
# Grab the element in the 1st row and 2nd column 
X[0, 1]
# ---- cell 30
# Grab the 1st column
X[:, 0]
# ---- cell 31
# Grab the 1st row
X[0, :]
# ---- cell 32
a_3D
# ---- cell 33
a_3D[:, :, 0]
# ---- cell 34
a_3D[:, 0:2, 0]
# ---- cell 35
a_3D[0, 1, 1:3]
# ---- cell 36
#import random library
import random
# ---- cell 37
lst_1 = random.sample(range(100), 100)
lst_2 = random.sample(range(100), 100)
# ---- cell 38
#print first 10 elements
print(lst_1[0:10])
print(lst_2[0:10])
# ---- cell 41
arr_1 = numpy.random.randint(0, 100, size=100)
arr_2 = numpy.random.randint(0, 100, size=100)
# ---- cell 42
#print first 10 elements
print(arr_1[0:10])
print(arr_2[0:10])
# ---- cell 44
xarray = numpy.linspace(0, 2, 41)
print(xarray)
# ---- cell 45
pow2 = xarray**2
pow3 = xarray**3
pow_half = numpy.sqrt(xarray)
