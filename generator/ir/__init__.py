"""IR: the loaded documents in, an `ApiIR` out (plain frozen dataclasses of models, fields, types, operations)."""
