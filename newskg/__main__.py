"""`python -m newskg` is `kg`."""
from newskg.cli import main

main(prog_name="kg")
