"""Session 38 (breadth): messages of lang/multi_grad_hook.py, saved_tensor_hooks.py and
statistics_module.py. The English texts give back the engine's sentences exactly."""

EN = {
    "errors_s38.multi_hook_tensors": "register_multi_grad_hook() takes a list or tuple of tensors",
    "errors_s38.multi_hook_function": "`register_multi_grad_hook()` takes a function (a def, a lambda, or "
                                      "one such as print) in Autograd Lab",
    "errors_s38.multi_hook_vectorize": "a multi-grad hook cannot run under jacobian(..., vectorize=True) in "
                                       "Autograd Lab",
    "errors_s38.multi_hook_call": "register_multi_grad_hook() takes {call}",
    "errors_s38.saved_hooks_function": "`saved_tensors_hooks()` takes two functions (defs, lambdas, or ones "
                                       "such as print) in Autograd Lab",
    "errors_s38.saved_hooks_vectorize": "a saved-tensor hook cannot run under jacobian(..., vectorize=True) "
                                        "in Autograd Lab",
    "errors_s38.saved_hooks_call": "saved_tensors_hooks() takes pack_hook and unpack_hook",
    "errors_s38.statistics_numbers": "`statistics.{name}()` takes numbers in Autograd Lab",
}

ZH = {
    "errors_s38.multi_hook_tensors": "register_multi_grad_hook() 接受由张量组成的列表或元组",
    "errors_s38.multi_hook_function": "在 Autograd Lab 中 `register_multi_grad_hook()` 只接受函数"
                                      "（def、lambda，或 print 这样的函数）",
    "errors_s38.multi_hook_vectorize": "在 Autograd Lab 中多梯度 hook 不能在 "
                                       "jacobian(..., vectorize=True) 下运行",
    "errors_s38.multi_hook_call": "register_multi_grad_hook() 的用法是 {call}",
    "errors_s38.saved_hooks_function": "在 Autograd Lab 中 `saved_tensors_hooks()` 只接受两个函数"
                                       "（def、lambda，或 print 这样的函数）",
    "errors_s38.saved_hooks_vectorize": "在 Autograd Lab 中保存张量的 hook 不能在 "
                                        "jacobian(..., vectorize=True) 下运行",
    "errors_s38.saved_hooks_call": "saved_tensors_hooks() 接受 pack_hook 和 unpack_hook 两个参数",
    "errors_s38.statistics_numbers": "在 Autograd Lab 中 `statistics.{name}()` 只接受数字",
}
