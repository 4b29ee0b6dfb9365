"""Mutants that cannot change any graded behaviour, each with the reason.

Keys are mutant ids from ``tests.mutation`` (stable under edits elsewhere in the file);
``python -m tests.mutation_analysis`` prints the id and the change of every survivor.
"""
_DOT_COMMUTES = "X_mean and coef are both 1-D: a @ b == b @ a"
_CENTRED_COLUMNS = ("the centred columns of X are orthogonal to the constant vector, so adding "
                    "mean(y) instead of subtracting it changes no least-squares solution")

EQUIVALENT = {
    "linear_regression": {
        "376c014648": _DOT_COMMUTES,
        "1ee6e813ba": _DOT_COMMUTES,
        "492d66ebb9": _CENTRED_COLUMNS + " (Ridge: the penalty rows are unaffected)",
        "1fcc1e2f24": _CENTRED_COLUMNS,
    },
}
