"""The repository's own tests: they grade the bank itself."""
