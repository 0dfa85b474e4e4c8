# Source: fastai/course22p2, nbs/02_meanshift.ipynb (fast.ai "Practical Deep Learning for Coders" part 2,
# 2022, lesson 12: mean-shift clustering from the foundations; commit df93232; Apache-2.0;
# https://github.com/fastai/course22p2/blob/df93232/nbs/02_meanshift.ipynb), code cells in order, numbered
# as in the notebook. Cell 0 imports `matplotlib.pyplot as plt` too: left out of its import line here, as
# matplotlib is not installed where the tests run (the plotting functions of cells 7 and 12 are defined,
# never called). Left out: the plotting cells 8, 10, 13, 16, 30, 52, the animation cells
# 31-33, the IPython magics (29: %time, 51: %timeit) and cell 49 (data.cuda(): no GPU here).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
import math, operator, torch
from functools import partial

# ---- cell 1
torch.manual_seed(42)
torch.set_printoptions(precision=3, linewidth=140, sci_mode=False)

# ---- cell 2
n_clusters=6
n_samples =250

# ---- cell 3
centroids = torch.rand(n_clusters, 2)*70-35

# ---- cell 4
from torch.distributions.multivariate_normal import MultivariateNormal
from torch import tensor

# ---- cell 5
def sample(m): return MultivariateNormal(m, torch.diag(tensor([5.,5.]))).sample((n_samples,))

# ---- cell 6
slices = [sample(c) for c in centroids]
data = torch.cat(slices)
data.shape

# ---- cell 7
def plot_data(centroids, data, n_samples, ax=None):
    if ax is None: _,ax = plt.subplots()
    for i, centroid in enumerate(centroids):
        samples = data[i*n_samples:(i+1)*n_samples]
        ax.scatter(samples[:,0], samples[:,1], s=1)
        ax.plot(*centroid, markersize=10, marker="x", color='k', mew=5)
        ax.plot(*centroid, markersize=5, marker="x", color='m', mew=2)

# ---- cell 9
midp = data.mean(0)
midp

# ---- cell 11
def gaussian(d, bw): return torch.exp(-0.5*((d/bw))**2) / (bw*math.sqrt(2*math.pi))

# ---- cell 12
def plot_func(f):
    x = torch.linspace(0,10,100)
    plt.plot(x, f(x))

# ---- cell 14
partial

# ---- cell 15
def tri(d, i): return (-d+i).clamp_min(0)/i

# ---- cell 17
X = data.clone()
x = data[0]

# ---- cell 18
x

# ---- cell 19
x.shape,X.shape,x[None].shape

# ---- cell 20
(x[None]-X)[:8]

# ---- cell 21
(x-X)[:8]

# ---- cell 22
# rewrite using torch.einsum
dist = ((x-X)**2).sum(1).sqrt()
dist[:8]

# ---- cell 23
weight = gaussian(dist, 2.5)
weight

# ---- cell 24
weight.shape,X.shape

# ---- cell 25
weight[:,None].shape

# ---- cell 26
weight[:,None]*X

# ---- cell 27
def one_update(X):
    for i, x in enumerate(X):
        dist = torch.sqrt(((x-X)**2).sum(1))
#         weight = gaussian(dist, 2.5)
        weight = tri(dist, 8)
        X[i] = (weight[:,None]*X).sum(0)/weight.sum()

# ---- cell 28
def meanshift(data):
    X = data.clone()
    for it in range(5): one_update(X)
    return X

# ---- cell 34
bs=5
X = data.clone()
x = X[:bs]
x.shape,X.shape

# ---- cell 35
def dist_b(a,b): return (((a[None]-b[:,None])**2).sum(2)).sqrt()

# ---- cell 36
dist_b(X, x)

# ---- cell 37
dist_b(X, x).shape

# ---- cell 38
X[None,:].shape, x[:,None].shape, (X[None,:]-x[:,None]).shape

# ---- cell 39
weight = gaussian(dist_b(X, x), 2)
weight

# ---- cell 40
weight.shape,X.shape

# ---- cell 41
weight[...,None].shape, X[None].shape

# ---- cell 42
num = (weight[...,None]*X[None]).sum(1)
num.shape

# ---- cell 43
num

# ---- cell 44
torch.einsum('ij,jk->ik', weight, X)

# ---- cell 45
weight@X

# ---- cell 46
div = weight.sum(1, keepdim=True)
div.shape

# ---- cell 47
num/div

# ---- cell 48
def meanshift(data, bs=500):
    n = len(data)
    X = data.clone()
    for it in range(5):
        for i in range(0, n, bs):
            s = slice(i, min(i+bs,n))
            weight = gaussian(dist_b(X, X[s]), 2.5)
#             weight = tri(dist_b(X, X[s]), 8)
            div = weight.sum(1, keepdim=True)
            X[s] = weight@X/div
    return X

# ---- cell 50
X = meanshift(data).cpu()
