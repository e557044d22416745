"""`python -m tests.golden`: regenerate the golden sample site."""

from tests.golden import EXPECTED, regenerate

regenerate()
print(f"Regenerated {EXPECTED}; review `git diff -- {EXPECTED}` before committing.")
