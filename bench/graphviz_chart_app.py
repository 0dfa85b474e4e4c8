# The reference for bench/graph_pan.py: the same DOT drawn by plain st.graphviz_chart, the way a
# 20-line app shows a graph. The DOT comes from the file named by AGL_BENCH_DOT.
import os
from pathlib import Path

import streamlit as st

st.graphviz_chart(Path(os.environ["AGL_BENCH_DOT"]).read_text(), use_container_width=True)
