"""The docs target: an `ApiIR` in, the Markdown reference and the HTML site's file texts out."""
