"""Random long-loop programs for the skim's differential fuzzing (issue 9): skimming on against
skimming off, and the printed text against real Python (tests/unit/test_skim_fuzz.py,
scripts/skim_fuzz.py).

Each program is a training-loop-like `for`/`while` loop of 40-1,100 passes over a few tensors with
one forward shape (elementwise, matmul, views, cat/stack, indexing, a user function, a chain that
grows across passes) and a mix of what makes the skim's rules hard: backward() every pass, in some
passes (`if i % m`, in an `else`), only the first or the last, or after the loop; updates under
no_grad, `.grad.zero_()`, `p.grad = None`; a tensor kept from one pass (`keep = y`), values
collected with `.item()`, a sum that spans passes, an inner loop, `continue`, `break`, and an error
of the program in a late pass.
"""

from __future__ import annotations

import random

FORWARDS = (
    "y = (w * 2).sum()",
    "y = torch.sin(w * i).sum()",
    "y = (A @ w).pow(2).mean()",
    "y = (w * v).exp().sum() * 0.01",
    "h = torch.tanh(A @ w + v)\ny = (h * h).sum()",
    "y = (w - v).abs().sum()",
    "y = torch.cat([w, v * i])[1:4].sum()",
    "y = w.view(3, 1).mul(v.view(1, 3)).sum()",
    "y = f(w, i)",
    "y = w[0] * w[1] + w[2] ** 2",
    "y = torch.stack([w.sum(), v.sum()]).prod()",
    "chain = torch.sin(chain) * 1.01 + 0.1 * w.sum()\ny = chain",
    "y = (w * v).sum()\nouts.append(y)",
    "with torch.no_grad():\n    q = w * 3\ny = (q * w).sum()",
    "y = g(w, v, i)",
)
EXTRAS = ("update", "zero", "hist", "keep", "acc", "detach", "inner", "error", "break", "vupdate", "cont",
          "keepmod", "grad_none", "params", "newton", "gradkeep", "outer")


def make_loop_program(rng: random.Random) -> str:
    """One program; the same rng state gives the same text."""
    n = rng.choice([40, 200, 450, 700, 1100])
    lines = ["import torch", "torch.manual_seed(0)", "w = torch.randn(3, requires_grad=True)",
             "v = torch.ones(3, requires_grad=True)", "A = torch.randn(3, 3)", "acc = torch.zeros(())",
             "hist = []", "keep = None", "outs = []"]
    forward = rng.choice(FORWARDS)
    if forward.startswith("y = f("):
        lines.append("def f(a, k):\n    return (a * k).sum() + torch.relu(a).mean()")
    if forward.startswith("y = g("):
        lines.append("def g(a, b, k):\n    t = a * 0\n    for j in range(4):\n        t = t + a * b * j\n"
                     "    return (t * k).sum() * 0.001")
    lines.append("chain = torch.zeros(())")
    body = forward.split("\n")
    backward = rng.choice(["always", "mod", "last", "none", "first", "mod_else", "retain", "vector"])
    m = rng.choice([2, 3, 7, 13, 50])
    body += {"always": ["y.backward()"],
             "mod": [f"if i % {m} == 0:", "    y.backward()"],
             "mod_else": [f"if i % {m}:", "    pass", "else:", "    y.backward()"],
             "last": [f"if i == {n - 1}:", "    y.backward()"],
             "first": ["if i < 3:", "    y.backward()"],
             "retain": ["y.backward(retain_graph=True)"],
             "vector": ["(w * y).backward(torch.ones(3))"],
             "none": []}[backward]
    extras = rng.sample(EXTRAS, rng.randint(0, 4))
    if "params" in extras:
        body += ["for p in [w, v]:", "    if p.grad is not None:", "        with torch.no_grad():",
                 "            p -= 0.01 * p.grad", "        p.grad.zero_()"]
    if "newton" in extras:
        body += ["w = w.detach().requires_grad_(True)"]
    if "gradkeep" in extras:
        body += ["if w.grad is not None:", "    g0 = w.grad.clone()"]
    if "update" in extras and backward == "always":
        body += ["with torch.no_grad():", "    w -= 0.01 * w.grad"]
    if "vupdate" in extras and backward in ("always", "mod"):
        body += ["if v.grad is not None:", "    with torch.no_grad():", "        v -= 0.001 * v.grad"]
    if "zero" in extras:
        body += ["if w.grad is not None:", "    w.grad.zero_()"]
    if "grad_none" in extras:
        body += [f"if i % {m + 1} == 1:", "    w.grad = None"]
    if "hist" in extras:
        body += ["hist.append(round(y.item(), 4))"]
    if "keep" in extras:
        body += [f"if i == {rng.randint(0, n - 1)}:", "    keep = y"]
    if "keepmod" in extras:
        body += [f"if i % {m + 2} == 0:", "    keep = y * 1"]
    if "acc" in extras:
        body += ["acc = acc + y.detach()" if rng.random() < 0.5 else "acc = acc + y * 0.001"]
    if "detach" in extras:
        body += ["y = y.detach()"]
    if "inner" in extras:
        body += ["for j in range(3):", "    z = w * j", "    s = z.sum()"]
    if "cont" in extras:
        body = [f"if i % {m} == 1:", "    continue", *body]
    if "error" in extras:
        body += [f"if i == {rng.randint(n // 2, n - 1)}:", "    bad = [1, 2][5]"]
    if "break" in extras:
        body += [f"if i == {rng.randint(n // 2, n - 1)}:", "    break"]
    if "outer" in extras and rng.random() < 0.5:   # the long loop inside a short one
        n = n // 3 + 1
        lines.append("for e in range(3):")
        indent = "    "
    else:
        indent = ""
    if rng.random() < 0.25:   # the same body as a while loop (its `continue` steps the counter first)
        loop = ["i = 0", f"while i < {n}:"]
        for b in body:
            lead = b[:len(b) - len(b.lstrip())]
            loop.append("    " + (f"{lead}i += 1\n    {lead}continue" if b.strip() == "continue" else b))
        loop.append("    i += 1")
    else:
        loop = [f"for i in range({n}):"] + ["    " + b for b in body]
    lines += [indent + line.replace("\n", "\n" + indent) for line in loop]
    if rng.random() < 0.3 and "y.backward()" not in body:
        lines.append("y.backward()")
    lines += ["print(w.grad, v.grad)", "print(y, acc)", "print(keep, len(hist), hist[-3:])"]
    return "\n".join(lines) + "\n"
