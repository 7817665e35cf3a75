"""The pages' Plotly figures: pure functions from query rows and plain values to a figure."""
