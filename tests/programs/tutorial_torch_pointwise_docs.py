# Source: the examples of PyTorch's torch reference page, section "Pointwise Ops" (pytorch/pytorch,
# torch/_torch_docs.py docstrings, BSD-3-Clause; as shipped with torch 2.13.0;
# https://docs.pytorch.org/docs/stable/torch.html#pointwise-ops): the `>>>`/`...` lines of each
# function's "Example:" in the page's order, without the printed outputs, as a student pastes them one
# after the other; one `# ---- cell N name` line before each function's example (bench/tutorial_cells.py).
# Functions: abs ... xlogy, the page's functions whose docstring has an example, in
# the page's order.
# The examples run, as PyTorch's doctests run them, with `math` imported (the line after `import torch`).
# Left out: nextafter's example (`torch.finfo(torch.float32).eps`: torch.finfo is not here).
import torch
import math
# ---- cell 1 torch.abs
torch.abs(torch.tensor([-1, -2, 3]))

# ---- cell 3 torch.acos
a = torch.randn(4)
a
torch.acos(a)

# ---- cell 4 torch.acosh
a = torch.randn(4).uniform_(1, 2)
a
torch.acosh(a)

# ---- cell 5 torch.add
a = torch.randn(4)
a
torch.add(a, 20)
b = torch.randn(4)
b
c = torch.randn(4, 1)
c
torch.add(b, c, alpha=10)

# ---- cell 6 torch.addcdiv
t = torch.randn(1, 3)
t1 = torch.randn(3, 1)
t2 = torch.randn(1, 3)
torch.addcdiv(t, t1, t2, value=0.1)

# ---- cell 7 torch.addcmul
t = torch.randn(1, 3)
t1 = torch.randn(3, 1)
t2 = torch.randn(1, 3)
torch.addcmul(t, t1, t2, value=0.1)

# ---- cell 8 torch.angle
torch.angle(torch.tensor([-1 + 1j, -2 + 2j, 3 - 3j]))*180/3.14159

# ---- cell 9 torch.asin
a = torch.randn(4)
a
torch.asin(a)

# ---- cell 10 torch.asinh
a = torch.randn(4)
a
torch.asinh(a)

# ---- cell 11 torch.atan
a = torch.randn(4)
a
torch.atan(a)

# ---- cell 12 torch.atanh
a = torch.randn(4).uniform_(-1, 1)
a
torch.atanh(a)

# ---- cell 13 torch.atan2
a = torch.randn(4)
a
torch.atan2(a, torch.randn(4))

# ---- cell 14 torch.bitwise_not
torch.bitwise_not(torch.tensor([-1, -2, 3], dtype=torch.int8))

# ---- cell 15 torch.bitwise_and
torch.bitwise_and(torch.tensor([-1, -2, 3], dtype=torch.int8), torch.tensor([1, 0, 3], dtype=torch.int8))
torch.bitwise_and(torch.tensor([True, True, False]), torch.tensor([False, True, False]))

# ---- cell 16 torch.bitwise_or
torch.bitwise_or(torch.tensor([-1, -2, 3], dtype=torch.int8), torch.tensor([1, 0, 3], dtype=torch.int8))
torch.bitwise_or(torch.tensor([True, True, False]), torch.tensor([False, True, False]))

# ---- cell 17 torch.bitwise_xor
torch.bitwise_xor(torch.tensor([-1, -2, 3], dtype=torch.int8), torch.tensor([1, 0, 3], dtype=torch.int8))
torch.bitwise_xor(torch.tensor([True, True, False]), torch.tensor([False, True, False]))

# ---- cell 18 torch.bitwise_left_shift
torch.bitwise_left_shift(torch.tensor([-1, -2, 3], dtype=torch.int8), torch.tensor([1, 0, 3], dtype=torch.int8))

# ---- cell 19 torch.bitwise_right_shift
torch.bitwise_right_shift(torch.tensor([-2, -7, 31], dtype=torch.int8), torch.tensor([1, 0, 3], dtype=torch.int8))

# ---- cell 20 torch.ceil
a = torch.randn(4)
a
torch.ceil(a)

# ---- cell 21 torch.clamp
a = torch.randn(4)
a
torch.clamp(a, min=-0.5, max=0.5)
min = torch.linspace(-1, 1, steps=4)
torch.clamp(a, min=min)

# ---- cell 23 torch.conj_physical
torch.conj_physical(torch.tensor([-1 + 1j, -2 + 2j, 3 - 3j]))

# ---- cell 24 torch.copysign
a = torch.randn(5)
a
torch.copysign(a, 1)
a = torch.randn(4, 4)
a
b = torch.randn(4)
torch.copysign(a, b)
a = torch.tensor([1.])
b = torch.tensor([-0.])
torch.copysign(a, b)

# ---- cell 25 torch.cos
a = torch.randn(4)
a
torch.cos(a)

# ---- cell 26 torch.cosh
a = torch.randn(4)
a
torch.cosh(a)

# ---- cell 27 torch.deg2rad
a = torch.tensor([[180.0, -180.0], [360.0, -360.0], [90.0, -90.0]])
torch.deg2rad(a)

# ---- cell 28 torch.div
x = torch.tensor([ 0.3810,  1.2774, -0.2972, -0.3719,  0.4637])
torch.div(x, 0.5)
a = torch.tensor([[-0.3711, -1.9353, -0.4605, -0.2917],
                  [ 0.1815, -1.0111,  0.9805, -1.5923],
                  [ 0.1062,  1.4581,  0.7759, -1.2344],
                  [-0.1830, -0.0313,  1.1908, -1.4757]])
b = torch.tensor([ 0.8032,  0.2930, -0.8113, -0.2308])
torch.div(a, b)
torch.div(a, b, rounding_mode='trunc')
torch.div(a, b, rounding_mode='floor')

# ---- cell 33 torch.exp
torch.exp(torch.tensor([0, math.log(2.)]))

# ---- cell 37 torch.float_power
a = torch.randint(10, (4,))
a
torch.float_power(a, 2)
a = torch.arange(1, 5)
a
exp = torch.tensor([2, -3, 4, -5])
exp
torch.float_power(a, exp)

# ---- cell 38 torch.floor
a = torch.randn(4)
a
torch.floor(a)

# ---- cell 39 torch.floor_divide
a = torch.tensor([4.0, 3.0])
b = torch.tensor([2.0, 2.0])
torch.floor_divide(a, b)
torch.floor_divide(a, 1.4)

# ---- cell 40 torch.fmod
torch.fmod(torch.tensor([-3., -2, -1, 1, 2, 3]), 2)
torch.fmod(torch.tensor([1, 2, 3, 4, 5]), -1.5)

# ---- cell 41 torch.frac
torch.frac(torch.tensor([1, 2.5, -3.2]))

# ---- cell 42 torch.frexp
x = torch.arange(9.)
mantissa, exponent = torch.frexp(x)
mantissa
exponent
torch.ldexp(mantissa, exponent)

# ---- cell 43 torch.gradient
# Estimates the gradient of f(x)=x^2 at points [-2, -1, 2, 4]
coordinates = (torch.tensor([-2., -1., 1., 4.]),)
values = torch.tensor([4., 1., 1., 16.], )
torch.gradient(values, spacing = coordinates)
# Estimates the gradient of the R^2 -> R function whose samples are
# described by the tensor t. Implicit coordinates are [0, 1] for the outermost
# dimension and [0, 1, 2, 3] for the innermost dimension, and function estimates
# partial derivative for both dimensions.
t = torch.tensor([[1, 2, 4, 8], [10, 20, 40, 80]])
torch.gradient(t)
# A scalar value for spacing modifies the relationship between tensor indices
# and input coordinates by multiplying the indices to find the
# coordinates. For example, below the indices of the innermost
# 0, 1, 2, 3 translate to coordinates of [0, 2, 4, 6], and the indices of
# the outermost dimension 0, 1 translate to coordinates of [0, 2].
torch.gradient(t, spacing = 2.0) # dim = None (implicitly [0, 1])
# doubling the spacing between samples halves the estimated partial gradients.

# Estimates only the partial derivative for dimension 1
torch.gradient(t, dim = 1) # spacing = None (implicitly 1.)
# When spacing is a list of scalars, the relationship between the tensor
# indices and input coordinates changes based on dimension.
# For example, below, the indices of the innermost dimension 0, 1, 2, 3 translate
# to coordinates of [0, 3, 6, 9], and the indices of the outermost dimension
# 0, 1 translate to coordinates of [0, 2].
torch.gradient(t, spacing = [3., 2.])
# The following example is a replication of the previous one with explicit
# coordinates.
coords = (torch.tensor([0, 2]), torch.tensor([0, 3, 6, 9]))
torch.gradient(t, spacing = coords)

# ---- cell 44 torch.imag
x=torch.randn(4, dtype=torch.cfloat)
x
x.imag

# ---- cell 45 torch.ldexp
torch.ldexp(torch.tensor([1.]), torch.tensor([1]))
torch.ldexp(torch.tensor([1.0]), torch.tensor([1, 2, 3, 4]))

# ---- cell 46 torch.lerp
start = torch.arange(1., 5.)
end = torch.empty(4).fill_(10)
start
end
torch.lerp(start, end, 0.5)
torch.lerp(start, end, torch.full_like(start, 0.5))

# ---- cell 47 torch.lgamma
a = torch.arange(0.5, 2, 0.5)
torch.lgamma(a)

# ---- cell 48 torch.log
a = torch.rand(5) * 5
a
torch.log(a)

# ---- cell 49 torch.log10
a = torch.rand(5)
a
torch.log10(a)

# ---- cell 50 torch.log1p
a = torch.randn(5)
a
torch.log1p(a)

# ---- cell 51 torch.log2
a = torch.rand(5)
a
torch.log2(a)

# ---- cell 52 torch.logaddexp
torch.logaddexp(torch.tensor([-1.0]), torch.tensor([-1.0, -2, -3]))
torch.logaddexp(torch.tensor([-100.0, -200, -300]), torch.tensor([-1.0, -2, -3]))
torch.logaddexp(torch.tensor([1.0, 2000, 30000]), torch.tensor([-1.0, -2, -3]))

# ---- cell 54 torch.logical_and
torch.logical_and(torch.tensor([True, False, True]), torch.tensor([True, False, False]))
a = torch.tensor([0, 1, 10, 0], dtype=torch.int8)
b = torch.tensor([4, 0, 1, 0], dtype=torch.int8)
torch.logical_and(a, b)
torch.logical_and(a.double(), b.double())
torch.logical_and(a.double(), b)
torch.logical_and(a, b, out=torch.empty(4, dtype=torch.bool))

# ---- cell 55 torch.logical_not
torch.logical_not(torch.tensor([True, False]))
torch.logical_not(torch.tensor([0, 1, -10], dtype=torch.int8))
torch.logical_not(torch.tensor([0., 1.5, -10.], dtype=torch.double))
torch.logical_not(torch.tensor([0., 1., -10.], dtype=torch.double), out=torch.empty(3, dtype=torch.int16))

# ---- cell 56 torch.logical_or
torch.logical_or(torch.tensor([True, False, True]), torch.tensor([True, False, False]))
a = torch.tensor([0, 1, 10, 0], dtype=torch.int8)
b = torch.tensor([4, 0, 1, 0], dtype=torch.int8)
torch.logical_or(a, b)
torch.logical_or(a.double(), b.double())
torch.logical_or(a.double(), b)
torch.logical_or(a, b, out=torch.empty(4, dtype=torch.bool))

# ---- cell 57 torch.logical_xor
torch.logical_xor(torch.tensor([True, False, True]), torch.tensor([True, False, False]))
a = torch.tensor([0, 1, 10, 0], dtype=torch.int8)
b = torch.tensor([4, 0, 1, 0], dtype=torch.int8)
torch.logical_xor(a, b)
torch.logical_xor(a.double(), b.double())
torch.logical_xor(a.double(), b)
torch.logical_xor(a, b, out=torch.empty(4, dtype=torch.bool))

# ---- cell 59 torch.hypot
a = torch.hypot(torch.tensor([4.0]), torch.tensor([3.0, 4.0, 5.0]))

# ---- cell 63 torch.mul
a = torch.randn(3)
a
torch.mul(a, 100)
b = torch.randn(4, 1)
b
c = torch.randn(1, 4)
c
torch.mul(b, c)

# ---- cell 65 torch.nan_to_num
x = torch.tensor([float('nan'), float('inf'), -float('inf'), 3.14])
torch.nan_to_num(x)
torch.nan_to_num(x, nan=2.0)
torch.nan_to_num(x, nan=2.0, posinf=1.0)

# ---- cell 66 torch.neg
a = torch.randn(5)
a
torch.neg(a)

# ---- cell 70 torch.positive
t = torch.randn(5)
t
torch.positive(t)

# ---- cell 71 torch.pow
a = torch.randn(4)
a
torch.pow(a, 2)
exp = torch.arange(1., 5.)
a = torch.arange(1., 5.)
a
exp
torch.pow(a, exp)
exp = torch.arange(1., 5.)
base = 2
torch.pow(base, exp)

# ---- cell 72 torch.rad2deg
a = torch.tensor([[3.142, -3.142], [6.283, -6.283], [1.570, -1.570]])
torch.rad2deg(a)

# ---- cell 73 torch.real
x=torch.randn(4, dtype=torch.cfloat)
x
x.real

# ---- cell 74 torch.reciprocal
a = torch.randn(4)
a
torch.reciprocal(a)

# ---- cell 75 torch.remainder
torch.remainder(torch.tensor([-3., -2, -1, 1, 2, 3]), 2)
torch.remainder(torch.tensor([1, 2, 3, 4, 5]), -1.5)

# ---- cell 76 torch.round
torch.round(torch.tensor((4.7, -2.3, 9.1, -7.7)))
# Values equidistant from two integers are rounded towards the
#   the nearest even value (zero is treated as even)
torch.round(torch.tensor([-0.5, 0.5, 1.5, 2.5]))
# A positive decimals argument rounds to the to that decimal place
torch.round(torch.tensor([0.1234567]), decimals=3)
# A negative decimals argument rounds to the left of the decimal
torch.round(torch.tensor([1200.1234567]), decimals=-3)

# ---- cell 77 torch.rsqrt
a = torch.randn(4)
a
torch.rsqrt(a)

# ---- cell 79 torch.sign
a = torch.tensor([0.7, -1.2, 0., 2.3])
a
torch.sign(a)

# ---- cell 80 torch.sgn
t = torch.tensor([3+4j, 7-24j, 0, 1+2j])
t.sgn()

# ---- cell 81 torch.signbit
a = torch.tensor([0.7, -1.2, 0., 2.3])
torch.signbit(a)
a = torch.tensor([-0.0, 0.0])
torch.signbit(a)

# ---- cell 82 torch.sin
a = torch.randn(4)
a
torch.sin(a)

# ---- cell 84 torch.sinh
a = torch.randn(4)
a
torch.sinh(a)

# ---- cell 86 torch.sqrt
a = torch.randn(4)
a
torch.sqrt(a)

# ---- cell 87 torch.square
a = torch.randn(4)
a
torch.square(a)

# ---- cell 88 torch.sub
a = torch.tensor((1, 2))
b = torch.tensor((0, 1))
torch.sub(a, b, alpha=2)

# ---- cell 89 torch.tan
a = torch.randn(4)
a
torch.tan(a)

# ---- cell 90 torch.tanh
a = torch.randn(4)
a
torch.tanh(a)

# ---- cell 92 torch.trunc
a = torch.randn(4)
a
torch.trunc(a)
