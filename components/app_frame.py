"""Pages run inside app.py's frame (page config, navigation), even on a server's very first request.

Streamlit 1.67 starts every server process in its old `pages/` directory mode: until app.py has run
st.navigation once, a first request for /steps runs pages/steps.py on its own (no wide layout, an
automatic sidebar menu). A page that finds itself run that way switches the process to st.navigation
mode and reruns, so app.py runs and routes to the same page with the same query parameters.
"""

from __future__ import annotations

import streamlit as st


def ensure() -> None:
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
