"""Session 42 (breadth): messages of lang/tensor_resize.py (`x.resize_(...)`) and of `s.encode(...)`
(lang/bytes_values.py). The English texts give back the engine's sentences exactly."""

EN = {
    "errors_s42breadth.resize_more": "`x.resize_({sizes})` would show memory the tensor never held ({count} "
                                     "elements from {numel}); Autograd Lab resizes a contiguous tensor to at "
                                     "most as many elements as it has",
    "errors_s42breadth.resize_strided": "`x.resize_({sizes})` of a tensor that is not contiguous (a "
                                        "transposed or strided view) would read memory outside it; Autograd "
                                        "Lab resizes a contiguous tensor only",
    "errors_s42breadth.resize_sizes": "Autograd Lab supports `x.resize_(sizes)` with int sizes only",
    "errors_s42breadth.resize_hint": "make the new tensor with torch.zeros(...) or change its shape with "
                                     "x.reshape(...)",
    "errors_s42breadth.encode_codec": "Autograd Lab supports `s.encode(encoding, errors)` with encoding "
                                      "utf-8, ascii, latin-1, utf-16 or utf-32 and errors strict, ignore or "
                                      "replace",
    "errors_s42breadth.encode_args": "Autograd Lab supports `s.encode(encoding, errors)`",
}

ZH = {
    "errors_s42breadth.resize_more": "`x.resize_({sizes})` 会显示这个张量从未存放过的内存"
                                     "（{numel} 个元素变成 {count} 个）；"
                                     "Autograd Lab 只把连续张量改成不多于原有元素个数的形状",
    "errors_s42breadth.resize_strided": "对不连续的张量（转置或带步长的视图）调用 `x.resize_({sizes})` "
                                        "会读到它之外的内存；Autograd Lab 只改变连续张量的大小",
    "errors_s42breadth.resize_sizes": "Autograd Lab 只支持以整数作为大小的 `x.resize_(sizes)`",
    "errors_s42breadth.resize_hint": "用 torch.zeros(...) 新建张量，或用 x.reshape(...) 改变它的形状",
    "errors_s42breadth.encode_codec": "Autograd Lab 支持的 `s.encode(encoding, errors)`：encoding 为 utf-8、"
                                      "ascii、latin-1、utf-16 或 utf-32，errors 为 strict、ignore 或 replace",
    "errors_s42breadth.encode_args": "Autograd Lab 支持 `s.encode(encoding, errors)`",
}
