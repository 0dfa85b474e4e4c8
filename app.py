"""Autograd Lab: the Streamlit entry. Sets the page up once, starts the sandbox workers, routes."""

from pathlib import Path

# pandas is imported here, once, before any page can import it from two sessions at once (a race on
# its first import gave "partially initialized module 'pandas' has no attribute 'Series'").
import pandas  # noqa: F401
import streamlit as st

from components import cached, links, present
from components.i18n import t

# The tab's icon is a file this app serves: a `:material/...:` page icon is fetched by each browser from
# fonts.gstatic.com (a failed request on every page on an offline classroom network, a call to Google).
FAVICON = Path(__file__).resolve().parent / "static" / "favicon.png"
st.set_page_config(page_title="Autograd Lab", page_icon=str(FAVICON), layout="wide")
cached.warm_pool()
present.apply()  # also draws the language toggle beside it (one row of page controls)
page = st.navigation(
    [
        st.Page("views/graph.py", title=t("common.page_graph"), icon=":material/account_tree:", default=True),
        st.Page("views/steps.py", title=t("common.page_steps"), icon=":material/step:", url_path="steps"),
        st.Page("views/jacobian.py", title=t("common.page_jacobian"), icon=":material/grid_on:",
                url_path="jacobian"),
        st.Page("views/eigen.py", title=t("common.page_eigen"), icon=":material/open_with:",
                url_path="eigen"),
        st.Page("views/gallery.py", title=t("common.page_gallery"), icon=":material/photo_library:",
                url_path="gallery"),
        st.Page("views/about.py", title=t("common.page_about"), icon=":material/info:"),
        st.Page("views/status.py", title="Status", url_path="status", visibility="hidden"),
    ],
    position="top",
)
links.carry(page.url_path)   # a page switch empties the query string: parameters of other pages are kept
try:
    page.run()
finally:                     # also when the page ends in st.rerun() or st.stop()
    links.remember()
