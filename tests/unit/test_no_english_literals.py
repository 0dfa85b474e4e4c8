"""Pages and components pass no English literal to a Streamlit text element: every label, message
and help text comes from the catalogue (`t(...)`), so the Chinese page has no English left over.

The scan reads the source (AST, no Streamlit run): each call of a Streamlit text-bearing function
(`st.button`, `col.markdown`, `notice.info`, ...) whose label/body/help/placeholder argument is a
string literal or an f-string with words in it. File formats and symbols (`SVG`, `X`, `λ`) are
not words of a language and are allowed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*ROOT.glob("views/*.py"), *ROOT.glob("components/*.py")])
TEXT_CALLS = {
    "title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "error", "success",
    "toast", "button", "download_button", "form_submit_button", "link_button", "page_link", "selectbox",
    "radio", "toggle", "checkbox", "slider", "select_slider", "text_input", "text_area", "number_input",
    "segmented_control", "pills", "multiselect", "expander", "spinner", "tabs", "metric", "popover",
    "TextColumn", "CheckboxColumn", "NumberColumn",
}
TEXT_KEYWORDS = {"label", "body", "help", "placeholder", "title", "text"}
WORD = re.compile(r"[A-Za-z]{3,}")
ALLOWED = {"SVG", "PNG", "GIF", "CSV", "PDF", "JSON"}
CODE_NAMES = {"dtype", "requires_grad", "grad", "grad_fn"}   # PyTorch's names stay code in every language


def _words(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts = [node.value]
    elif isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    else:
        return []
    if "".join(parts).strip() in CODE_NAMES:
        return []
    if any("<" in p and ">" in p for p in parts):   # HTML/SVG markup made by the component itself
        return []
    return [w for p in parts for w in WORD.findall(p) if w not in ALLOWED]


def leftovers(path: Path) -> list[str]:
    """`line: literal` of every English literal given to a Streamlit text element in `path`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in TEXT_CALLS):
            continue
        for arg in node.args[:1] + [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]:
            if _words(arg):
                found.append(f"{node.lineno}: {ast.unparse(arg)[:80]}")
    return found


def test_the_scan_finds_an_english_literal(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text('import streamlit as st\nst.button("Run now")\ncol.caption(f"{n} nodes")\n'
                      'st.download_button("SVG", data)\nst.info(t("graph.empty_help"))\n'
                      'st.column_config.TextColumn("grad_fn")\nst.markdown(f"<div>{svg}</div>")\n')
    assert leftovers(sample) == ["2: 'Run now'", "3: f'{n} nodes'"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_english_literal_reaches_the_page(path):
    assert leftovers(path) == [], path
