"""Public tests: they ship to students."""
