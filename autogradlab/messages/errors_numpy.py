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
    "errors_numpy.linalg_call": "Autograd Lab supports `np.linalg.{name}({shape})` without keywords",
    "errors_numpy.linalg_norm": "Autograd Lab supports `np.linalg.norm(x, ord=None)` (no axis)",
    "errors_numpy.warning_category": "category must be a Warning subclass",
    "errors_numpy.removed_function": "This function was deprecated since version 1.9 and is now removed. "
                                     "Please use the `{name}` function instead.",
    "errors_numpy.diag_k": "Autograd Lab supports `np.diag(v, k)` with a whole number k",
    "errors_numpy.round_decimals": "Autograd Lab supports `a.round(decimals)` with a whole number of "
                                   "decimals",
    "errors_numpy.print_whole": "np.set_printoptions: {name} must be a whole number",
    "errors_numpy.print_suppress": "np.set_printoptions: suppress must be True or False",
    "errors_numpy.print_range": "np.set_printoptions: {name} must be between {low} and {high} in "
                                "Autograd Lab",
    # session 26: np.linalg.qr/eig/eigh/svd and np.tril/triu (numpy_decompositions.py); `torch.pi = ...`
    "errors_numpy.linalg_result_call": "Autograd Lab supports `np.linalg.{name}({shape})`",
    "errors_numpy.qr_mode": "Autograd Lab supports `np.linalg.qr(a, mode=...)` with mode 'reduced', "
                            "'complete' or 'r'",
    "errors_numpy.svd_flag": "Autograd Lab supports `{word}=True` or `False` in np.linalg.svd",
    "errors_numpy.triangle_call": "Autograd Lab supports `np.{name}(m, k=0)`",
    "errors_numpy.triangle_k": "Autograd Lab supports `np.{name}(m, k)` with a whole number k",
    "errors_numpy.module_constant": "setting `{name}` to a {kind} value is not supported in Autograd Lab "
                                    "(an int, a float or a one-element tensor without a graph)",
    "errors_numpy.join_parts": "np.{name}() takes a list or tuple of arrays",
    "errors_numpy.axis_int": "axis must be an int",
    "errors_numpy.split_call": "Autograd Lab supports `np.{name}(x, sections)` and `np.{name}(x, (i, j))`",
    "errors_numpy.split_points": "np.{name}(): the split points must be ints",
    "errors_numpy.split_sections": "np.{name}(): the sections must be an int or a list of ints",
    # session 29: the rest of np.linalg (numpy_linalg_family.py, numpy_tensordot.py), lru_cache(typed=...)
    "errors_numpy.lru_typed": "Autograd Lab supports `typed=True` or `False` in functools.lru_cache",
    "errors_numpy.scalar_round": "Autograd Lab supports `x.round(decimals)` with a whole number of decimals",
    "errors_numpy.linalg_plain": "Autograd Lab supports numbers, None, short strings and tuples of ints as "
                                 "{what}",
    "errors_numpy.multi_dot_count": "Autograd Lab supports np.linalg.multi_dot of at most {count} arrays",
    "errors_numpy.linalg_dtype": "Autograd Lab supports `np.linalg.{name}(...)` without dtype=",
    "errors_numpy.tensordot_axes": "Autograd Lab supports `np.tensordot(a, b, axes)` with axes an int or a "
                                   "pair of ints or int lists",
    "errors_numpy.count_axis": "Autograd Lab supports np.count_nonzero's axis as an int or a tuple of ints",
    "errors_numpy.count_keepdims": "Autograd Lab supports `keepdims=True` or `False` in np.count_nonzero",
    "errors_numpy.conj_call": "Autograd Lab supports `a.conj()` without arguments",
    # session 29 (lead): numpy_everyday.py, numpy_array_methods.py
    "errors_numpy.scalar_in_place": "a numpy scalar has no `.{name}()` that changes it; use an array",
    "errors_numpy.take_indices": "a.take(): the indices must be integers",
    "errors_numpy.method_no_args": "Autograd Lab supports `.{name}()` without arguments",
    "errors_numpy.must_be_int": "{what} must be an int",
    "errors_numpy.must_be_bool": "{what} must be True or False",
    "errors_numpy.where_call": "Autograd Lab supports `np.where(condition, x, y)` and `np.where(condition)`",
    "errors_numpy.repeat_counts": "np.repeat: repeats must be an int or a 1-d list of ints",
    "errors_numpy.histogram_bins": "Autograd Lab supports `{form}` with bins an int or a list of edges",
    "errors_numpy.histogram_range": "np.histogram: range must be a (min, max) pair of numbers",
    "errors_numpy.multi_dot_work": "np.linalg.multi_dot of {count} arrays up to {rows} x {columns} would "
                                   "take about {work} arithmetic steps in one call; the limit is {limit} "
                                   "per call",
    "errors_numpy.einsum_length": "Autograd Lab supports einsum subscripts of at most {count} characters",
    "errors_numpy.einsum_work": "np.einsum('{subscripts}') of shapes {shapes} would take about {work} "
                                "arithmetic steps in one call; the limit is {limit} per call",
    "errors_numpy.positions_kind": "{what}: the positions must be integers or booleans",
    # session 28: np.random.default_rng's Generator (numpy_generators.py), torch.testing (torch_testing.py)
    "errors_numpy.generator_member": "`Generator.{name}` is not supported in Autograd Lab (a Generator "
                                     "offers {names})",
    "errors_numpy.generator_method": "`Generator.{name}` is a method: call it, as in `rng.{name}(...)`",
    "errors_numpy.generator_count": "the program makes more than {limit} NumPy random generators",
    "errors_numpy.seed_call": "Autograd Lab supports `np.random.{name}(seed)` with one seed",
    "errors_numpy.seed_type": "np.random.{name}() takes an int seed (or a list of ints) in Autograd Lab",
    "errors_numpy.generator_out": "`Generator.{name}(out=...)` is not supported in Autograd Lab; use the "
                                  "result",
    "errors_numpy.generator_values": "Autograd Lab supports `{what}` with numbers, numpy arrays and lists of "
                                     "numbers",
    "errors_numpy.choice_work": "{label}.choice(replace=False, p=...) of {count} from {population} would "
                                "take about {work} arithmetic steps; the limit is {limit} per call",
    # session 29 (red team): work limits of np.unique(axis=), np.quantile, np.histogram, choice(p=...)
    "errors_numpy.choice_lookups": "{label}.choice(p=...) of {count} from {population} would take about "
                                   "{work} arithmetic steps; the limit is {limit} per call",
    "errors_numpy.unique_axis_work": "np.unique(axis=) of shape {shape} would take about {work} arithmetic "
                                     "steps in one call; the limit is {limit} per call",
    "errors_numpy.quantile_work": "np.{name} at {count} q's of {values} values would take about {work} "
                                  "arithmetic steps in one call; the limit is {limit} per call",
    "errors_numpy.histogram_work": "np.histogram of {values} values in {edges} edges would take about {work} "
                                   "arithmetic steps in one call; the limit is {limit} per call",
    # session 31: np.partition, np.searchsorted (numpy_order.py)
    "errors_numpy.partition_work": "np.{name} at {count} kth's of {values} values would take about {work} "
                                   "arithmetic steps in one call; the limit is {limit} per call",
    "errors_numpy.searchsorted_side": "np.searchsorted: side must be 'left' or 'right'",
    "errors_numpy.array_shape_set": "a numpy array's shape must be an int or a tuple of ints",
    "errors_numpy.polyfit_work": "np.polyfit of degree {deg} at {points} points would take about {work} "
                                 "arithmetic steps in one call; the limit is {limit} per call",
    "errors_numpy.polyval_work": "np.polyval of {count} coefficients at {points} points would take about "
                                 "{work} arithmetic steps in one call; the limit is {limit} per call",
    "errors_numpy.multivariate_work": "Generator.multivariate_normal of {draws} draws in {dims} dimensions "
                                      "would take about {work} arithmetic steps in one call; the limit is "
                                      "{limit} per call",
    "errors_numpy.multivariate_call": "Autograd Lab supports `rng.multivariate_normal(mean, cov, size=None, "
                                      "check_valid='warn', tol=1e-8, method='svd')`",
    "errors_numpy.flag_value": "`{call}({name}=...)` takes True or False in Autograd Lab",
    "errors_numpy.number_value": "`{call}({name}=...)` takes a number in Autograd Lab",
    "errors_numpy.string_value": "`{call}(msg=...)` takes a string in Autograd Lab",
    "errors_numpy.close_values": "Autograd Lab's torch.testing.assert_close compares tensors, numbers, numpy "
                                 "arrays and lists, tuples or dicts of them",
    "errors_numpy.close_depth": "Autograd Lab's torch.testing.assert_close compares lists nested at most "
                                "{depth} deep",
    "errors_numpy.close_items": "Autograd Lab's torch.testing.assert_close compares at most {count} values "
                                "in lists, tuples and dicts; compare tensors instead",
    "errors_numpy.close_keys": "Autograd Lab's torch.testing.assert_close compares dicts with plain keys",
    # session 30 (breadth): slice(), typing's forms, np.mgrid / np.r_ / np.ix_ (lang/slice_values.py,
    # typing_module.py, numpy_grids.py)
    "errors_numpy.grid_numbers": "{what}[...] takes slices of numbers in Autograd Lab "
                                 "(e.g. np.mgrid[0:3, 0:2], np.mgrid[-1:1:5j])",
    "errors_numpy.grid_directive": "{what}[...] with the string directive {text} is not supported in "
                                   "Autograd Lab (only slices, numbers and arrays)",
    "errors_numpy.grid_axes": "{what}[...] of more than {count} axes is not supported in Autograd Lab",
    "errors_numpy.ix_sequences": "np.ix_ of more than {count} sequences is not supported in Autograd Lab",
    "errors_numpy.range_search": "`range.{name}()` of a value that is not an int is not supported in "
                                 "Autograd Lab",
    "errors_numpy.typing_type": "{type} in a typing form is not supported in Autograd Lab",
    "errors_numpy.typing_string": "forward references (a type written as a string) in typing forms are not "
                                  "supported in Autograd Lab; write the type itself, e.g. List[int]",
    "errors_numpy.typing_value": "a typing form of a {type} value is not supported in Autograd Lab; give it "
                                 "types, e.g. List[int], Dict[str, float], Optional[torch.Tensor]",
    "errors_numpy.typing_count": "typing forms of more than {count} types are not supported in Autograd Lab",
    "errors_numpy.typing_depth": "typing forms nested more than {count} deep are not supported in "
                                 "Autograd Lab",
    "errors_numpy.typing_parts": "typing forms of more than {count} types in all are not supported in "
                                 "Autograd Lab",
    "errors_numpy.nditer_call": "Autograd Lab supports `np.nditer(a, op_flags=[...], order=...)` and "
                                "`np.nditer([a, b], flags=['external_loop'])` over arrays and numbers (flags "
                                "external_loop, buffered, zerosize_ok, grow_inner, multi_index, c_index, "
                                "f_index)",
    "errors_numpy.nditer_operands": "np.nditer over more than {count} operands is not supported in Autograd "
                                    "Lab",
    "errors_numpy.flat_index": "a.flat[...] takes an int, a slice, `...` or a list or array of ints or bools "
                               "in Autograd Lab",
    # session 30 (numpy_counting.py)
    "errors_numpy.pad_widths": "Autograd Lab supports `np.pad(array, pad_width, ...)` with whole-number pad "
                               "widths",
    "errors_numpy.pad_keywords": "Autograd Lab supports `np.pad(array, pad_width, mode='constant', ...)` "
                                 "with the keywords constant_values, end_values, reflect_type and "
                                 "stat_length",
    "errors_numpy.pad_mode": "Autograd Lab supports `np.pad` with a mode named by a string, such as "
                             "'constant'",
    "errors_numpy.dataclass_target": "`dataclass` on anything but a class of your program is not supported "
                                     "in Autograd Lab",
    "errors_numpy.dataclass_exception": "`@dataclass` on an exception class is not supported in "
                                        "Autograd Lab",
    "errors_numpy.class_decorator": "the decorator `@{name}` on a class is not supported in Autograd Lab "
                                    "(only `@dataclass`)",
    "errors_numpy.asdict_depth": "asdict/astuple met values nested more than {count} deep; the limit is "
                                 "{limit}",
    "errors_numpy.isinstance_form": "isinstance() with the typing form {form} is not supported in Autograd "
                                    "Lab; check the type itself, e.g. isinstance(x, list)",
    "errors_numpy.import_star_def": "import * only allowed at module level",
    "errors_numpy.named_tuple_call": "Autograd Lab supports `NamedTuple('Name', [('field', type), ...])` and "
                                     "`class Name(NamedTuple):`",
    # session 31 (red team)
    "errors_numpy.pad_empty": "`np.pad(mode='empty')` is not supported in Autograd Lab: its padding would be "
                              "uninitialised memory; use mode='constant'",
}

ZH = {
    "errors_numpy.positions_kind": "{what}：位置必须是整数或布尔值",
    "errors_numpy.einsum_length": "Autograd Lab 支持最多 {count} 个字符的 einsum 下标字符串",
    "errors_numpy.einsum_work": "形状为 {shapes} 的 np.einsum('{subscripts}') 一次调用约需 {work} 步运算；"
                                "每次调用的限制是 {limit}",
    "errors_numpy.scalar_in_place": "numpy 标量没有会修改自身的 `.{name}()`；请使用数组",
    "errors_numpy.take_indices": "a.take()：索引必须是整数",
    "errors_numpy.method_no_args": "Autograd Lab 支持不带参数的 `.{name}()`",
    "errors_numpy.must_be_int": "{what} 必须是整数",
    "errors_numpy.must_be_bool": "{what} 必须是 True 或 False",
    "errors_numpy.where_call": "Autograd Lab 支持 `np.where(condition, x, y)` 和 `np.where(condition)`",
    "errors_numpy.repeat_counts": "np.repeat：repeats 必须是整数或一维整数列表",
    "errors_numpy.histogram_bins": "Autograd Lab 支持 `{form}`，其中 bins 是整数或边界列表",
    "errors_numpy.histogram_range": "np.histogram：range 必须是由两个数组成的 (min, max)",
    "errors_numpy.multi_dot_work": "{count} 个最大为 {rows} x {columns} 的数组的 np.linalg.multi_dot "
                                   "一次调用约需 {work} 步运算；每次调用的限制是 {limit}",
    "errors_numpy.takes_array": "{what}：Autograd Lab 在这里需要一个 numpy 数组；请先用 np.array(...) 创建",
    "errors_numpy.float_index": "只有整数、切片（`:`）、省略号（`...`）、numpy.newaxis（`None`）"
                                "以及整数或布尔数组可以用作下标",
    "errors_numpy.write_value": "Autograd Lab 只能把数字或 numpy 数组写入 numpy 数组（而不是 {type}）",
    "errors_numpy.sleep": "Autograd Lab 不支持 `{name}`：程序等待只会用掉它的运行时间上限",
    "errors_numpy.dtype_name": "无法识别的数据类型 '{name}'",
    "errors_numpy.linalg_call": "Autograd Lab 支持不带关键字参数的 `np.linalg.{name}({shape})`",
    "errors_numpy.linalg_norm": "Autograd Lab 支持 `np.linalg.norm(x, ord=None)`（不带 axis）",
    "errors_numpy.warning_category": "category 必须是 Warning 的子类",
    "errors_numpy.removed_function": "这个函数自 1.9 版起已弃用，现在已被移除。请改用 `{name}` 函数。",
    "errors_numpy.diag_k": "Autograd Lab 支持 `np.diag(v, k)`，其中 k 是整数",
    "errors_numpy.round_decimals": "Autograd Lab 支持 `a.round(decimals)`，其中 decimals 是整数",
    "errors_numpy.print_whole": "np.set_printoptions：{name} 必须是整数",
    "errors_numpy.print_suppress": "np.set_printoptions：suppress 必须是 True 或 False",
    "errors_numpy.print_range": "np.set_printoptions：在 Autograd Lab 中 {name} 必须在 {low} 到 {high} 之间",
    "errors_numpy.linalg_result_call": "Autograd Lab 支持 `np.linalg.{name}({shape})`",
    "errors_numpy.qr_mode": "Autograd Lab 支持 `np.linalg.qr(a, mode=...)`，其中 mode 为 'reduced'、"
                            "'complete' 或 'r'",
    "errors_numpy.svd_flag": "在 np.linalg.svd 中，Autograd Lab 支持 `{word}=True` 或 `False`",
    "errors_numpy.lru_typed": "在 functools.lru_cache 中，Autograd Lab 支持 `typed=True` 或 `False`",
    "errors_numpy.scalar_round": "Autograd Lab 支持 `x.round(decimals)`，其中 decimals 是整数",
    "errors_numpy.linalg_plain": "作为 {what}，Autograd Lab 支持数字、None、短字符串和整数元组",
    "errors_numpy.multi_dot_count": "Autograd Lab 支持最多 {count} 个数组的 np.linalg.multi_dot",
    "errors_numpy.linalg_dtype": "Autograd Lab 支持不带 dtype= 的 `np.linalg.{name}(...)`",
    "errors_numpy.tensordot_axes": "Autograd Lab 支持 `np.tensordot(a, b, axes)`，其中 axes 是整数，"
                                   "或由整数或整数列表组成的一对",
    "errors_numpy.count_axis": "Autograd Lab 支持 np.count_nonzero 的 axis 为整数或整数元组",
    "errors_numpy.count_keepdims": "在 np.count_nonzero 中，Autograd Lab 支持 `keepdims=True` 或 `False`",
    "errors_numpy.conj_call": "Autograd Lab 支持不带参数的 `a.conj()`",
    "errors_numpy.triangle_call": "Autograd Lab 支持 `np.{name}(m, k=0)`",
    "errors_numpy.triangle_k": "Autograd Lab 支持 `np.{name}(m, k)`，其中 k 是整数",
    "errors_numpy.module_constant": "Autograd Lab 不支持把 `{name}` 设为 {kind} 类型的值"
                                    "（只能是 int、float 或不带计算图的单元素张量）",
    "errors_numpy.join_parts": "np.{name}() 需要一个由数组组成的列表或元组",
    "errors_numpy.axis_int": "axis 必须是整数",
    "errors_numpy.split_call": "Autograd Lab 支持 `np.{name}(x, sections)` 和 `np.{name}(x, (i, j))`",
    "errors_numpy.split_points": "np.{name}()：分割点必须是整数",
    "errors_numpy.split_sections": "np.{name}()：sections 必须是整数或整数列表",
    "errors_numpy.generator_member": "Autograd Lab 不支持 `Generator.{name}`（Generator 提供 {names}）",
    "errors_numpy.generator_method": "`Generator.{name}` 是一个方法：请调用它，例如 `rng.{name}(...)`",
    "errors_numpy.generator_count": "程序创建的 NumPy 随机数生成器超过 {limit} 个",
    "errors_numpy.seed_call": "Autograd Lab 支持只带一个种子的 `np.random.{name}(seed)`",
    "errors_numpy.seed_type": "在 Autograd Lab 中 np.random.{name}() 需要一个整数种子（或整数列表）",
    "errors_numpy.generator_out": "Autograd Lab 不支持 `Generator.{name}(out=...)`；请直接使用返回值",
    "errors_numpy.generator_values": "Autograd Lab 支持用数字、numpy 数组和数字列表调用 `{what}`",
    "errors_numpy.choice_work": "{label}.choice(replace=False, p=...) 从 {population} 个中抽取 {count} 个"
                                "大约需要 {work} 步运算；每次调用的上限是 {limit}",
    "errors_numpy.choice_lookups": "{label}.choice(p=...) 从 {population} 个中抽取 {count} 个大约需要 {work} "
                                   "步运算；每次调用的上限是 {limit}",
    "errors_numpy.unique_axis_work": "形状为 {shape} 的 np.unique(axis=) 一次调用约需 {work} 步运算；"
                                     "每次调用的限制是 {limit}",
    "errors_numpy.quantile_work": "对 {values} 个值求 {count} 个分位点的 np.{name} 一次调用约需 {work} "
                                  "步运算；每次调用的限制是 {limit}",
    "errors_numpy.histogram_work": "把 {values} 个值放入 {edges} 个边界的 np.histogram 一次调用约需 {work} 步"
                                   "运算；每次调用的限制是 {limit}",
    "errors_numpy.partition_work": "在 {values} 个值上按 {count} 个 kth 做 np.{name}，一次调用约需 {work} "
                                   "步运算；每次调用的限制是 {limit}",
    "errors_numpy.searchsorted_side": "np.searchsorted：side 必须是 'left' 或 'right'",
    "errors_numpy.array_shape_set": "numpy 数组的 shape 必须是整数或由整数组成的元组",
    "errors_numpy.polyfit_work": "在 {points} 个点上做 {deg} 次的 np.polyfit 一次调用约需 {work} 步运算；"
                                 "每次调用的限制是 {limit}",
    "errors_numpy.polyval_work": "在 {points} 个点上求 {count} 个系数的 np.polyval 一次调用约需 {work} "
                                 "步运算；每次调用的限制是 {limit}",
    "errors_numpy.multivariate_work": "在 {dims} 维中抽取 {draws} 次的 Generator.multivariate_normal 一次调用"
                                      "约需 {work} 步运算；每次调用的限制是 {limit}",
    "errors_numpy.multivariate_call": "Autograd Lab 支持 `rng.multivariate_normal(mean, cov, size=None, "
                                      "check_valid='warn', tol=1e-8, method='svd')`",
    "errors_numpy.flag_value": "在 Autograd Lab 中 `{call}({name}=...)` 只接受 True 或 False",
    "errors_numpy.number_value": "在 Autograd Lab 中 `{call}({name}=...)` 需要一个数字",
    "errors_numpy.string_value": "在 Autograd Lab 中 `{call}(msg=...)` 需要一个字符串",
    "errors_numpy.close_values": "Autograd Lab 的 torch.testing.assert_close 只比较张量、数字、numpy 数组"
                                 "以及由它们组成的列表、元组或字典",
    "errors_numpy.close_depth": "Autograd Lab 的 torch.testing.assert_close 比较的列表最多嵌套 {depth} 层",
    "errors_numpy.close_items": "Autograd Lab 的 torch.testing.assert_close 在列表、元组和字典中最多比较 "
                                "{count} 个值；请改为比较张量",
    "errors_numpy.close_keys": "Autograd Lab 的 torch.testing.assert_close 只比较键为普通值的字典",
    "errors_numpy.grid_numbers": "在 Autograd Lab 中 {what}[...] 只接受由数字组成的切片"
                                 "（例如 np.mgrid[0:3, 0:2]、np.mgrid[-1:1:5j]）",
    "errors_numpy.grid_directive": "Autograd Lab 不支持带字符串指令 {text} 的 {what}[...]"
                                   "（只接受切片、数字和数组）",
    "errors_numpy.grid_axes": "Autograd Lab 不支持超过 {count} 个轴的 {what}[...]",
    "errors_numpy.ix_sequences": "Autograd Lab 不支持超过 {count} 个序列的 np.ix_",
    "errors_numpy.range_search": "Autograd Lab 不支持对非整数的值调用 `range.{name}()`",
    "errors_numpy.typing_type": "Autograd Lab 不支持在 typing 类型形式中使用 {type}",
    "errors_numpy.typing_string": "Autograd Lab 不支持 typing 类型形式中的前向引用（写成字符串的类型）；"
                                  "请直接写出类型，例如 List[int]",
    "errors_numpy.typing_value": "Autograd Lab 不支持由 {type} 值构成的 typing 类型形式；请给出类型，"
                                 "例如 List[int]、Dict[str, float]、Optional[torch.Tensor]",
    "errors_numpy.typing_count": "Autograd Lab 不支持超过 {count} 个类型的 typing 类型形式",
    "errors_numpy.typing_depth": "Autograd Lab 不支持嵌套超过 {count} 层的 typing 类型形式",
    "errors_numpy.typing_parts": "Autograd Lab 不支持总共超过 {count} 个类型的 typing 类型形式",
    "errors_numpy.nditer_call": "Autograd Lab 支持对数组和数字调用 "
                                "`np.nditer(a, op_flags=[...], order=...)` 和 "
                                "`np.nditer([a, b], flags=['external_loop'])`"
                                "（flags 只能是 external_loop、buffered、zerosize_ok、grow_inner、"
                                "multi_index、c_index、f_index）",
    "errors_numpy.nditer_operands": "Autograd Lab 不支持对超过 {count} 个操作数调用 np.nditer",
    "errors_numpy.flat_index": "在 Autograd Lab 中 a.flat[...] 只接受整数、切片、`...`，"
                               "或由整数或布尔值组成的列表或数组",
    "errors_numpy.pad_widths": "Autograd Lab 支持 `np.pad(array, pad_width, ...)`，其中填充宽度是整数",
    "errors_numpy.pad_keywords": "Autograd Lab 支持 `np.pad(array, pad_width, mode='constant', ...)`，"
                                 "关键字参数只能是 constant_values、end_values、reflect_type 和 stat_length",
    "errors_numpy.pad_mode": "Autograd Lab 支持用字符串指定模式的 `np.pad`，例如 'constant'",
    "errors_numpy.dataclass_target": "Autograd Lab 只支持对你程序中的类使用 `dataclass`",
    "errors_numpy.dataclass_exception": "Autograd Lab 不支持在异常类上使用 `@dataclass`",
    "errors_numpy.class_decorator": "Autograd Lab 不支持类上的装饰器 `@{name}`（只支持 `@dataclass`）",
    "errors_numpy.asdict_depth": "asdict/astuple 遇到嵌套超过 {count} 层的值；上限是 {limit}",
    "errors_numpy.isinstance_form": "Autograd Lab 不支持用 typing 类型形式 {form} 调用 isinstance()；"
                                    "请直接检查类型本身，例如 isinstance(x, list)",
    "errors_numpy.import_star_def": "`import *` 只能用在模块的顶层（不能写在函数里）",
    "errors_numpy.named_tuple_call": "Autograd Lab 支持 `NamedTuple('Name', [('field', type), ...])` 和 "
                                     "`class Name(NamedTuple):` 两种写法",
    "errors_numpy.pad_empty": "Autograd Lab 不支持 `np.pad(mode='empty')`：其填充部分将是未初始化的内存；"
                              "请使用 mode='constant'",
}
