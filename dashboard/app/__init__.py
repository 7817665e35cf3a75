"""The Streamlit dashboard: entry file `main.py`, one module per page under `pages/`."""
