"""The TypeScript target: an npm package (types, a fetch client, resources) from the IR."""
