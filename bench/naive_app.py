# The naive reference app a user would write in 20 lines: exec + torchviz + st.graphviz_chart.
# Used only by bench/browser_latency.py as the baseline. Unsafe by design: never host it.
import io
import contextlib

import streamlit as st
import torch
from torchviz import make_dot

st.title("Naive autograd viewer")
code = st.text_area("program", "import torch\nx = torch.arange(4.0, requires_grad=True)\n"
                    "y = 2 * torch.dot(x, x)\ny.backward()", height=200, key="code")
ns: dict = {}
out = io.StringIO()
with contextlib.redirect_stdout(out):
    exec(code, ns)
tensors = {k: v for k, v in ns.items() if isinstance(v, torch.Tensor)}
y = [v for v in tensors.values() if v.grad_fn is not None][-1]
st.graphviz_chart(make_dot(y, params={k: v for k, v in tensors.items() if v.is_leaf}).source)
st.table({k: [str(v.detach().numpy().round(4).tolist())] for k, v in tensors.items()})
st.code(out.getvalue())
