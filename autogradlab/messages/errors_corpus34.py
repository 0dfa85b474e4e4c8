"""Session 34 (corpus): messages of what the new lesson corpus needed (lang/numpy_layout.py and its
neighbours). The English texts give back the engine's sentences exactly."""

EN = {
    "errors_corpus34.base_owner": "`.base` of an array whose memory belongs to something other than a numpy "
                                  "array (a tensor's, after t.numpy()) is not supported in Autograd Lab",
    "errors_corpus34.base_read_only": "`.base` of a read-only view is not supported in Autograd Lab",
    "errors_corpus34.print_word": "np.set_printoptions(): {name} must be one of {words}",
    "errors_corpus34.print_mark": "np.set_printoptions(): {name} must be a string of at most {limit} "
                                  "characters in Autograd Lab",
    "errors_corpus34.ufunc_where": "`np.{name}(..., where=...)` without out= is not supported in Autograd "
                                   "Lab (the elements it skips would be uninitialised memory)",
    "errors_corpus34.choices_big": "random.choices: k = {k} is more than Autograd Lab's {limit} items",
    "errors_corpus34.choices_k": "Autograd Lab supports `random.choices(..., k=n)` with a whole number n",
    "errors_corpus34.device_forms": "Autograd Lab supports `torch.device('cpu')` and "
                                    "`torch.device('cpu', 0)`",
    "errors_corpus34.once_called": "`once_differentiable` is supported only as a decorator, `@staticmethod` "
                                   "then `@once_differentiable` above a custom Function's `def backward`, in "
                                   "Autograd Lab",
    "errors_corpus34.once_other": "`@{decorator}` on `{name}.backward` is not "
                                  "torch.autograd.function.once_differentiable",
    "errors_corpus34.right_flag": "Autograd Lab supports `{form}` with right True or False",
    # session 36 (corpus): lang/numpy_lessons_s36.py
    "errors_corpus34.fill_diagonal_array": "np.fill_diagonal writes into a numpy array: make one with "
                                           "np.array(...)",
}

ZH = {
    "errors_corpus34.base_owner": "Autograd Lab 不支持读取内存属于 numpy 数组以外对象"
                                  "（例如 t.numpy() 后属于张量）的数组的 `.base`",
    "errors_corpus34.base_read_only": "Autograd Lab 不支持读取只读视图的 `.base`",
    "errors_corpus34.print_word": "np.set_printoptions()：{name} 必须是 {words} 之一",
    "errors_corpus34.print_mark": "np.set_printoptions()：在 Autograd Lab 中 {name} 必须是最多 {limit} "
                                  "个字符的字符串",
    "errors_corpus34.ufunc_where": "Autograd Lab 不支持不带 out= 的 `np.{name}(..., where=...)`"
                                   "（被跳过的元素会是未初始化的内存）",
    "errors_corpus34.choices_big": "random.choices：k = {k} 超过了 Autograd Lab 的 {limit} 项上限",
    "errors_corpus34.choices_k": "Autograd Lab 支持 `random.choices(..., k=n)`，其中 n 为整数",
    "errors_corpus34.device_forms": "Autograd Lab 支持 `torch.device('cpu')` 和 `torch.device('cpu', 0)`",
    "errors_corpus34.once_called": "在 Autograd Lab 中 `once_differentiable` 只能作为装饰器使用："
                                   "在自定义 Function 的 `def backward` 上方先写 `@staticmethod`，"
                                   "再写 `@once_differentiable`",
    "errors_corpus34.once_other": "`{name}.backward` 上的 `@{decorator}` 不是 "
                                  "torch.autograd.function.once_differentiable",
    "errors_corpus34.right_flag": "Autograd Lab 支持 right 为 True 或 False 的 `{form}`",
    "errors_corpus34.fill_diagonal_array": "np.fill_diagonal 写入一个 numpy 数组："
                                           "请先用 np.array(...) 创建它",
}
