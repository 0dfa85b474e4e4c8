"""Session 32's breadth (issue 9): np.nditer's own API (lang/numpy_flat.py), np.poly1d and
np.polynomial (lang/numpy_poly1d.py), conv_transpose3d; keys recognised by autogradlab/error_keys_more.py.
The English texts give back the engine's sentences exactly."""

EN = {
    "errors_breadth.nditer_attribute": "the attribute `.{name}` of np.nditer is not supported in Autograd "
                                       "Lab (supported: {names}, iternext(), it[i])",
    "errors_breadth.nditer_method": "the method `.{name}()` of np.nditer is not supported in Autograd Lab "
                                    "(supported: iternext())",
    "errors_breadth.nditer_index": "np.nditer's `it[i]` takes an int (the operand's number) in Autograd Lab",
    "errors_breadth.nditer_write": "np.nditer's `it[i] = value` takes a number or an array in Autograd Lab",
}

ZH = {
    "errors_breadth.nditer_attribute": "Autograd Lab 不支持 np.nditer 的属性 `.{name}`"
                                       "（支持：{names}、iternext()、it[i]）",
    "errors_breadth.nditer_method": "Autograd Lab 不支持 np.nditer 的方法 `.{name}()`（支持：iternext()）",
    "errors_breadth.nditer_index": "在 Autograd Lab 中 np.nditer 的 `it[i]` 只接受整数（操作数的序号）",
    "errors_breadth.nditer_write": "在 Autograd Lab 中 np.nditer 的 `it[i] = value` 只接受数字或数组",
}
