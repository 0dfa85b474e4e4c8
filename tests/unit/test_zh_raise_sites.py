"""Every message text written at a raise site of the language (autogradlab/lang, engine) has a
catalogue key, so the error box says it in Chinese (issue 10). The texts are read from the source:
an f-string's fields become a sample value ("7"), which some patterns need in another shape; those
few are listed below and made by real programs in tests/unit/zh_error_corpus.py instead."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from autogradlab import error_text
from autogradlab.report import ErrorInfo
from tests.unit.test_zh_error_corpus import english

ROOT = Path(__file__).resolve().parents[2] / "autogradlab"
ERRORS = {"NotSupported", "ProgramTypeError", "ProgramValueError", "LimitExceeded", "ProgramIndexError",
          "ShapeMismatch", "AutogradError", "NameNotDefined", "ProgramSyntaxError", "TimeLimitExceeded"}
# Texts whose fields are not a number (a name, a type, a whole phrase): the corpus makes them for real.
SAMPLED_ONLY = ("`7` is None, so it has no 7", "the keyword argument `7=` is not supported",
                "7 7 not supported in Autograd Lab", "7 character 7 is not allowed",
                "arithmetic on 7 values", "7: 7 cannot be broadcast", "backward() on a tensor with 7 needs",
                "the format spec `:7` is not supported in Autograd Lab (only simple numeric",
                "7 anywhere but as a statement of its own inside a `def`")


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "7" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        return None if left is None or right is None else left + right
    return None


def raise_site_texts() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted((ROOT / "lang").glob("*.py")) + sorted((ROOT / "engine").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
                continue
            text = _text(node.args[0])
            if text is None:
                continue
            if node.func.id == "_unsupported":
                verb = _text(node.args[1]) if len(node.args) > 1 else "are"
                said = f"{text} {verb or 'are'} not supported in Autograd Lab"
                found.append((path.name, node.lineno, said))
            elif node.func.id in ERRORS:
                found.append((path.name, node.lineno, text))
    return found


def test_the_scan_finds_the_raise_sites():
    texts = [t for _, _, t in raise_site_texts()]
    assert len(texts) > 150 and "integers this large cannot be dictionary keys in Autograd Lab" in texts


def test_every_raise_site_text_is_said_in_chinese():
    untranslated = []
    for name, line, text in raise_site_texts():
        shown = error_text.message("zh", ErrorInfo("value", text))
        if english(shown) and not text.startswith(SAMPLED_ONLY):
            untranslated.append(f"{name}:{line}: {text}")
    assert not untranslated, "\n".join(untranslated)


def test_the_check_would_see_a_new_english_text():
    assert english(error_text.message("zh", ErrorInfo("value", "a brand new message nobody has translated")))
    said = ErrorInfo("syntax", "x", key="errors_runtime.python_said", params=(("text", "x"),))
    assert re.search("原文", error_text.message("zh", said))
