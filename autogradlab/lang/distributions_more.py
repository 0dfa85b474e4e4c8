"""More of torch.distributions, as its own reference examples use them (session 36's corpus: the
`Example::` of each class's docstring): the distributions whose draws, densities and entropies work
element by element over their batch (and, for Dirichlet, OneHotCategorical, RelaxedOneHotCategorical
and LogisticNormal, over one event of the size of their parameters' last dimension).

They go through distributions.py as the first eleven do: constructor keywords checked by name, every
argument data, a sample sized (sample shape + batch + event) before it is drawn from the run's own
generator, log_prob/cdf/icdf sized by the broadcast of the value and the batch. Left out on purpose:
the ones that take other distributions (Independent, MixtureSameFamily, TransformedDistribution), the
matrix ones whose construction or sampling factorises (LowRankMultivariateNormal, Wishart, LKJCholesky)
and VonMises (a rejection loop in Python with no bound on its rounds).
"""

from __future__ import annotations

import inspect

from torch import distributions as D

_ELEMENTWISE = (D.Beta, D.Gamma, D.Cauchy, D.Chi2, D.HalfCauchy, D.HalfNormal, D.LogNormal, D.Gumbel,
                D.StudentT, D.Pareto, D.Weibull, D.Kumaraswamy, D.Dirichlet, D.ContinuousBernoulli,
                D.FisherSnedecor, D.InverseGamma, D.GeneralizedPareto, D.OneHotCategorical,
                D.RelaxedBernoulli, D.RelaxedOneHotCategorical, D.LogisticNormal)


def _keywords(cls: type) -> tuple[str, ...]:
    """The constructor's own keywords (PyTorch's signature), as the table in distributions.py lists them."""
    return tuple(name for name, p in inspect.signature(cls.__init__).parameters.items()
                 if name != "self" and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY))


# class -> (module name in torch.distributions, constructor keywords), as distributions.CLASSES
MORE_CLASSES: dict[type, tuple[str, tuple[str, ...]]] = {
    cls: (cls.__module__.rsplit(".", 1)[1], _keywords(cls)) for cls in _ELEMENTWISE}
# their parameters, read as attributes (`m.concentration`, `m.df`)
MORE_PROPERTIES = frozenset({"concentration", "concentration0", "concentration1", "df", "df1", "df2",
                             "alpha", "temperature"})
