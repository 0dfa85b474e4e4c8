# Written for Autograd Lab (session 28): a NumPy lesson on random numbers with np.random.default_rng, as
# modern NumPy tutorials teach it, ending with data for a small PyTorch fit. Not copied from any source.
import numpy as np
import torch

# 1. One generator, seeded once: the same numbers on every run
rng = np.random.default_rng(seed=2024)
print(rng)
rng
print(rng.random())            # a float in [0, 1)
rng.random(3)
rng.random((2, 3))

again = np.random.default_rng(seed=2024)
print(again.random() == np.random.default_rng(2024).random())

# 2. Distributions
heights = rng.normal(loc=170, scale=8, size=1000)
print(heights.shape, f"mean {heights.mean():.2f}, from {heights.min():.1f} to {heights.max():.1f}")
spread = np.sqrt(((heights - heights.mean()) ** 2).mean())
print(f"sample std: {spread:.3f}")
waits = rng.exponential(scale=2.0, size=5)
waits
heads = rng.binomial(n=10, p=0.5, size=8)
print("heads in 10 flips:", heads)
arrivals = rng.poisson(lam=3, size=6)
arrivals
rng.uniform(-1, 1, size=(2, 2))
rng.standard_normal(4)

# 3. Dice, cards and samples
dice = rng.integers(1, 7, size=12)
print("dice:", dice)
for face in range(1, 7):
    print(face, (dice == face).sum())
deck = np.arange(52)
hand = rng.choice(deck, size=5, replace=False)
print("hand:", hand)
weighted = rng.choice(3, size=10, p=[0.6, 0.3, 0.1])
weighted
order = rng.permutation(10)
order
cards = np.arange(8)
rng.shuffle(cards)
cards
names = ["ana", "ben", "cai", "dev"]
rng.shuffle(names)
print(names)

# 4. Monte Carlo: the share of points inside the quarter circle is about pi / 4
points = rng.random((20000, 2))
inside = (points ** 2).sum(axis=1) <= 1.0
estimate = 4 * inside.mean()
print(f"pi is about {estimate:.4f}")

# 5. A random walk and the law of large numbers
steps = rng.choice([-1, 1], size=50)
walk = steps.cumsum()
print(walk[:10], walk.max(), walk.min())
rolls = rng.integers(1, 7, size=5000)
running = rolls.cumsum() / np.arange(1, 5001)
print(f"after 10: {running[9]:.3f}, 100: {running[99]:.3f}, 5000: {running[4999]:.3f} (expected 3.5)")

# 6. A table from its indices, and an integral from samples
table = np.fromfunction(lambda i, j: (i + 1) * (j + 1), (4, 5), dtype=int)
table
xs = np.linspace(0, np.pi, 201)
print(f"integral of sin on [0, pi]: {np.trapezoid(np.sin(xs), xs):.6f}")

# 7. Noisy data for a PyTorch fit: y = 3x - 1 plus noise
x = torch.from_numpy(rng.uniform(0, 1, size=100)).float()
noise = torch.from_numpy(rng.normal(0, 0.1, size=100)).float()
y = 3 * x - 1 + noise
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for epoch in range(200):
    loss = ((w * x + b - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.5 * w.grad
        b -= 0.5 * b.grad
        w.grad.zero_()
        b.grad.zero_()
print(f"w = {w.item():.3f}, b = {b.item():.3f}, loss = {loss.item():.4f}")
area = torch.trapezoid(w.detach() * torch.linspace(0, 1, 11) + b.detach(), torch.linspace(0, 1, 11))
torch.testing.assert_close(area, w.detach()[0] / 2 + b.detach()[0], rtol=1e-4, atol=1e-5)
print("the area under the fitted line is", area.round(decimals=3).item())
kids = rng.spawn(2)
print([k.integers(100) for k in kids])
