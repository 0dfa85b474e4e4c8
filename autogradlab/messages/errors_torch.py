"""PyTorch's errors as the engine retells them (autogradlab/lang/torch_errors.py; keys recognised by
autogradlab/error_keys_torch.py), and the frame around PyTorch's own text. The English texts give
back the engine's sentences exactly; names of code (`backward()`, `requires_grad`) stay code."""

EN = {
    "errors_torch.said": "{text}",
    "errors_torch.op_said": "{op}: {text}",
    "errors_torch.nested": "{op}: the computation is nested too deeply",
    "errors_torch.nested_forward": "Nested forward mode AD is not supported at the moment",
    "errors_torch.dim_range": "dimension out of range: {op} of {ndim}-D tensors accepts dim {low}..{high}, "
                              "got {got}",
    "errors_torch.mm": "{op}: cannot multiply a {a} matrix by a {b} matrix (inner sizes {i} and {j} differ)",
    "errors_torch.mv": "{op}: cannot multiply a {matrix} matrix by a vector of length {length} "
                       "(sizes {columns} and {length} differ)",
    "errors_torch.dot": "{op}: the vectors have different lengths ({a} and {b})",
    "errors_torch.dot_1d": "{op}: needs two 1-D tensors (vectors), got {a}-D and {b}-D",
    "errors_torch.mm_2d": "{op}: needs two 2-D tensors (matrices), got shapes {got}",
    "errors_torch.mm_2d_shapes": "{op}: needs two 2-D tensors (matrices), got shapes {a} and {b}",
    "errors_torch.matmul": "{op}: cannot multiply shapes {a} and {b} (inner sizes {i} and {j} differ)",
    "errors_torch.bmm": "{op}: the batched matrix shapes do not fit together",
    "errors_torch.broadcast": "{op}: shapes {a} and {b} cannot be broadcast together (sizes {i} and {j} "
                              "differ at dimension {dim})",
    "errors_torch.broadcast_unknown": "{op}: the shapes cannot be broadcast together (sizes {i} and {j} "
                                      "differ at dimension {dim})",
    "errors_torch.inplace_shape": "{op}: the result would have shape [{result}], but the tensor changed in "
                                  "place has shape [{shape}]",
    "errors_torch.reshape_divisible": "{op}: cannot reshape {total} elements into shape [{shape}] "
                                      "({total} is not divisible by {known})",
    "errors_torch.reshape_holds": "{op}: cannot reshape {total} elements into shape [{shape}] "
                                  "(which holds {holds})",
    "errors_torch.backward_scalar": "backward() on a tensor with {count} elements needs a gradient argument "
                                    "of the same shape",
    "errors_torch.backward_scalar_some": "backward() on a tensor with more than one element needs a "
                                         "gradient argument of the same shape",
    "errors_torch.grad_scalar": "torch.autograd.grad() of an output with more than one element needs "
                                "grad_outputs of the same shape",
    "errors_torch.backward_twice": "backward through the same graph a second time: PyTorch frees the values "
                                   "it saved for the backward pass after the first backward() unless you "
                                   "pass retain_graph=True to keep them",
    "errors_torch.inplace_leaf_view": "in-place change of a view of a leaf tensor that requires grad ({op})",
    "errors_torch.inplace_leaf": "in-place change of a leaf tensor that requires grad ({op})",
    "errors_torch.no_graph": "this tensor has no autograd graph: nothing that requires grad was recorded "
                             "on the way to it",
    "errors_torch.unused": "input {index} was not used to compute the output",
    "errors_torch.numpy_grad": "numpy() cannot be called on a tensor that requires grad",
    "errors_torch.int_grad": "only floating-point (or complex) tensors can require gradients; this one "
                             "holds integers",
    "errors_torch.dtypes": "{op}: the tensors have different dtypes (expected {expected}, found {found})",
    "errors_torch.float_call": "{op}() needs a floating-point tensor, got dtype {dtype}",
    "errors_torch.float": "{op}: needs a floating-point tensor, got dtype {dtype}",
    "errors_torch.same_dtype": "{op}: both tensors need the same dtype, got {a} and {b}",
    "errors_torch.index": "index {index} is out of range for dimension {dim} of size {size}",
    "errors_torch.too_many_indices": "too many indices: the tensor has {ndim} dimensions",
    "errors_torch.index_in_self": "{op}: an index is out of range",
    "errors_torch.memory": "{op}: not enough memory for the result (it needs {bytes} bytes)",
    "errors_torch.memory_short": "{op}: not enough memory for the result",
    "errors_torch.zero_tensor": "ZeroTensors are immutable. Please use the materialized zero tensor obtained "
                                "using .clone() if you want a mutable tensor.",
    "errors_torch.one_element_count": "{op}() needs a tensor with exactly one element; this one has {count}",
    "errors_torch.one_element": "{op}() needs a tensor with exactly one element",
    "errors_torch.ambiguous": "the truth value of a tensor with more than one element is ambiguous",
    "errors_torch.ragged": "{op}: the nested lists have different lengths (a list at depth {dim} has {got} "
                           "items, expected {length})",
    "errors_torch.arguments": "{op}() does not accept these arguments: ({args})",
    "errors_torch.zero_division": "{op}: division by zero",
    "errors_torch.hint_dim": "use a dim between {low} and {high} (negative dims count from the end)",
    "errors_torch.hint_mm": "the first matrix needs as many columns as the second has rows; maybe transpose "
                            "one with .T",
    "errors_torch.hint_mv": "the vector needs as many elements as the matrix has columns",
    "errors_torch.hint_dot": "both vectors need the same number of elements",
    "errors_torch.hint_dot_1d": "for matrices use torch.mm or @",
    "errors_torch.hint_mm_2d": "use torch.mv for a matrix times a vector, or the @ operator",
    "errors_torch.hint_matmul": "the last size of the first must equal the second-to-last size of the second",
    "errors_torch.hint_broadcast": "elementwise operations need each size, counted from the right, to be "
                                   "equal or 1",
    "errors_torch.hint_inplace_shape": "an in-place operation cannot change a tensor's shape; write "
                                       "x = x + y instead",
    "errors_torch.hint_reshape": "the new shape must hold exactly as many elements as the tensor",
    "errors_torch.hint_backward": "call y.sum().backward() or y.backward(torch.ones_like(y))",
    "errors_torch.hint_grad": "pass grad_outputs=torch.ones_like(y), or take the gradient of y.sum()",
    "errors_torch.hint_twice": "call backward(retain_graph=True) the first time, or recompute y",
    "errors_torch.hint_inplace_leaf": "do the update inside `with torch.no_grad():`, change x.data instead "
                                      "(x.data += 1), or make a new tensor: x = x + 1",
    "errors_torch.hint_no_graph": "create the input with requires_grad=True (or call x.requires_grad_()), "
                                  "and compute it outside `with torch.no_grad():`",
    "errors_torch.hint_unused": "pass allow_unused=True, or differentiate with respect to a used input",
    "errors_torch.hint_numpy": "use x.detach().numpy()",
    "errors_torch.hint_float": "use torch.arange(4.0) or dtype=torch.float32",
    "errors_torch.hint_same_dtype": "convert one with .float(), or create both with dtype=torch.float32",
    "errors_torch.hint_index": "valid indices are 0..{last} (or -{size}..-1 from the end)",
    "errors_torch.hint_indices": "use one index per dimension",
    "errors_torch.hint_index_shape": "check the indices against the shape",
    "errors_torch.hint_smaller": "use smaller sizes",
    "errors_torch.hint_item": "index one element first, e.g. x[0].item()",
    "errors_torch.hint_one": "index one element first, e.g. x[0]",
    "errors_torch.hint_ambiguous": "use .any() or .all(), or compare a single element",
    "errors_torch.hint_ragged": "every row of a tensor needs the same number of items",
    "errors_torch.hint_arguments": "check the argument types and keyword names",
}

ZH = {
    "errors_torch.said": "PyTorch 报告（原文）：{text}",
    "errors_torch.op_said": "{op}：PyTorch 报告（原文）：{text}",
    "errors_torch.nested": "{op}：计算嵌套得太深",
    "errors_torch.nested_forward": "PyTorch 目前不支持嵌套的前向模式自动微分",
    "errors_torch.dim_range": "维度超出范围：{op} 作用于 {ndim} 维张量时 dim 只能取 {low}..{high}，"
                              "实际是 {got}",
    "errors_torch.mm": "{op}：无法把 {a} 矩阵乘以 {b} 矩阵（内侧大小 {i} 与 {j} 不同）",
    "errors_torch.mv": "{op}：无法把 {matrix} 矩阵乘以长度为 {length} 的向量"
                       "（大小 {columns} 与 {length} 不同）",
    "errors_torch.dot": "{op}：两个向量长度不同（{a} 与 {b}）",
    "errors_torch.dot_1d": "{op}：需要两个一维张量（向量），实际是 {a} 维和 {b} 维",
    "errors_torch.mm_2d": "{op}：需要两个二维张量（矩阵），实际形状为 {got}",
    "errors_torch.mm_2d_shapes": "{op}：需要两个二维张量（矩阵），实际形状为 {a} 与 {b}",
    "errors_torch.matmul": "{op}：无法相乘形状 {a} 与 {b}（内侧大小 {i} 与 {j} 不同）",
    "errors_torch.bmm": "{op}：批量矩阵的形状对不上",
    "errors_torch.broadcast": "{op}：形状 {a} 与 {b} 无法广播（第 {dim} 维的大小 {i} 与 {j} 不同）",
    "errors_torch.broadcast_unknown": "{op}：这些形状无法广播（第 {dim} 维的大小 {i} 与 {j} 不同）",
    "errors_torch.inplace_shape": "{op}：结果的形状会是 [{result}]，但被原地修改的张量形状是 [{shape}]",
    "errors_torch.reshape_divisible": "{op}：无法把 {total} 个元素变形为形状 [{shape}]（{total} 不能被 "
                                      "{known} 整除）",
    "errors_torch.reshape_holds": "{op}：无法把 {total} 个元素变形为形状 [{shape}]（该形状容纳 {holds} 个）",
    "errors_torch.backward_scalar": "对有 {count} 个元素的张量调用 backward() 时，需要传入形状相同的 "
                                    "gradient 参数",
    "errors_torch.backward_scalar_some": "对多于一个元素的张量调用 backward() 时，需要传入形状相同的 "
                                         "gradient 参数",
    "errors_torch.grad_scalar": "对多于一个元素的输出调用 torch.autograd.grad() 时，需要传入形状相同的 "
                                "grad_outputs",
    "errors_torch.backward_twice": "第二次对同一张计算图做反向传播：第一次 backward() 之后，PyTorch "
                                   "会释放为反向传播保存的值，除非传入 retain_graph=True 保留它们",
    "errors_torch.inplace_leaf_view": "原地修改了一个 requires_grad 叶子张量的视图（{op}）",
    "errors_torch.inplace_leaf": "原地修改了一个 requires_grad 的叶子张量（{op}）",
    "errors_torch.no_graph": "这个张量没有 autograd 计算图：得到它的过程中没有记录任何需要梯度的运算",
    "errors_torch.unused": "输入 {index} 没有被用来计算输出",
    "errors_torch.numpy_grad": "不能对 requires_grad 的张量调用 numpy()",
    "errors_torch.int_grad": "只有浮点（或复数）张量才能需要梯度；这个张量存的是整数",
    "errors_torch.dtypes": "{op}：张量的 dtype 不同（应为 {expected}，实际是 {found}）",
    "errors_torch.float_call": "{op}() 需要浮点张量，实际 dtype 是 {dtype}",
    "errors_torch.float": "{op}：需要浮点张量，实际 dtype 是 {dtype}",
    "errors_torch.same_dtype": "{op}：两个张量需要相同的 dtype，实际是 {a} 与 {b}",
    "errors_torch.index": "索引 {index} 超出了第 {dim} 维（大小为 {size}）的范围",
    "errors_torch.too_many_indices": "索引太多：这个张量只有 {ndim} 维",
    "errors_torch.index_in_self": "{op}：有索引超出范围",
    "errors_torch.memory": "{op}：内存不足以存放结果（需要 {bytes} 字节）",
    "errors_torch.memory_short": "{op}：内存不足以存放结果",
    "errors_torch.zero_tensor": "ZeroTensor（全零张量）不可修改；"
                                "如需可修改的张量，请用 .clone() 得到实际的零张量。",
    "errors_torch.one_element_count": "{op}() 需要恰好只有一个元素的张量；这个张量有 {count} 个",
    "errors_torch.one_element": "{op}() 需要恰好只有一个元素的张量",
    "errors_torch.ambiguous": "多于一个元素的张量的真值是有歧义的",
    "errors_torch.ragged": "{op}：嵌套列表的长度不一致（第 {dim} 层有一个列表有 {got} 项，应为 {length} 项）",
    "errors_torch.arguments": "{op}() 不接受这些参数：({args})",
    "errors_torch.zero_division": "{op}：除以零",
    "errors_torch.hint_dim": "dim 请取 {low} 到 {high} 之间的值（负数从末尾数起）",
    "errors_torch.hint_mm": "第一个矩阵的列数必须等于第二个矩阵的行数；也许需要用 .T 转置其中一个",
    "errors_torch.hint_mv": "向量的元素个数必须等于矩阵的列数",
    "errors_torch.hint_dot": "两个向量需要相同的元素个数",
    "errors_torch.hint_dot_1d": "矩阵请用 torch.mm 或 @",
    "errors_torch.hint_mm_2d": "矩阵乘向量请用 torch.mv，或用 @ 运算符",
    "errors_torch.hint_matmul": "第一个的最后一维大小必须等于第二个的倒数第二维大小",
    "errors_torch.hint_broadcast": "逐元素运算要求从右往左数的每一维大小相等或为 1",
    "errors_torch.hint_inplace_shape": "原地运算不能改变张量的形状；请改写为 x = x + y",
    "errors_torch.hint_reshape": "新形状容纳的元素个数必须与张量完全相同",
    "errors_torch.hint_backward": "调用 y.sum().backward() 或 y.backward(torch.ones_like(y))",
    "errors_torch.hint_grad": "传入 grad_outputs=torch.ones_like(y)，或者对 y.sum() 求梯度",
    "errors_torch.hint_twice": "第一次调用 backward(retain_graph=True)，或重新计算 y",
    "errors_torch.hint_inplace_leaf": "在 `with torch.no_grad():` 中做更新，或改为修改 x.data"
                                      "（x.data += 1），或新建张量：x = x + 1",
    "errors_torch.hint_no_graph": "创建输入时加上 requires_grad=True（或调用 x.requires_grad_()），"
                                  "并在 `with torch.no_grad():` 之外计算它",
    "errors_torch.hint_unused": "传入 allow_unused=True，或对用到的输入求导",
    "errors_torch.hint_numpy": "请用 x.detach().numpy()",
    "errors_torch.hint_float": "请用 torch.arange(4.0) 或 dtype=torch.float32",
    "errors_torch.hint_same_dtype": "用 .float() 转换其中一个，或创建时都用 dtype=torch.float32",
    "errors_torch.hint_index": "有效索引为 0..{last}（或从末尾数 -{size}..-1）",
    "errors_torch.hint_indices": "每一维只用一个索引",
    "errors_torch.hint_index_shape": "对照形状检查这些索引",
    "errors_torch.hint_smaller": "请用更小的大小",
    "errors_torch.hint_item": "先取出一个元素，例如 x[0].item()",
    "errors_torch.hint_one": "先取出一个元素，例如 x[0]",
    "errors_torch.hint_ambiguous": "请用 .any() 或 .all()，或只比较一个元素",
    "errors_torch.hint_ragged": "张量的每一行需要相同的项数",
    "errors_torch.hint_arguments": "检查参数的类型和关键字名称",
}
