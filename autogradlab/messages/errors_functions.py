"""Custom autograd Functions (lang/function_classes.py, lang/custom_functions.py): the class
with the base torch.autograd.Function, its `.apply` and its ctx. Keys ending in `_hint` are hints
(autogradlab/error_keys_more.py recognises both kinds from these texts)."""

_K = "errors_functions."

EN = {
    _K + "base": "`class {name}({bases})`: the only class Autograd Lab runs is a custom autograd "
                 "Function with the one base torch.autograd.Function",
    _K + "body": "`class {name}({bases})`: {what} cannot be in its body, which may hold only a docstring "
                 "and `@staticmethod` functions `forward`, `backward` and `setup_context` in Autograd Lab",
    _K + "needs": "`class {name}({bases})` needs `@staticmethod def forward` and "
                  "`@staticmethod def backward`",
    _K + "generator": "`{name}` of a custom autograd Function cannot be a generator (`yield`)",
    _K + "batch_kept": "`{name}` kept a gradient batched by jacobian(..., vectorize=True) (line {line}) in a "
                       "variable, container or attribute that outlives the call; inside it that tensor holds "
                       "one row per output element, so it has no values outside: compute what you need "
                       "inside backward and return it",
    _K + "use_apply": "`{code}` is not supported in Autograd Lab: a custom autograd Function is "
                      "used through `{name}.apply(...)`",
    _K + "ctx_method": "`{ctx}.{name}` is a method: call it, as in `{ctx}.{name}(...)`",
    _K + "ctx_call": "`{ctx}.{name}(...)` is not supported in Autograd Lab (ctx offers save_for_backward, "
                     "saved_tensors, needs_input_grad, mark_non_differentiable, set_materialize_grads "
                     "and your own attributes)",
    _K + "ctx_assign": "`{ctx}.{name}` cannot be assigned: it is a method of ctx",
    _K + "ctx_assign_property": "`{ctx}.{name}` cannot be assigned: it is a read-only property of ctx",
    _K + "ctx_not_data": "ctx cannot be used {where}: the ctx of a custom autograd Function may only have "
                         "its attributes read or set, its methods called, or be passed to a function of "
                         "your program",
    _K + "ctx_limit": "ctx holds more than {limit} attributes; the limit is {limit}",
    _K + "base_only": "`torch.autograd.Function` is supported only as the base of a class in Autograd Lab "
                      "(`class Name(torch.autograd.Function):`)",
    _K + "class_hint": "write `class Name(torch.autograd.Function):` with "
                       "`@staticmethod def forward(ctx, ...)` and "
                       "`@staticmethod def backward(ctx, grad_output)`, or a plain class without that base "
                       "(`class Name:`)",
    _K + "ctx_limit_hint": "keep several values in one list or dict",
    # torch.func (lang/func_transforms.py, lang/func_running.py)
    _K + "func_inside": "{construct} inside a torch.func transform (grad, vjp, jacrev, vmap, ...) is not "
                        "supported in Autograd Lab",
    _K + "func_inside_hint": "call it outside the transformed function, or use the transforms alone",
    _K + "func_needs": "{kind}() needs a function (a def, a lambda, a partial or a torch function) as its "
                       "first argument",
    _K + "func_bool": "{call}({name}=...) must be True or False",
    _K + "func_kept": "`{name}` kept a tensor batched by vmap (line {line}) in a variable, container or "
                      "attribute that outlives the vmap call; outside it that tensor has no values of its "
                      "own: return it from the function instead",
    _K + "func_takes_hint": "the options of {kind} here: {names}",
    _K + "func_randomness": "vmap(randomness=...) must be 'error', 'different' or 'same'",
    _K + "func_chunk_size": "vmap(chunk_size=...) must be None or an int",
    _K + "linearize_tangents": "jvp_fn() takes one tensor per primal of linearize",
    _K + "linearize_primals": "linearize(func, *primals): each primal must be a tensor in Autograd Lab",
    _K + "linearize_takes_hint": "linearize takes the function and its primals",
    _K + "linearize_after_vmap": "calling the jvp_fn of a torch.func.linearize made inside vmap after that "
                                 "vmap ended is not supported in Autograd Lab",
    _K + "linearize_after_vmap_hint": "call jvp_fn inside the function vmap runs",
    _K + "jvp_fn_hint": "pass the tangents to jvp_fn as positional arguments",
    # torch.autograd.grad inside torch.vmap (lang/grad_in_vmap.py)
    _K + "vmap_grad_nodes": "torch.autograd.grad inside vmap would walk back a graph of more than {limit} "
                            "operations once per row",
    _K + "vmap_grad_work": "torch.autograd.grad inside vmap would push {rows} rows at once through a graph "
                           "of {nodes} operations, about {total} arithmetic steps in all; the limit is "
                           "{limit} per call",
    _K + "vmap_grad_hint": "a smaller vmap batch or a smaller graph helps (limit max_graph_work)",
    _K + "func_grad_nodes": "torch.autograd.grad inside a torch.func transform would walk back a graph of "
                            "more than {limit} operations",
    _K + "func_grad_work": "torch.autograd.grad inside a torch.func transform would push {rows} rows through "
                           "a graph of {nodes} operations, about {total} arithmetic steps in all; the limit "
                           "is {limit} per call",
    _K + "vjp_fn_hint": "pass the cotangents to vjp_fn as positional arguments",
    _K + "func_backward_graph": "{transform} would run the backward pass of `{name}` for {rows} rows at once "
                                "through a graph of {nodes} operations, about {total} arithmetic steps in "
                                "all; the limit is {limit} per call",
    _K + "func_batched_pass": "{transform} runs `{name}` on {rows} rows at once: its operations so far come "
                              "to about {total} arithmetic steps; the limit is {limit} per call",
    _K + "func_graph_hint": "fewer rows or fewer operations in the function help (limit max_graph_work)",
    _K + "func_nested_levels": "{levels} transforms (jacfwd, jacrev, jvp; a hessian is two) nested in each "
                               "other differentiate each operation {times} times over: the operations come "
                               "to about {total} arithmetic steps; the limit is {limit}",
    # torch.autograd.forward_ad (lang/forward_ad.py)
    _K + "forward_ad_call": "`fwAD.dual_level()` is supported as `with fwAD.dual_level():` in Autograd Lab",
    _K + "forward_ad_call_hint": "write the forward-mode code inside `with fwAD.dual_level():`",
    _K + "forward_ad_steps": "the forward-mode steps cannot follow a program that opens its own "
                             "`fwAD.dual_level()` in Autograd Lab",
    _K + "forward_ad_steps_hint": "the program itself runs: see its output on the Run page",
    _K + "forward_ad_outside_hint": "call it outside the dual_level block",
    _K + "forward_ad_level_hint": "the level is the one `with fwAD.dual_level():` opened",
    _K + "forward_ad_name_hint": "write `import torch.autograd.forward_ad as fwAD` and "
                                 "`with fwAD.dual_level():`",
    _K + "forward_ad_name": "`with ....dual_level():` works with torch.autograd.forward_ad's dual_level only",
}

ZH = {
    _K + "base": "`class {name}({bases})`：Autograd Lab 只运行一种类，即以 "
                 "torch.autograd.Function 为唯一基类的自定义 autograd Function",
    _K + "body": "`class {name}({bases})`：类体中不能有 {what}；在 Autograd Lab 中，类体只能包含文档字符串和 "
                 "`@staticmethod` 函数 `forward`、`backward` 与 `setup_context`",
    _K + "needs": "`class {name}({bases})` 需要 `@staticmethod def forward` 和 "
                  "`@staticmethod def backward`",
    _K + "generator": "自定义 autograd Function 的 `{name}` 不能是生成器（`yield`）",
    _K + "batch_kept": "`{name}` 把 jacobian(..., vectorize=True) 批处理的梯度（第 {line} 行）存进了"
                       "在调用结束后仍然存在的变量、容器或属性；在调用内部，这个张量每个输出元素占一行，因此在调用之外"
                       "它没有值：请在 backward 里算出需要的结果并返回",
    _K + "use_apply": "Autograd Lab 不支持 `{code}`：自定义 autograd Function 要通过 "
                      "`{name}.apply(...)` 使用",
    _K + "ctx_method": "`{ctx}.{name}` 是一个方法：请调用它，例如 `{ctx}.{name}(...)`",
    _K + "ctx_call": "Autograd Lab 不支持 `{ctx}.{name}(...)`（ctx 提供 save_for_backward、"
                     "saved_tensors、needs_input_grad、mark_non_differentiable、"
                     "set_materialize_grads 以及你自己设置的属性）",
    _K + "ctx_assign": "不能给 `{ctx}.{name}` 赋值：它是 ctx 的方法",
    _K + "ctx_assign_property": "不能给 `{ctx}.{name}` 赋值：它是 ctx 的只读属性",
    _K + "ctx_not_data": "ctx 不能用在{where}：自定义 autograd Function 的 ctx 只能读取或设置属性、"
                         "调用方法，或传给你程序中的函数",
    _K + "ctx_limit": "ctx 的属性超过 {limit} 个；上限是 {limit}",
    _K + "base_only": "在 Autograd Lab 中，`torch.autograd.Function` 只能用作类的基类"
                      "（`class Name(torch.autograd.Function):`）",
    _K + "class_hint": "写成 `class Name(torch.autograd.Function):`，并带有 "
                       "`@staticmethod def forward(ctx, ...)` 和 "
                       "`@staticmethod def backward(ctx, grad_output)`，或者写一个不带这个基类的普通类"
                       "（`class Name:`）",
    _K + "ctx_limit_hint": "把多个值放进一个列表或字典",
    _K + "func_inside": "Autograd Lab 不支持在 torch.func 变换（grad、vjp、jacrev、vmap 等）内部"
                        "使用 {construct}",
    _K + "func_inside_hint": "请在被变换的函数之外调用它，或者只使用这些变换本身",
    _K + "func_needs": "{kind}() 的第一个参数必须是函数（def、lambda、partial 或 torch 函数）",
    _K + "func_bool": "{call}({name}=...) 必须是 True 或 False",
    _K + "func_kept": "`{name}` 把 vmap 批处理的张量（第 {line} 行）存进了在 vmap 调用结束后"
                      "仍然存在的变量、容器或属性；在调用之外，这个张量没有自己的值：请把它作为函数的返回值",
    _K + "func_takes_hint": "{kind} 在这里可用的选项：{names}",
    _K + "func_randomness": "vmap(randomness=...) 必须是 'error'、'different' 或 'same'",
    _K + "func_chunk_size": "vmap(chunk_size=...) 必须是 None 或整数",
    _K + "linearize_tangents": "jvp_fn() 的每个原始输入（primal）都要对应一个张量",
    _K + "linearize_primals": "linearize(func, *primals)：在 Autograd Lab 中每个原始输入（primal）"
                              "都必须是张量",
    _K + "linearize_takes_hint": "linearize 只接受函数及其原始输入（primals）",
    _K + "linearize_after_vmap": "Autograd Lab 不支持在 vmap 结束后调用在该 vmap 内部由 torch.func.linearize "
                                 "得到的 jvp_fn",
    _K + "linearize_after_vmap_hint": "在 vmap 运行的函数内部调用 jvp_fn",
    _K + "jvp_fn_hint": "切向量（tangent）要作为位置参数传给 jvp_fn",
    _K + "vmap_grad_nodes": "vmap 内部的 torch.autograd.grad 将对每一行反向遍历一个超过 {limit} 个运算的"
                            "计算图",
    _K + "vmap_grad_work": "vmap 内部的 torch.autograd.grad 将一次让 {rows} 行经过含 {nodes} 个运算的计算图，"
                           "总共约 {total} 步运算；每次调用的限制是 {limit}",
    _K + "vmap_grad_hint": "减小 vmap 的批量或计算图的规模（限制 max_graph_work）",
    _K + "func_grad_nodes": "torch.func 变换内部的 torch.autograd.grad 将反向遍历一个超过 {limit} "
                            "个运算的计算图",
    _K + "func_grad_work": "torch.func 变换内部的 torch.autograd.grad 将让 {rows} 行经过含 {nodes} "
                           "个运算的计算图，总共约 {total} 步运算；每次调用的限制是 {limit}",
    _K + "vjp_fn_hint": "vjp_fn 的余切（cotangent）要作为位置参数传入",
    _K + "func_backward_graph": "{transform} 将对 {rows} 行同时运行 `{name}` 的反向传播，经过一个含 {nodes} "
                                "个运算的计算图，总计约 {total} 步算术运算；每次调用的限制是 {limit}",
    _K + "func_batched_pass": "{transform} 对 {rows} 行同时运行 `{name}`：到目前为止它的运算约为 {total} "
                              "步算术运算；每次调用的限制是 {limit}",
    _K + "func_graph_hint": "减少行数或函数中的运算（限制 max_graph_work）",
    _K + "func_nested_levels": "{levels} 个相互嵌套的变换（jacfwd、jacrev、jvp；一个 hessian 算两个）"
                               "把每个运算微分 {times} 重：这些运算约为 {total} 步算术运算；限制是 {limit}",
    _K + "forward_ad_call": "在 Autograd Lab 中，`fwAD.dual_level()` 只能写成 `with fwAD.dual_level():` 使用",
    _K + "forward_ad_call_hint": "把前向模式的代码写在 `with fwAD.dual_level():` 里面",
    _K + "forward_ad_steps": "在 Autograd Lab 中，前向模式的步骤无法跟踪自己打开 `fwAD.dual_level()` 的程序",
    _K + "forward_ad_steps_hint": "程序本身可以运行：请在运行页面查看它的输出",
    _K + "forward_ad_outside_hint": "请在 dual_level 代码块之外调用它",
    _K + "forward_ad_level_hint": "级别（level）就是 `with fwAD.dual_level():` 打开的那一个",
    _K + "forward_ad_name_hint": "写成 `import torch.autograd.forward_ad as fwAD` 和 "
                                 "`with fwAD.dual_level():`",
    _K + "forward_ad_name": "`with ....dual_level():` 只适用于 torch.autograd.forward_ad 的 dual_level",
}
