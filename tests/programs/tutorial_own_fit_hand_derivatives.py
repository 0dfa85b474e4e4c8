# Written for Autograd Lab after "the mechanics of learning" chapters of PyTorch books (session 26, issue
# 9): our own program, not a copy. It exercises the same constructs: torch.set_printoptions(edgeitems=2),
# a linear model and mean-squared loss as functions, the derivatives written by hand (chain rule through
# helper functions), a gradient stacked with torch.stack, a training loop over epochs with '%'-formatted
# prints, parameter rescaling of the input, and the 5,000-epoch run of the chapter.
# Data: a spring's length (cm) under a load (N), Hooke's law with noise.
import torch

torch.set_printoptions(edgeitems=2)

load = torch.tensor([2.0, 5.0, 7.5, 10.0, 12.0, 15.5, 18.0, 21.0, 24.5, 27.0])
length = torch.tensor([11.1, 12.4, 13.9, 15.1, 16.0, 17.8, 19.1, 20.4, 22.3, 23.4])
load_s = 0.1 * load


def model(x, k, c):
    return k * x + c


def loss_fn(pred, target):
    return ((pred - target) ** 2).mean()


def dloss_dpred(pred, target):
    return 2 * (pred - target) / pred.size(0)


def dmodel_dk(x, k, c):
    return x


def dmodel_dc(x, k, c):
    return 1.0


def grad_fn(x, target, pred, k, c):
    d = dloss_dpred(pred, target)
    return torch.stack([(d * dmodel_dk(x, k, c)).sum(), (d * dmodel_dc(x, k, c)).sum()])


k = torch.ones(())
c = torch.zeros(())
pred = model(load, k, c)
pred

loss_fn(pred, length)


def training_loop(n_epochs, lr, params, x, target, report_every):
    for epoch in range(1, n_epochs + 1):
        k, c = params
        pred = model(x, k, c)
        loss = loss_fn(pred, target)
        grad = grad_fn(x, target, pred, k, c)
        params = params - lr * grad
        if epoch % report_every == 0:
            print('Epoch %d, Loss %f' % (epoch, float(loss)))
            print('    Params:', params)
            print('    Grad:  ', grad)
    return params


training_loop(n_epochs=20, lr=1e-3, params=torch.tensor([1.0, 0.0]), x=load, target=length,
              report_every=5)

params = training_loop(n_epochs=5000, lr=1e-2, params=torch.tensor([1.0, 0.0]), x=load_s,
                       target=length, report_every=1000)
params
