"""The teacher's view of the server (/status, issue 11): sessions, runs and "busy" answers per
minute, queue, workers, memory. Hidden from the navigation; off unless AUTOGRADLAB_STATUS_KEY is
set, and then shown only with `?key=` equal to it. Never any program text."""

from __future__ import annotations

import streamlit as st

from components import server_status
from components.i18n import t


def main() -> None:
    st.title(t("hosting.status_title"))
    if not server_status.allowed(st.query_params.get("key")):
        st.info(t("hosting.status_key" if server_status.enabled() else "hosting.status_off"),
                icon=":material/lock:")
        return
    server_status.show()


main()
