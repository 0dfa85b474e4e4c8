"""Session 37 (breadth): messages of lang/numpy_breadth_s37.py and lang/numpy_grids.py. The English texts
give back the engine's sentences exactly."""

EN = {
    "errors_s37.grid_matrix": "`{what}['{directive}', ...]` makes a numpy.matrix, which is not supported in "
                              "Autograd Lab",
    "errors_s37.grid_matrix_hint": "np.matrix is deprecated in NumPy; for a 2-D array write "
                                   "np.r_['0,2', ...] (rows) or np.c_[...] (columns)",
    "errors_s37.bytes_percent_argument": "`%` formatting of bytes takes numbers, strings, None and bytes in "
                                         "Autograd Lab (not {kind})",
}

ZH = {
    "errors_s37.grid_matrix": "`{what}['{directive}', ...]` 会生成 numpy.matrix，Autograd Lab 不支持",
    "errors_s37.grid_matrix_hint": "NumPy 已弃用 np.matrix；要得到二维数组，请写 np.r_['0,2', ...]（按行）"
                                   "或 np.c_[...]（按列）",
    "errors_s37.bytes_percent_argument": "在 Autograd Lab 中 bytes 的 `%` 格式化只接受数字、字符串、None 和 "
                                         "bytes（不接受 {kind}）",
}
