# Written for Autograd Lab after "the mechanics of learning" chapters of PyTorch books, the autograd half
# (session 26, issue 9): our own program, not a copy. It exercises the same constructs: one parameter
# tensor unpacked into the model with *params, `params.grad is None` before the first backward, zeroing
# under `if params.grad is not None`, the update `params -= lr * params.grad` inside torch.no_grad(),
# keyword arguments to the training function, and 5,000 epochs.
import torch

torch.set_printoptions(edgeitems=2)

load = torch.tensor([2.0, 5.0, 7.5, 10.0, 12.0, 15.5, 18.0, 21.0, 24.5, 27.0])
length = torch.tensor([11.1, 12.4, 13.9, 15.1, 16.0, 17.8, 19.1, 20.4, 22.3, 23.4])
load_s = 0.1 * load


def model(x, k, c):
    return k * x + c


def loss_fn(pred, target):
    return ((pred - target) ** 2).mean()


params = torch.tensor([1.0, 0.0], requires_grad=True)
params.grad is None

loss = loss_fn(model(load, *params), length)
loss.backward()
params.grad

if params.grad is not None:
    params.grad.zero_()
params.grad


def training_loop(n_epochs, lr, params, x, target):
    for epoch in range(1, n_epochs + 1):
        if params.grad is not None:
            params.grad.zero_()
        loss = loss_fn(model(x, *params), target)
        loss.backward()
        with torch.no_grad():
            params -= lr * params.grad
        if epoch % 1000 == 0:
            print('Epoch %d, Loss %f' % (epoch, float(loss)))
    return params


training_loop(
    n_epochs=5000,
    lr=1e-2,
    params=torch.tensor([1.0, 0.0], requires_grad=True),
    x=load_s,
    target=length)
