"""Session 35 (records): structured arrays and dtypes (lang/numpy_records.py, numpy_record_dtypes.py,
numpy_record_making.py), NumPy's type tree (numpy_type_tree.py); keys recognised by
autogradlab/error_keys_more.py. The English texts give back the engine's sentences exactly."""

EN = {
    "errors_records.object_fields": "object fields ('O') in numpy dtypes are not supported in Autograd Lab",
    "errors_records.too_many_fields": "the structured dtype would have {count} fields; the limit is {limit} "
                                      "in "
                                      "Autograd Lab",
    "errors_records.too_deep": "the structured dtype would have {count} levels of nesting; the limit is "
                               "{limit} "
                               "in Autograd Lab",
    "errors_records.long_text": "the dtype string would have {count} characters; the limit is {limit} in "
                                "Autograd Lab",
    "errors_records.long_name": "a field's name or title would have {count} characters; the limit is {limit} "
                                "in "
                                "Autograd Lab",
    "errors_records.element_bytes": "the dtype '{name}' would have {count} bytes an element; the limit is "
                                    "{limit} in Autograd Lab",
    "errors_records.record_bytes": "the dtype '{name}' would have {count} bytes a record; the limit is "
                                   "{limit} "
                                   "in Autograd Lab",
    "errors_records.dtype_bytes": "the dtype would have {count} bytes a record; the limit is {limit} in "
                                  "Autograd Lab",
    "errors_records.sub_array_size": "the sub-array field would have {count} elements; the limit is {limit} "
                                     "in "
                                     "Autograd Lab",
    "errors_records.too_big_hint": "use fewer fields or shorter strings",
    "errors_records.must_be_string": "a field's name or title must be a string",
    "errors_records.sub_array": "a sub-array shape must be an int or a tuple of ints in Autograd Lab",
    "errors_records.spec_forms": "Autograd Lab supports dtypes named by a string, a numpy type, a list of "
                                 "(name, type) fields or a dict of names and formats",
    "errors_records.field_tuples": "a structured dtype's fields are (name, type) or (name, type, shape) "
                                   "tuples",
    "errors_records.offsets": "a field's offset and a dtype's itemsize are ints from 0 to {limit} in "
                              "Autograd Lab",
    "errors_records.dict_keys": "a dtype dict takes the keys {keys}",
    "errors_records.dict_lists": "a dtype dict's names and formats are lists or tuples",
    "errors_records.dict_offsets": "a dtype dict's offsets are a list or a tuple",
    "errors_records.dict_titles": "a dtype dict's titles are a list or a tuple",
    "errors_records.dict_fields": "a dtype dict of fields maps each name to (type, offset) or "
                                  "(type, offset, title)",
    "errors_records.dtype_kind": "numpy dtypes of kind '{kind}' are not supported in Autograd Lab",
    "errors_records.align": "align= takes True or False",
    "errors_records.fields_method": "the method `.{name}()` of a dtype's fields is not supported in Autograd "
                                    "Lab (supported: keys(), values(), items())",
    "errors_records.dtype_attribute": "the attribute `.{name}` of a numpy dtype is not supported in Autograd "
                                      "Lab",
    "errors_records.field_names": "a dtype's fields are named by strings",
    "errors_records.field_key": "Field key must be an integer field offset, single field name, or list of "
                                "field names.",
    "errors_records.making": "Autograd Lab makes structured arrays of lists of tuples of numbers and strings",
    "errors_records.dtype_call": "Autograd Lab supports `np.dtype(spec)` and `np.dtype(spec, align=True)`",
    "errors_records.result_type": "Autograd Lab supports `np.result_type(*dtypes_or_arrays)`",
    "errors_records.rec_array": "Autograd Lab supports `np.rec.array(data, dtype=...)` and "
                                "`np.rec.array(arr)`",
    "errors_records.array_attribute": "the attribute `.{name}` of a numpy structured array is not supported "
                                      "in Autograd Lab (supported: its fields by name, a['x'], shape, ndim, "
                                      "size, dtype)",
    "errors_records.array_method": "the method `.{name}()` of a numpy structured array is not supported in "
                                   "Autograd Lab (supported: {names})",
    "errors_records.record_attribute": "the attribute `.{name}` of a numpy record is not supported in "
                                       "Autograd "
                                       "Lab (supported: r['x'], r[0], item(), dtype)",
    "errors_records.record_method": "the method `.{name}()` of a numpy record is not supported in Autograd "
                                    "Lab "
                                    "(supported: item(), tolist())",
    "errors_records.record_index": "a numpy record takes a field name or an int index",
    "errors_records.item_ints": "item() takes int indices",
    "errors_records.bytes_attribute": "the attribute `.{name}` of bytes values is not supported in Autograd "
                                      "Lab "
                                      "(supported: decode(), hex(), len(b), b[i], b[i:j], ==)",
    "errors_records.bytes_method": "the method `.{name}()` of bytes values is not supported in Autograd Lab "
                                   "(supported: decode(), hex())",
    "errors_records.decode": "Autograd Lab supports `b.decode(encoding, errors)` with encoding utf-8, ascii, "
                             "latin-1, gbk, gb2312 or gb18030 and errors strict, ignore or replace",
    "errors_records.bytes_like": "a bytes-like object is required, not '{kind}'",
    "errors_records.bytes_array": "Autograd Lab makes arrays of bytes of lists of bytes only",
    "errors_records.void_call": "Autograd Lab supports `np.void(b'...')` and `np.void(length)`",
    "errors_records.repack": "Autograd Lab supports `repack_fields(a)` of a structured array or dtype",
    "errors_records.unstructured": "Autograd Lab supports `structured_to_unstructured(arr, dtype=...)` of a "
                                   "structured array",
    "errors_records.void": "numpy void scalars of no fields are not supported in Autograd Lab",
    "errors_records.index": "a numpy structured array takes ints, slices, a mask, an int array or field "
                            "names "
                            "as index in Autograd Lab",
    "errors_records.values": "a numpy structured array takes numbers, strings, tuples, lists or arrays in "
                             "Autograd Lab",
    "errors_records.operator": "the operator `{op}` on numpy structured arrays is not supported in Autograd "
                               "Lab (supported: ==, !=)",
    "errors_records.compare": "numpy structured arrays compare with another structured array in Autograd Lab",
    "errors_records.view_bytes": "a view of a structured array as another dtype is supported in Autograd Lab "
                                 "only when every byte of its records belongs to a field",
    "errors_records.view_forms": "Autograd Lab supports `a.view(np.recarray)` and `a.view(dtype, type)` of "
                                 "structured arrays, type np.recarray or np.ndarray",
    "errors_records.type_args": "{what} takes dtypes, numpy types or type codes in Autograd Lab",
    "errors_records.issubdtype": "Autograd Lab supports `np.issubdtype(arg1, arg2)`",
    "errors_records.can_cast": "Autograd Lab supports `np.can_cast(from_, to, casting='safe')`",
    "errors_records.casting": "casting must be one of {names}",
    "errors_records.meta_depth": "tensors inside lists nested more than {limit} levels deep are not "
                                 "supported in Autograd Lab",
}

ZH = {
    "errors_records.object_fields": "Autograd Lab 不支持 numpy dtype 中的对象字段（'O'）",
    "errors_records.too_many_fields": "该结构化 dtype 将有 {count} 个字段；Autograd Lab 的上限是 {limit}",
    "errors_records.too_deep": "该结构化 dtype 将嵌套 {count} 层；Autograd Lab 的上限是 {limit}",
    "errors_records.long_text": "该 dtype 字符串将有 {count} 个字符；Autograd Lab 的上限是 {limit}",
    "errors_records.long_name": "字段名或标题将有 {count} 个字符；Autograd Lab 的上限是 {limit}",
    "errors_records.element_bytes": "dtype '{name}' 的每个元素将占 {count} 字节；"
                                    "Autograd Lab 的上限是 {limit}",
    "errors_records.record_bytes": "dtype '{name}' 的每条记录将占 {count} 字节；"
                                   "Autograd Lab 的上限是 {limit}",
    "errors_records.dtype_bytes": "该 dtype 的每条记录将占 {count} 字节；Autograd Lab 的上限是 {limit}",
    "errors_records.sub_array_size": "该子数组字段将有 {count} 个元素；Autograd Lab 的上限是 {limit}",
    "errors_records.too_big_hint": "减少字段，或使用更短的字符串",
    "errors_records.must_be_string": "字段名或标题必须是字符串",
    "errors_records.sub_array": "在 Autograd Lab 中子数组的形状必须是整数或整数元组",
    "errors_records.spec_forms": "Autograd Lab 支持以字符串、numpy 类型、(名称, 类型) 字段列表或"
                                 "名称与格式的字典给出的 dtype",
    "errors_records.field_tuples": "结构化 dtype 的字段是 (名称, 类型) 或 (名称, 类型, 形状) 元组",
    "errors_records.offsets": "在 Autograd Lab 中字段的偏移量和 dtype 的 itemsize 是 0 到 {limit} 的整数",
    "errors_records.dict_keys": "dtype 字典接受的键是 {keys}",
    "errors_records.dict_lists": "dtype 字典的 names 和 formats 是列表或元组",
    "errors_records.dict_offsets": "dtype 字典的 offsets 是列表或元组",
    "errors_records.dict_titles": "dtype 字典的 titles 是列表或元组",
    "errors_records.dict_fields": "字段形式的 dtype 字典把每个名称映射到 "
                                  "(类型, 偏移量) 或 (类型, 偏移量, 标题)",
    "errors_records.dtype_kind": "Autograd Lab 不支持种类为 '{kind}' 的 numpy dtype",
    "errors_records.align": "align= 取 True 或 False",
    "errors_records.fields_method": "Autograd Lab 不支持 dtype 字段表的方法 `.{name}()`"
                                    "（支持：keys()、values()、items()）",
    "errors_records.dtype_attribute": "Autograd Lab 不支持 numpy dtype 的属性 `.{name}`",
    "errors_records.field_names": "dtype 的字段用字符串命名",
    "errors_records.field_key": "字段键必须是整数字段偏移、单个字段名或字段名列表。",
    "errors_records.making": "Autograd Lab 用由数字和字符串元组组成的列表创建结构化数组",
    "errors_records.dtype_call": "Autograd Lab 支持 `np.dtype(spec)` 和 `np.dtype(spec, align=True)`",
    "errors_records.result_type": "Autograd Lab 支持 `np.result_type(*dtypes_or_arrays)`",
    "errors_records.rec_array": "Autograd Lab 支持 `np.rec.array(data, dtype=...)` 和 `np.rec.array(arr)`",
    "errors_records.array_attribute": "Autograd Lab 不支持 numpy 结构化数组的属性 `.{name}`"
                                      "（支持：按名称读取字段、a['x']、shape、ndim、size、dtype）",
    "errors_records.array_method": "Autograd Lab 不支持 numpy 结构化数组的方法 `.{name}()`（支持：{names}）",
    "errors_records.record_attribute": "Autograd Lab 不支持 numpy 记录的属性 `.{name}`"
                                       "（支持：r['x']、r[0]、item()、dtype）",
    "errors_records.record_method": "Autograd Lab 不支持 numpy 记录的方法 `.{name}()`"
                                    "（支持：item()、tolist()）",
    "errors_records.record_index": "numpy 记录接受字段名或整数下标",
    "errors_records.item_ints": "item() 接受整数下标",
    "errors_records.bytes_attribute": "Autograd Lab 不支持 bytes 值的属性 `.{name}`"
                                      "（支持：decode()、hex()、len(b)、b[i]、b[i:j]、==）",
    "errors_records.bytes_method": "Autograd Lab 不支持 bytes 值的方法 `.{name}()`（支持：decode()、hex()）",
    "errors_records.decode": "Autograd Lab 支持 `b.decode(encoding, errors)`，encoding 为 utf-8、ascii、"
                             "latin-1、gbk、gb2312 或 gb18030，errors 为 strict、ignore 或 replace",
    "errors_records.bytes_like": "需要类 bytes 对象，而不是 '{kind}'",
    "errors_records.bytes_array": "Autograd Lab 只用 bytes 的列表创建 bytes 数组",
    "errors_records.void_call": "Autograd Lab 支持 `np.void(b'...')` 和 `np.void(length)`",
    "errors_records.repack": "Autograd Lab 支持对结构化数组或 dtype 使用 `repack_fields(a)`",
    "errors_records.unstructured": "Autograd Lab 支持对结构化数组使用 "
                                   "`structured_to_unstructured(arr, dtype=...)`",
    "errors_records.void": "Autograd Lab 不支持没有字段的 numpy void 标量",
    "errors_records.index": "在 Autograd Lab 中 numpy 结构化数组接受"
                            "整数、切片、掩码、整数数组或字段名作为下标",
    "errors_records.values": "在 Autograd Lab 中 numpy 结构化数组接受数字、字符串、元组、列表或数组",
    "errors_records.operator": "Autograd Lab 不支持 numpy 结构化数组上的运算符 `{op}`（支持：==、!=）",
    "errors_records.compare": "在 Autograd Lab 中 numpy 结构化数组只能与另一个结构化数组比较",
    "errors_records.view_bytes": "在 Autograd Lab 中只有当记录的每个字节都属于某个字段时，"
                                 "才支持把结构化数组视为另一种 dtype",
    "errors_records.view_forms": "Autograd Lab 支持结构化数组的 `a.view(np.recarray)` "
                                 "和 `a.view(dtype, type)`，"
                                 "type 为 np.recarray 或 np.ndarray",
    "errors_records.type_args": "在 Autograd Lab 中 {what} 接受 dtype、numpy 类型或类型代码",
    "errors_records.issubdtype": "Autograd Lab 支持 `np.issubdtype(arg1, arg2)`",
    "errors_records.can_cast": "Autograd Lab 支持 `np.can_cast(from_, to, casting='safe')`",
    "errors_records.casting": "casting 必须是 {names} 之一",
    "errors_records.meta_depth": "Autograd Lab 不支持嵌套超过 {limit} 层的列表中的张量",
}
