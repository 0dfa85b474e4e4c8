"""What each seed program must do in Autograd Lab: the expectations the seed tests check.

The seed programs are the lessons' code examples in `lessons/` at the top of the repository (shipped
with the app: the gallery shows them; see lessons/README.md); the loop and tutorial programs live in
this directory. Plain PyTorch is the oracle for values and printed text; this
manifest adds what the oracle cannot say: which error the engine must report (and where), which
seed to run with, which printed lines or variables differ between runs by nature (`id(...)`), and
which variable the engine must pick as the output.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROGRAMS_DIR = Path(__file__).resolve().parent
LESSONS_DIR = PROGRAMS_DIR.parents[1] / "lessons"

# `output` value meaning "do not check": the last backward() ran on an unnamed tensor (y.sum()).
UNCHECKED = "<unchecked>"

NOT_SUPPORTED = "not supported in Autograd Lab"


@dataclass(frozen=True)
class ProgramSpec:
    file: str
    lesson: str                          # seed file the example comes from
    ok: bool = True
    error_kind: str | None = None        # report.error.kind when ok is False
    error_line: int | None = None        # 1-based line of the failing statement
    error_says: tuple[str, ...] = ()     # substrings the message must contain (case-insensitive)
    seed: int = 0
    output: str | None = None            # expected Report.output (UNCHECKED: not checked)
    nondeterministic_lines: tuple[str, ...] = ()  # regexes: printed lines compared by pattern only
    nondeterministic_vars: tuple[str, ...] = ()   # variables whose value differs run to run (ids)
    nondeterministic_ops: tuple[str, ...] = ()    # ops whose recorded values differ run to run in their
                                                  # last digits (bench/report_identity.py blanks them)
    oracle: bool = True                  # False: never exec in real Python (touches files, pandas)
    slow: bool = False                   # a 2,000-iteration loop: may pass the default limits on a
                                         # loaded machine (the unit test raises them)
    timeout_s: float | None = None       # a longer time limit for the unit tests (long loops on a
                                         # loaded test machine; bench/loop_programs.py times them)

    @property
    def path(self) -> Path:
        """lessons/ for the lessons' examples (seed*.py), this directory for the others."""
        return (LESSONS_DIR if self.file.startswith("seed") else PROGRAMS_DIR) / self.file

    @property
    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")


S1 = "001_62f9674de0420b2d.txt"
S2 = "002_cc27899164468b1b.txt"
S3 = "003_45ca45bd7d73dd4a.txt"
S4 = "004_5c14f08088f29435.txt"

LOOPS = "issue 9: loop programs"
LOOP_PROGRAMS: tuple[ProgramSpec, ...] = (
    ProgramSpec("loop_polyfit_300.py", LOOPS, timeout_s=30, output="loss"),
    ProgramSpec("loop_polyfit_2000.py", LOOPS, output="loss", timeout_s=60),
    ProgramSpec("loop_polyfit_2000_zero.py", LOOPS, output="loss", timeout_s=60),
    ProgramSpec("loop_scalar_chain.py", LOOPS, timeout_s=30, output="y"),
    ProgramSpec("loop_newton.py", LOOPS, output="f"),
    ProgramSpec("loop_power_iteration.py", LOOPS, output=None),
    ProgramSpec("loop_linreg.py", LOOPS, timeout_s=30, output="l"),
    ProgramSpec("loop_logistic.py", LOOPS, timeout_s=30, output="loss"),
    ProgramSpec("loop_mlp_manual.py", LOOPS, timeout_s=30, output="loss"),
    ProgramSpec("loop_python_sum.py", LOOPS, output=None),
    ProgramSpec("loop_numpy_scalars.py", LOOPS, timeout_s=30, output=None),
    ProgramSpec("loop_function_break.py", LOOPS, timeout_s=30, output=None),   # session 32: break
    # session 35: a lesson's layer objects (method calls, attributes, NumPy scalars), 5,000 passes
    ProgramSpec("loop_layer_objects.py", LOOPS, timeout_s=30, output=None,
                nondeterministic_vars=("my_fit",)),   # an object: CPython's repr has its address
    # session 43: karpathy/micrograd's engine.py and nn.py as written and its demo's training loop (header):
    # the Values' last float digits follow the order of `set(_children)`, which CPython takes from their
    # addresses (the engine: the order made), so the losses are compared by pattern here and with a
    # tolerance in tests/unit/test_micrograd_program_s43.py
    ProgramSpec("loop_micrograd.py", LOOPS, timeout_s=30, output=None,
                nondeterministic_lines=(r"Value\(data=[-\d.e]+, grad=0\) [\d.]+",
                                        r"step \d+ loss [-\d.e]+, accuracy [\d.]+%"),
                nondeterministic_vars=("model", "total_loss", "p")),
)

PROGRAMS: tuple[ProgramSpec, ...] = (
    # Lesson 001: linear algebra and autograd (CSDN notes).
    ProgramSpec("seed001_scalar_ops.py", S1),
    ProgramSpec("seed001_vector_index.py", S1),
    ProgramSpec("seed001_symmetric.py", S1),
    ProgramSpec("seed001_elementwise_hadamard.py", S1),
    ProgramSpec("seed001_scalar_tensor.py", S1),
    ProgramSpec("seed001_sum.py", S1),
    ProgramSpec("seed001_sum_axis.py", S1),
    ProgramSpec("seed001_mean_cumsum.py", S1),
    ProgramSpec("seed001_dot.py", S1),
    ProgramSpec("seed001_mv_mm.py", S1),
    ProgramSpec("seed001_norms.py", S1),
    ProgramSpec("seed001_autograd_dot.py", S1, output="y"),
    ProgramSpec("seed001_autograd_all.py", S1, output=UNCHECKED),
    ProgramSpec("seed001_control_flow.py", S1, output="d"),
    # Lesson 002: torch.autograd.functional.jacobian (the scrape ran each example onto one line).
    ProgramSpec("seed002_jacobian_sum.py", S2),
    ProgramSpec("seed002_jacobian_matmul.py", S2),
    ProgramSpec("seed002_jacobian_randn.py", S2),
    ProgramSpec("seed002_jacobian_randn.py", S2, seed=7),
    ProgramSpec("seed002_jacobian_matsq.py", S2),
    ProgramSpec("seed002_jacobian_numpy.py", S2),
    # Lesson 003: the d2l notebook (data operations, preprocessing, linear algebra, autograd).
    ProgramSpec("seed003_arange_reshape.py", S3),
    ProgramSpec("seed003_tensor_literal.py", S3),
    ProgramSpec("seed003_elementwise.py", S3),
    ProgramSpec("seed003_cat.py", S3),
    ProgramSpec("seed003_cat_dim_error.py", S3, ok=False, error_kind="value", error_line=7,
                error_says=("dimension out of range", "-2..1", "got 2")),
    ProgramSpec("seed003_unsqueeze_cat.py", S3),
    ProgramSpec("seed003_cat_dim3_error.py", S3, ok=False, error_kind="value", error_line=13,
                error_says=("dimension out of range", "-3..2", "got 3")),
    ProgramSpec("seed003_broadcast.py", S3),
    ProgramSpec("seed003_index_assign.py", S3),
    ProgramSpec("seed003_memory_id.py", S3,
                nondeterministic_lines=(r"^id\(Z\): \d+$",), nondeterministic_vars=("before",)),
    ProgramSpec("seed003_item.py", S3),
    # a notebook set-up line, skipped with a note since session 39 (lang/notebook_lines.py): nothing to run
    ProgramSpec("seed003_pip_install_pandas.py", S3, oracle=False),
    ProgramSpec("seed003_preprocess_os.py", S3, ok=False, error_kind="unsupported", error_line=1,
                error_says=("import os", NOT_SUPPORTED), oracle=False),
    ProgramSpec("seed003_preprocess_pandas.py", S3, ok=False, error_kind="unsupported", error_line=1,
                error_says=("pandas", NOT_SUPPORTED), oracle=False),
    ProgramSpec("seed003_preprocess_to_tensor.py", S3, ok=False, error_kind="name", error_line=3,
                error_says=("inputs",)),
    ProgramSpec("seed003_la_scalars.py", S3),
    ProgramSpec("seed003_la_vectors.py", S3),
    ProgramSpec("seed003_la_matrices.py", S3),
    ProgramSpec("seed003_la_elementwise.py", S3),
    ProgramSpec("seed003_la_sum_axis.py", S3),
    ProgramSpec("seed003_la_mean_products.py", S3),
    ProgramSpec("seed003_la_norms.py", S3),
    ProgramSpec("seed003_autograd.py", S3, output=UNCHECKED),
    ProgramSpec("seed003_control_flow.py", S3, output="d"),
    ProgramSpec("seed003_control_flow.py", S3, seed=4, output="d"),  # randn < 0: the else branch
    # Lesson 004: vector/matrix differentiation and the Jacobian (scraped onto one line).
    ProgramSpec("seed004_jacobian_funx.py", S4, output="y"),
    # Loop programs (issue 9): tutorials' training loops and numerical loops, timed against plain
    # PyTorch by bench/loop_programs.py (engine_latency.py leaves them out).
    *LOOP_PROGRAMS,
)

# Tutorials no one here wrote, as a student pastes them (issue 9, part 2): each file names its source.
T_PT = "pytorch/tutorials"
T_D2L = "d2l-ai (Dive into Deep Learning)"
T_MRD = "mrdbourke/pytorch-deep-learning"
T_D2LPT = "ShusenTang/Dive-into-DL-PyTorch (Chinese)"
ID_LINE = (r"^id\(Z\): \d+$",)
T_CS231N = "cs231n/cs231n.github.io (Stanford CS231n)"
T_EAT = "lyhue1991/eat_pytorch_in_20_days (Chinese)"
T_MORVAN = "MorvanZhou/PyTorch-Tutorial"
T_LOEBER = "patrickloeber/pytorchTutorial (Python Engineer)"
T_KARPATHY = "karpathy/nn-zero-to-hero (MIT)"
T_UDACITY = "udacity/deep-learning-v2-pytorch (MIT)"
T_FASTAI = "fastai/course22p2 (Apache-2.0)"
T_OWN = "written for Autograd Lab (session 26: replaces a copy whose source has no licence)"
T_OWN_NC = "written for Autograd Lab (session 26: replaces a copy of a non-commercial, share-alike source)"
T_TORCH_DOCS = "pytorch/pytorch (torch reference docstrings, BSD-3-Clause)"
SECONDS_LINE = r"^\d+\.\d+(e-\d+)?$"   # print(time() - start): a duration in seconds
TUTORIALS: tuple[ProgramSpec, ...] = (
    ProgramSpec("tutorial_tensorqs.py", T_PT),
    ProgramSpec("tutorial_autogradqs.py", T_PT, output=UNCHECKED),
    ProgramSpec("tutorial_polynomial_tensor.py", T_PT, slow=True),
    ProgramSpec("tutorial_polynomial_autograd_grad_none.py", T_PT, output=UNCHECKED, slow=True),
    # a custom autograd Function (`class LegendrePolynomial3(torch.autograd.Function)`)
    ProgramSpec("tutorial_polynomial_custom_function.py", T_PT, output=UNCHECKED, slow=True),
    ProgramSpec("tutorial_polynomial_autograd.py", T_PT, ok=False, error_kind="type", error_line=47,
                error_says=("assigned grad expected to be a Tensor or None but got grad of type float",),
                output=UNCHECKED),
    ProgramSpec("tutorial_d2l_en_ndarray.py", T_D2L, nondeterministic_lines=ID_LINE,
                nondeterministic_vars=("before",)),
    ProgramSpec("tutorial_d2l_en_linear_algebra.py", T_D2L),
    ProgramSpec("tutorial_d2l_en_autograd.py", T_D2L, output=UNCHECKED),
    ProgramSpec("tutorial_d2l_en_calculus.py", T_D2L),
    ProgramSpec("tutorial_d2l_zh_calculus.py", T_D2L),
    ProgramSpec("tutorial_d2l_en_probability.py", T_D2L),
    ProgramSpec("tutorial_d2l_zh_probability.py", T_D2L),
    # Session 6: more tutorials no one here wrote (issue 9, part 2).
    ProgramSpec("tutorial_blitz_autograd_old.py", T_PT, output=UNCHECKED),
    ProgramSpec("tutorial_d2l_zh_ndarray.py", T_D2L, nondeterministic_lines=ID_LINE,
                nondeterministic_vars=("before",)),
    ProgramSpec("tutorial_d2l_zh_linear_algebra.py", T_D2L),
    ProgramSpec("tutorial_d2l_zh_autograd.py", T_D2L, output=UNCHECKED),
    # the minibatch reader is a `yield` generator and the model is named (`net = linreg`)
    ProgramSpec("tutorial_d2l_zh_linreg_scratch.py", T_D2L, output=UNCHECKED, timeout_s=60),
    # d2l's Accumulator, a plain class (`metric[0]` through its __getitem__), and evaluate_accuracy as written
    ProgramSpec("tutorial_d2l_zh_softmax_scratch.py", T_D2L, output=UNCHECKED),
    ProgramSpec("tutorial_mrdbourke_fundamentals_1.py", T_MRD, ok=False, error_kind="shape",
                error_line=156, error_says=("3×2", "3×2")),
    ProgramSpec("tutorial_introyt_autograd.py", T_PT, output=UNCHECKED),
    ProgramSpec("tutorial_polynomial_numpy.py", T_PT, slow=True),
    ProgramSpec("tutorial_mrdbourke_fundamentals_2.py", T_MRD),
    # torch.empty is zero-filled in the engine, and in the oracle (tests/oracle.py) for comparison.
    ProgramSpec("tutorial_blitz_tensor_old.py", T_PT),
    ProgramSpec("tutorial_introyt_tensors.py", T_PT, nondeterministic_vars=("old_id",)),
    ProgramSpec("tutorial_two_layer_net_numpy.py", T_PT, slow=True),
    ProgramSpec("tutorial_d2l_en_lookup_api.py", T_D2L),
    ProgramSpec("tutorial_d2l_zh_lookup_api.py", T_D2L),
    # Session 26 (corpus6): the two notebooks first here had no licence; our own programs replace them
    ProgramSpec("tutorial_own_vector_backward_zh.py", T_OWN, output=UNCHECKED),
    ProgramSpec("tutorial_own_requires_grad_no_grad_zh.py", T_OWN, output=UNCHECKED),
    # Session 12: Chinese course notebooks, cell by cell (bench/tutorial_cells.py).
    # (session 26: the handbook is CC BY-NC-SA 3.0 CN, not permissive: our own programs replace the copies)
    ProgramSpec("tutorial_own_tensor_types_zh.py", T_OWN_NC),
    ProgramSpec("tutorial_own_autograd_graph_zh.py", T_OWN_NC, output=UNCHECKED,
                nondeterministic_lines=(r"^p(_leaf\.variable)?的id:\d+$",)),
    ProgramSpec("tutorial_own_blitz_tensor_zh.py", T_OWN_NC),
    ProgramSpec("tutorial_own_blitz_autograd_zh.py", T_OWN_NC, output=UNCHECKED),
    ProgramSpec("tutorial_d2lpt_tensor_zh.py", T_D2LPT, nondeterministic_vars=("id_before",)),
    ProgramSpec("tutorial_d2lpt_autograd_zh.py", T_D2LPT, output=UNCHECKED),
    ProgramSpec("tutorial_book_ch3_zh.py", "chenyuntc/pytorch-book (Chinese)", output=UNCHECKED),
    # Session 19: NumPy's array indexing and makers (CS231n); `import time` (clocks differ run to run).
    ProgramSpec("tutorial_cs231n_numpy_arrays.py", T_CS231N),
    ProgramSpec("tutorial_cs231n_numpy_math.py", T_CS231N),
    ProgramSpec("tutorial_d2lpt_linreg_time_zh.py", T_D2LPT, nondeterministic_lines=(SECONDS_LINE,),
                nondeterministic_vars=("start",)),
    # d2l's Timer (a plain class, `import time`): the cells show their timings as `'0.28538 sec'`
    ProgramSpec("tutorial_d2l_zh_linear_regression.py", T_D2L, timeout_s=30,
                nondeterministic_lines=(r"^'\d+\.\d{5} sec'$",), nondeterministic_vars=("timer",)),
    ProgramSpec("tutorial_uvadlc_intro_pytorch.py", "phlippe/uvadlc_notebooks (UvA Deep Learning course)",
                output=UNCHECKED),
    # Session 21: `from torch.autograd import Variable`, NumPy functions of lists, torch.masked_fill & co.,
    # vhp/hvp, register_hook (bench/tutorial_cells.py counts their cells).
    ProgramSpec("tutorial_eat_tensor_zh.py", T_EAT),
    ProgramSpec("tutorial_eat_autograd_zh.py", T_EAT, output=UNCHECKED),
    ProgramSpec("tutorial_eat_dynamic_graph_zh.py", T_EAT, output=UNCHECKED),
    ProgramSpec("tutorial_eat_tensor_ops_zh.py", T_EAT),
    ProgramSpec("tutorial_eat_tensor_math_zh.py", T_EAT),
    # cell 9 calls torch.dot on 2-D tensors: PyTorch's own error, at the same line
    ProgramSpec("tutorial_morvan_torch_numpy.py", T_MORVAN, ok=False, error_kind="shape", error_line=74,
                error_says=("1-D", "2-D")),
    ProgramSpec("tutorial_morvan_variable.py", T_MORVAN, output=UNCHECKED),
    ProgramSpec("tutorial_morvan_activation.py", T_MORVAN),
    ProgramSpec("tutorial_blitz_autograd_variable.py", T_PT, output=UNCHECKED),
    ProgramSpec("tutorial_autograd_functional_docs.py", "pytorch/pytorch (torch.autograd.functional docs)",
                output=UNCHECKED),
    ProgramSpec("tutorial_d2lpt_linreg_scratch_zh.py", T_D2LPT, output=UNCHECKED),
    ProgramSpec("tutorial_jacobians_hessians_rows.py", T_PT, output=UNCHECKED),
    # Session 22: the same page's torch.func cells (vjp, vmap, jacrev, jacfwd, hessian, jvp, grad) and
    # functools.partial; the benchmark cells and the 8,388,608-element Hessian left out (header).
    ProgramSpec("tutorial_jacobians_hessians_func.py", T_PT, output=UNCHECKED),
    # Session 21: a micrograd-style engine (written here after karpathy/micrograd's design, MIT): operator
    # methods, a set of visited Values, lists of Neurons and Layers. Its floats' last digits depend on the
    # order of a set of objects, which CPython takes from their addresses (the engine: the order made),
    # so the Values are compared by the tests in tests/unit/test_object_operators.py with a tolerance.
    ProgramSpec("tutorial_micrograd_style.py", "karpathy/micrograd (MIT), its design rewritten",
                nondeterministic_vars=("a", "b", "c", "d", "e", "f", "g", "ypred", "loss", "p", "best")),
    # Session 22: a student's own classes around a lesson: a Dataset with __len__/__getitem__, a Vector with
    # __eq__/__hash__/__lt__/__iadd__ as dict keys, set items and sorted() items, a Bag with __iter__.
    ProgramSpec("tutorial_python_classes_data.py", "written here (Python classes around a PyTorch lesson)",
                output="loss", timeout_s=30),
    # Session 23: new sources (issue 9, part 2): Python Engineer's course files 02-05 (numpy scalars'
    # `.mean()`), PyTorch's NLP "Introduction to PyTorch" (`import torch.optim as optim`), yunjey's basics,
    # d2l's gradient descent and activations, 刘二大人's lectures 2-4, and the torch.linalg and torch.func
    # reference examples (`from torch.linalg import multi_dot`, cond, solve_triangular, tril_, vmap's dict
    # in_dims, a bare `torch.dot` shown as Python shows it).
    ProgramSpec("tutorial_loeber_tensor_basics.py", T_LOEBER),
    ProgramSpec("tutorial_loeber_autograd.py", T_LOEBER, output=UNCHECKED),
    ProgramSpec("tutorial_loeber_gradient_descent.py", T_LOEBER, output=UNCHECKED),
    ProgramSpec("tutorial_nlp_intro_torch.py", T_PT, output=UNCHECKED),
    ProgramSpec("tutorial_yunjey_basics.py", "yunjey/pytorch-tutorial", output=UNCHECKED),
    ProgramSpec("tutorial_d2l_en_gd.py", T_D2L),
    ProgramSpec("tutorial_d2l_zh_activations_stability.py", T_D2L, output=UNCHECKED),
    ProgramSpec("tutorial_own_linear_model_sgd_zh.py", T_OWN, output=UNCHECKED),  # (session 26)
    # (a residual such as torch.dist(S, svdvals(A)) is float32 rounding noise, ~1e-7, whose last digits
    # depend on the buffers' alignment: CI showed 6.7039e-07 where plain PyTorch gave 7.2999e-07)
    ProgramSpec("tutorial_linalg_docs.py", "pytorch/pytorch (torch.linalg docs)",
                nondeterministic_lines=(r"tensor\(\d\.\d{4}e-0[5-8]\)",),
                # the broadcast lstsq's last float32 digits change from process to process (LAPACK's
                # path depends on memory alignment), and so does the dist of its residual
                nondeterministic_ops=("linalg.lstsq", "dist")),
    ProgramSpec("tutorial_func_docs.py", "pytorch/pytorch (torch.func docs)", output=UNCHECKED),
    # Session 25: the forward-mode AD tutorial's tensor cells (torch.autograd.forward_ad; torch.func.jvp)
    ProgramSpec("tutorial_forward_ad.py", "pytorch/tutorials (Forward-mode Automatic Differentiation)",
                output=UNCHECKED),
    # autograd.grad(y, [a, b, c]), np.meshgrid (session 26: our own, replacing an unlicensed copy)
    ProgramSpec("tutorial_own_grad_list_meshgrid.py", T_OWN, output=UNCHECKED),
    # Session 23: the Python tutorial's errors-and-exceptions chapter (raise, exception classes, chaining,
    # finally) and its Reverse iterator; the chapter's uncaught `raise NameError('HiThere')` ends it.
    ProgramSpec("tutorial_python_exceptions.py", "python/cpython (the Python tutorial, PSF licence)",
                ok=False, error_kind="name", error_line=215, error_says=("NameError: HiThere",)),
    # Session 23: Karpathy's makemore lecture 1 (torch.Generator objects, generator=, F.one_hot, a bigram
    # count table and one step of gradient descent), the words a list of 43 names (header).
    ProgramSpec("tutorial_karpathy_makemore_bigrams.py", T_KARPATHY, output="loss", timeout_s=30),
    # the "backprop ninja" lecture: every gradient written by hand and compared with autograd's (`cmp`)
    ProgramSpec("tutorial_karpathy_backprop_ninja.py", T_KARPATHY, output="loss", timeout_s=30),
    # Session 24: makemore lecture 3's plain-tensor half (BatchNorm by hand, a 1,000-step training loop, the
    # running statistics, a @torch.no_grad() split_loss, the activation-statistics cells 21-22; header)
    ProgramSpec("tutorial_karpathy_makemore_bn.py", T_KARPATHY, output="loss", slow=True, timeout_s=60),
    # micrograd's Value class and its test_engine.py, which checks it against PyTorch with `assert`
    ProgramSpec("tutorial_karpathy_micrograd_test_engine.py", "karpathy/micrograd (MIT)"),
    # the micrograd lecture (second half): a Value class checked against PyTorch, then a 41-Value MLP (its
    # 20 training steps left out: above max_steps, header)
    ProgramSpec("tutorial_karpathy_micrograd_lecture.py", T_KARPATHY, output="o"),
    # Its first half: the backward pass by hand, node by node (`f` is first a `def`, then a Value, and keeps
    # the def's place in the Variables table, as in Python). A set of Values iterates in an order CPython
    # takes from their addresses, the engine in the order made: `visited`/`topo` compared by pattern only.
    ProgramSpec("tutorial_karpathy_micrograd_by_hand.py", T_KARPATHY,
                nondeterministic_vars=("visited", "topo"),
                nondeterministic_lines=(r"^\[Value\(data=.*\)\]$",)),
    # Session 24: "Deep Learning with PyTorch" chapters 3 and 5 (torch.set_printoptions in their first cell;
    # stride(), storage_offset(); the temperature fit by hand-written derivatives, then with autograd)
    # (session 26: the book's code repository has no licence; our own programs after the same chapters)
    ProgramSpec("tutorial_own_tensor_views_strides.py", T_OWN),
    ProgramSpec("tutorial_own_fit_hand_derivatives.py", T_OWN, slow=True, timeout_s=30),
    ProgramSpec("tutorial_own_fit_autograd_params.py", T_OWN, output=UNCHECKED, slow=True, timeout_s=30),
    # Udacity's intro-to-pytorch parts 1 (tensors, a sigmoid network by hand, the NumPy bridge) and 3 (its
    # autograd section); Aladdin Persson's tensor-basics script; CS224N's PyTorch tutorial (pprint)
    ProgramSpec("tutorial_udacity_tensors.py", T_UDACITY),
    ProgramSpec("tutorial_udacity_autograd.py", T_UDACITY, output=UNCHECKED),
    ProgramSpec("tutorial_persson_tensorbasics.py", "aladdinpersson/Machine-Learning-Collection (MIT)"),
    ProgramSpec("tutorial_own_tensor_tour_pprint.py", T_OWN, output=UNCHECKED),  # (session 26)
    # After Zero to GANs lesson 1: tensors and gradients, then linear regression from scratch (np.array(...,
    # dtype='float32'), a 100-epoch loop by hand)
    # (session 26: the student's copy had no licence; our own programs after the same lesson)
    ProgramSpec("tutorial_own_tensors_and_gradients.py", T_OWN, output=UNCHECKED),
    ProgramSpec("tutorial_own_linear_regression_scratch.py", T_OWN, output="loss"),
    # Raschka's STAT 453 lecture 6: torch.autograd.grad on a ReLU graph, a hand-written ReLU (z[:] = 0.)
    ProgramSpec("tutorial_raschka_autograd.py", "rasbt/stat453-deep-learning-ss21", output=UNCHECKED),
    # session 25: fast.ai course22p2's matmul from scratch (islice, iter(f, []), a triple loop, einsum,
    # a kernel launcher with *args) and its backprop by hand (`inp.g = ...` on tensors, x.clamp_min)
    # 01_matmul: two 7,840-pass loops, ~1 s alone; `slow` keeps a loaded test machine from deciding it
    ProgramSpec("tutorial_fastai_matmul.py", T_FASTAI, slow=True, timeout_s=30),
    ProgramSpec("tutorial_fastai_backprop.py", T_FASTAI, output=UNCHECKED),
    # PyTorch's "Double Backward with Custom Functions" (torch.autograd.gradcheck / gradgradcheck of
    # four autograd.Function classes); 『ゼロから作る Deep Learning』 ch. 4-5 (numerical gradients in NumPy,
    # X.flatten(), np.array([X, Y]); MulLayer/AddLayer backprop by hand)
    ProgramSpec("tutorial_pt_double_backward.py", T_PT, output=UNCHECKED),
    ProgramSpec("tutorial_dlfs_gradient_ja.py", "oreilly-japan/deep-learning-from-scratch (MIT)"),
    ProgramSpec("tutorial_d2l_en_multivariable_calculus.py", T_D2L, output=UNCHECKED),
    # Kloeckner's numerics demos (MIT): power/inverse/Rayleigh-quotient iteration, Newton's method in n
    # dimensions, classical vs modified Gram-Schmidt (np.set_printoptions, np.diag, np.sort, la.norm(x, 2))
    ProgramSpec("tutorial_kloeckner_power_iteration.py", "inducer/numerics-notes (MIT)"),
    ProgramSpec("tutorial_kloeckner_newton_nd.py", "inducer/numerics-notes (MIT)"),
    ProgramSpec("tutorial_kloeckner_gram_schmidt.py", "inducer/numerics-notes (MIT)"),
    # Session 26 (corpus6): d2l-en's mathematics appendix (torch.linalg.eig, `norm_eigs.sort()` of 0-d
    # tensors, `torch.pi = ...` kept as this run's copy, einsum, torch.meshgrid)
    ProgramSpec("tutorial_d2l_en_eigendecomposition.py", T_D2L),
    ProgramSpec("tutorial_d2l_en_geometry_linear_algebra.py", T_D2L),
    ProgramSpec("tutorial_d2l_en_single_variable_calculus.py", T_D2L),
    ProgramSpec("tutorial_d2l_en_statistics.py", T_D2L, timeout_s=30),   # a 300-pass comprehension
    # the blitz's current autograd page ("A Gentle Introduction"; its resnet18/optimizer cells left out)
    ProgramSpec("tutorial_blitz_autograd_gentle.py", T_PT),
    # Kloeckner's QR iteration, SVD-by-eigh and orthogonal iteration demos (np.linalg.qr / eigh with
    # NumPy's QRResult / EighResult, np.tril: lang/numpy_decompositions.py)
    ProgramSpec("tutorial_kloeckner_qr_iteration.py", "inducer/numerics-notes (MIT)"),
    ProgramSpec("tutorial_kloeckner_computing_svd.py", "inducer/numerics-notes (MIT)"),
    ProgramSpec("tutorial_kloeckner_orthogonal_iteration.py", "inducer/numerics-notes (MIT)"),
    # Session 27: our own program (header): a function factory, a nonlocal counter, a decorator with
    # functools.wraps, compose(f, g), a returned loss given to torch.func.grad and jacobian. Functions print
    # with CPython's address (the engine's is fixed): those lines are compared by pattern, names included.
    ProgramSpec("tutorial_own_closures.py", "written fresh for Autograd Lab (session 27)", output=UNCHECKED,
                nondeterministic_lines=(
        r"^<function make_linear\.<locals>\.predict at 0x[0-9a-f]+> <function make_counter at 0x[0-9a-f]+> "
        r"<function logged at 0x[0-9a-f]+>$",
        r"^<function make_linear\.<locals>\.predict at 0x[0-9a-f]+> tensor\(.*\)$")),
    # Session 27 (corpus7): NumPy's quickstart (`from numpy import pi`, `a.dtype.name`, `a.itemsize`,
    # `b.cumsum(axis=1)`)
    ProgramSpec("tutorial_numpy_quickstart.py", "numpy/numpy (BSD-3-Clause)"),
    # and its "absolute basics for beginners" (np.concatenate/vstack/hstack/hsplit, np.newaxis,
    # np.expand_dims, np.nonzero: lang/numpy_joins.py)
    ProgramSpec("tutorial_numpy_absolute_beginners.py", "numpy/numpy (BSD-3-Clause)"),
    # PyTorch's "Broadcasting semantics" note: each ends at its failing example, as plain PyTorch does
    ProgramSpec("tutorial_pt_broadcasting_general.py", T_PT, ok=False, error_kind="shape", error_line=37,
                error_says=("cannot be broadcast", "dimension 1")),
    ProgramSpec("tutorial_pt_broadcasting_inplace.py", T_PT, ok=False, error_kind="shape", error_line=18,
                error_says=("in place", "[1, 3, 1]")),
    ProgramSpec("tutorial_pt_tensor_docs.py", T_PT, output=UNCHECKED),   # the torch.Tensor page's examples
    ProgramSpec("tutorial_d2l_en_information_theory.py", T_D2L),   # entropy, mutual information, KL
    # Session 28 (corpus8): the torch reference page's examples, section by section (torch/_torch_docs.py,
    # BSD-3-Clause, as shipped with torch 2.13.0; headers say what was left out): quantile, tensor_split,
    # the *_scatter ops, bincount, histogram, repeat_interleave, combinations, itertools.product ... Each
    # takes 1.4-2.4 s in one run here (a fresh process, two loaded cores): `slow` keeps the unit test from
    # deciding them by the 5 s limit
    ProgramSpec("tutorial_torch_reduction_docs.py", T_TORCH_DOCS, slow=True, timeout_s=30),
    ProgramSpec("tutorial_torch_indexing_docs.py", T_TORCH_DOCS, slow=True, timeout_s=30),
    ProgramSpec("tutorial_torch_other_ops_docs.py", T_TORCH_DOCS, slow=True, timeout_s=30),
    ProgramSpec("tutorial_torch_comparison_docs.py", T_TORCH_DOCS, slow=True, timeout_s=30),
    ProgramSpec("tutorial_torch_pointwise_docs.py", T_TORCH_DOCS, slow=True, timeout_s=30),
    ProgramSpec("tutorial_torch_creation_docs.py", T_TORCH_DOCS, slow=True, timeout_s=30),
    # the torch.Tensor page's examples (index_add_, index_reduce_, masked_scatter, put_, scatter_(reduce=),
    # scatter_reduce; the last backward is register_hook's `v.backward(...)`)
    ProgramSpec("tutorial_torch_tensor_methods_docs.py", T_TORCH_DOCS, slow=True, timeout_s=30, output="v"),
    # Session 28: our own NumPy lesson on random numbers (np.random.default_rng and its Generator: lang/
    # numpy_generators.py; np.fromfunction, np.trapezoid, torch.trapezoid, torch.testing.assert_close)
    ProgramSpec("tutorial_own_numpy_rng.py", "written fresh for Autograd Lab (session 28)", output="loss"),
    # Session 29: numpy.linalg's reference examples (the installed NumPy's docstrings, BSD-3-Clause):
    # lang/numpy_linalg_family.py, numpy_tensordot.py
    ProgramSpec("tutorial_numpy_linalg_docs.py", "numpy/numpy (numpy.linalg docstrings, BSD-3-Clause)",
                slow=True, timeout_s=30),
    # Session 29 (lead): summary statistics with NumPy (numpy_everyday.py, numpy_array_methods.py), legacy
    # np.random.choice/permutation, itertools.accumulate, then the line fitted with autograd
    ProgramSpec("tutorial_own_numpy_statistics.py", "written fresh for Autograd Lab (session 29)",
                output="loss"),
    # Session 30 (lead): convolution and pooling as functions (conv_work.py), dropout on the run's generator
    ProgramSpec("tutorial_own_conv_edges.py", "after d2l.ai 7.2 Convolutions for Images (code MIT-0)",
                output="loss"),
    # Session 30 (breadth): a loss surface with np.mgrid / np.ndenumerate, typing annotations, slice objects,
    # torch.finfo, itertools.cycle / groupby / tee / starmap (lang/slice_values.py, typing_module.py,
    # dtype_info.py, numpy_grids.py, numpy_flat.py, itertools_lazy.py), then gradient descent with autograd
    ProgramSpec("tutorial_own_python_tools.py", "written fresh for Autograd Lab (session 30)", output="loss"),
    # Session 30 (corpus): PyTorch's "Understanding requires_grad, retain_grad, Leaf, and Non-leaf Tensors"
    # (F.relu / F.mse_loss, retain_grad, `W.grad = None`, f"{x.is_leaf=}")
    ProgramSpec("tutorial_pt_leaf_nonleaf.py", T_PT, output="loss"),
    # d2l-en's distributions appendix (`from math import factorial`, torch.distributions.poisson.Poisson)
    ProgramSpec("tutorial_d2l_en_distributions.py", T_D2L),
    # numpy-100's exercises that run here (np.bincount, np.pad, np.unravel_index, np.diff, np.intersect1d,
    # np.argpartition, np.add.reduce / np.subtract.outer / np.add.at: lang/numpy_counting.py,
    # numpy_ufunc_methods.py)
    ProgramSpec("tutorial_numpy100_exercises.py", "rougier/numpy-100 (MIT)", slow=True, timeout_s=30),
    # Session 31 (breadth): dataclasses (lang/dataclass_classes.py), isinstance with typing's forms and
    # `float | int`, np.emath, np.nditer over two arrays, F.conv_transpose2d and F.interpolate, then a line
    # fitted with autograd
    ProgramSpec("tutorial_own_dataclass_training.py", "written fresh for Autograd Lab (session 31)",
                output="loss"),
    # Session 31 (corpus): d2l-zh's optimization chapter, the optimizers written from scratch:
    # `p[:] -= lr * v` under no_grad writes a view made under no_grad (the recorder asked for its
    # grad_fn, which PyTorch refuses to name, and the program stopped: engine/recorder.py _grad_fn)
    ProgramSpec("tutorial_d2l_zh_optimizers.py", "d2l-ai/d2l-zh (Apache-2.0)", output=UNCHECKED),
    # the Python Data Science Handbook's fancy indexing and sorting (np.partition / np.argpartition,
    # np.searchsorted, Generator.multivariate_normal: lang/numpy_order.py, numpy_generators.py)
    ProgramSpec("tutorial_pdsh_sorting_fancy_indexing.py", "jakevdp/PythonDataScienceHandbook (code MIT)"),
    # Session 32 (corpus): fast.ai's mean-shift lesson (`import operator`, MultivariateNormal samples, a bare
    # `partial` shown, broadcasting and einsum: lang/operator_module.py, distributions.py)
    ProgramSpec("tutorial_fastai_meanshift.py", T_FASTAI),
    # Session 33 (corpus): Datawhale's powerful-numpy introduction (Chinese NumPy basics), cells 0-47
    ProgramSpec("tutorial_powerful_numpy_intro_zh.py", "datawhalechina/powerful-numpy (Apache-2.0)"),
    # ageron's handson-ml3 extra_autodiff: autodiff written in plain Python (dual numbers calling their own
    # `__add__`, `hasattr`, reverse mode over a graph of Python objects)
    ProgramSpec("tutorial_hml_extra_autodiff.py", "ageron/handson-ml3 (Apache-2.0)"),
    # rasbt's LLMs-from-scratch appendix A (tensors, `torch.autograd.grad(..., retain_graph=True)`, backward)
    ProgramSpec("tutorial_rasbt_appendix_a.py", "rasbt/LLMs-from-scratch (Apache-2.0)", output="loss"),
    # Session 32 (breadth): NumPy's documentation of np.poly1d and of the Polynomial convenience class
    # (lang/numpy_poly1d.py, numpy_polynomial_class.py)
    ProgramSpec("tutorial_numpy_polynomials.py", "numpy/numpy docs (BSD-3-Clause)"),
    # Session 34 (corpus): NumPy's user guide pages, as written (np.printoptions / get_printoptions,
    # `y.base is x`, `from numpy import array`, np.vander: lang/numpy_print_options.py, numpy_layout.py,
    # numpy_makers_s34.py)
    ProgramSpec("tutorial_numpy_how_to_print.py", "numpy/numpy docs (BSD-3-Clause)"),
    ProgramSpec("tutorial_numpy_copies_broadcasting.py", "numpy/numpy docs (BSD-3-Clause)"),
    ProgramSpec("tutorial_numpy_array_creation.py", "numpy/numpy docs (BSD-3-Clause)"),
    # Session 35 (corpus): torch.special (lang/special_names.py), np.tri (lang/numpy_lessons_s35.py), and a
    # tensor-basics notebook that ran as written
    ProgramSpec("tutorial_torch_special_docs.py", T_TORCH_DOCS),
    ProgramSpec("tutorial_kloeckner_back_substitution.py", "inducer/numerics-notes (MIT)"),
    ProgramSpec("tutorial_kloeckner_lu_partial_pivoting.py", "inducer/numerics-notes (MIT)"),
    ProgramSpec("tutorial_dataflowr_basics.py", "dataflowr/notebooks (Apache-2.0)"),
    # Session 35 (records): NumPy's user guide on structured arrays (lang/numpy_records.py and its neighbours)
    ProgramSpec("tutorial_numpy_structured_arrays.py", "numpy/numpy docs (BSD-3-Clause)"),
    # Session 36 (breadth): NumPy's reference examples of np.binary_repr ... np.kaiser (numpy_breadth_s36.py),
    # PyTorch's of grad_fn hooks (graph_hooks.py) and torch.chain_matmul (contraction_work.py)
    ProgramSpec("tutorial_numpy_function_docs_s36.py", "numpy/numpy docs (BSD-3-Clause)"),
    ProgramSpec("tutorial_torch_node_hooks_docs.py", T_TORCH_DOCS),
    # Session 36 (corpus): torch.distributions' other classes (lang/distributions_more.py), torch.fft
    # (lang/fft_names.py)
    ProgramSpec("tutorial_torch_distributions_docs.py", T_TORCH_DOCS),
    ProgramSpec("tutorial_torch_fft_docs.py", T_TORCH_DOCS),
    # ... and NumPy's stride tricks, NaN functions, type checks and index tricks (lang/numpy_lessons_s36.py)
    ProgramSpec("tutorial_numpy_lib_docs.py", "numpy/numpy docs (BSD-3-Clause)"),
    # Session 38 (breadth): the Whirlwind Tour of Python's chapters on numbers and data structures (numbers'
    # methods, lang/number_methods.py; a bare generator expression) and torch.autograd.graph's
    # register_multi_grad_hook example (lang/multi_grad_hook.py)
    ProgramSpec("tutorial_whirlwind_scalars_s38.py", "jakevdp/WhirlwindTourOfPython (CC0-1.0)"),
    ProgramSpec("tutorial_whirlwind_structures_s38.py", "jakevdp/WhirlwindTourOfPython (CC0-1.0)"),
    ProgramSpec("tutorial_torch_autograd_graph_docs_s38.py", T_TORCH_DOCS),
    # Session 39 (breadth): PyTorch's saved-tensors-hooks tutorial (y.grad_fn._saved_self: grad_fn_saved.py),
    # Kyubyong's numpy_exercises (positional axis, np.dsplit, __author__) and rasbt's self-attention cells
    # (from importlib.metadata import version, lang/package_versions.py)
    ProgramSpec("tutorial_pytorch_saved_tensors_hooks_s39.py", "pytorch/tutorials (BSD-3-Clause)"),
    ProgramSpec("tutorial_kyubyong_array_manipulation_s39.py", "Kyubyong/numpy_exercises (MIT)"),
    ProgramSpec("tutorial_rasbt_attention_s39.py", "rasbt/LLMs-from-scratch (Apache-2.0)"),
    # Session 40 (breadth): Python for Data Analysis' "Advanced NumPy" (a.searchsorted, a.put,
    # argsort(kind=), a string array's take), the eigenvectors-from-eigenvalues notebook (dtype=float in
    # torch.rand, lang/python_dtypes.py) and the Deep Learning Book notes' eigendecomposition
    ProgramSpec("tutorial_pydata_advanced_numpy_s40.py", "wesm/pydata-book (MIT)"),
    ProgramSpec("tutorial_eigvec_from_eigvals_s40.py", "ritchieng/eigenvectors-from-eigenvalues (MIT)"),
    ProgramSpec("tutorial_dlbook_eigendecomposition_s40.py", "hadrienj/deepLearningBook-Notes (MIT)"),
    # Session 41 (breadth): learn-python3's functions and strings lessons (help() of the program's own def,
    # help(str.replace): lang/user_help.py), STAT 453's cross-entropy notebook and the PyTorch
    # port of d2l's linear algebra and autograd preliminaries
    ProgramSpec("tutorial_learnpython3_functions_s41.py", "jerry-git/learn-python3 (MIT)"),
    ProgramSpec("tutorial_learnpython3_strings_s41.py", "jerry-git/learn-python3 (MIT)"),
    ProgramSpec("tutorial_stat453_cross_entropy_s41.py", "rasbt/stat453-deep-learning-ss21 (MIT)"),
    ProgramSpec("tutorial_d2l_pytorch_linear_algebra_s41.py", "dsgiitr/d2l-pytorch (Apache-2.0)"),
    # Session 42 (breadth): a new corpus of 53 lesson notebooks (/work/wt/corpus-s42): the Python Data
    # Science Handbook's NumPy chapters and handson-ml2's linear algebra notebook, as pasted cell by cell
    ProgramSpec("tutorial_pdsh_array_basics_s42.py", "jakevdp/PythonDataScienceHandbook (code: MIT)"),
    ProgramSpec("tutorial_pdsh_broadcasting_s42.py", "jakevdp/PythonDataScienceHandbook (code: MIT)"),
    ProgramSpec("tutorial_hml2_linear_algebra_s42.py", "ageron/handson-ml2 (Apache-2.0)"),
    # Session 43 (breadth): a new corpus of 43 lesson notebooks (/work/wt/corpus-s43): Think Python's
    # chapters on strings and lists (`a is b` of equal literals) and classes (`vars(start)`), Made With ML's
    # PyTorch basics (torch.cuda.is_available() and the device idioms), as pasted cell by cell
    ProgramSpec("tutorial_thinkpython_ch09_s43.py", "AllenDowney/ThinkPython (code: MIT)"),
    ProgramSpec("tutorial_thinkpython_ch14_s43.py", "AllenDowney/ThinkPython (code: MIT)"),
    ProgramSpec("tutorial_madewithml_pytorch_s43.py", "GokuMohandas/Made-With-ML (MIT)"),
    # Session 44 (breadth): a new corpus of 52 lesson pages, notebooks and scripts (/work/wt/corpus-s44):
    # NumPy's own tutorial on static equilibrium and Engineering Computations' lessons on strings and lists
    # and on NumPy arrays, as pasted cell by cell
    ProgramSpec("tutorial_numpy_static_equilibrium_s44.py", "numpy/numpy-tutorials (BSD-3-Clause)"),
    ProgramSpec("tutorial_engcomp1_strings_lists_s44.py",
                "engineersCode/EngComp1_offtheground (BSD-3-Clause)"),
    ProgramSpec("tutorial_engcomp1_numpy_arrays_s44.py",
                "engineersCode/EngComp1_offtheground (BSD-3-Clause)"),
    # Session 45 (breadth): a new corpus of 45 lesson pages and notebooks (/work/wt/corpus-s45): NumPy's user
    # guide on indexing, the Chinese PyTorch book's quick start (tensors, autograd), 草根学Python's chapter on
    # conditions and loops (in Chinese), as pasted cell by cell
    ProgramSpec("tutorial_numpy_indexing_s45.py", "numpy/numpy (BSD-3-Clause)"),
    ProgramSpec("tutorial_pytorch_book_ch2_s45.py", "chenyuntc/pytorch-book (MIT)"),
    ProgramSpec("tutorial_walter_zh_loops_s45.py", "walter201230/Python (CC BY 4.0)"),
)


def spec_id(spec: ProgramSpec) -> str:
    """A readable pytest id: the file name, plus the seed when it is not the default."""
    name = spec.file.removesuffix(".py")
    return name if spec.seed == 0 else f"{name}[seed={spec.seed}]"
