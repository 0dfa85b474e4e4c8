"""Reusable Streamlit pieces of Autograd Lab (the core package never imports streamlit)."""
