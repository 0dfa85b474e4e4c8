# A training loop inside a function, as books write it: the gradient by hand, a `break` that guards against a
# diverging loss, progress printed at chosen epochs (a set display each pass). Written for Autograd Lab.
import torch

t_u = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]) * 0.1
t_c = torch.tensor([0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0])


def model(t_u, w, b):
    return w * t_u + b


def loss_fn(t_p, t_c):
    return ((t_p - t_c) ** 2).mean()


def grad_fn(t_u, t_c, t_p):
    dloss_dtp = 2 * (t_p - t_c) / t_p.size(0)
    return torch.stack([(dloss_dtp * t_u).sum(), dloss_dtp.sum()])


def training_loop(n_epochs, learning_rate, params):
    for epoch in range(1, n_epochs + 1):
        w, b = params
        t_p = model(t_u, w, b)
        loss = loss_fn(t_p, t_c)
        grad = grad_fn(t_u, t_c, t_p)
        params = params - learning_rate * grad
        if epoch in {1, 2, 3, 10, 100, 1000, 3000}:
            print('Epoch %d, Loss %f' % (epoch, float(loss)))
        if not torch.isfinite(loss).all():
            break
    return params


params = training_loop(3000, 1e-2, torch.tensor([1.0, 0.0]))
print(params)
