"""torch.special's functions a program may call: a table, torch-free (the static checker's import lines
read it as they read allowlist.py's).

Session 35 (corpus): the torch.special page's examples were refused as a module (25 cells). Its functions
are elementwise (a result of the input's shape, or the broadcast shape of two inputs) or softmax-like
reductions, each a short fixed amount of work per element. Left out on purpose: the orthogonal
polynomials (chebyshev_polynomial_t, hermite_polynomial_h, laguerre_polynomial_l, legendre_polynomial_p
and the shifted ones) run a loop of n steps per element in C (laguerre_polynomial_l with n = 10**7 takes
0.04 s for one element, so n = 10**12 would hold a worker for an hour), and multigammaln(x, p) builds
an intermediate of x.numel() * p elements that no size check before the call sees.
"""

from __future__ import annotations

from autogradlab.lang.allowlist import DIM, _table

SPECIAL_UNARY = """airy_ai bessel_j0 bessel_j1 bessel_y0 bessel_y1 digamma entr erf erfc erfcx erfinv exp2
    expit expm1 gammaln i0 i0e i1 i1e log1p log_ndtr ndtr ndtri psi sinc spherical_bessel_j0
    modified_bessel_i0 modified_bessel_i1 modified_bessel_k0 modified_bessel_k1 scaled_modified_bessel_k0
    scaled_modified_bessel_k1"""

SPECIAL_FUNCTIONS = {
    **_table(SPECIAL_UNARY, size="same"),
    **_table("logit", ("eps",), size="same"),
    **_table("round", ("decimals",), size="same"),
    **_table("polygamma", size="same"),   # polygamma(n, x): n a Python int
    **_table("xlogy xlog1py zeta gammainc gammaincc", ("other",)),   # broadcast: sized on the meta device
    **_table("softmax log_softmax", DIM + ("dtype",), size="same"),
    **_table("logsumexp", DIM + ("keepdim",), size="same"),
}
