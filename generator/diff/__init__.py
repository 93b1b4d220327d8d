"""Diff: two `ApiIR`s in, the changes a caller of the SDK sees out (kind, SDK path, breaking, semver bump)."""
