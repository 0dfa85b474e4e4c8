"""Session 39 (breadth): messages of lang/grad_fn_saved.py, numpy_order.py (np.extract) and
package_versions.py, nn_parameter.py. The English texts give back the engine's sentences exactly."""

EN = {
    "errors_s39.saved_value": "`.{name}` of a grad_fn holds a {kind}, which is not supported in Autograd Lab",
    "errors_s39.np_extract": "Autograd Lab supports `np.extract(condition, arr)`",
    "errors_s39.version_call": "version() takes one argument, the distribution's name",
    "errors_s39.parameter_call": "torch.nn.Parameter takes (data, requires_grad=True)",
    "errors_s39.parameter_data": "torch.nn.Parameter takes a tensor, as in `nn.Parameter(torch.rand(3, 2))`",
    "errors_s39.version_known": "Autograd Lab knows the versions of torch and numpy only, as "
                                "`version(\"torch\")` and `version(\"numpy\")`",
}

ZH = {
    "errors_s39.saved_value": "grad_fn 的 `.{name}` 保存的是 {kind}，Autograd Lab 不支持读取它",
    "errors_s39.np_extract": "Autograd Lab 只支持这种写法：`np.extract(condition, arr)`",
    "errors_s39.version_call": "version() 只接受一个参数：发行包的名字",
    "errors_s39.parameter_call": "torch.nn.Parameter 的参数是 (data, requires_grad=True)",
    "errors_s39.parameter_data": "torch.nn.Parameter 只接受张量，如 `nn.Parameter(torch.rand(3, 2))`",
    "errors_s39.version_known": "Autograd Lab 只知道 torch 和 numpy 的版本，写作 `version(\"torch\")` "
                                "和 `version(\"numpy\")`",
}
