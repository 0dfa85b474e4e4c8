"""The About page: what Autograd Lab shows, what a program may contain, and its limits."""

import streamlit as st

from autogradlab.limits import DEFAULT_LIMITS as LIMITS
from autogradlab.limits import STEPS_JOB_TIME_FACTOR as STEPS_FACTOR
from components.i18n import t

st.title(t("about.title"))
st.markdown(t("about.body"))
st.markdown(t("about.limits"))
st.dataframe(
    {
        t("about.col_limit"): [t("about.time"), t("about.memory"), t("about.elements"), t("about.loops"),
                               t("about.length"), t("about.nodes")],
        t("about.col_value"): [t("about.seconds", value=f"{LIMITS.timeout_s:g}",
                                 steps=f"{STEPS_FACTOR * LIMITS.timeout_s:g}"), f"{LIMITS.memory_mb:,} MB",
                               f"{LIMITS.max_tensor_elements:,}", f"{LIMITS.max_loop_iterations:,}",
                               t("about.lines", value=f"{LIMITS.max_lines:,}"),
                               t("about.nodes_value", value=f"{LIMITS.max_graph_nodes:,}")],
    },
    hide_index=True,
)
st.caption(t("about.isolation"))
