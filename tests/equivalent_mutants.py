"""Mutants that cannot change any graded behaviour, each with the reason.

Keys are mutant ids from ``tests.mutation`` (stable under edits elsewhere in the file);
``python -m tests.mutation_analysis`` prints the id and the change of every survivor.
"""
EQUIVALENT = {
    "linear_regression": {},
}
