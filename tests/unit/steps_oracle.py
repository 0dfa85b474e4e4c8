"""Plain PyTorch as the oracle for the steps engine: the same program run as real Python (these
are the tests' own programs, never a user's), with adjoints by torch.autograd.grad, engine order by
Node hooks, tangents by forward_ad and by central finite differences in float64."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.autograd.forward_ad as fwAD

from autogradlab.engine.run import run_program
from autogradlab.step_records import StepOptions


@dataclass(frozen=True)
class Case:
    leaves: tuple[tuple[str, object], ...]    # name -> value (float64 leaves requiring grad)
    body: str                                 # uses the leaves; may contain backward() lines
    root: str                                 # variable of the last backward()'s tensor

    @property
    def program(self) -> str:
        head = "".join(f"{n} = torch.tensor({v!r}, dtype=torch.float64, requires_grad=True)\n"
                       for n, v in self.leaves)
        return "import torch\n" + head + self.body

    def run(self, **options: object):
        return run_program(self.program, steps=StepOptions(**options))

    def forward_body(self) -> str:
        return "\n".join(line for line in self.body.splitlines() if "backward(" not in line)

    def namespace(self, values: dict[str, torch.Tensor] | None = None) -> dict[str, object]:
        ns: dict[str, object] = {"torch": torch}
        for name, value in self.leaves:
            given = values.get(name) if values else None
            ns[name] = given if given is not None else torch.tensor(value, dtype=torch.float64,
                                                                     requires_grad=True)
        exec(self.forward_body(), ns)  # noqa: S102 - the test's own program, as the oracle
        return ns

    def adjoints(self, names: list[str]) -> dict[str, np.ndarray]:
        """d root / d each named tensor (leaves and intermediates), by torch.autograd.grad."""
        ns = self.namespace()
        root = ns[self.root]
        tensors = [ns[n] for n in names]
        grads = torch.autograd.grad(root.sum() if root.numel() > 1 else root, tensors, allow_unused=True)
        return {n: (g.numpy() if g is not None else np.zeros(tuple(t.shape)))
                for n, g, t in zip(names, grads, tensors, strict=True)}

    def engine_order(self) -> list[str]:
        """grad_fn class names in the order the autograd engine runs them, seen by Node hooks."""
        ns = self.namespace()
        root = ns[self.root]
        seen, order, stack = set(), [], [root.grad_fn]
        while stack:
            fn = stack.pop()
            if fn is None or id(fn) in seen:
                continue
            seen.add(id(fn))
            fn.register_prehook(lambda _g, fn=fn: order.append(type(fn).__name__))
            stack.extend(u for u, _ in fn.next_functions)
        (root.sum() if root.numel() > 1 else root).backward()
        return order

    def tangents(self, direction: dict[str, torch.Tensor], names: list[str]) -> dict[str, np.ndarray]:
        with fwAD.dual_level():
            values = {}
            for name, value in self.leaves:
                primal = torch.tensor(value, dtype=torch.float64)
                values[name] = fwAD.make_dual(primal, direction.get(name, torch.zeros_like(primal)))
            ns = self.namespace(values)
            return {n: fwAD.unpack_dual(ns[n]).tangent.numpy().copy() for n in names}

    def finite_differences(self, direction: dict[str, torch.Tensor], names: list[str],
                           h: float = 1e-6) -> dict[str, np.ndarray]:
        def at(sign: float) -> dict[str, object]:
            values = {}
            for name, value in self.leaves:
                primal = torch.tensor(value, dtype=torch.float64)
                values[name] = primal + sign * h * direction.get(name, torch.zeros_like(primal))
            with torch.no_grad():
                return self.namespace(values)
        plus, minus = at(1.0), at(-1.0)
        return {n: ((plus[n] - minus[n]) / (2 * h)).numpy() for n in names}
