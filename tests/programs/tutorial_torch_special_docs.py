# Source: the examples of PyTorch's torch.special page (pytorch/pytorch torch/special/__init__.py docstrings,
# BSD-3-Clause; as shipped with torch 2.13.0; https://docs.pytorch.org/docs/stable/special.html): the
# `>>>`/`...` lines of each function's "Example:", without the printed outputs, as a student pastes them one
# after the other; one `# ---- cell N name` line before each function's example (bench/tutorial_cells.py).
# The exp2 and expm1 examples call math.log2 / math.log without importing math (they fail so in plain
# Python too): `import math` is added to the first cell. multigammaln's example is left out (refused on
# purpose: an intermediate of x.numel() * p elements, lang/special_names.py).
# ---- cell 1
import torch
import math
# ---- cell 2 digamma
a = torch.tensor([1, 0.5])
torch.special.digamma(a)
# ---- cell 3 entr
a = torch.arange(-0.5, 1, 0.5)
a
torch.special.entr(a)
# ---- cell 4 erf
torch.special.erf(torch.tensor([0, -1., 10.]))
# ---- cell 5 erfc
torch.special.erfc(torch.tensor([0, -1., 10.]))
# ---- cell 6 erfcx
torch.special.erfcx(torch.tensor([0, -1., 10.]))
# ---- cell 7 erfinv
torch.special.erfinv(torch.tensor([0, 0.5, -1.]))
# ---- cell 8 exp2
torch.special.exp2(torch.tensor([0, math.log2(2.), 3, 4]))
# ---- cell 9 expit
t = torch.randn(4)
t
torch.special.expit(t)
# ---- cell 10 expm1
torch.special.expm1(torch.tensor([0, math.log(2.)]))
# ---- cell 11 gammainc
a1 = torch.tensor([4.0])
a2 = torch.tensor([3.0, 4.0, 5.0])
a = torch.special.gammaincc(a1, a2)
b = torch.special.gammainc(a1, a2) + torch.special.gammaincc(a1, a2)
# ---- cell 12 gammaincc
a1 = torch.tensor([4.0])
a2 = torch.tensor([3.0, 4.0, 5.0])
a = torch.special.gammaincc(a1, a2)
b = torch.special.gammainc(a1, a2) + torch.special.gammaincc(a1, a2)
# ---- cell 13 gammaln
a = torch.arange(0.5, 2, 0.5)
torch.special.gammaln(a)
# ---- cell 14 i0
torch.i0(torch.arange(5, dtype=torch.float32))
# ---- cell 15 i0e
torch.special.i0e(torch.arange(5, dtype=torch.float32))
# ---- cell 16 i1
torch.special.i1(torch.arange(5, dtype=torch.float32))
# ---- cell 17 i1e
torch.special.i1e(torch.arange(5, dtype=torch.float32))
# ---- cell 18 log_ndtr
torch.special.log_ndtr(torch.tensor([-3., -2, -1, 0, 1, 2, 3]))
# ---- cell 19 log_softmax
t = torch.ones(2, 2)
torch.special.log_softmax(t, 0)
# ---- cell 20 logit
a = torch.rand(5)
a
torch.special.logit(a, eps=1e-6)
# ---- cell 21 ndtr
torch.special.ndtr(torch.tensor([-3., -2, -1, 0, 1, 2, 3]))
# ---- cell 22 ndtri
torch.special.ndtri(torch.tensor([0, 0.25, 0.5, 0.75, 1]))
# ---- cell 23 polygamma
a = torch.tensor([1, 0.5])
torch.special.polygamma(1, a)
torch.special.polygamma(2, a)
torch.special.polygamma(3, a)
torch.special.polygamma(4, a)
# ---- cell 24 sinc
t = torch.randn(4)
t
torch.special.sinc(t)
# ---- cell 25 softmax
t = torch.ones(2, 2)
torch.special.softmax(t, 0)
# ---- cell 26 xlog1py
x = torch.zeros(5,)
y = torch.tensor([-1, 0, 1, float('inf'), float('nan')])
torch.special.xlog1py(x, y)
x = torch.tensor([1, 2, 3])
y = torch.tensor([3, 2, 1])
torch.special.xlog1py(x, y)
torch.special.xlog1py(x, 4)
torch.special.xlog1py(2, y)
# ---- cell 27 xlogy
x = torch.zeros(5,)
y = torch.tensor([-1, 0, 1, float('inf'), float('nan')])
torch.special.xlogy(x, y)
x = torch.tensor([1, 2, 3])
y = torch.tensor([3, 2, 1])
torch.special.xlogy(x, y)
torch.special.xlogy(x, 4)
torch.special.xlogy(2, y)
# ---- cell 28 zeta
x = torch.tensor([2., 4.])
torch.special.zeta(x, 1)
torch.special.zeta(x, torch.tensor([1., 2.]))
torch.special.zeta(2, torch.tensor([1., 2.]))
