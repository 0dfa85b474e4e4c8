"""Generators and iterators (lang/generators.py): `yield`, next(), iter(). Keys ending in `_hint`
are hints (autogradlab/error_keys_more.py recognises both kinds from these texts)."""

EN = {
    "errors_generators.not_data": "{what} cannot be used {where}: a generator or iterator may only be "
                                  "looped over with `for`, read with next(), turned into a list with "
                                  "list(), or passed to a function of your program",
    "errors_generators.running": "the program has more than {limit} generators started and not finished "
                                 "at once",
    "errors_generators.stop_iteration": "StopIteration: the iterator has no more items",
    "errors_generators.not_iterator": "'{type}' object is not an iterator",
    "errors_generators.already_executing": "generator already executing",
    "errors_generators.running_hint": "let a generator run to its end before starting the next one",
    "errors_generators.yield_hint": "write `yield value` on a line of its own in the function's body",
    "errors_generators.contextmanager_function": "`contextmanager` on anything but a generator function (a "
                                                 "`def` with `yield`) is not supported in Autograd Lab",
    "errors_generators.contextmanager_hint": "put `yield` where the `with` body runs",
    "errors_generators.contextmanager_rebound": "`@{decorator}` does not name contextlib.contextmanager "
                                                "here: other decorators are not supported in Autograd Lab",
    "errors_generators.wraps_function": "`functools.wraps(fn)` on anything but a `def` or lambda of your "
                                        "program is not supported in Autograd Lab",
    "errors_generators.wraps_form": "`functools.wraps` with `assigned`, `updated` or more than one function "
                                    "is not supported in Autograd Lab",
    "errors_generators.wraps_hint": "write `@functools.wraps(fn)` over the def of the wrapper",
    "errors_generators.wraps_value": "`functools.wraps(...)` of anything but a function is not supported in "
                                     "Autograd Lab",
    "errors_generators.cache_key": "`{name}` caches calls whose arguments are numbers, strings, None or "
                                   "tuples of those in Autograd Lab (not {type})",
    "errors_generators.grad_mode_outer": "`@{decorator}` above another decorator is not supported in "
                                         "Autograd Lab",
    "errors_generators.grad_mode_outer_hint": "put it right above the def, as its innermost decorator",
}

ZH = {
    "errors_generators.not_data": "{what} 不能用在{where}：生成器或迭代器只能用 `for` 遍历、用 next() "
                                  "读取、用 list() 变成列表，或传给你程序中的函数",
    "errors_generators.running": "程序同时有超过 {limit} 个已开始但未结束的生成器",
    "errors_generators.stop_iteration": "StopIteration：迭代器已经没有更多元素",
    "errors_generators.not_iterator": "'{type}' 对象不是迭代器",
    "errors_generators.already_executing": "生成器已在运行中（它的函数体正在请求它自己的下一个值）",
    "errors_generators.running_hint": "先让一个生成器运行到结束，再开始下一个",
    "errors_generators.yield_hint": "把 `yield value` 单独写成函数体中的一行",
    "errors_generators.contextmanager_function": "Autograd Lab 只支持把 `contextmanager` 用在生成器函数"
                                                 "（含 `yield` 的 `def`）上",
    "errors_generators.contextmanager_hint": "在 `with` 的代码块该运行的位置写 `yield`",
    "errors_generators.contextmanager_rebound": "这里的 `@{decorator}` 不是 contextlib.contextmanager："
                                                "Autograd Lab 不支持其他装饰器",
    "errors_generators.wraps_function": "Autograd Lab 只支持把 `functools.wraps(fn)` 用在你程序中的 `def` "
                                        "或 lambda 上",
    "errors_generators.wraps_form": "Autograd Lab 不支持带 `assigned`、`updated` 参数或作用于多个函数的 "
                                    "`functools.wraps`",
    "errors_generators.wraps_hint": "把 `@functools.wraps(fn)` 写在包装函数的 def 上方",
    "errors_generators.wraps_value": "Autograd Lab 只支持对函数使用 `functools.wraps(...)`",
    "errors_generators.cache_key": "在 Autograd Lab 中 `{name}` 只缓存参数为数字、字符串、None "
                                   "或它们的元组的调用（不是 {type}）",
    "errors_generators.grad_mode_outer": "Autograd Lab 不支持把 `@{decorator}` 放在另一个装饰器的上面",
    "errors_generators.grad_mode_outer_hint": "把它直接写在 def 的上一行，作为最里层的装饰器",
}
