# Source: the examples of PyTorch's torch.distributions reference (pytorch/pytorch torch/distributions/*.py
# docstrings, BSD-3-Clause; as shipped with torch 2.13.0; https://docs.pytorch.org/docs/stable/distributions.html):
# the `>>>` lines of each class's "Example::", without the printed outputs and the xdoctest directives, as a
# student pastes them one after the other; one `# ---- cell N name` line before each (bench/tutorial_cells.py).
# The examples call the classes by their bare names, as if `from torch.distributions import *` had run: each
# cell imports its class by name, and the first cell seeds the generator so the draws print the same each run.
# Left out (refused on purpose, lang/distributions_more.py): Independent and MixtureSameFamily (they take other
# distributions), LowRankMultivariateNormal, Wishart and LKJCholesky (factorisations), VonMises (a rejection
# loop with no bound on its rounds). Multinomial's last line, `Multinomial(probs=...).log_prob(x)`, is left out:
# it fails in PyTorch too (x has total_count 100, the new distribution 1); so does Poisson's `m.sample()` of an
# integer rate ("poisson_cpu" not implemented for 'Long'), left out likewise.
# ---- cell 1
import torch
torch.manual_seed(0)
# ---- cell 2 Bernoulli
from torch.distributions import Bernoulli
m = Bernoulli(torch.tensor([0.3]))
m.sample()  # 30% chance 1; 70% chance 0
# ---- cell 3 Beta
from torch.distributions import Beta
m = Beta(torch.tensor([0.5]), torch.tensor([0.5]))
m.sample()  # Beta distributed with concentration concentration1 and concentration0
# ---- cell 4 Binomial
from torch.distributions import Binomial
m = Binomial(100, torch.tensor([0 , .2, .8, 1]))
x = m.sample()
m = Binomial(torch.tensor([[5.], [10.]]), torch.tensor([0.5, 0.8]))
x = m.sample()
# ---- cell 5 Categorical
from torch.distributions import Categorical
m = Categorical(torch.tensor([ 0.25, 0.25, 0.25, 0.25 ]))
m.sample()  # equal probability of 0, 1, 2, 3
# ---- cell 6 Cauchy
from torch.distributions import Cauchy
m = Cauchy(torch.tensor([0.0]), torch.tensor([1.0]))
m.sample()  # sample from a Cauchy distribution with loc=0 and scale=1
# ---- cell 7 Chi2
from torch.distributions import Chi2
m = Chi2(torch.tensor([1.0]))
m.sample()  # Chi2 distributed with shape df=1
# ---- cell 8 ContinuousBernoulli
from torch.distributions import ContinuousBernoulli
m = ContinuousBernoulli(torch.tensor([0.3]))
m.sample()
# ---- cell 9 Dirichlet
from torch.distributions import Dirichlet
m = Dirichlet(torch.tensor([0.5, 0.5]))
m.sample()  # Dirichlet distributed with concentration [0.5, 0.5]
# ---- cell 10 Exponential
from torch.distributions import Exponential
m = Exponential(torch.tensor([1.0]))
m.sample()  # Exponential distributed with rate=1
# ---- cell 11 FisherSnedecor
from torch.distributions import FisherSnedecor
m = FisherSnedecor(torch.tensor([1.0]), torch.tensor([2.0]))
m.sample()  # Fisher-Snedecor-distributed with df1=1 and df2=2
# ---- cell 12 Gamma
from torch.distributions import Gamma
m = Gamma(torch.tensor([1.0]), torch.tensor([1.0]))
m.sample()  # Gamma distributed with concentration=1 and rate=1
# ---- cell 13 GeneralizedPareto
from torch.distributions import GeneralizedPareto
m = GeneralizedPareto(torch.tensor([0.1]), torch.tensor([2.0]), torch.tensor([0.4]))
m.sample()  # sample from a Generalized Pareto distribution with loc=0.1, scale=2.0, and concentration=0.4
# ---- cell 14 Geometric
from torch.distributions import Geometric
m = Geometric(torch.tensor([0.3]))
m.sample()  # underlying Bernoulli has 30% chance 1; 70% chance 0
# ---- cell 15 Gumbel
from torch.distributions import Gumbel
m = Gumbel(torch.tensor([1.0]), torch.tensor([2.0]))
m.sample()  # sample from Gumbel distribution with loc=1, scale=2
# ---- cell 16 HalfCauchy
from torch.distributions import HalfCauchy
m = HalfCauchy(torch.tensor([1.0]))
m.sample()  # half-cauchy distributed with scale=1
# ---- cell 17 HalfNormal
from torch.distributions import HalfNormal
m = HalfNormal(torch.tensor([1.0]))
m.sample()  # half-normal distributed with scale=1
# ---- cell 18 InverseGamma
from torch.distributions import InverseGamma
m = InverseGamma(torch.tensor([2.0]), torch.tensor([3.0]))
m.sample()
# ---- cell 19 Kumaraswamy
from torch.distributions import Kumaraswamy
m = Kumaraswamy(torch.tensor([1.0]), torch.tensor([1.0]))
m.sample()  # sample from a Kumaraswamy distribution with concentration alpha=1 and beta=1
# ---- cell 20 Laplace
from torch.distributions import Laplace
m = Laplace(torch.tensor([0.0]), torch.tensor([1.0]))
m.sample()  # Laplace distributed with loc=0, scale=1
# ---- cell 21 LogNormal
from torch.distributions import LogNormal
m = LogNormal(torch.tensor([0.0]), torch.tensor([1.0]))
m.sample()  # log-normal distributed with mean=0 and stddev=1
# ---- cell 22 LogisticNormal
from torch.distributions import LogisticNormal
# logistic-normal distributed with mean=(0, 0, 0) and stddev=(1, 1, 1)
# of the base Normal distribution
m = LogisticNormal(torch.tensor([0.0] * 3), torch.tensor([1.0] * 3))
m.sample()
# ---- cell 23 Multinomial
from torch.distributions import Multinomial
m = Multinomial(100, torch.tensor([ 1., 1., 1., 1.]))
x = m.sample()  # equal probability of 0, 1, 2, 3
# ---- cell 24 MultivariateNormal
from torch.distributions import MultivariateNormal
m = MultivariateNormal(torch.zeros(2), torch.eye(2))
m.sample()  # normally distributed with mean=`[0,0]` and covariance_matrix=`I`
# ---- cell 25 Normal
from torch.distributions import Normal
m = Normal(torch.tensor([0.0]), torch.tensor([1.0]))
m.sample()  # normally distributed with loc=0 and scale=1
# ---- cell 26 OneHotCategorical
from torch.distributions import OneHotCategorical
m = OneHotCategorical(torch.tensor([ 0.25, 0.25, 0.25, 0.25 ]))
m.sample()  # equal probability of 0, 1, 2, 3
# ---- cell 27 Pareto
from torch.distributions import Pareto
m = Pareto(torch.tensor([1.0]), torch.tensor([1.0]))
m.sample()  # sample from a Pareto distribution with scale=1 and alpha=1
# ---- cell 28 Poisson
from torch.distributions import Poisson
m = Poisson(torch.tensor([4]))
# ---- cell 29 RelaxedBernoulli
from torch.distributions import RelaxedBernoulli
m = RelaxedBernoulli(torch.tensor([2.2]),
                     torch.tensor([0.1, 0.2, 0.3, 0.99]))
m.sample()
# ---- cell 30 RelaxedOneHotCategorical
from torch.distributions import RelaxedOneHotCategorical
m = RelaxedOneHotCategorical(torch.tensor([2.2]),
                             torch.tensor([0.1, 0.2, 0.3, 0.4]))
m.sample()
# ---- cell 31 StudentT
from torch.distributions import StudentT
m = StudentT(torch.tensor([2.0]))
m.sample()  # Student's t-distributed with degrees of freedom=2
# ---- cell 32 Uniform
from torch.distributions import Uniform
m = Uniform(torch.tensor([0.0]), torch.tensor([5.0]))
m.sample()  # uniformly distributed in the range [0.0, 5.0)
# ---- cell 33 Weibull
from torch.distributions import Weibull
m = Weibull(torch.tensor([1.0]), torch.tensor([1.0]))
m.sample()  # sample from a Weibull distribution with scale=1, concentration=1
