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
    (r"(?P<name>`[^`]+`) inside a comprehension that loops over (?P<var>`[^`]+`)",
     "在遍历 {var} 的推导式中使用 {name}"),
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
    (r"(?P<name>`[^`]+`) statements other than (?P<a>`[^`]+`(?:, `[^`]+`)*) and (?P<b>`[^`]+`)",
     "{a} 和 {b} 以外的 {name} 语句"),
    (r"double-underscore import aliases such as (?P<name>`[^`]+`)", "双下划线的导入别名（如 {name}）"),
    (r"private attributes such as (?P<name>`[^`]+`)", "私有属性（如 {name}）"),
    (r"decorators \((?P<at>`[^`]+`)\) other than (?P<a>`[^`]+`(?:, `[^`]+`)*) and (?P<b>`[^`]+`)",
     "{a} 和 {b} 以外的装饰器（{at}）"),
    (r"deleting items \((?P<name>`[^`]+`)\)", "删除元素（{name}）"),
    (r"deleting attributes", "删除属性"),
    (r"(?P<name>`[^`]+`)(?: with key=)? of (?P<type>`[^`]+`) (?:items|keys)", "{name} 比较 {type} 类型的值"),
    (r"unpacking into anything but names \((?P<name>`[^`]+`)\)", "解包到名字以外的目标（{name}）"),
    (r"(?P<name>`[^`]+`) unpacking in (?P<kind>calls|dictionaries)", "{kind}中的 {name} 解包"),
    (r"calls", "调用"),
    (r"dictionaries", "字典"),
    (r"(?P<name>`[^`]+`) parameters", "{name} 参数"),
    (r"(?P<name>`[^`]+`) constructs", "{name} 结构"),
    (r"(?P<name>`[^`]+`) in f-strings", "f-string 中的 {name}"),
    (r"async comprehensions", "异步推导式"),
    (r"(?P<name>`[^`]+`) blocks after loops", "循环后面的 {name} 代码块"),
    (r"constants of type (?P<type>\w+)", "{type} 类型的常量"),
    (r"keyword-only parameters \(after (?P<name>`[^`]+`)\)", "仅限关键字的参数（在 {name} 之后）"),
    (r"the f-string format (?P<name>`[^`]+`)", "f-string 格式 {name}"),
    (r"(?P<name>`[^`]+`) unpacking here", "此处的 {name} 解包"),
    (r"comprehensions with more than one (?P<name>`[^`]+`)", "含有多个 {name} 的推导式"),
    (r"loop variables that are not names", "不是名字的循环变量"),
    (r"deleting anything but a variable", "删除变量以外的东西"),
    (r"annotated assignments to anything but a name", "给名字以外的目标做带类型注解的赋值"),
    (r"type parameters", "类型参数"),
    (r"decorators", "装饰器"),
    (r"shell commands \((?P<name>`[^`]+`)\)", "shell 命令（{name}）"),
    (r"IPython magic commands \((?P<name>`[^`]+`)\)", "IPython 魔法命令（{name}）"),
    # the things a size limit or a loop limit names (lang/sizes.py, interpreter.charge_loop_iterations)
    (r"the list", "列表"),
    (r"the text", "文本"),
    (r"the repeated sequence", "重复得到的序列"),
    (r"the result", "结果"),
    (r"the result of (?P<name>\.\w+\(\))", "{name} 的结果"),
    (r"the result of (?P<name>\w+\(\))", "{name} 的结果"),
    (r"the copy of the list", "列表的副本"),
    (r"the copy of the dictionary", "字典的副本"),
    (r"the slice", "切片"),
    (r"the range searched", "搜索的范围"),
    (r"the range searched with (?P<name>`[^`]+`)", "用 {name} 搜索的范围"),
    (r"the pieces of (?P<name>.+)", "{name} 的各个部分"),
    (r"the list (?P<name>\S+) builds", "{name} 生成的列表"),
    (r"the joined sequence", "拼接得到的序列"),
    (r"the formatted string", "格式化得到的字符串"),
    (r"the format string", "格式字符串"),
    (r"the f-string", "f-string"),
    (r"the dictionary", "字典"),
    (r"the %-formatted string", "用 % 格式化得到的字符串"),
    (r"iterating over the tensor", "遍历张量"),
    (r"iterating over the array", "遍历数组"),
    (r"a for loop", "`for` 循环"),
    (r"a while loop", "`while` 循环"),
    (r"a list comprehension", "列表推导式"),
    (r"a dict comprehension", "字典推导式"),
    (r"the list comprehension", "列表推导式的结果"),
    (r"the dict comprehension", "字典推导式的结果"),
    (r"a generator expression inside (?P<name>\S+)", "{name} 中的生成器表达式"),
    (r"the generator expression inside (?P<name>\S+)", "{name} 中生成器表达式的结果"),
    (r"a generator expression", "生成器表达式"),
    (r"the generator expression", "生成器表达式的结果"),
    # what a function value is called where only data may go (lang/calls.require_data)
    (r"the function (?P<name>`[^`]+`)", "函数 {name}"),
    (r"the generator (?P<name>`[^`]+`)", "生成器 {name}"),
    (r"an iterator", "迭代器"),
    (r"(?P<name>`[^`]+`) anywhere but as a statement of its own inside a `def`",
     "不是 `def` 函数体中单独一条语句的 {name}"),
    (r"(?P<name>`[^`]+`) outside a generator function", "生成器函数之外的 {name}"),
    (r"the module (?P<name>`[^`]+`)", "模块 {name}"),
    (r"the (?P<name>`[^`]+`) object", "{name} 对象"),   # lang/plain_classes.py
    (r"the class (?P<name>`[^`]+`)", "类 {name}"),
    (r"a function", "函数"),
    (r"the function", "函数"),
    (r"(?P<code>[\w.]+)'s arguments", "{code} 的参数"),
    (r"(?P<code>[\w.]+)'s bounds", "{code} 的上下界"),
    (r"an? (?P<type>\w+) value", "{type} 值"),
    # the `what` of the size limits (lang/sizes.check_elements): "result of indexing would have …"
    (r"indexing", "索引"),
    (r"(?P<code>\w+)'s total_count", "{code} 的 total_count"),
))

# where only data may go (lang/calls.require_data's `where`)
_WHERE: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), z) for p, z in (
    (r"in (?P<code>`[^`]+`)", "{code} 中"),
    (r"in an assignment", "赋值中"),
    (r"in an unpacking assignment", "解包赋值中"),
    (r"in a comprehension", "推导式中"),
    (r"in a for loop", "`for` 循环中"),
    (r"in a slice", "切片中"),
    (r"in an f-string", "f-string 中"),
    (r"inside a list or tuple", "列表或元组中"),
    (r"inside a list", "列表中"),
    (r"as a return value", "返回值中"),
    (r"as a default value", "默认值中"),
    (r"as a dictionary value", "字典的值中"),
    (r"as a class attribute", "类属性中"),
    (r"as an index", "下标中"),
    (r"as an argument of (?P<code>\S+)", "{code} 的参数中"),
    (r"after (?P<code>`[^`]+`)", "{code} 之后"),
    (r"before (?P<code>`[^`]+`)", "{code} 之前"),
))


def say_where(lang: str, where: str) -> str:
    """require_data's `where` in `lang` (unchanged in English or when its shape is unknown)."""
    if messages.normalize(lang) != "zh":
        return where
    for pattern, template in _WHERE:
        match = pattern.fullmatch(where)
        if match:
            return template.format(**match.groupdict())
    return where


def say_what(lang: str, what: str) -> str:
    """`what` in `lang`: Chinese for the shapes above (applied inside out, so "assigning to the
    attribute `x`" reads 给属性 `x` 赋值), else unchanged."""
    if messages.normalize(lang) != "zh":
        return what
    for pattern, template in _ZH:
        match = pattern.fullmatch(what)
        if match:
            parts = {k: say_what(lang, v) if k in ("name", "kind") and not v.startswith("`")
                     and not (pattern.pattern.startswith("the pieces") or "builds" in pattern.pattern) else v
                     for k, v in match.groupdict().items()}
            return template.format(**parts)
    return what
