"""Which torch.func Jacobian makers a program calls (the Jacobian page says it does not draw them)."""

from __future__ import annotations

import pytest

from autogradlab.func_jacobian_calls import undrawn_calls


@pytest.mark.parametrize("source,called", [
    ("from torch.func import jacrev\nJ = jacrev(f)(x)\n", ("jacrev",)),
    ("import torch\nJ = torch.func.jacfwd(f, argnums=1)(w, x)\nH = torch.func.hessian(f)(x)\n",
     ("jacfwd", "hessian")),
    ("B = vmap(jacrev(predict, argnums=2), in_dims=(None, None, 0))\n", ("jacrev",)),
    ("from torch.func import jacrev, jacfwd\n", ()),                     # imported only
    ("from torch.autograd.functional import jacobian\nJ = jacobian(f, x)\n", ()),   # drawn
    ("J = jacrev(f)(x\n", ()),                                           # does not parse
])
def test_undrawn_calls(source: str, called: tuple[str, ...]):
    assert undrawn_calls(source) == called
