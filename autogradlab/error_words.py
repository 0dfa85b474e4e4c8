"""The `{what}` of "… is not supported in Autograd Lab" in the reader's language (issue 10).

The engine's refusals name what was refused in English ("the attribute `.foo` of torch.Tensor
values", "classes", "dict comprehensions"); errors.not_supported frames it, and this module says the
common shapes of `what` in Chinese. Code in backticks and type names stay as they are; a `what`
of an unknown shape is returned unchanged (still correct, only English)."""

from __future__ import annotations

import re

from autogradlab import messages

# (pattern over the whole `what`, Chinese template with the pattern's groups)
_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), z) for p, z in (
    (r"the attribute (?P<name>`[^`]+`) of (?P<type>.+?) values", "{type} 值的属性 {name}"),
    (r"the attribute (?P<name>`[^`]+`) of (?P<type>\S+)", "{type} 的属性 {name}"),
    (r"the attribute (?P<name>`[^`]+`)", "属性 {name}"),
    (r"the method (?P<name>`[^`]+`) of (?P<type>.+?) values", "{type} 值的方法 {name}"),
    (r"the method (?P<name>`[^`]+`) of distributions", "分布的方法 {name}"),
    (r"the (?P<kind>numpy|tensor) method (?P<name>`[^`]+`)", "{kind} 方法 {name}"),
    (r"the (?P<kind>numpy|tensor) attribute (?P<name>`[^`]+`)", "{kind} 属性 {name}"),
    (r"the name (?P<name>`[^`]+`)", "名称 {name}"),
    (r"the keyword argument (?P<name>`[^`]+`)", "关键字参数 {name}"),
    (r"the format spec (?P<name>`[^`]+`)", "格式说明 {name}"),
    (r"the format field (?P<name>`[^`]+`)", "格式字段 {name}"),
    (r"calling (?P<name>`[^`]+`)", "调用 {name}"),
    (r"calling (?P<name>.+)", "调用{name}"),
    (r"assigning to (?P<name>`[^`]+`)", "给 {name} 赋值"),
    (r"assigning to (?P<name>.+)", "给{name} 赋值"),
    (r"double-underscore (?P<name>\w+) such as (?P<code>`[^`]+`)", "双下划线{name}（如 {code}）"),
    (r"attributes", "属性"),
    (r"names", "名称"),
    (r"(?P<name>`[^`]+`) blocks", "{name} 代码块"),
    (r"(?P<name>`[^`]+`) statements", "{name} 语句"),
    (r"(?P<name>`[^`]+`) expressions", "{name} 表达式"),
    (r"(?P<name>`[^`]+`) definitions", "{name} 定义"),
    (r"(?P<name>`[^`]+`) functions", "{name} 函数"),
    (r"(?P<name>`[^`]+`) loops", "{name} 循环"),
    (r"(?P<name>`[^`]+`) unpacking here", "此处的 {name} 解包"),
    (r"the (?P<name>`[^`]+`) operator", "{name} 运算符"),
    (r"walrus (?P<name>`[^`]+`) assignments", "海象运算符 {name} 赋值"),
    (r"set literals (?P<name>`[^`]+`)", "集合字面量 {name}"),
    (r"bytes literals \((?P<name>`[^`]+`)\)", "bytes 字面量（{name}）"),
    (r"bytes literals", "bytes 字面量"),
    (r"star-args \((?P<name>`[^`]+`)\)", "星号参数（{name}）"),
    (r"f-string conversions \((?P<name>.+)\)", "f-string 转换（{name}）"),
    (r"relative imports", "相对导入"),
    (r"classes", "类（class）"),
    (r"dictionaries", "字典"),
    (r"sets", "集合"),
    (r"dict comprehensions", "字典推导式"),
    (r"set comprehensions", "集合推导式"),
    (r"lambda expressions", "lambda 表达式"),
))


def say_what(lang: str, what: str) -> str:
    """`what` in `lang`: Chinese for the shapes above (applied inside out, so "assigning to the
    attribute `x`" reads 给属性 `x` 赋值), else unchanged."""
    if messages.normalize(lang) != "zh":
        return what
    for pattern, template in _ZH:
        match = pattern.fullmatch(what)
        if match:
            parts = {k: say_what(lang, v) if k in ("name", "kind") and not v.startswith("`") else v
                     for k, v in match.groupdict().items()}
            return template.format(**parts)
    return what
