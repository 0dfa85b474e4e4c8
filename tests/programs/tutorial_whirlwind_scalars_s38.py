# Source: jakevdp/WhirlwindTourOfPython @6f1daf7 (CC0-1.0), 03-Semantics-Variables.ipynb and
# 05-Built-in-Scalar-Types.ipynb: every code cell as written, in order, each after a '# ---- cell N (notebook
# cell)' line (bench/tutorial_cells.py), but cell 14 of 03 (`type(x.is_integer)`: a method read as a value,
# refused). Session 38 (breadth): numbers' attributes and methods (x.real, x.is_integer(), c.conjugate();
# lang/number_methods.py).
# ---- cell 1 (wwt_03-Semantics-Variables 1)
x = 1         # x is an integer
x = 'hello'   # now x is a string
x = [1, 2, 3] # now x is a list
# ---- cell 2 (wwt_03-Semantics-Variables 2)
x = [1, 2, 3]
y = x
# ---- cell 3 (wwt_03-Semantics-Variables 3)
print(y)
# ---- cell 4 (wwt_03-Semantics-Variables 4)
x.append(4) # append 4 to the list pointed to by x
print(y) # y's list is modified as well!
# ---- cell 5 (wwt_03-Semantics-Variables 5)
x = 'something else'
print(y)  # y is unchanged
# ---- cell 6 (wwt_03-Semantics-Variables 6)
x = 10
y = x
x += 5  # add 5 to x's value, and assign it to x
print("x =", x)
print("y =", y)
# ---- cell 7 (wwt_03-Semantics-Variables 7)
x = 4
type(x)
# ---- cell 8 (wwt_03-Semantics-Variables 8)
x = 'hello'
type(x)
# ---- cell 9 (wwt_03-Semantics-Variables 9)
x = 3.14159
type(x)
# ---- cell 10 (wwt_03-Semantics-Variables 10)
L = [1, 2, 3]
L.append(100)
print(L)
# ---- cell 11 (wwt_03-Semantics-Variables 11)
x = 4.5
print(x.real, "+", x.imag, 'i')
# ---- cell 12 (wwt_03-Semantics-Variables 12)
x = 4.5
x.is_integer()
# ---- cell 13 (wwt_03-Semantics-Variables 13)
x = 4.0
x.is_integer()
# ---- cell 14 (wwt_05-Built-in-Scalar-Types 1)
x = 1
type(x)
# ---- cell 15 (wwt_05-Built-in-Scalar-Types 2)
2 ** 200
# ---- cell 16 (wwt_05-Built-in-Scalar-Types 3)
5 / 2
# ---- cell 17 (wwt_05-Built-in-Scalar-Types 4)
5 // 2
# ---- cell 18 (wwt_05-Built-in-Scalar-Types 5)
x = 0.000005
y = 5e-6
print(x == y)
# ---- cell 19 (wwt_05-Built-in-Scalar-Types 6)
x = 1400000.00
y = 1.4e6
print(x == y)
# ---- cell 20 (wwt_05-Built-in-Scalar-Types 7)
float(1)
# ---- cell 21 (wwt_05-Built-in-Scalar-Types 8)
0.1 + 0.2 == 0.3
# ---- cell 22 (wwt_05-Built-in-Scalar-Types 9)
print("0.1 = {0:.17f}".format(0.1))
print("0.2 = {0:.17f}".format(0.2))
print("0.3 = {0:.17f}".format(0.3))
# ---- cell 23 (wwt_05-Built-in-Scalar-Types 10)
complex(1, 2)
# ---- cell 24 (wwt_05-Built-in-Scalar-Types 11)
1 + 2j
# ---- cell 25 (wwt_05-Built-in-Scalar-Types 12)
c = 3 + 4j
# ---- cell 26 (wwt_05-Built-in-Scalar-Types 13)
c.real  # real part
# ---- cell 27 (wwt_05-Built-in-Scalar-Types 14)
c.imag  # imaginary part
# ---- cell 28 (wwt_05-Built-in-Scalar-Types 15)
c.conjugate()  # complex conjugate
# ---- cell 29 (wwt_05-Built-in-Scalar-Types 16)
abs(c)  # magnitude, i.e. sqrt(c.real ** 2 + c.imag ** 2)
# ---- cell 30 (wwt_05-Built-in-Scalar-Types 17)
message = "what do you like?"
response = 'spam'
# ---- cell 31 (wwt_05-Built-in-Scalar-Types 18)
# length of string
len(response)
# ---- cell 32 (wwt_05-Built-in-Scalar-Types 19)
# Make upper-case. See also str.lower()
response.upper()
# ---- cell 33 (wwt_05-Built-in-Scalar-Types 20)
# Capitalize. See also str.title()
message.capitalize()
# ---- cell 34 (wwt_05-Built-in-Scalar-Types 21)
# concatenation with +
message + response
# ---- cell 35 (wwt_05-Built-in-Scalar-Types 22)
# multiplication is multiple concatenation
5 * response
# ---- cell 36 (wwt_05-Built-in-Scalar-Types 23)
# Access individual characters (zero-based indexing)
message[0]
# ---- cell 37 (wwt_05-Built-in-Scalar-Types 24)
type(None)
# ---- cell 38 (wwt_05-Built-in-Scalar-Types 25)
return_value = print('abc')
# ---- cell 39 (wwt_05-Built-in-Scalar-Types 26)
print(return_value)
# ---- cell 40 (wwt_05-Built-in-Scalar-Types 27)
result = (4 < 5)
result
# ---- cell 41 (wwt_05-Built-in-Scalar-Types 28)
type(result)
# ---- cell 42 (wwt_05-Built-in-Scalar-Types 29)
print(True, False)
# ---- cell 43 (wwt_05-Built-in-Scalar-Types 30)
bool(2014)
# ---- cell 44 (wwt_05-Built-in-Scalar-Types 31)
bool(0)
# ---- cell 45 (wwt_05-Built-in-Scalar-Types 32)
bool(3.1415)
# ---- cell 46 (wwt_05-Built-in-Scalar-Types 33)
bool(None)
# ---- cell 47 (wwt_05-Built-in-Scalar-Types 34)
bool("")
# ---- cell 48 (wwt_05-Built-in-Scalar-Types 35)
bool("abc")
# ---- cell 49 (wwt_05-Built-in-Scalar-Types 36)
bool([1, 2, 3])
# ---- cell 50 (wwt_05-Built-in-Scalar-Types 37)
bool([])
