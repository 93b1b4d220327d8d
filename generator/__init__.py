"""sdkgen: generate typed Python SDKs and reference docs from OpenAPI descriptions."""

__version__ = "0.1.0"
