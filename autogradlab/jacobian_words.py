"""The Jacobian strategy's one-sentence "why" in the page's language.

The worker writes the sentence in English (JacobianRecord.why, also in the CLI's JSON). Its few
shapes are known (engine/jacobian.py `choose`, engine/jacobian_call.py, engine/jacobian_dydx.py), so
the other languages rebuild it from the record's numbers and the parts of the sentence that are
data (a reason PyTorch or vmap gave, the user's options); a sentence of another shape stays English.
"""

from __future__ import annotations

import re

from autogradlab import note_keys
from autogradlab.messages import DEFAULT_LANG, normalize, text

_M = r"[\d,]+ outputs?, [\d,]+ inputs?"
_SHAPES = (
    (re.compile(_M + r": (?:forward|reverse) mode needs .+, so (?P<mode>forward|reverse) mode ran, "
                     r"vectorized"), "vectorized"),
    (re.compile(_M + r": reverse mode needs .+, so reverse mode ran through the graph the function already "
                     r"built"), "graph"),
    (re.compile(_M + r", but (?P<reason>.+): (?P<mode>forward|reverse) mode ran, vectorized"), "fallback"),
    (re.compile(r"the program's functions change values outside themselves \(line (?P<line>\d+): "
                r"`(?P<code>.*)`\), so .+"), "side_effect"),
    (re.compile(_M + r", and (?P<reason>.+): neither mode can run vectorized, so .+"), "loop"),
    (re.compile(r"you passed (?P<chosen>.+), so torch\.autograd\.functional\.jacobian ran with exactly those "
                r"options"), "user"),
    (re.compile(r"the program called (?P<call>.+): PyTorch computed it in (?P<mode>forward|reverse) mode, "
                r"vectorized"), "func"),
    (re.compile(r"the program called (?P<call>.+): PyTorch computed this Hessian \(the Jacobian of the "
                r"gradient\)"), "func_hessian"),
    (re.compile(r"from the program's own graph: one backward pass per element of (?P<of>.+) "
                r"\((?P<count>[\d,]+)\)"), "dydx"),
)


def why_text(why: str, rows: int, cols: int, lang: str) -> str:
    """`why` (English, as the worker wrote it) in `lang`; `rows` × `cols` is the Jacobian's shape
    (outputs × inputs)."""
    lang = normalize(lang)
    if lang == DEFAULT_LANG:
        return why
    for pattern, shape in _SHAPES:
        match = pattern.fullmatch(why)
        if match:
            params = match.groupdict()
            if "reason" in params:     # vmap's reason, one of a few sentences (note_keys.VMAP)
                params["reason"] = note_keys.say(lang, params["reason"], note_keys.VMAP)
            if "mode" in params:
                params["mode"] = text(lang, f"jacobian.why.mode_{params['mode']}")
            return text(lang, f"jacobian.why.{shape}", m=f"{rows:,}", n=f"{cols:,}", **params)
    return why
