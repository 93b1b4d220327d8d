"""The Python SDK target: an `ApiIR` in, the package's formatted module texts out."""
