#!/usr/bin/env python
# -*- coding:utf-8 -*-
# @FileName :JacobianTest.py
# @Time :2024/11/25 19:28
# @Author :Jason Zhang
import torch
from torch import nn
from torch.autograd.functional import jacobian


def funx(x):
    return torch.stack([x[0] ** 2 + 2 * x[1], 3 * x[0] + 4 * x[1] ** 2])


if __name__ == "__main__":
    run_code = 0
    in_x = torch.tensor([1.0, 2.0], dtype=torch.float, requires_grad=True)
    y = funx(in_x)
    y.backward(torch.ones_like(y))
    my_jacobian = jacobian(funx, in_x)
    print(f"my_jacobian=\n{my_jacobian}")
    x_grad = in_x.grad
    in_x_ones = torch.ones_like(in_x)
    jacobian_x_grad = in_x_ones @ my_jacobian
    print(f"x_grad={x_grad}")
    print(f"jacobian_x_grad={jacobian_x_grad}")
