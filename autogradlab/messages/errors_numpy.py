"""NumPy's array indexing and makers (lang/numpy_indexing.py, numpy_creation.py) and `import time`
(lang/time_module.py): keys recognised by autogradlab/error_keys_more.py. The English texts give back
the engine's sentences exactly."""

EN = {
    "errors_numpy.takes_array": "{what}: Autograd Lab takes a numpy array here; make one with np.array(...)",
    "errors_numpy.float_index": "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
                                "integer or boolean arrays are valid indices",
    "errors_numpy.write_value": "Autograd Lab writes numbers or numpy arrays into numpy arrays (not {type})",
    "errors_numpy.sleep": "`{name}` is not supported in Autograd Lab: a program that waits only uses up its "
                          "time limit",
    "errors_numpy.dtype_name": "data type '{name}' not understood",
}

ZH = {
    "errors_numpy.takes_array": "{what}：Autograd Lab 在这里需要一个 numpy 数组；请先用 np.array(...) 创建",
    "errors_numpy.float_index": "只有整数、切片（`:`）、省略号（`...`）、numpy.newaxis（`None`）"
                                "以及整数或布尔数组可以用作下标",
    "errors_numpy.write_value": "Autograd Lab 只能把数字或 numpy 数组写入 numpy 数组（而不是 {type}）",
    "errors_numpy.sleep": "Autograd Lab 不支持 `{name}`：程序等待只会用掉它的运行时间上限",
    "errors_numpy.dtype_name": "无法识别的数据类型 '{name}'",
}
