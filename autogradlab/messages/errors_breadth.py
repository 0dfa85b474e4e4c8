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
    "errors_breadth.poly_terms": "{what} would make a polynomial of {terms} coefficients; the limit is "
                                 "{limit} per polynomial",
    "errors_breadth.poly_work": "{what} would take about {work} arithmetic steps in one call; the limit is "
                                "{limit} per call",
    "errors_breadth.poly_variable": "np.poly1d's variable= takes a name of at most {count} characters in "
                                    "Autograd Lab",
    "errors_breadth.poly_r": "np.poly1d's r= takes True or False in Autograd Lab",
    "errors_breadth.poly_attribute": "the attribute `.{name}` of np.poly1d is not supported in Autograd Lab "
                                     "(supported: coeffs, order, roots, variable, deriv(), integ())",
    "errors_breadth.poly_method": "the method `.{name}()` of np.poly1d is not supported in Autograd Lab "
                                  "(supported: deriv(m=1), integ(m=1, k=0))",
    "errors_breadth.poly_order": "Autograd Lab supports `p.deriv(m)` and `p.integ(m)` with a whole number m",
    "errors_breadth.poly_call": "Autograd Lab supports `p(x)` with one argument",
    "errors_breadth.poly_index": "np.poly1d's `p[k]` takes an int (the power of x) in Autograd Lab",
    "errors_breadth.poly_write": "np.poly1d's `p[k] = value` takes a number in Autograd Lab",
    "errors_breadth.poly_constant": "Autograd Lab supports `p.integ(m, k)` with a number or numbers k",
    "errors_breadth.field_marker": "`{name}[...]` is supported as a dataclass field's annotation only in "
                                   "Autograd Lab",
    "errors_breadth.field_type": "`f.type` of a field whose annotation is more than a name or "
                                 "`List[int]`-like type is not supported in Autograd Lab",
    "errors_breadth.field_outside": "`f.{name}` of a field outside a dataclass is not supported in Autograd "
                                    "Lab",
    "errors_breadth.field_missing": "`f.{name}` of a field without one (dataclasses.MISSING) is not "
                                    "supported in Autograd Lab",
    "errors_breadth.polynomial_coefficients": "{what} takes coefficients (a list or array) in Autograd Lab, "
                                              "not a Polynomial",
    "errors_breadth.polynomial_arguments": "Autograd Lab supports `p.{name}()` with at most one argument and "
                                           "no keywords",
    "errors_breadth.polynomial_symbol": "Polynomial's symbol= takes a name of at most 20 characters in "
                                        "Autograd Lab",
    "errors_breadth.polynomial_degree": "{what}: Autograd Lab supports a whole-number degree",
    "errors_breadth.polynomial_attribute": "the attribute `.{name}` of np.polynomial.Polynomial is not "
                                           "supported in Autograd Lab (supported: {names}, {methods}())",
    "errors_breadth.polynomial_method": "the method `.{name}()` of np.polynomial.Polynomial is not supported "
                                        "in Autograd Lab (supported: {methods}())",
    "errors_breadth.polynomial_call": "Autograd Lab supports `p(x)` of a Polynomial with one number, list or "
                                      "array",
    "errors_breadth.polynomial_class": "`Polynomial.{name}` is not supported in Autograd Lab (supported: "
                                       "Polynomial.fit)",
    "errors_breadth.polynomial_order": "Autograd Lab supports `{name}(c, m)` with a whole number m",
    "errors_breadth.polynomial_whole": "Autograd Lab supports `p.{name}(m)` with a whole number",
    "errors_breadth.polynomial_interval": "Polynomial's {word}= takes two numbers in Autograd Lab",
    "errors_breadth.strings_chars": "{what} would make a string array of {elements} elements of {width} "
                                    "characters ({chars} in all); the limit is {limit}",
    "errors_breadth.strings_dtype_attribute": "the attribute `.{name}` of a string dtype is not supported in "
                                              "Autograd Lab",
    "errors_breadth.strings_attribute": "the attribute `.{name}` of a numpy array of strings is not "
                                        "supported in Autograd Lab (supported: {names}, tolist(), astype(), "
                                        "indexing, ==)",
    "errors_breadth.strings_method": "the method `.{name}()` of a numpy array of strings is not supported in "
                                     "Autograd Lab (supported: tolist(), astype(str), astype(a number type), "
                                     "copy(), take())",
    "errors_breadth.strings_index": "a numpy array of strings takes ints, slices, a mask or an int array as "
                                    "index in Autograd Lab",
    "errors_breadth.strings_one_index": "index a numpy array of strings with one array at a time in "
                                        "Autograd Lab",
    "errors_breadth.strings_kinds": "Autograd Lab supports numpy arrays of numbers, or of strings",
    "errors_breadth.structured_arrays": "structured arrays (`np.array(data, dtype=[(name, type), ...])`) are "
                                        "not supported in Autograd Lab",
    "errors_breadth.isscalar_call": "Autograd Lab supports `np.isscalar(element)`",
    "errors_breadth.size_axis": "Autograd Lab supports `np.size(a, axis=None)` with axis an int",
    "errors_breadth.choose_count": "Autograd Lab supports `np.choose` with at most 32 choices",
    "errors_breadth.vectorize_otypes": "Autograd Lab supports `np.vectorize(pyfunc, otypes=None)` with one "
                                       "output type",
    "errors_breadth.vectorize_function": "Autograd Lab supports `np.vectorize(pyfunc, otypes=None)` of a "
                                         "function",
    "errors_breadth.vectorize_keywords": "Autograd Lab supports calling an np.vectorize function with "
                                         "positional arguments only",
    "errors_breadth.vectorize_result": "Autograd Lab supports np.vectorize of a function that returns one "
                                       "number",
    "errors_breadth.vectorize_inputs": "Autograd Lab supports np.vectorize over numbers and numpy arrays",
    "errors_breadth.isfortran_call": "Autograd Lab supports `np.isfortran(a)` of a numpy array",
    "errors_breadth.block_depth": "Autograd Lab supports `np.block` of lists nested at most {depth} deep",
    "errors_breadth.char_inputs": "{what} takes strings, lists of strings or numpy arrays of strings in "
                                  "Autograd Lab",
    "errors_breadth.int_or_none": "{what} must be an int or None",
    "errors_breadth.char_multiply": "Autograd Lab supports `np.char.multiply(a, i)` with i an int",
    "errors_breadth.char_width": "Autograd Lab supports `np.char.{name}(a, width)` with width an int",
    "errors_breadth.random_state_member": "`RandomState.{name}` is not supported in Autograd Lab (a "
                                          "RandomState offers {names})",
    "errors_breadth.random_state_method": "`RandomState.{name}` is a method: call it, as in `rs.{name}(...)`",
    "errors_breadth.new_shape_negative": "all elements of `new_shape` must be non-negative",
    "errors_breadth.pair_of_numbers": "{what} must be a pair of numbers",
    "errors_breadth.sliding_mode": "Autograd Lab supports `{form}` with mode 'full', 'same' or 'valid'",
    "errors_breadth.bin_rules": "Autograd Lab supports `{form}` with bins an int, a list of edges or one of "
                                "{rules}",
    "errors_breadth.bins_kind": "`bins` must be an integer, a string, or an array",
    "errors_breadth.np_testing_values": "Autograd Lab's np.testing.{name} compares numbers, numpy arrays and "
                                        "lists or tuples of them",
    "errors_breadth.np_testing_items": "Autograd Lab's np.testing.{name} compares at most {count} values in "
                                       "lists and tuples; compare arrays instead",
    "errors_breadth.np_testing_text": "`{call}({name}=...)` takes a string in Autograd Lab",
    "errors_breadth.object_kind_call": "Autograd Lab supports `np.{name}(x)` of arrays, lists and numbers",
    "errors_breadth.strings_operator": "the operator `{op}` on numpy arrays of strings is not supported in "
                                       "Autograd Lab (supported: ==, !=)",
    "errors_breadth.strings_compare": "numpy arrays of strings compare with a string or another such array "
                                      "in Autograd Lab",
    "errors_breadth.strings_write": "a numpy array of strings takes strings or numbers in Autograd Lab",
    "errors_breadth.strings_in": "`x in` a numpy array of strings takes a string in Autograd Lab",
    "errors_breadth.strings_chars_hint": "use fewer or shorter strings",
    "errors_breadth.poly_work_hint": "use a polynomial of lower degree (limit max_call_work)",
    "errors_breadth.poly_terms_hint": "use a polynomial of lower degree",
    "errors_breadth.poly_text": "the text of a Polynomial of {terms} coefficients would take too long to "
                                "write; the limit is {limit} coefficients",
    "errors_breadth.poly_text_hint": "print p.coef instead",
    "errors_breadth.strings_compared": "`{op}` of string arrays would compare {pairs} pairs of up to {width} "
                                       "characters ({chars} in all); the limit is {limit}",
}

ZH = {
    "errors_breadth.nditer_attribute": "Autograd Lab 不支持 np.nditer 的属性 `.{name}`"
                                       "（支持：{names}、iternext()、it[i]）",
    "errors_breadth.nditer_method": "Autograd Lab 不支持 np.nditer 的方法 `.{name}()`（支持：iternext()）",
    "errors_breadth.nditer_index": "在 Autograd Lab 中 np.nditer 的 `it[i]` 只接受整数（操作数的序号）",
    "errors_breadth.nditer_write": "在 Autograd Lab 中 np.nditer 的 `it[i] = value` 只接受数字或数组",
    "errors_breadth.poly_terms": "{what} 会得到一个有 {terms} 个系数的多项式；每个多项式的上限是 {limit}",
    "errors_breadth.poly_work": "{what} 一次调用约需 {work} 步运算；每次调用的上限是 {limit}",
    "errors_breadth.poly_text": "写出有 {terms} 个系数的 Polynomial 的文本太耗时；上限是 {limit} 个系数",
    "errors_breadth.poly_text_hint": "改为打印 p.coef",
    "errors_breadth.strings_compared": "字符串数组的 `{op}` 会比较 {pairs} 对、每对最多 {width} 个字符"
                                       "（共 {chars} 个）；上限是 {limit}",
    "errors_breadth.poly_variable": "在 Autograd Lab 中 np.poly1d 的 variable= "
                                    "只接受最多 {count} 个字符的名字",
    "errors_breadth.poly_r": "在 Autograd Lab 中 np.poly1d 的 r= 只接受 True 或 False",
    "errors_breadth.poly_attribute": "Autograd Lab 不支持 np.poly1d 的属性 `.{name}`"
                                     "（支持：coeffs、order、roots、variable、deriv()、integ()）",
    "errors_breadth.poly_method": "Autograd Lab 不支持 np.poly1d 的方法 `.{name}()`"
                                  "（支持：deriv(m=1)、integ(m=1, k=0)）",
    "errors_breadth.poly_order": "Autograd Lab 支持 `p.deriv(m)` 和 `p.integ(m)`，其中 m 为整数",
    "errors_breadth.poly_call": "Autograd Lab 支持只带一个参数的 `p(x)`",
    "errors_breadth.poly_index": "在 Autograd Lab 中 np.poly1d 的 `p[k]` 只接受整数（x 的幂次）",
    "errors_breadth.poly_write": "在 Autograd Lab 中 np.poly1d 的 `p[k] = value` 只接受数字",
    "errors_breadth.poly_constant": "Autograd Lab 支持 `p.integ(m, k)`，其中 k 为一个或多个数字",
    "errors_breadth.field_marker": "在 Autograd Lab 中 `{name}[...]` 只能用作 dataclass 字段的注解",
    "errors_breadth.field_type": "Autograd Lab 不支持读取注解不是名字或 `List[int]` "
                                 "这类类型的字段的 `f.type`",
    "errors_breadth.field_outside": "Autograd Lab 不支持读取 dataclass 之外的字段的 `f.{name}`",
    "errors_breadth.field_missing": "Autograd Lab 不支持读取没有该值（dataclasses.MISSING）"
                                    "的字段的 `f.{name}`",
    "errors_breadth.polynomial_coefficients": "在 Autograd Lab 中 {what} 接受系数（列表或数组），"
                                              "而不是 Polynomial",
    "errors_breadth.polynomial_arguments": "Autograd Lab 支持最多一个参数、不带关键字参数的 `p.{name}()`",
    "errors_breadth.polynomial_symbol": "在 Autograd Lab 中 Polynomial 的 symbol= 只接受最多 20 个字符的名字",
    "errors_breadth.polynomial_degree": "{what}：Autograd Lab 只支持整数次数",
    "errors_breadth.polynomial_attribute": "Autograd Lab 不支持 np.polynomial.Polynomial 的属性 `.{name}`"
                                           "（支持：{names}、{methods}()）",
    "errors_breadth.polynomial_method": "Autograd Lab 不支持 np.polynomial.Polynomial 的方法 `.{name}()`"
                                        "（支持：{methods}()）",
    "errors_breadth.polynomial_call": "Autograd Lab 支持用一个数字、列表或数组调用 Polynomial 的 `p(x)`",
    "errors_breadth.polynomial_class": "Autograd Lab 不支持 `Polynomial.{name}`（支持：Polynomial.fit）",
    "errors_breadth.polynomial_order": "Autograd Lab 支持 `{name}(c, m)`，其中 m 为整数",
    "errors_breadth.polynomial_whole": "Autograd Lab 支持 `p.{name}(m)`，其中 m 为整数",
    "errors_breadth.polynomial_interval": "在 Autograd Lab 中 Polynomial 的 {word}= 只接受两个数字",
    "errors_breadth.strings_chars": "{what} 会得到一个有 {elements} 个元素、每个 {width} 个字符的字符串数组"
                                    "（共 {chars} 个）；上限是 {limit}",
    "errors_breadth.strings_dtype_attribute": "Autograd Lab 不支持字符串 dtype 的属性 `.{name}`",
    "errors_breadth.strings_attribute": "Autograd Lab 不支持字符串 numpy 数组的属性 `.{name}`"
                                        "（支持：{names}、tolist()、astype()、索引、==）",
    "errors_breadth.strings_method": "Autograd Lab 不支持字符串 numpy 数组的方法 `.{name}()`"
                                     "（支持：tolist()、astype(str)、astype(数值类型)、copy()、take()）",
    "errors_breadth.strings_index": "在 Autograd Lab 中字符串 numpy 数组的索引只能是整数、切片、"
                                    "掩码或整数数组",
    "errors_breadth.strings_one_index": "在 Autograd Lab 中索引字符串 numpy 数组时一次只能用一个数组",
    "errors_breadth.strings_kinds": "Autograd Lab 支持由数字或字符串组成的 numpy 数组",
    "errors_breadth.structured_arrays": "Autograd Lab 不支持结构化数组"
                                        "（`np.array(data, dtype=[(name, type), ...])`）",
    "errors_breadth.isscalar_call": "Autograd Lab 支持 `np.isscalar(element)`",
    "errors_breadth.size_axis": "Autograd Lab 支持 `np.size(a, axis=None)`，其中 axis 为整数",
    "errors_breadth.choose_count": "Autograd Lab 支持的 `np.choose` 最多有 32 个选项",
    "errors_breadth.vectorize_otypes": "Autograd Lab 支持 `np.vectorize(pyfunc, otypes=None)`，"
                                       "且只有一种输出类型",
    "errors_breadth.vectorize_function": "Autograd Lab 支持对函数使用 `np.vectorize(pyfunc, otypes=None)`",
    "errors_breadth.vectorize_keywords": "在 Autograd Lab 中调用 np.vectorize 得到的函数时只能使用位置参数",
    "errors_breadth.vectorize_result": "Autograd Lab 支持的 np.vectorize 函数必须返回一个数字",
    "errors_breadth.vectorize_inputs": "Autograd Lab 支持对数字和 numpy 数组使用 np.vectorize",
    "errors_breadth.isfortran_call": "Autograd Lab 支持对 numpy 数组使用 `np.isfortran(a)`",
    "errors_breadth.block_depth": "Autograd Lab 支持的 `np.block` 列表最多嵌套 {depth} 层",
    "errors_breadth.char_inputs": "在 Autograd Lab 中 {what} 只接受字符串、字符串列表或字符串 numpy 数组",
    "errors_breadth.int_or_none": "{what} 必须是整数或 None",
    "errors_breadth.char_multiply": "Autograd Lab 支持 `np.char.multiply(a, i)`，其中 i 为整数",
    "errors_breadth.char_width": "Autograd Lab 支持 `np.char.{name}(a, width)`，其中 width 为整数",
    "errors_breadth.random_state_member": "Autograd Lab 不支持 `RandomState.{name}`"
                                          "（RandomState 提供 {names}）",
    "errors_breadth.random_state_method": "`RandomState.{name}` 是一个方法：请调用它，例如 `rs.{name}(...)`",
    "errors_breadth.new_shape_negative": "`new_shape` 的所有元素都必须是非负数",
    "errors_breadth.pair_of_numbers": "{what} 必须是一对数字",
    "errors_breadth.sliding_mode": "Autograd Lab 支持 `{form}`，其中 mode 为 'full'、'same' 或 'valid'",
    "errors_breadth.bin_rules": "Autograd Lab 支持 `{form}`，其中 bins 为整数、边界列表或 {rules} 之一",
    "errors_breadth.bins_kind": "`bins` 必须是整数、字符串或数组",
    "errors_breadth.np_testing_values": "Autograd Lab 的 np.testing.{name} 只比较数字、numpy 数组以及由它们"
                                        "组成的列表或元组",
    "errors_breadth.np_testing_items": "Autograd Lab 的 np.testing.{name} 在列表和元组中最多比较 "
                                       "{count} 个值；请改为比较数组",
    "errors_breadth.np_testing_text": "在 Autograd Lab 中 `{call}({name}=...)` 只接受字符串",
    "errors_breadth.object_kind_call": "Autograd Lab 支持对数组、列表和数字使用 `np.{name}(x)`",
    "errors_breadth.strings_operator": "Autograd Lab 不支持对字符串 numpy 数组使用运算符 `{op}`"
                                       "（支持：==、!=）",
    "errors_breadth.strings_compare": "在 Autograd Lab 中字符串 numpy 数组只能与字符串或另一个这样的数组比较",
    "errors_breadth.strings_write": "在 Autograd Lab 中字符串 numpy 数组只接受字符串或数字",
    "errors_breadth.strings_in": "在 Autograd Lab 中对字符串 numpy 数组使用 `x in` 时 x 只能是字符串",
    "errors_breadth.strings_chars_hint": "使用更少或更短的字符串",
    "errors_breadth.poly_work_hint": "使用次数更低的多项式（限制 max_call_work）",
    "errors_breadth.poly_terms_hint": "使用次数更低的多项式",
}
