# Written for Autograd Lab after the 自动求导 (autograd) chapter of a Chinese PyTorch handbook (session 26,
# issue 9): our own program, not a copy. It exercises the same constructs: torch.__version__, backward of
# a sum and of a tensor (torch.ones_like), requires_grad under torch.no_grad(), dir() of a tensor and of a
# grad_fn, is_leaf, grad_fn.next_functions down to AccumulateGrad and its .variable, id() of the leaf
# compared with `assert`, and a custom Function imported from torch.autograd.function with ctx attributes.
import torch

torch.__version__

p = torch.rand(3, 4, requires_grad=True)
q = torch.rand(3, 4, requires_grad=True)
s = torch.sum(p * q)
s.backward()
print(torch.equal(p.grad, q), torch.equal(q.grad, p))

p = torch.rand(3, 4, requires_grad=True)
q = torch.rand(3, 4, requires_grad=True)
r = p ** 3 - 2 * q
r.backward(torch.ones_like(p))
print(torch.allclose(p.grad, 3 * p ** 2), q.grad)

with torch.no_grad():
    print((p * q).requires_grad)

'grad_fn' in dir(r), 'backward' in dir(r)

print("p.is_leaf=" + str(p.is_leaf))
print("r.is_leaf=" + str(r.is_leaf))
r.grad_fn
'next_functions' in dir(r.grad_fn)
r.grad_fn.next_functions
pow_node = r.grad_fn.next_functions[0][0]
pow_node
p_leaf = pow_node.next_functions[0][0]
type(p_leaf)
p_leaf.variable
print("p_leaf.variable的id:" + str(id(p_leaf.variable)))
print("p的id:" + str(id(p)))
assert id(p_leaf.variable) == id(p)

from torch.autograd.function import Function


class AddScaled(Function):
    @staticmethod
    def forward(ctx, tensor, scale):
        ctx.scale = scale
        return tensor * scale + 1

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.scale, None


m = torch.rand(2, 2, requires_grad=True)
n = AddScaled.apply(m, 3)
print("n - 1 == 3m:", torch.allclose(n - 1, 3 * m))
n.backward(torch.ones_like(m))
m.grad
