# Source: fastai/course22p2, nbs/03_backprop.ipynb (fast.ai "Practical Deep Learning for Coders" part 2,
# 2022, lesson 13: the forward and backward passes by hand; commit df93232; Apache-2.0;
# https://github.com/fastai/course22p2/blob/df93232/nbs/03_backprop.ipynb), code cells 1-54 in order.
# Left out: in cell 1, the lines that load MNIST (pathlib, gzip, pickle: files; a stand-in below) and set
# matplotlib's colour map; cells 25-26 (sympy); cells 56 on (torch.nn and
# its layers: out of scope). fastcore's test_close (cell 1's import): a stand-in below, the same check
# written with torch.allclose.
# Shortened: the stand-in has 64 training and 16 validation images (MNIST: 50,000 and 10,000).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 1
import math,time,torch, numpy as np
from torch import tensor
torch.manual_seed(42)

torch.set_printoptions(precision=2, linewidth=125, sci_mode=False)
np.set_printoptions(precision=2, linewidth=125)


def test_close(a, b, eps=1e-5):
    assert torch.allclose(torch.as_tensor(a), torch.as_tensor(b), rtol=0, atol=eps), f"close:\n{a}\n{b}"


# stand-in for MNIST: images of 28*28 grey values in [0, 1) and their labels (0-9)
x_train = (np.arange(64 * 784, dtype=np.float32).reshape(64, 784) * 37 % 256) / 256
y_train = np.arange(64) * 7 % 10
x_valid = (np.arange(16 * 784, dtype=np.float32).reshape(16, 784) * 53 % 256) / 256
y_valid = np.arange(16) * 3 % 10
x_train, y_train, x_valid, y_valid = map(tensor, [x_train, y_train, x_valid, y_valid])

# ---- cell 4
n,m = x_train.shape
c = y_train.max()+1
n,m,c

# ---- cell 5
# num hidden
nh = 50

# ---- cell 6
w1 = torch.randn(m,nh)
b1 = torch.zeros(nh)
w2 = torch.randn(nh,1)
b2 = torch.zeros(1)

# ---- cell 7
def lin(x, w, b): return x@w + b

# ---- cell 8
t = lin(x_valid, w1, b1)
t.shape

# ---- cell 9
def relu(x): return x.clamp_min(0.)

# ---- cell 10
t = relu(t)
t

# ---- cell 11
def model(xb):
    l1 = lin(xb, w1, b1)
    l2 = relu(l1)
    return lin(l2, w2, b2)

# ---- cell 12
res = model(x_valid)
res.shape

# ---- cell 15
res.shape,y_valid.shape

# ---- cell 16
(res-y_valid).shape

# ---- cell 18
res[:,0].shape

# ---- cell 19
res.squeeze().shape

# ---- cell 20
(res[:,0]-y_valid).shape

# ---- cell 21
y_train,y_valid = y_train.float(),y_valid.float()

preds = model(x_train)
preds.shape

# ---- cell 22
def mse(output, targ): return (output[:,0]-targ).pow(2).mean()

# ---- cell 23
mse(preds, y_train)

# ---- cell 27
def lin_grad(inp, out, w, b):
    # grad of matmul with respect to input
    inp.g = out.g @ w.t()
    w.g = (inp.unsqueeze(-1) * out.g.unsqueeze(1)).sum(0)
    b.g = out.g.sum(0)

# ---- cell 28
def forward_and_backward(inp, targ):
    # forward pass:
    l1 = lin(inp, w1, b1)
    l2 = relu(l1)
    out = lin(l2, w2, b2)
    diff = out[:,0]-targ
    loss = diff.pow(2).mean()
    
    # backward pass:
    out.g = 2.*diff[:,None] / inp.shape[0]
    lin_grad(l2, out, w2, b2)
    l1.g = (l1>0).float() * l2.g
    lin_grad(inp, l1, w1, b1)

# ---- cell 29
forward_and_backward(x_train, y_train)

# ---- cell 30
# Save for testing against later
def get_grad(x): return x.g.clone()
chks = w1,w2,b1,b2,x_train
grads = w1g,w2g,b1g,b2g,ig = tuple(map(get_grad, chks))

# ---- cell 32
def mkgrad(x): return x.clone().requires_grad_(True)
ptgrads = w12,w22,b12,b22,xt2 = tuple(map(mkgrad, chks))

# ---- cell 33
def forward(inp, targ):
    l1 = lin(inp, w12, b12)
    l2 = relu(l1)
    out = lin(l2, w22, b22)
    return mse(out, targ)

# ---- cell 34
loss = forward(xt2, y_train)
loss.backward()

# ---- cell 35
for a,b in zip(grads, ptgrads): test_close(a, b.grad, eps=0.01)

# ---- cell 38
class Relu():
    def __call__(self, inp):
        self.inp = inp
        self.out = inp.clamp_min(0.)
        return self.out
    
    def backward(self): self.inp.g = (self.inp>0).float() * self.out.g

# ---- cell 39
class Lin():
    def __init__(self, w, b): self.w,self.b = w,b

    def __call__(self, inp):
        self.inp = inp
        self.out = lin(inp, self.w, self.b)
        return self.out

    def backward(self):
        self.inp.g = self.out.g @ self.w.t()
        self.w.g = self.inp.t() @ self.out.g
        self.b.g = self.out.g.sum(0)

# ---- cell 40
class Mse():
    def __call__(self, inp, targ):
        self.inp,self.targ = inp,targ
        self.out = mse(inp, targ)
        return self.out
    
    def backward(self):
        self.inp.g = 2. * (self.inp.squeeze() - self.targ).unsqueeze(-1) / self.targ.shape[0]

# ---- cell 41
class Model():
    def __init__(self, w1, b1, w2, b2):
        self.layers = [Lin(w1,b1), Relu(), Lin(w2,b2)]
        self.loss = Mse()
        
    def __call__(self, x, targ):
        for l in self.layers: x = l(x)
        return self.loss(x, targ)
    
    def backward(self):
        self.loss.backward()
        for l in reversed(self.layers): l.backward()

# ---- cell 42
model = Model(w1, b1, w2, b2)

# ---- cell 43
loss = model(x_train, y_train)

# ---- cell 44
model.backward()

# ---- cell 45
test_close(w2g, w2.g, eps=0.01)
test_close(b2g, b2.g, eps=0.01)
test_close(w1g, w1.g, eps=0.01)
test_close(b1g, b1.g, eps=0.01)
test_close(ig, x_train.g, eps=0.01)

# ---- cell 47
class Module():
    def __call__(self, *args):
        self.args = args
        self.out = self.forward(*args)
        return self.out

    def forward(self): raise Exception('not implemented')
    def backward(self): self.bwd(self.out, *self.args)
    def bwd(self): raise Exception('not implemented')

# ---- cell 48
class Relu(Module):
    def forward(self, inp): return inp.clamp_min(0.)
    def bwd(self, out, inp): inp.g = (inp>0).float() * out.g

# ---- cell 49
class Lin(Module):
    def __init__(self, w, b): self.w,self.b = w,b
    def forward(self, inp): return inp@self.w + self.b
    def bwd(self, out, inp):
        inp.g = self.out.g @ self.w.t()
        self.w.g = inp.t() @ self.out.g
        self.b.g = self.out.g.sum(0)

# ---- cell 50
class Mse(Module):
    def forward (self, inp, targ): return (inp.squeeze() - targ).pow(2).mean()
    def bwd(self, out, inp, targ): inp.g = 2*(inp.squeeze()-targ).unsqueeze(-1) / targ.shape[0]

# ---- cell 51
model = Model(w1, b1, w2, b2)

# ---- cell 52
loss = model(x_train, y_train)

# ---- cell 53
model.backward()

# ---- cell 54
test_close(w2g, w2.g, eps=0.01)
test_close(b2g, b2.g, eps=0.01)
test_close(w1g, w1.g, eps=0.01)
test_close(b1g, b1.g, eps=0.01)
test_close(ig, x_train.g, eps=0.01)

