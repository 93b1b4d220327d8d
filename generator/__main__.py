"""`python -m sdkgen`: the command line."""

from .cli import main

main()
