"""The About page: what Autograd Lab shows, what a program may contain, and its limits."""

import streamlit as st

from autogradlab.limits import DEFAULT_LIMITS as LIMITS

st.title("About Autograd Lab")
st.markdown(
    """
Autograd Lab runs a small PyTorch program, as you would paste it from a lesson, in **real PyTorch**
and shows the **autograd graph** PyTorch recorded: every leaf tensor, every operation, the tensors
saved for the backward pass, and the output. After `.backward()` each node shows its forward value
and its gradient — the derivative of the output with respect to that node.

#### How to read the annotated graph
- **Blue** boxes are leaf tensors (your inputs, e.g. `x` with `requires_grad=True`).
- **Grey** boxes are operations, labelled with the forward op (`dot`, `mul`) and the variable the
  result was assigned to; the PyTorch class (`MulBackward0`) is in the node details.
- **Orange** boxes are tensors PyTorch saved to compute the backward pass.
- **Green** is the output: the tensor you called `.backward()` on (pick another with *Output*).

#### What a program may contain
Tensors and their methods, `torch.*` functions used in the lessons (with or without the `torch.`
prefix), indexing and slice assignment, arithmetic, `if`, `for`/`while`, `def`, `lambda`, `print`,
f-strings, `backward()`, `.grad`, `with torch.no_grad():`, `torch.autograd.functional.jacobian`,
`torch.linalg.eig`/`eigh`.
Anything else (files, network, other modules, `!pip`, `%magic`) is refused with a message naming it.
`randn`/`rand` draw from a generator seeded with the **Seed** you choose, so results repeat.
"""
)
st.markdown("#### Limits of one run")
st.dataframe(
    {
        "limit": ["time", "memory", "elements per tensor", "loop iterations", "program length",
                  "graph nodes drawn"],
        "value": [f"{LIMITS.timeout_s:g} s", f"{LIMITS.memory_mb:,} MB", f"{LIMITS.max_tensor_elements:,}",
                  f"{LIMITS.max_loop_iterations:,}", f"{LIMITS.max_lines:,} lines",
                  f"{LIMITS.max_graph_nodes:,} (bigger graphs are shown folded)"],
    },
    hide_index=True,
)
st.caption(
    "Programs run in separate worker processes with these limits; nothing one program does is "
    "visible to the next. Results are cached by program text and seed."
)
