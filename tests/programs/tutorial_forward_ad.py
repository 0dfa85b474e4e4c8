# Follows the tensor cells of PyTorch's "Forward-mode Automatic Differentiation (Beta)" tutorial
# (https://pytorch.org/tutorials/intermediate/forward_ad_usage.html, pytorch/tutorials
# intermediate_source/forward_ad_usage.py; licence: BSD-3-Clause): its "Basic Usage" and "Functional API" sections, written
# here in the same steps with print() lines added so the numbers can be compared with plain PyTorch.
# Left out: the nn.Module sections (out of scope), the custom Function with a jvp staticmethod and
# gradcheck, and `import functorch` (torch.func is its successor).
import torch
import torch.autograd.forward_ad as fwAD

primal = torch.randn(10, 10)
tangent = torch.randn(10, 10)


def fn(x, y):
    return x ** 2 + y ** 2


with fwAD.dual_level():
    dual_input = fwAD.make_dual(primal, tangent)
    assert fwAD.unpack_dual(dual_input).tangent is tangent   # same layout: the tangent itself
    dual_input_alt = fwAD.make_dual(primal, tangent.T)
    assert fwAD.unpack_dual(dual_input_alt).tangent is not tangent   # another layout: a copy
    plain_tensor = torch.randn(10, 10)   # no tangent: counts as zeros
    dual_output = fn(dual_input, plain_tensor)
    jvp = fwAD.unpack_dual(dual_output).tangent
    print(torch.allclose(jvp, 2 * primal * tangent))
    print(fwAD.unpack_dual(dual_input_alt).tangent[0, :3])

assert fwAD.unpack_dual(dual_output).tangent is None   # tangents end with the level
print(jvp[:2, :4])
print(fwAD.unpack_dual(dual_output))

import torch.func as ft

primal0 = torch.randn(10, 10)
tangent0 = torch.randn(10, 10)
primal1 = torch.randn(10, 10)
tangent1 = torch.randn(10, 10)
primal_out, tangent_out = ft.jvp(fn, (primal0, primal1), (tangent0, tangent1))
print(torch.allclose(tangent_out, 2 * primal0 * tangent0 + 2 * primal1 * tangent1))

primal = torch.randn(10, 10)
tangent = torch.randn(10, 10)
y = torch.randn(10, 10)

import functools
new_fn = functools.partial(fn, y=y)
primal_out, tangent_out = ft.jvp(new_fn, (primal,), (tangent,))
print(tangent_out[0, :4])
