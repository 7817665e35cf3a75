"""Beheer: users, roles and the audit trail (logins, exports, user changes). Role beheer only."""

import os

import polars as pl
import streamlit as st

from dashboard.access import audit_log, list_users
from dashboard.app import auth
from dashboard.app.components import page_header
from dashboard.labels import label

auth.require("admin")
page_header(label("page_admin"), label("admin_intro"))
db = os.environ.get("PIB_DB")

st.subheader(label("admin_users"))
users = list_users(db)
st.dataframe(
    pl.DataFrame(
        {
            label("login_user"): [u.name for u in users],
            label("admin_role"): [u.role for u in users],
            label("admin_schools"): [", ".join(u.school_ids) for u in users],
            label("admin_demo"): [u.demo for u in users],
            label("oidc_admin_email"): [u.email or "" for u in users],
        },
        schema={label("login_user"): pl.String, label("admin_role"): pl.String,
                label("admin_schools"): pl.String, label("admin_demo"): pl.Boolean,
                label("oidc_admin_email"): pl.String},
    ),
    hide_index=True,
)
st.caption(label("admin_users_cli"))

st.subheader(label("admin_audit"))
events = audit_log(500, db)
if events:
    st.dataframe(
        pl.DataFrame(events, schema=["wanneer", "gebruiker", "rol", "actie", "details"],
                     orient="row"),
        hide_index=True,
    )
else:
    st.info(label("no_data"))
