"""Autograd Lab: the Streamlit entry. Sets the page up once, starts the sandbox workers, routes."""

import streamlit as st

from components import cached

st.set_page_config(page_title="Autograd Lab", page_icon=":material/account_tree:", layout="wide")
cached.warm_pool()
st.navigation(
    [
        st.Page("views/graph.py", title="Graph", icon=":material/account_tree:", default=True),
        st.Page("views/steps.py", title="Steps", icon=":material/step:", url_path="steps"),
        st.Page("views/jacobian.py", title="Jacobian", icon=":material/grid_on:", url_path="jacobian"),
        st.Page("views/eigen.py", title="Eigen", icon=":material/open_with:", url_path="eigen"),
        st.Page("views/about.py", title="About", icon=":material/info:"),
        st.Page("views/status.py", title="Status", url_path="status", visibility="hidden"),
    ],
    position="top",
).run()
