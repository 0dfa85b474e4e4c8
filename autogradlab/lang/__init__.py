"""The safe PyTorch language: parsing guards, the allowlists and the interpreter."""
