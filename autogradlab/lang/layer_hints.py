"""The hint for an nn layer object whose function form Autograd Lab runs (session 14, issue 9 § 2).

Beginner courses build `nn.CrossEntropyLoss()`, `nn.Softmax(dim=0)` or `nn.ReLU()` next to the tensor
code (patrickloeber/pytorchTutorial 11 and 12). nn.Module objects stay out of scope, but the
same computation is one allowlisted function away: the hint names it instead of the general
"write the model as tensors" advice. Every entry is allowlisted (tests/unit/test_layer_hints.py).
"""

from __future__ import annotations

F = "torch.nn.functional."
FUNCTION_FORMS = {
    "CrossEntropyLoss": F + "cross_entropy(input, target)",
    "NLLLoss": F + "nll_loss(input, target)",
    "MSELoss": F + "mse_loss(input, target)",
    "L1Loss": F + "l1_loss(input, target)",
    "SmoothL1Loss": F + "smooth_l1_loss(input, target)",
    "HuberLoss": F + "huber_loss(input, target)",
    "BCELoss": F + "binary_cross_entropy(input, target)",
    "BCEWithLogitsLoss": F + "binary_cross_entropy_with_logits(input, target)",
    "KLDivLoss": F + "kl_div(input, target)",
    "Softmax": F + "softmax(x, dim=...)",
    "LogSoftmax": F + "log_softmax(x, dim=...)",
    "Softmin": F + "softmin(x, dim=...)",
    "ReLU": "torch.relu(x)",
    "Sigmoid": "torch.sigmoid(x)",
    "Tanh": "torch.tanh(x)",
    "LeakyReLU": F + "leaky_relu(x, negative_slope=0.01)",
    "GELU": F + "gelu(x)",
    "SiLU": F + "silu(x)",
    "ELU": F + "elu(x)",
    "SELU": F + "selu(x)",
    "Softplus": F + "softplus(x)",
    # session 30: convolution, pooling, dropout, embedding, layer norm (lang/conv_work.py, dropout.py)
    "Conv1d": F + "conv1d(x, weight, bias)",
    "Conv2d": F + "conv2d(x, weight, bias, padding=...)",
    "Conv3d": F + "conv3d(x, weight, bias)",
    "MaxPool1d": F + "max_pool1d(x, kernel_size)",
    "MaxPool2d": F + "max_pool2d(x, kernel_size)",
    "AvgPool1d": F + "avg_pool1d(x, kernel_size)",
    "AvgPool2d": F + "avg_pool2d(x, kernel_size)",
    "AdaptiveAvgPool2d": F + "adaptive_avg_pool2d(x, output_size)",
    "AdaptiveMaxPool2d": F + "adaptive_max_pool2d(x, output_size)",
    "Dropout": F + "dropout(x, p=0.5)",
    "Embedding": F + "embedding(indices, weight)",
    "LayerNorm": F + "layer_norm(x, normalized_shape)",
    # session 31: transposed convolution, upsampling (lang/conv_work.py; interpolate sized as any op)
    "ConvTranspose1d": F + "conv_transpose1d(x, weight, bias, stride=...)",
    "ConvTranspose2d": F + "conv_transpose2d(x, weight, bias, stride=...)",
    "Upsample": F + "interpolate(x, scale_factor=..., mode=...)",
}


def layer_hint(qualname: str) -> str | None:
    """`torch.nn.CrossEntropyLoss` -> the hint naming its function form; None for anything else."""
    module, _, name = qualname.rpartition(".")
    if module not in ("torch.nn", "torch.nn.modules") or name not in FUNCTION_FORMS:
        return None
    return (f"`torch.nn.{name}` is a layer object (nn.Module), which Autograd Lab does not cover yet; "
            f"its function form runs here: `{FUNCTION_FORMS[name]}`")
