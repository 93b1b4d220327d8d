"""Write: file texts in, an output directory out (planned, atomic, manifest-tracked, with a run record)."""
