"""A custom autograd.Function the session 34 tests train with: a program defining its own `backward`
(as PyTorch's polynomial_custom_function tutorial does)."""

CUBE = """class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input ** 3

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 3 * input ** 2
"""
