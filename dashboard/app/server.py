"""The dashboard as an ASGI app (`st.App`, run by `pib serve` through `streamlit run`):
Streamlit with the login middleware (`dashboard.app.cookies`) in front of it."""

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from dashboard.app.cookies import LoginMiddleware

app = st.App(Path(__file__).with_name("main.py"), middleware=[Middleware(LoginMiddleware)])
