"""What a program may call or read on torch, tensors, numpy and math: tables, never if-chains.

Each entry names the keyword arguments it accepts. Anything absent from these tables is refused by
the interpreter with NotSupported, so a torch upgrade cannot widen the surface (the coverage test
walks dir(torch), dir(torch.Tensor), ... and checks both directions).

size rules (see sizes.py):
  "same"  the result is never larger than the largest tensor argument (unary ops, reductions);
  "meta"  the result shape is computed on the meta device before the real call;
  "none"  the result is not a tensor (numel, item, ...).
kinds: "op" (plain call), "random" (gets the run's generator), "random_like", "tensor" (builds a
tensor from data), "hof" (takes program functions), "special" (handled by the interpreter).
"""

from __future__ import annotations

from dataclasses import dataclass

# Keywords that are never accepted anywhere, with the reason shown to the user.
FORBIDDEN_KWARGS: dict[str, str] = {
    "generator": "randomness uses the run's seed",
    "pin_memory": "memory placement is fixed",
    "layout": "only dense tensors are supported",
    "memory_format": "memory layout is fixed",
    "names": "named tensors are not supported",
}


@dataclass(frozen=True)
class CallSpec:
    kwargs: frozenset[str]   # plus `out=` for kind "op" (outputs.py) and `device=` where listed
    size: str = "meta"
    kind: str = "op"


def _spec(kwargs: tuple[str, ...] = (), size: str = "meta", kind: str = "op") -> CallSpec:
    return CallSpec(frozenset(kwargs), size, kind)


def _table(names: str, kwargs: tuple[str, ...] = (), size: str = "meta", kind: str = "op") -> dict:
    return {name: _spec(kwargs, size, kind) for name in names.split()}


NOGRAD = ("dtype", "requires_grad", "device")   # device: only the CPU (devices.py)
CREATE = ("size", "dtype", "requires_grad", "device")
REDUCE = ("dim", "axis", "keepdim", "keepdims", "dtype")
DIM = ("dim", "axis")

_UNARY = """abs absolute acos arccos acosh arccosh asin arcsin asinh arcsinh atan arctan atanh arctanh
    ceil cos cosh deg2rad rad2deg digamma erf erfc erfinv exp exp2 expm1 floor frac lgamma log log10
    log1p log2 neg negative reciprocal rsqrt sigmoid sign sgn sin sinc sinh sqrt square tan tanh trunc
    fix relu isnan isinf isfinite isposinf isneginf isreal signbit logical_not bitwise_not conj angle
    positive i0 real imag clone detach"""
_BINARY = """add sub subtract mul multiply div divide true_divide floor_divide remainder fmod pow
    float_power atan2 arctan2 hypot maximum minimum fmax fmin eq ne lt le gt ge greater greater_equal
    less less_equal not_equal logical_and logical_or logical_xor bitwise_and bitwise_or bitwise_xor
    xlogy copysign dot vdot inner outer ger mv mm bmm matmul kron dist lerp where"""
_REDUCE = """sum mean nansum nanmean prod std var max min amax amin argmax argmin logsumexp all any
    median nanmedian mode count_nonzero std_mean var_mean aminmax"""
_SHAPE = """reshape flatten unflatten squeeze unsqueeze transpose swapaxes swapdims t permute movedim
    moveaxis cat concat concatenate stack hstack vstack dstack column_stack row_stack split chunk
    unbind flip fliplr flipud roll rot90 narrow select index_select gather take masked_select
    nonzero broadcast_to broadcast_tensors tile cartesian_prod meshgrid diagonal diag diag_embed
    diagflat trace tril triu sort argsort topk kthvalue unique einsum tensordot block_diag
    atleast_1d atleast_2d atleast_3d"""
_LINALG_TOP = "det logdet slogdet inverse pinverse matrix_power matrix_exp cholesky svd qr lu norm"

TORCH_FUNCTIONS: dict[str, CallSpec] = {
    **_table(_UNARY, size="same"),
    **_table(_BINARY, ("other",)),
    **_table("cross", ("other", "dim")),
    **_table(_REDUCE, REDUCE + ("unbiased", "correction", "p"), size="same"),
    **_table(_SHAPE, DIM + ("dims", "start_dim", "end_dim", "dim0", "dim1", "shifts", "k", "diagonal",
                            "offset", "index", "indexing", "largest", "sorted", "descending", "stable",
                            "return_inverse", "return_counts", "as_tuple", "shape", "source",
                            "destination", "sections", "split_size_or_sections", "chunks", "input",
                            "length", "start", "mask", "dim1", "dim2")),
    **_table(_LINALG_TOP, ("p", "dim", "keepdim", "dtype", "upper", "some", "compute_uv", "n",
                           "pivot", "get_infos", "rtol", "hermitian")),
    **_table("cumsum cumprod cummax cummin logcumsumexp", DIM + ("dtype",), size="same"),
    **_table("softmax log_softmax", DIM + ("dtype",), size="same"),
    **_table("clamp clip", ("min", "max"), size="same"),
    **_table("clamp_min clamp_max", ("min", "max"), size="same"),   # x.clamp_min(0.) (fast.ai 03_backprop)
    **_table("round", ("decimals",), size="same"),
    **_table("nan_to_num", ("nan", "posinf", "neginf"), size="same"),
    **_table("allclose isclose equal", ("rtol", "atol", "equal_nan")),
    # products plus a scaled input (corleytd's 张量的线性代数运算): bounded by the element limits like mm/bmm
    # (lang/call_work.py: operands and result within max_tensor_elements bound addbmm's sum of products too)
    **_table("addmm addbmm baddbmm addmv addr", ("beta", "alpha", "input", "mat1", "mat2", "batch1",
                                                  "batch2", "mat", "vec", "vec1", "vec2")),
    **_table("cosine_similarity", ("dim", "eps")),
    # the trapezoidal rule (y, x or dx=, dim=): x and y broadcast inside, an intermediate the result's size
    # check never sees (lang/contraction_work.py checks it)
    **_table("trapezoid trapz cumulative_trapezoid", ("y", "x", "dx", "dim")),
    **_table("cdist", ("p",)),
    # deprecated for linalg.multi_dot (the same kernel and order), still in tutorials: contraction_work.py
    **_table("chain_matmul"),
    **_table("masked_fill index_fill", ("mask", "value", "dim", "index")),   # eat_pytorch 4-1
    **_table("bilinear", ("bias",)),   # eat_pytorch 4-2; not a tensor method
    **_table("histc", ("bins", "min", "max")),
    **_table("numel is_tensor is_floating_point is_complex is_nonzero is_grad_enabled", size="none"),
    # Session 34 (corpus): the tensor attributes page's promotion rules, asked of dtypes and tensors
    **_table("result_type promote_types can_cast", ("tensor", "other", "type1", "type2", "from_", "to"),
             size="none"),
    **_table("view_as_real view_as_complex"),   # the complex numbers page: views of the same memory
    # Session 28 (corpus8): the torch reference pages' examples (tests/programs/tutorial_torch_*_docs.py).
    # Same size as the input: conj_physical, ravel, msort, adjoint (a view), renorm.
    **_table("conj_physical ravel msort adjoint", size="same"),
    **_table("renorm", ("p", "dim", "maxnorm"), size="same"),
    **_table("gcd lcm ldexp logaddexp logaddexp2 bitwise_left_shift bitwise_right_shift", ("other",)),
    **_table("heaviside", ("values",)),
    **_table("addcdiv addcmul", ("value", "tensor1", "tensor2")),
    **_table("frexp"),
    **_table("quantile nanquantile", ("q", "dim", "keepdim", "interpolation")),
    # pieces counted first (piece_counts.py), like split and chunk
    **_table("tensor_split hsplit vsplit dsplit", ("indices_or_sections", "sections", "indices",
                                                   "tensor_indices_or_sections", "dim")),
    **_table("narrow_copy", ("dim", "start", "length")),
    **_table("diagonal_scatter select_scatter slice_scatter", ("src", "offset", "dim1", "dim2", "dim",
                                                               "index", "start", "end", "step")),
    **_table("take_along_dim", ("indices", "dim")),
    **_table("unravel_index", ("indices", "shape")),
    # data-dependent sizes: bounded before the call (meta_copies.data_dependent_bound)
    **_table("argwhere"),
    **_table("unique_consecutive", ("return_inverse", "return_counts", "dim")),
    **_table("bincount", ("weights", "minlength")),
    **_table("histogram", ("bins", "range", "weight", "density")),
    **_table("repeat_interleave", ("repeats", "dim", "output_size")),
    **_table("combinations", ("r", "with_replacement")),
    **_table("bucketize", ("boundaries", "out_int32", "right")),
    **_table("searchsorted", ("sorted_sequence", "right", "side", "out_int32", "sorter")),
    **_table("vander", ("x", "N", "increasing")),
    **_table("diff", ("n", "dim", "prepend", "append")),
    **_table("cov", ("correction", "fweights", "aweights")),   # n x n from n x m: bounded like mm
    **_table("corrcoef"),
    **_table("isin", ("elements", "test_elements", "assume_unique", "invert")),
    **_table("gradient", ("spacing", "dim", "edge_order")),
    **_table("is_conj broadcast_shapes", size="none"),
    # the torch.Tensor page's index/scatter family (tutorial_torch_tensor_methods_docs.py): results of
    # the input's shape (meta-sized; a write in place is told to the engine like every `_` op)
    **_table("index_add index_copy index_reduce scatter scatter_add scatter_reduce masked_scatter put",
             ("dim", "index", "source", "src", "alpha", "reduce", "include_self", "value", "mask",
              "accumulate")),
    **_table("complex polar"),
    **_table("zeros ones", CREATE),
    **_table("full", CREATE + ("fill_value",)),
    **_table("arange", ("start", "end", "step") + NOGRAD),
    **_table("range", ("start", "end", "step") + NOGRAD),   # deprecated, end included
    **_table("linspace", ("start", "end", "steps") + NOGRAD),
    **_table("logspace", ("start", "end", "steps", "base") + NOGRAD),
    **_table("eye", ("n", "m") + NOGRAD),
    **_table("tril_indices triu_indices", ("row", "col", "offset", "dtype")),
    **_table("zeros_like ones_like", NOGRAD, size="same"),
    **_table("full_like", NOGRAD + ("fill_value",), size="same"),
    **_table("rand randn", CREATE, kind="random"),
    **_table("randint", ("low", "high") + CREATE, kind="random"),
    **_table("randperm", ("n",) + NOGRAD, kind="random"),
    **_table("normal", ("mean", "std", "size") + NOGRAD, kind="random"),
    **_table("bernoulli", ("p",), size="same", kind="random"),
    **_table("multinomial", ("num_samples", "replacement"), kind="random"),
    **_table("poisson", (), size="same", kind="random"),
    **_table("rand_like randn_like", NOGRAD, size="same", kind="random_like"),
    **_table("randint_like", ("low", "high") + NOGRAD, size="same", kind="random_like"),
    **_table("tensor as_tensor", NOGRAD + ("data",), kind="tensor"),
    **_table("from_numpy", (), kind="tensor"),
    **_table("manual_seed", ("seed",), size="none", kind="special"),
}

# typing's names a program may import (lang/typing_module.py makes them; here, torch-free, for the
# static checker's import lines, which the page side reads without torch)
TYPING_NAMES = ("Any", "Callable", "ClassVar", "Dict", "FrozenSet", "Generator", "Iterable", "Iterator",
                "List", "Mapping", "NamedTuple", "Optional", "Sequence", "Set", "Tuple", "Type", "Union",
                "TypeAlias", "Protocol", "TypedDict")   # `P: TypeAlias = ...`, `class Q(Protocol):` (s45)
# collections.abc's abstract classes as annotations name them (`items: Sequence[int]`, `func: Callable[[int],
# int]`; 草根学Python ch. 17): inert forms as typing's (lang/typing_module.py), never classes a program uses
ABC_NAMES = ("Callable", "Collection", "Container", "Generator", "Hashable", "Iterable", "Iterator",
             "Mapping", "MutableMapping", "MutableSequence", "MutableSet", "Reversible", "Sequence",
             "Set", "Sized")

# numpy.typing's (lang/typing_module.py)
NUMPY_TYPING_NAMES = ("NDArray", "ArrayLike", "DTypeLike")

# dataclasses' names a program may import (lang/dataclass_classes.py makes them)
DATACLASS_NAMES = ("dataclass", "field", "asdict", "astuple", "replace", "is_dataclass",
                   "FrozenInstanceError", "fields", "InitVar", "KW_ONLY")
# np.polynomial.polynomial's names a program may import (lang/numpy_polynomial_class.py)
NUMPY_POLYNOMIAL_NAMES = ("polyval", "polyfit", "polyroots", "polyder", "polyint", "polyadd", "polysub",
                          "polymul", "polydiv", "Polynomial")

# np.linalg's functions a program may call (lang/numpy_linalg.py runs them; their names here, torch-free,
# for the static checker's import lines)
NUMPY_LINALG_NAMES = ("norm", "solve", "inv", "det", "eigvals", "eigvalsh", "matrix_rank",
                      # session 29 (lang/numpy_linalg_family.py)
                      "slogdet", "pinv", "cholesky", "svdvals", "cond", "lstsq", "tensorsolve", "tensorinv",
                      "matrix_power", "matrix_norm", "vector_norm", "trace", "diagonal", "cross", "vecdot",
                      "outer", "multi_dot", "matrix_transpose", "matmul", "tensordot", "LinAlgError")
# and those returning NumPy's result objects (lang/numpy_decompositions.py)
NUMPY_LINALG_RESULT_NAMES = ("qr", "eig", "eigh", "svd")

LINALG_FUNCTIONS: dict[str, CallSpec] = {
    **_table("""eig eigvals eigh eigvalsh det slogdet inv pinv solve svd svdvals qr cholesky
        matrix_rank matrix_power matrix_exp cross vecdot multi_dot lstsq lu lu_factor""",
             ("UPLO", "full_matrices", "mode", "upper", "left", "hermitian", "rtol", "atol", "n",
              "dim", "driver", "pivot")),
    **_table("norm vector_norm matrix_norm", ("ord", "dim", "keepdim", "dtype")),
    **_table("cond", ("p",)),
    **_table("solve_triangular", ("upper", "left", "unitriangular")),
    **_table("lu_solve", ("left", "adjoint")),   # their work: lang/call_work.py, like solve and inv
    **_table("tensorinv", ("ind",)),
    **_table("tensorsolve", ("dims",)),
}

NN_FUNCTIONAL: dict[str, CallSpec] = {
    **_table("relu relu6 sigmoid tanh gelu silu elu selu celu leaky_relu softplus softsign hardtanh "
             "logsigmoid mish hardswish hardsigmoid tanhshrink softshrink hardshrink",
             ("negative_slope", "alpha", "beta", "threshold", "approximate", "min_val", "max_val",
              "lambd"), size="same"),
    **_table("softmax log_softmax softmin", ("dim", "dtype"), size="same"),
    **_table("normalize", ("p", "dim", "eps"), size="same"),
    **_table("one_hot", ("num_classes",)),
    **_table("mse_loss l1_loss smooth_l1_loss huber_loss cross_entropy nll_loss binary_cross_entropy "
             "binary_cross_entropy_with_logits kl_div", ("reduction", "weight", "beta", "delta",
                                                         "label_smoothing", "log_target", "target")),
    **_table("linear bilinear cosine_similarity pairwise_distance pad",
             ("bias", "dim", "eps", "p", "mode", "value", "keepdim")),
    # convolutions and pooling: their work and im2col buffer checked before the call (conv_work.py)
    **_table("conv1d conv2d conv3d", ("weight", "bias", "stride", "padding", "dilation", "groups")),
    **_table("conv_transpose1d conv_transpose2d conv_transpose3d", ("weight", "bias", "stride", "padding",
                                                                    "output_padding", "groups", "dilation")),
    # its output sized on the meta device as any op's; a few steps per output element (session 31)
    **_table("interpolate", ("size", "scale_factor", "mode", "align_corners", "recompute_scale_factor",
                             "antialias")),
    **_table("max_pool1d max_pool2d max_pool3d avg_pool1d avg_pool2d avg_pool3d",
             ("kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices",
              "count_include_pad", "divisor_override")),
    **_table("adaptive_avg_pool1d adaptive_avg_pool2d adaptive_max_pool1d adaptive_max_pool2d",
             ("output_size", "return_indices")),
    **_table("embedding", ("weight", "padding_idx", "scale_grad_by_freq")),
    **_table("layer_norm", ("normalized_shape", "weight", "bias", "eps")),
    **_table("dropout", ("p", "training", "inplace"), size="same"),   # the run's generator: dropout.py
}

# torch.autograd and torch.autograd.functional: functions receiving program functions or graphs.
AUTOGRAD_FUNCTIONS: dict[str, CallSpec] = {
    "grad": _spec(("outputs", "inputs", "grad_outputs", "retain_graph", "create_graph",
                   "allow_unused", "materialize_grads"), kind="special"),
    "backward": _spec(("tensors", "grad_tensors", "retain_graph", "create_graph", "inputs"),
                      kind="special"),
    # lang/gradchecks.py
    "gradcheck": _spec(("func", "inputs", "eps", "atol", "rtol", "raise_exception", "nondet_tol",
                        "fast_mode"), kind="special"),
    "gradgradcheck": _spec(("func", "inputs", "eps", "atol", "rtol", "raise_exception", "nondet_tol",
                            "fast_mode", "grad_outputs", "gen_non_contig_grad_outputs"), kind="special"),
}
AUTOGRAD_FUNCTIONAL: dict[str, CallSpec] = {
    "jacobian": _spec(("func", "inputs", "create_graph", "strict", "vectorize", "strategy"), kind="hof"),
    "hessian": _spec(("func", "inputs", "create_graph", "strict"), kind="hof"),
    "vjp": _spec(("func", "inputs", "v", "create_graph", "strict"), kind="hof"),
    "jvp": _spec(("func", "inputs", "v", "create_graph", "strict"), kind="hof"),
    "vhp": _spec(("func", "inputs", "v", "create_graph", "strict"), kind="hof"),
    "hvp": _spec(("func", "inputs", "v", "create_graph", "strict"), kind="hof"),
}

_SHAPE_METHOD_KW = DIM + ("dims", "start_dim", "end_dim", "dim0", "dim1", "shifts", "k", "diagonal",
                          "offset", "index", "largest", "sorted", "descending", "stable",
                          "return_inverse", "return_counts", "as_tuple", "shape", "size", "sizes",
                          "source", "destination", "chunks", "split_size", "length", "start", "mask",
                          "dim1", "dim2", "other", "repeats")

TENSOR_METHODS: dict[str, CallSpec] = {
    **{n: s for n, s in TORCH_FUNCTIONS.items() if s.kind == "op" and n not in {
        "cat", "concat", "concatenate", "stack", "hstack", "vstack", "dstack", "column_stack",
        "row_stack", "meshgrid", "cartesian_prod", "block_diag", "einsum", "broadcast_tensors",
        "is_tensor", "is_grad_enabled", "numel", "complex", "polar", "allclose", "isclose", "equal", "cdist",
        "cosine_similarity", "tril_indices", "triu_indices", "atleast_1d", "atleast_2d", "atleast_3d",
        "where", "zeros", "ones", "full", "arange", "linspace", "logspace", "eye", "zeros_like",
        "ones_like", "full_like", "lerp", "is_floating_point", "is_complex", "is_nonzero", "std_mean",
        "var_mean", "tensordot", "real", "imag", "range", "bilinear", "trapezoid", "trapz",
        "cumulative_trapezoid",   # real/imag are tensor properties
        "unravel_index", "broadcast_shapes", "bucketize", "searchsorted", "vander", "isin", "gradient",
        "combinations", "result_type", "promote_types", "can_cast", "view_as_real",
        "view_as_complex", "chain_matmul"}},   # (torch functions that are no tensor methods: session 28, 34)
    **_table("view view_as reshape_as expand expand_as repeat contiguous unfold", _SHAPE_METHOD_KW),
    **_table("masked_fill index_fill", ("mask", "value", "dim", "index")),
    **_table("new_zeros new_ones new_full new_tensor", ("size", "fill_value", "data") + NOGRAD),
    **_table("allclose isclose equal", ("rtol", "atol", "equal_nan")),
    **_table("lerp where", ("condition", "other", "weight", "end")),
    **_table("float double half int long short bool byte char bfloat16 cfloat cdouble", (),
             size="same"),
    **_table("type", ("dtype", "non_blocking"), size="same", kind="special"),
    **_table("to", ("dtype", "other", "device", "non_blocking"), size="same", kind="special"),
    **_table("type_as", ("dtype", "other"), size="same"),
    **_table("cpu cuda", (), size="none", kind="special"),
    **_table("new", (), size="none", kind="special"),   # x.new(2, 3): zero-filled (tensor_api.py)
    **_table("size dim ndimension nelement numel item tolist element_size is_floating_point "
             "is_complex is_contiguous is_nonzero is_inference stride storage_offset", ("dim",), size="none"),
    **_table("numpy", (), size="none", kind="special"),
    **_table("backward", ("gradient", "retain_graph", "create_graph", "inputs"), size="none",
             kind="special"),
    **_table("retain_grad", (), size="none", kind="special"),
    **_table("register_hook", ("hook",), size="none", kind="special"),   # a program's function: tensor_hooks
    **_table("requires_grad_", ("requires_grad",), size="same"),
    **_table("detach_ zero_ fill_ abs_ neg_ exp_ log_ sqrt_ sin_ cos_ tanh_ sigmoid_ relu_ clamp_ "
             "clip_ floor_ ceil_ round_ sign_ square_ reciprocal_ add_ sub_ mul_ div_ pow_ copy_ "
             "masked_fill_ t_ transpose_ squeeze_ unsqueeze_ fill_diagonal_ scatter_ scatter_add_ "
             "tril_ triu_",
             ("alpha", "min", "max", "value", "mask", "dim", "dim0", "dim1", "rounding_mode",
              "wrap", "fill_value", "decimals", "other", "index", "src", "diagonal"), size="same"),
    # (session 28) the in-place index/scatter family with their own keywords (scatter_'s reduce=)
    **_table("index_add_ index_copy_ index_fill_ index_reduce_ masked_scatter_ put_ scatter_ scatter_add_ "
             "scatter_reduce_", ("dim", "index", "source", "src", "alpha", "reduce", "include_self", "value",
                                 "mask", "accumulate"), size="same"),
    **_table("uniform_ normal_ bernoulli_ exponential_ random_", ("mean", "std", "from", "to", "p",
                                                                   "lambd"),
             size="same", kind="random"),
}
TORCH_FUNCTIONS.update({n: _spec(("alpha", "other"), "meta") for n in ("add", "sub", "subtract")})
TORCH_FUNCTIONS.update({n: _spec(("rounding_mode", "other"), "meta") for n in ("div", "divide")})
TENSOR_METHODS.update({n: _spec(("alpha", "other"), "meta") for n in ("add", "sub", "subtract")})
TENSOR_METHODS.update({n: _spec(("rounding_mode", "other"), "meta") for n in ("div", "divide")})

# Attributes read without a call.
TENSOR_PROPERTIES: frozenset[str] = frozenset(
    "shape grad requires_grad is_leaf grad_fn dtype ndim data T mT H mH real imag device is_cuda itemsize "
    "nbytes".split())   # itemsize, nbytes: session 38 (ints; x.element_size() and x.nelement() were in)
# Properties that make a new tensor (recorded as ops).
TENSOR_OP_PROPERTIES: frozenset[str] = frozenset("T mT H mH real imag".split())
SETTABLE_TENSOR_ATTRIBUTES: frozenset[str] = frozenset({"requires_grad", "grad", "data"})

TORCH_DTYPES: tuple[str, ...] = tuple(
    """float32 float float64 double float16 half bfloat16 int8 int16 short int32 int int64 long uint8
    bool complex64 cfloat complex128 cdouble""".split())
TORCH_CONSTANTS: dict[str, float] = {"pi": 3.141592653589793, "e": 2.718281828459045,
                                     "inf": float("inf"), "nan": float("nan")}

MATH_FUNCTIONS: tuple[str, ...] = tuple(
    """sqrt exp log log2 log10 log1p expm1 sin cos tan asin acos atan atan2 sinh cosh tanh asinh acosh
    atanh floor ceil trunc fabs isclose isnan isinf isfinite degrees radians hypot erf erfc copysign
    fmod pow gamma lgamma fsum dist""".split())
MATH_CONSTANTS: tuple[str, ...] = ("pi", "e", "tau", "inf", "nan")
# the integer functions, their results sized first (lang/math_ints.py): also `from math import factorial`
MATH_INT_NAMES: tuple[str, ...] = ("factorial", "comb", "perm", "gcd", "lcm", "isqrt")

NUMPY_DTYPES: tuple[str, ...] = ("float16", "float32", "float64", "int8", "int16", "int32", "int64",
                                  "uint8", "uint16", "uint32", "uint64", "bool_", "complex64", "complex128")
# numpy's other names of those scalar types: the same objects (`np.double is np.float64`, as in numpy 2)
NUMPY_DTYPE_ALIASES: dict[str, str] = {
    "double": "float64", "single": "float32", "half": "float16", "intc": "int32",
    "short": "int16", "byte": "int8", "ubyte": "uint8", "ushort": "uint16", "uintc": "uint32",
    "int_": "int64", "intp": "int64", "uintp": "uint64", "bool": "bool_", "uint": "uint64",   # np.uint (s39)
    "long": "int64", "ulong": "uint64",
    "csingle": "complex64", "cdouble": "complex128"}
SAFE_ARRAY_PROPERTIES: frozenset[str] = frozenset({"shape", "dtype", "ndim", "size", "T",
                                                   "itemsize", "nbytes"})
SAFE_ARRAY_METHODS: frozenset[str] = frozenset({"tolist", "copy", "dot"})
