"""Local rules of each op in plain math: forward (y = a·b), reverse (∂/∂a = ḡ·b) and tangent
(ẏ = ȧ·b + a·ḃ), one registry entry per op, as HIPS/autograd's defvjp/defjvp tables.

Keys are the op names of PyTorch's backward Node classes (MulBackward0 -> "mul", see
graph.op_name_from_class); `a`, `b`, `c` are the Node's inputs in next_functions order, `y` its
output, `g` the incoming adjoint ḡ, `da`, `db` the inputs' tangents. An op without an entry gets
the generic "vector–Jacobian product" / "Jacobian–vector product" text. Pure text: no torch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOT = "\u0307"   # combining dot above: ẋ


@dataclass(frozen=True)
class Rule:
    forward: str                  # "{y} = {a} · {b}"
    vjp: tuple[str, ...]          # per input slot: what the node sends along that edge
    jvp: str = ""                 # the output's tangent


def _unary(forward: str, vjp: str, jvp: str) -> Rule:
    return Rule(forward, (vjp,), jvp)


_SHAPE_COPY = "{g} reshaped to the shape of {a}"
RULES: dict[str, Rule] = {
    "add": Rule("{y} = {a} + {b}", ("{g}", "{g}"), "{da} + {db}"),
    "sub": Rule("{y} = {a} − {b}", ("{g}", "−{g}"), "{da} − {db}"),
    "rsub": Rule("{y} = {b} − {a}", ("−{g}", "{g}"), "{db} − {da}"),
    "mul": Rule("{y} = {a} · {b}", ("{g}·{b}", "{g}·{a}"), "{da}·{b} + {a}·{db}"),
    "div": Rule("{y} = {a} / {b}", ("{g} / {b}", "−{g}·{a} / {b}²"), "{da} / {b} − {a}·{db} / {b}²"),
    "neg": _unary("{y} = −{a}", "−{g}", "−{da}"),
    "sin": _unary("{y} = sin {a}", "{g}·cos {a}", "{da}·cos {a}"),
    "cos": _unary("{y} = cos {a}", "−{g}·sin {a}", "−{da}·sin {a}"),
    "exp": _unary("{y} = exp {a}", "{g}·exp {a}", "{da}·exp {a}"),
    "log": _unary("{y} = log {a}", "{g} / {a}", "{da} / {a}"),
    "tanh": _unary("{y} = tanh {a}", "{g}·(1 − {y}²)", "{da}·(1 − {y}²)"),
    "sigmoid": _unary("{y} = σ({a})", "{g}·{y}·(1 − {y})", "{da}·{y}·(1 − {y})"),
    "relu": _unary("{y} = max({a}, 0)", "{g}·[{a} > 0]", "{da}·[{a} > 0]"),
    "sqrt": _unary("{y} = √{a}", "{g} / (2·√{a})", "{da} / (2·√{a})"),
    "abs": _unary("{y} = |{a}|", "{g}·sign({a})", "{da}·sign({a})"),
    "pow": _unary("{y} = {a}^{n}", "{g}·{n}·{a}^({n}−1)", "{n}·{a}^({n}−1)·{da}"),
    "pow_tensor": Rule("{y} = {a}^{b}", ("{g}·{b}·{a}^({b}−1)", "{g}·{y}·ln {a}"),
                       "{b}·{a}^({b}−1)·{da} + {y}·ln {a}·{db}"),
    "sum": _unary("{y} = Σ {a}", "{g} copied to every element of {a}", "Σ {da}"),
    "sum_dim": _unary("{y} = Σ {a} along a dim", "{g} copied along the summed dim of {a}",
                      "Σ {da} along the dim"),
    "mean": _unary("{y} = mean {a}", "{g} / N copied to every element of {a}", "mean {da}"),
    "mean_dim": _unary("{y} = mean {a} along a dim", "{g} / N copied along the dim",
                       "mean {da} along the dim"),
    "mm": Rule("{y} = {a} {b}", ("{g} {b}ᵀ", "{a}ᵀ {g}"), "{da} {b} + {a} {db}"),
    "bmm": Rule("{y} = {a} {b}", ("{g} {b}ᵀ", "{a}ᵀ {g}"), "{da} {b} + {a} {db}"),
    "mv": Rule("{y} = {a} {b}", ("{g} ⊗ {b} (outer product)", "{a}ᵀ {g}"), "{da} {b} + {a} {db}"),
    "dot": Rule("{y} = {a} · {b}", ("{g}·{b}", "{g}·{a}"), "{da}·{b} + {a}·{db}"),
    "cat": Rule("{y} = cat({a}, {b}, …)", ("{g} cut to the rows of {a}", "{g} cut to the rows of {b}"),
                "cat({da}, {db}, …)"),
    "stack": Rule("{y} = stack({a}, {b}, …)", ("{g}[0]", "{g}[1]"), "stack({da}, {db}, …)"),
    "select": _unary("{y} = {a}[i]", "zeros like {a} with {g} at [i]", "{da}[i]"),
    "slice": _unary("{y} = {a}[i:j]", "zeros like {a} with {g} in [i:j]", "{da}[i:j]"),
    "index": _unary("{y} = {a}[idx]", "zeros like {a} with {g} added at [idx]", "{da}[idx]"),
    "copy_slices": Rule("{y} = {a} with a slice assigned",
                        ("{g} with the assigned region set to 0", "{g} in the assigned region"),
                        "{da} with the region's tangent"),
    "expand": _unary("{y} = {a} broadcast (expand)",
                     "{g} summed over the broadcast dims back to the shape of {a} (sum-to-shape)",
                     "{da} broadcast"),
    "view": _unary("{y} = {a} reshaped", _SHAPE_COPY, "{da} reshaped"),
    "unsafe_view": _unary("{y} = {a} reshaped", _SHAPE_COPY, "{da} reshaped"),
    "reshape_alias": _unary("{y} = {a} reshaped", _SHAPE_COPY, "{da} reshaped"),
    "unsqueeze": _unary("{y} = {a} with a new dim", _SHAPE_COPY, "{da} with a new dim"),
    "squeeze": _unary("{y} = {a} without size-1 dims", _SHAPE_COPY, "{da} squeezed"),
    "alias": _unary("{y} = {a}", "{g}", "{da}"),
    "clone": _unary("{y} = {a} (copy)", "{g}", "{da}"),
    "to_copy": _unary("{y} = {a} converted", "{g} converted back", "{da} converted"),
    "t": _unary("{y} = {a}ᵀ", "{g}ᵀ", "{da}ᵀ"),
    "transpose": _unary("{y} = {a}ᵀ (two dims swapped)", "{g} with the dims swapped back", "{da} transposed"),
    "permute": _unary("{y} = {a} permuted", "{g} permuted back", "{da} permuted"),
    "linalg_vector_norm": _unary("{y} = ‖{a}‖", "{g}·{a} / ‖{a}‖", "({a} · {da}) / ‖{a}‖"),
    "norm": _unary("{y} = ‖{a}‖", "{g}·{a} / ‖{a}‖", "({a} · {da}) / ‖{a}‖"),
    "cumsum": _unary("{y} = cumsum {a}", "reversed cumulative sum of {g}", "cumsum {da}"),
    "max": _unary("{y} = max {a}", "{g} at the position of the maximum, 0 elsewhere", "{da} at the maximum"),
    "min": _unary("{y} = min {a}", "{g} at the position of the minimum, 0 elsewhere", "{da} at the minimum"),
    "reciprocal": _unary("{y} = 1 / {a}", "−{g} / {a}²", "−{da} / {a}²"),
    "pow_scalar_base": _unary("{y} = c^{a}", "{g}·{y}·ln c", "{da}·{y}·ln c"),
    "trace": _unary("{y} = tr {a}", "{g} on the diagonal of a zero matrix", "tr {da}"),
    "softmax": _unary("{y} = softmax({a})", "{y} ⊙ ({g} − Σ {g}·{y})", "{y} ⊙ ({da} − Σ {da}·{y})"),
    "prod": _unary("{y} = Π {a}", "{g}·{y} / {a} (the product of the other elements)", "Σ ({y} / {a})·{da}"),
    "var": _unary("{y} = var {a}", "{g}·2·({a} − mean {a}) / (N − 1)", "2·Σ ({a} − mean {a})·{da} / (N − 1)"),
    "std": _unary("{y} = std {a}", "{g}·({a} − mean {a}) / ((N − 1)·{y})",
                  "Σ ({a} − mean {a})·{da} / ((N − 1)·{y})"),
    "clamp": _unary("{y} = clamp({a})", "{g}·[{a} inside the bounds]", "{da}·[{a} inside the bounds]"),
    "unbind": _unary("{y} = one row of {a}", "the rows' ḡ stacked (0 for unused rows)", "{da} unbound"),
}

# Ops whose inputs may be broadcast: the backward sums the gradient back to each input's shape.
ELEMENTWISE = frozenset({"add", "sub", "rsub", "mul", "div", "pow_tensor"})

# Backward classes whose number says which overload ran (see torch's derivatives.yaml).
_VARIANTS = {"SumBackward1": "sum_dim", "MeanBackward1": "mean_dim", "PowBackward1": "pow_tensor",
             "PowBackward2": "pow_scalar_base", "NormBackward1": "norm"}


# The generic rule's words after an op without an entry (forward/reverse text of the op's name).
GENERIC_VJP = "(vector–Jacobian product of {op})"
GENERIC_JVP = "(Jacobian–vector product of {op})"

# Words a rule may hold that are math, not English prose: function names and index letters.
MATH_WORDS = frozenset({"sin", "cos", "exp", "log", "tanh", "max", "min", "sign", "mean", "cumsum", "softmax",
                        "cat", "stack", "clamp", "tr", "var", "std", "ln", "idx", "N", "c", "i", "j"})


def prose_words(template: str) -> set[str]:
    """The English words of a rule template (placeholders and math names left out)."""
    return set(re.findall(r"[A-Za-z]+", re.sub(r"\{\w+\}", "", template))) - MATH_WORDS


def prose_parts() -> dict[str, str]:
    """Every rule text that holds English words, by catalogue key (`steps.rule.sum.vjp0`): the
    message catalogue says them in other languages (messages/step_rules.py, render/words.py)."""
    parts = {"steps.rule.generic.vjp": GENERIC_VJP, "steps.rule.generic.jvp": GENERIC_JVP}
    for key, rule in RULES.items():
        texts = [("forward", rule.forward), *((f"vjp{k}", v) for k, v in enumerate(rule.vjp)),
                 ("jvp", rule.jvp)]
        parts.update({f"steps.rule.{key}.{part}": text for part, text in texts if prose_words(text)})
    return parts


# Program calls whose last Node is a plain op on a tensor the call made itself: F.dropout ends in a
# MulBackward0 by its random mask, which "mul"'s rule would show as a product with the call's p. They
# get the generic vector-Jacobian / Jacobian-vector product text under their own name.
OWN_OPS = frozenset({"nn.functional.dropout"})


def rule_key(grad_fn: str, op: str) -> str:
    return _VARIANTS.get(grad_fn, op)


def tangent_name(name: str) -> str:
    """x -> ẋ; longer names get a d: dx1."""
    return name + DOT if len(name) == 1 else f"d{name}"


def _fill(template: str, names: dict[str, str]) -> str:
    out = template
    for key in ("da", "db", "a", "b", "c", "g", "y", "n"):   # da before a
        out = out.replace("{" + key + "}", names.get(key, key))
    return out


def _slots(inputs: list[str]) -> dict[str, str]:
    return dict(zip(("a", "b", "c"), inputs, strict=False))


def forward_text(key: str, output: str, inputs: list[str], op: str, constants: tuple | list = (),
                 exponent: str = "n") -> str:
    """`constants`: the call's other arguments (`2`, `dim=0`), shown by an op without a rule;
    `exponent`: a power's exponent (`x^2`, not `x^n`)."""
    rule = RULES.get(key)
    if rule is None:
        return f"{output} = {op}({', '.join([*inputs, *constants])})"
    return _fill(rule.forward, {**_slots(inputs), "y": output, "n": exponent})


def with_exponent(text: str, exponent: str) -> str:
    """A power's rule with its exponent: `n·a^(n−1)` of `x ** 2` reads `2·x`, of `x ** 3` `3·x^2`."""
    if exponent == "n":
        return text
    text = text.replace("{n}", exponent)
    try:
        whole = float(exponent)
    except ValueError:
        return text
    if whole.is_integer():
        lower = int(whole) - 1
        text = text.replace(f"^({exponent}−1)", "" if lower == 1 else f"^{lower}")
    return text


def backward_text(key: str, inputs: list[str], op: str, notes: dict[int, str] | None = None,
                  shown: set[int] | None = None, output: str = "y", exponent: str = "n") -> str:
    """"∂/∂a = ḡ·b,  ∂/∂b = ḡ·a": `inputs` names every input slot, `shown` the slots that get a
    gradient (default all), `notes` adds "(summed to the shape …)" to a slot; `exponent`: a power's."""
    rule = RULES.get(key)
    parts = []
    for slot, name in enumerate(inputs):
        if shown is not None and slot not in shown:
            continue
        if rule is not None and slot < len(rule.vjp):
            formula = _fill(with_exponent(rule.vjp[slot], exponent),
                            {**_slots(inputs), "g": "ḡ", "y": output})
        else:
            formula = f"ḡᵀ·∂{op}/∂{name} " + GENERIC_VJP.replace("{op}", op)
        parts.append(f"∂/∂{name} = {formula}{(notes or {}).get(slot, '')}")
    return ",  ".join(parts)


def tangent_text(key: str, output: str, inputs: list[str], op: str, constants: set[int] = frozenset(),
                 exponent: str = "n") -> str:
    """`constants`: input slots that carry no tangent (a number, a tensor without grad): 0; `exponent`: a
    power's."""
    rule = RULES.get(key)
    dot_names = {f"d{slot}": "0" if k in constants else tangent_name(name)
                 for k, (slot, name) in enumerate(_slots(inputs).items())}
    if rule is None or not rule.jvp:
        moving = " + ".join(f"∂{op}/∂{n}·{tangent_name(n)}" for n in inputs) or "0"
        return f"{tangent_name(output)} = {moving} " + GENERIC_JVP.replace("{op}", op)
    return f"{tangent_name(output)} = " + _fill(with_exponent(rule.jvp, exponent),
                                                {**_slots(inputs), **dot_names, "y": output})


# Rules that move or reshape values rather than compute them: their numbers read "ḡ = … → …".
STRUCTURAL = frozenset({
    "sum", "sum_dim", "mean", "mean_dim", "cat", "stack", "select", "slice", "index", "copy_slices",
    "expand", "view", "unsafe_view", "reshape_alias", "unsqueeze", "squeeze", "t", "transpose", "permute",
    "cumsum", "max", "min", "unbind", "trace", "clamp", "to_copy", "mv", "prod"})


def numbers_text(template_kind: str, key: str, values: dict[str, str], result: str, slot: int = 0) -> str:
    """The rule with this step's numbers in place of the names: "1·3 = 3"."""
    rule = RULES.get(key)
    if rule is None or key in STRUCTURAL:
        start = values.get("g") if template_kind == "vjp" else values.get("da")
        return f"{'ḡ' if template_kind == 'vjp' else 'ȧ'} = {start} → {result}" if start else result
    template = rule.jvp if template_kind == "jvp" else (rule.vjp[slot] if slot < len(rule.vjp) else "")
    if not template:
        return result
    return f"{_fill(template, values)} = {result}"
