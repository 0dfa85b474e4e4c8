# Written fresh for Autograd Lab (session 27, issue 9): our own program, not a copy of any tutorial. It is
# shaped like the "functions are objects" cell many PyTorch courses show before training loops: a function
# factory that closes over a tensor, a `nonlocal` step counter, a decorator of our own with
# functools.wraps, compose(f, g), a dict of activations returned by a function, and a returned loss
# handed to torch.func.grad and to torch.autograd.functional.jacobian.
import functools

import torch
from torch.autograd.functional import jacobian


def make_linear(w, b):
    def predict(x):
        return x @ w + b
    return predict


def make_counter():
    calls = 0

    def tick():
        nonlocal calls
        calls += 1
        return calls
    return tick


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print(f"call -> {result.shape}")
        return result
    return wrapper


def compose(f, g):
    return lambda x: f(g(x))


def activations():
    return {"relu": torch.relu, "tanh": torch.tanh, "square": lambda t: t * t}


w = torch.tensor([[1.0], [-2.0]], requires_grad=True)
b = torch.tensor([0.5], requires_grad=True)
predict = make_linear(w, b)
X = torch.tensor([[1.0, 2.0], [3.0, 4.0], [0.5, -1.0]])
y = torch.tensor([[1.0], [0.0], [2.0]])

tick = make_counter()
for epoch in range(3):
    loss = ((predict(X) - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.05 * w.grad
        b -= 0.05 * b.grad
        w.grad.zero_()
        b.grad.zero_()
    print(f"epoch {tick()}: loss {loss.item():.4f}")

print(predict, make_counter, logged)

layer = logged(make_linear(torch.ones(2, 3), torch.zeros(3)))
h = layer(X)
print(layer, h.sum())

acts = activations()
for name in sorted(acts):
    print(name, acts[name](torch.tensor([-1.0, 0.5])))
relu_then_square = compose(acts["square"], acts["relu"])
print(relu_then_square(torch.tensor([-2.0, 3.0])))


def make_loss(target):
    def loss_of(v):
        return ((v - target) ** 2).sum()
    return loss_of


loss_fn = make_loss(torch.tensor([1.0, 2.0]))
print(torch.func.grad(loss_fn)(torch.tensor([0.0, 0.0])))
print(jacobian(compose(torch.sin, make_linear(torch.eye(2), torch.zeros(2))), torch.tensor([0.0, 1.0])))
