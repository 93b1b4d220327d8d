"""Load: a spec path in, the parsed documents out (YAML/JSON, multi-file `$ref`s, source positions for messages)."""
