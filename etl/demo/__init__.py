"""Seeded synthetic demo data in the canonical CSV format (`pib demo`)."""

from etl.demo.generator import generate

__all__ = ["generate"]
