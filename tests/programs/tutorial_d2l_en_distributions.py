# Source: Dive into Deep Learning (English edition), chapter_appendix-mathematics-for-deep-learning/
# distributions.md (d2l-ai/d2l-en commit 23d7a5ae; licence: CC BY-SA 4.0 (text), MIT-0 (code,
# LICENSE-SAMPLECODE); https://github.com/d2l-ai/d2l-en/blob/23d7a5ae/chapter_appendix-mathematics-for-deep-learning/distributions.md),
# the PyTorch tab's code cells in order, one blank line between cells. Left out: `from d2l import torch
# as d2l` and the plotting statements (`d2l.plot(...)`, `d2l.plt.*`; a function left with none is `pass`).
# Also left out: the cell comparing Binomial(n, 0.2) pmfs for n up to 1,000 (its binom(1000, k) terms
# take about 1.3 M interpreter steps, above the 1,000,000-step limit). Changed: `d2l.tensor` (twice) is
# written `torch.tensor`, the function d2l's torch tab aliases. It needs `from math import factorial` and
# torch.distributions.poisson.Poisson (session 30).
from math import erf, factorial
import torch

torch.pi = torch.acos(torch.zeros(1)) * 2  # Define pi in torch

p = 0.3

x = torch.arange(-1, 2, 0.01)

def F(x):
    return 0 if x < 0 else 1 if x > 1 else 1 - p

1*(torch.rand(10, 10) < p)

n = 5

x = torch.arange(-1, 6, 0.01)

def F(x):
    return 0 if x < 1 else 1 if x > n else torch.floor(x) / n

torch.randint(1, n, size=(10, 10))

a, b = 1, 3

x = torch.arange(0, 4, 0.01)
p = (x > a).type(torch.float32)*(x < b).type(torch.float32)/(b-a)

def F(x):
    return 0 if x < a else 1 if x > b else (x - a) / (b - a)

(b - a) * torch.rand(10, 10) + a

n, p = 10, 0.2

# Compute binomial coefficient
def binom(n, k):
    comb = 1
    for i in range(min(k, n - k)):
        comb = comb * (n - i) // (i + 1)
    return comb

pmf = torch.tensor([p**i * (1-p)**(n - i) * binom(n, i) for i in range(n + 1)])

x = torch.arange(-1, 11, 0.01)
cmf = torch.cumsum(pmf, dim=0)

def F(x):
    return 0 if x < 0 else 1 if x > n else cmf[int(x)]

m = torch.distributions.binomial.Binomial(n, p)
m.sample(sample_shape=(10, 10))

lam = 5.0

xs = [i for i in range(20)]
pmf = torch.tensor([torch.exp(torch.tensor(-lam)) * lam**k
                    / factorial(k) for k in xs])

x = torch.arange(-1, 21, 0.01)
cmf = torch.cumsum(pmf, dim=0)
def F(x):
    return 0 if x < 0 else 1 if x > n else cmf[int(x)]

m = torch.distributions.poisson.Poisson(lam)
m.sample((10, 10))

mu, sigma = 0, 1

x = torch.arange(-3, 3, 0.01)
p = 1 / torch.sqrt(2 * torch.pi * sigma**2) * torch.exp(
    -(x - mu)**2 / (2 * sigma**2))

def phi(x):
    return (1.0 + erf((x - mu) / (sigma * torch.sqrt(torch.tensor(2.))))) / 2.0

torch.normal(mu, sigma, size=(10, 10))
