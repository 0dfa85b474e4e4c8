"""Devices, answered as on a machine without a GPU (Autograd Lab runs every program on the CPU).

Lessons are full of device idioms: `device = "cuda" if torch.cuda.is_available() else "cpu"`,
`x.to(device)`, `torch.zeros(3, device=device)`, `x.device`. They all work and say "cpu"; asking
for a GPU (`.to('cuda')`, `device='cuda'`, `.cuda()`) is refused with a plain message. Nothing here
touches torch's process-wide state (`set_default_device` only checks its argument).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.calls import invoke, translate_torch_error
from autogradlab.lang.python_dtypes import torch_dtype, with_torch_dtype
from autogradlab.lang.safe_values import Namespace, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

CPU = torch.device("cpu")
GPU_TYPES = frozenset({"cuda", "mps", "xpu", "hip", "mtia", "hpu", "xla", "privateuseone", "ipu", "vulkan",
                       "opengl", "opencl", "maia", "ve", "fpga", "lazy", "ideep", "mkldnn"})
NO_GPU_HINT = ("write `device = \"cuda\" if torch.cuda.is_available() else \"cpu\"` to run the same "
               "code here and on a GPU machine")


def no_gpu(device: torch.device) -> NotSupported:
    if device.type in ("meta", "cpu") or device.type not in GPU_TYPES:
        return NotSupported(f"only the CPU device is available in Autograd Lab, not '{device}'",
                            hint="leave out device=, or write device='cpu'")
    return NotSupported(f"there is no GPU here: Autograd Lab runs every program on the CPU, so "
                        f"device '{device}' is not available (torch.cuda.is_available() is False)",
                        hint=NO_GPU_HINT)


def as_device(value: Any) -> torch.device | None:
    """None, 'cpu', 'cuda:0', torch.device(...) -> torch.device (None stays None); torch's own
    message for a misspelled device string."""
    if value is None or isinstance(value, torch.device):
        return value
    if not isinstance(value, str) or len(value) > 40:
        raise ProgramTypeError(f"a device must be a string such as 'cpu' or a torch.device, not "
                               f"{type(value).__name__}")
    try:
        return torch.device(value)
    except Exception as exc:  # noqa: BLE001
        raise translate_torch_error(exc, "device", [value]) from None


def is_device_like(value: Any) -> bool:
    return isinstance(value, (str, torch.device))


def require_cpu(value: Any) -> None:
    device = as_device(value)
    if device is not None and device.type != "cpu":
        raise no_gpu(device)


def pop_device(kwargs: dict) -> dict:
    """A call's keywords without `device=` once it is known to mean the CPU, and `dtype=float` as
    torch.float64 (python_dtypes.py: every checked call's keywords pass here)."""
    if "dtype" in kwargs:
        kwargs = with_torch_dtype(kwargs)
    if "device" not in kwargs:
        return kwargs
    require_cpu(kwargs["device"])
    return {k: v for k, v in kwargs.items() if k != "device"}


# -- tensor methods -------------------------------------------------------------------------
def tensor_to(interp: Interpreter, tensor: torch.Tensor, args: list, kwargs: dict, node: ast.AST) -> Any:
    """x.to('cpu') / x.to(device) return x itself, as in PyTorch; x.to(dtype), x.to(other) and
    x.to(device, dtype) convert as usual."""
    from autogradlab.lang.allowlist import TENSOR_METHODS
    rest = []
    for value in args:
        if is_device_like(value):
            require_cpu(value)
        elif isinstance(value, (torch.dtype, torch.Tensor)):
            rest.append(value)
        elif torch_dtype(value) is not value:   # x.to(float): torch.float64 (python_dtypes.py)
            rest.append(torch_dtype(value))
        else:
            raise NotSupported("`.to()` accepts a device, a dtype or a tensor in Autograd Lab")
    kwargs = pop_device(kwargs)
    kwargs = {k: v for k, v in kwargs.items() if k != "non_blocking"}
    if not rest and not kwargs:
        return tensor
    return invoke(interp, "to", torch.Tensor.to, TENSOR_METHODS["to"], [tensor, *rest], kwargs, node)


def tensor_cpu(interp: Interpreter, tensor: torch.Tensor, args: list, kwargs: dict, node: ast.AST) -> Any:
    if args or kwargs:
        raise NotSupported("`.cpu()` takes no arguments in Autograd Lab")
    return tensor


def tensor_cuda(interp: Interpreter, tensor: torch.Tensor, args: list, kwargs: dict, node: ast.AST) -> Any:
    raise no_gpu(torch.device("cuda"))


# -- torch.device, torch.cuda, torch.backends.mps, torch.accelerator -------------------------
def _device(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> torch.device:
    if not kwargs and len(args) == 2 and isinstance(args[0], str) and type(args[1]) is int:
        as_device(args[0])   # torch.device('cpu', 0) (the tensor attributes page): type, index
        try:
            return torch.device(args[0], args[1])
        except Exception as exc:  # noqa: BLE001
            raise translate_torch_error(exc, "device", [args[0]]) from None
    if kwargs or len(args) != 1:
        raise NotSupported("Autograd Lab supports `torch.device('cpu')` and `torch.device('cpu', 0)`")
    device = as_device(args[0])
    return device if device is not None else CPU


def _set_default_device(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    if kwargs or len(args) != 1:
        raise ProgramTypeError("set_default_device() takes one argument, the device")
    require_cpu(args[0])
    return None


def _answer(value: Any):  # noqa: ANN202
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if args or kwargs:
            raise ProgramTypeError("this function takes no arguments")
        return value
    return impl


def _cuda_seed(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> None:
    """torch.cuda.manual_seed(seed) / manual_seed_all(seed): without a GPU PyTorch only checks the seed
    (int(seed)) and keeps it for a GPU that never comes; the run's own generator is untouched."""
    if set(kwargs) - {"seed"} or len(args) + len(kwargs) != 1:
        raise ProgramTypeError("manual_seed() takes one argument, the seed")
    seed = args[0] if args else kwargs["seed"]
    if isinstance(seed, bool) or not isinstance(seed, int | float):
        raise ProgramTypeError(f"manual_seed() needs an integer seed, not {type(seed).__name__}")
    return None


def _answers(prefix: str, **values: Any) -> dict[str, SafeFunction]:
    return {name: SafeFunction(f"{prefix}.{name}", _answer(value)) for name, value in values.items()}


def device_namespaces() -> dict[str, Namespace]:
    """torch members for devices, keyed by dotted module name ('torch' holds the plain members)."""
    cuda = Namespace("torch.cuda", {
        **_answers("torch.cuda", is_available=False, device_count=0, is_initialized=False, empty_cache=None),
        **{name: SafeFunction(f"torch.cuda.{name}", _cuda_seed)
           for name in ("manual_seed", "manual_seed_all")}})
    mps = Namespace("torch.backends.mps", _answers("torch.backends.mps", is_available=False,
                                                   is_built=False))
    cudnn = Namespace("torch.backends.cudnn", _answers("torch.backends.cudnn", is_available=False,
                                                       version=None))   # flags: lang/cudnn_flags.py
    backends = Namespace("torch.backends", {"mps": mps, "cudnn": cudnn})
    accelerator = Namespace("torch.accelerator", _answers(
        "torch.accelerator", is_available=False, current_accelerator=None, device_count=0))
    torch_members = {
        "device": SafeFunction("torch.device", _device),
        "set_default_device": SafeFunction("torch.set_default_device", _set_default_device),
        "get_default_device": SafeFunction("torch.get_default_device", _answer(CPU)),
        "cuda": cuda, "backends": backends, "accelerator": accelerator,
    }
    return {"torch": Namespace("torch", torch_members), "torch.cuda": cuda, "torch.backends": backends,
            "torch.backends.mps": mps, "torch.backends.cudnn": cudnn, "torch.accelerator": accelerator}
