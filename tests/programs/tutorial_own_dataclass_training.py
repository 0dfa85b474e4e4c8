# Written fresh for Autograd Lab (session 31, issue 9 breadth): our own program. A training run described
# with dataclasses (a frozen config with order=True, a history with default_factory, __post_init__,
# asdict / replace), isinstance with typing's forms, np.emath and np.nditer over two arrays, upsampling
# with F.conv_transpose2d and F.interpolate (after d2l.ai 14.10 "Transposed Convolution", code MIT-0),
# then a line fitted by gradient descent with autograd.
from dataclasses import asdict, dataclass, field, replace
from typing import List, Optional

import numpy as np
import torch
import torch.nn.functional as F


@dataclass(frozen=True, order=True)
class Config:
    lr: float = 0.05
    epochs: int = 60
    name: str = field(default="line", compare=False)


@dataclass
class History:
    config: Config
    losses: List[float] = field(default_factory=list)
    best: Optional[float] = None

    def __post_init__(self):
        self.best = float("inf")

    def record(self, value: float) -> None:
        self.losses.append(round(value, 4))
        self.best = min(self.best, value)


base = Config()
fast = replace(base, lr=0.1, name="fast")
print(base, fast, base < fast, sorted([fast, base])[0].name)
print(asdict(fast), isinstance(fast.lr, float | int), isinstance(base.name, Optional[str]))

# NumPy aside: complex square roots and two arrays walked together
roots = np.emath.sqrt(np.array([-4.0, 0.0, 9.0]))
print(roots, roots.dtype)
for a, b in np.nditer([np.arange(3), np.array([10, 20, 30])]):
    print(int(a) * int(b), end=" ")
print()

# Upsampling a 2 x 2 image: transposed convolution and interpolation
X = torch.tensor([[0.0, 1.0], [2.0, 3.0]]).reshape(1, 1, 2, 2)
K = torch.tensor([[0.0, 1.0], [2.0, 3.0]]).reshape(1, 1, 2, 2)
print(F.conv_transpose2d(X, K))
print(F.conv_transpose2d(X, K, stride=2).shape, F.interpolate(X, scale_factor=2, mode="bilinear").shape)
print(F.interpolate(X, size=3, mode="nearest"))

# Fitting y = 2x - 1 with the config's learning rate
torch.manual_seed(0)
x = torch.linspace(-1, 1, 20)
y = 2 * x - 1 + 0.05 * torch.randn(20)
w = torch.zeros(2, requires_grad=True)
history = History(fast)
for epoch in range(history.config.epochs):
    loss = ((w[0] * x + w[1] - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= history.config.lr * w.grad
        w.grad.zero_()
    if epoch % 20 == 0:
        history.record(loss.item())
print(history.losses, round(history.best, 4))
print(w.detach())
