"""Targets: an `ApiIR` in, file texts out (views over the IR, rendered by the Jinja templates of each target)."""
