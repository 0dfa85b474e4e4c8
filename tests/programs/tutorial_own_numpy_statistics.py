# Describing data with NumPy, then fitting it with PyTorch: a lesson on summary statistics. Written fresh for
# Autograd Lab (session 29): np.std/var/median/percentile, np.where, np.unique, np.histogram, np.cov/corrcoef,
# array methods (a.std(), a.argsort(), a.clip(), a.sort()), np.random.choice/permutation, itertools.accumulate.
import itertools

import numpy as np
import torch

# ---- cell 1: a small data set (hours studied, exam score)
np.random.seed(7)
hours = np.round(np.random.uniform(0, 10, 40), 1)
scores = np.clip(50 + 4.5 * hours + np.random.normal(0, 6, 40), 0, 100)
print(hours[:5], np.round(scores[:5], 1))

# ---- cell 2: centre and spread
print("mean", np.mean(scores).round(2), "median", np.median(scores).round(2))
print("std", scores.std().round(3), "var (ddof=1)", np.var(scores, ddof=1).round(3))
print("quartiles", np.percentile(scores, [25, 50, 75]).round(2), "range", np.ptp(scores).round(2))

# ---- cell 3: who passed, sorted, grouped
passed = np.where(scores >= 60, 1, 0)
print(passed.sum(), "passed;", np.count_nonzero(scores < 60), "did not")
order = np.argsort(scores)[::-1]
print("top three:", hours[order[:3]], np.round(scores[order[:3]], 1))
grades = np.floor(scores / 10).astype(np.int64)
values, counts = np.unique(grades, return_counts=True)
print(dict(zip(values.tolist(), counts.tolist())))
counts_per_bin, edges = np.histogram(scores, bins=5, range=(40, 100))
print(counts_per_bin, edges)

# ---- cell 4: how the two go together
print(np.cov(hours, scores).round(2))
print(np.corrcoef(hours, scores)[0, 1].round(4))

# ---- cell 5: a random split into train and test
idx = np.random.permutation(len(hours))
train, test = idx[:30], idx[30:]
print(len(train), len(test), np.unique(np.append(train, test)).size)
sample = np.random.choice(len(hours), size=5, replace=False)
print(sample, np.sort(sample))

# ---- cell 6: the same line with PyTorch's autograd
x = torch.tensor(hours[train], dtype=torch.float32)
y = torch.tensor(scores[train], dtype=torch.float32)
xm, xs = x.mean(), x.std()
w = torch.zeros(2, requires_grad=True)
losses = []
for step in range(200):
    pred = w[0] + w[1] * (x - xm) / xs
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        w.grad.zero_()
    losses.append(loss.item())
slope = (w[1] / xs).item()
print(f"slope {slope:.3f} per hour, final loss {losses[-1]:.2f}")
A = np.vstack([hours[train], np.ones(len(train))]).T
m, c = np.linalg.lstsq(A, scores[train], rcond=None)[0]
print(np.allclose(slope, m, atol=0.05), round(float(m), 3))

# ---- cell 7: running totals and a check on the test set
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate(losses[:3], min))[-1] == min(losses[:3]))
residuals = scores[test] - (w[0].item() + w[1].item() * (hours[test] - xm.item()) / xs.item())
print(np.abs(residuals).mean().round(2) < 10, np.isclose(residuals.mean(), residuals.sum() / len(test)))
