"""Session 39 (breadth): messages of lang/grad_fn_saved.py and numpy_order.py (np.extract). The English
texts give back the engine's sentences exactly."""

EN = {
    "errors_s39.saved_value": "`.{name}` of a grad_fn holds a {kind}, which is not supported in Autograd Lab",
    "errors_s39.np_extract": "Autograd Lab supports `np.extract(condition, arr)`",
}

ZH = {
    "errors_s39.saved_value": "grad_fn 的 `.{name}` 保存的是 {kind}，Autograd Lab 不支持读取它",
    "errors_s39.np_extract": "Autograd Lab 只支持这种写法：`np.extract(condition, arr)`",
}
