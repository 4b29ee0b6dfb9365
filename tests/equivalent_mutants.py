"""Mutants that cannot change any graded behaviour, each with the reason.

Keys are mutant ids from ``tests.mutation`` (stable under edits elsewhere in the file);
``python -m tests.mutation_analysis`` prints the id and the change of every survivor.
"""
_DOT_COMMUTES = "X_mean and coef are both 1-D: a @ b == b @ a"
_CENTRED_COLUMNS = ("the centred columns of X are orthogonal to the constant vector, so adding "
                    "mean(y) instead of subtracting it changes no least-squares solution")

_KNN_LAST_AXIS = ("every array reduced, sorted or gathered here is 2-D: (n, d) data, (n, n_train) "
                  "distances, (n, k) neighbours or (n, K) votes, so axis=-1 is axis=1")
_KNN_WEIGHT_SCALE = ("the neighbour weights only enter as ratios (votes / their row sum, "
                     "sum(w·y) / sum(w)), so a common positive factor per row cancels")

_PCA_COMMUTES = "min(a, b) == min(b, a): the same number of components either way"
_PCA_RANK_BOUND = ("the axes come in at most min(n, d) rows (thin SVD) and any extra eigh rows belong "
                   "to zero eigenvalues; fit keeps only n_components <= min(n, d) of them")

_MESSAGE_TEXT_ONLY = ("it changes only a number or list printed inside an error or warning message "
                      "(an f-string); when it is raised and its type are unchanged, and neither SPEC "
                      "nor any test grades the wording")

_METRICS_SIGN_SQUARED = ("a - b == -(b - a) exactly in floating point (IEEE subtraction is "
                         "antisymmetric), and the difference is squared or its absolute value taken, so "
                         "every value is bit for bit the same")
_METRICS_COMMUTES = "elementwise & on boolean masks is commutative: a & b == b & a"
_METRICS_MICRO_DENOMINATOR = ("a 0-d micro count broadcasts against the (1,) tp exactly like the (1,) one: "
                              "np.divide(..., where=d > 0) and n_pred + n_true give the same (1,) values, and "
                              "the weights are np.ones(len(tp)) for micro")

_TREE_LAST_AXIS = ("every array reduced here is 2-D (class counts (m, K), fractions (m, K), the "
                   "leaf counts (n, K)), so axis=-1 is axis=1")
_TREE_LEAF_PLACEHOLDER = ("tree_ is free by SPEC's settled readings: a leaf's threshold, left and "
                          "right are never read (apply, get_n_leaves test feature < 0 first) and "
                          "split nodes overwrite them; a leaf feature of -2 is still < 0")
_TREE_RESHAPE = ("numpy (pinned 2.4) reads any negative size as the inferred dimension: "
                 "reshape(-2) == reshape(-1) on the 1-D codes")
_TREE_EMPTY_GUARD = ("entropy's empty-set guard is redundant: for an empty y np.unique gives no "
                     "counts and the sum over them is 0.0 (no division happens), and for one "
                     "label the formula also gives 1·log2(1) = 0.0")

_KMEANS_SQUARED_SIGN = ("a - b == -(b - a) exactly in floating point, and the difference is squared: "
                        "(a - b)² == (b - a)²")
_KMEANS_LAST_AXIS = "the array is 2-D (n, k) or (n, d), so axis=-1 is axis=1"

_SOFTMAX_LAST_AXIS = ("every array reduced or arg-maxed here is 2-D: Z (n, K) is checked 2-D by "
                      "check_array in softmax, XW + b is (n, K) in the loss and predict_proba is (n, K), "
                      "so axis=-1 is axis=1")

_NN_LAST_AXIS = ("scores is 2-D (N, C) (check_array in softmax_loss; affine_forward's output in "
                 "predict), so axis=-1 is axis=1")

EQUIVALENT = {
    "neural_network": {
        "7f9062001b": _NN_LAST_AXIS,
        "b979930033": _NN_LAST_AXIS,
        "6a3671a6ab": _NN_LAST_AXIS,
        "82e75d8aa4": "np.maximum is elementwise and symmetric: maximum(0, x) == maximum(x, 0)",
        "20d30f511b": ("x >= 0 differs from x > 0 only where the forward input is exactly 0, where ReLU "
                       "has no derivative (0 and 1 are both subgradients); the docstring leaves that "
                       "point open: 'the grader never feeds an exact 0'"),
    },
    "model_selection": {
        "ccd5481541": _MESSAGE_TEXT_ONLY + " (train_test_split: the least populated class's count)",
        "6967f1bee3": _MESSAGE_TEXT_ONLY + " (train_test_split: the list of too-small classes)",
        "6a1c61ae14": _MESSAGE_TEXT_ONLY + " (train_test_split: the list of too-small classes)",
        "c688717750": _MESSAGE_TEXT_ONLY + " (train_test_split: the list of too-small classes)",
        "493a339b75": _MESSAGE_TEXT_ONLY + " (train_test_split: the list of too-small classes)",
        "14761aefe6": _MESSAGE_TEXT_ONLY + " (train_test_split: the number of classes)",
        "ab5f9a3fc6": _MESSAGE_TEXT_ONLY + " (StratifiedKFold's ValueError: n_splits)",
        "42a5a73877": _MESSAGE_TEXT_ONLY + " (StratifiedKFold's UserWarning: the smallest class count)",
        "482756375e": _MESSAGE_TEXT_ONLY + " (StratifiedKFold's UserWarning: the smallest class count)",
        "bd4d46886b": _MESSAGE_TEXT_ONLY + " (StratifiedKFold's UserWarning: n_splits)",
    },
    "metrics": {
        "6865c35ff1": _METRICS_COMMUTES + " (confusion_matrix: true_found & pred_found)",
        "7f00294b2c": _METRICS_COMMUTES + " (binary: is_true & is_pred)",
        "272d6350f8": "np.minimum is elementwise and symmetric: minimum(a, b) == minimum(b, a)",
        "b73476a009": "the confusion matrix is 2-D (K, K), so counts.sum(axis=-1) is counts.sum(axis=1)",
        "9db8389239": ("score and weights are both 1-D (K,): a @ b == b @ a, the same products summed "
                       "in the same order"),
        "501a02f2c4": _METRICS_MICRO_DENOMINATOR + " (n_pred)",
        "d8b695b4ed": _METRICS_MICRO_DENOMINATOR + " (n_true)",
        "325b5d1c12": _METRICS_SIGN_SQUARED + " (mean_squared_error)",
        "61b9dbe326": _METRICS_SIGN_SQUARED + " (root_mean_squared_error)",
        "7b3b577410": _METRICS_SIGN_SQUARED + " (mean_absolute_error: |a - b| == |b - a|)",
        "3007621103": _METRICS_SIGN_SQUARED + " (r2_score: the residual sum of squares)",
        "c6fc7a1c78": _METRICS_SIGN_SQUARED + " (r2_score: the total sum of squares, y - mean vs mean - y)",
    },
    "pca": {
        "362ae265f2": _PCA_COMMUTES,
        "c48c6e2a53": _PCA_COMMUTES,
        "bb179b193e": _PCA_RANK_BOUND + " (the d - n extra eigenvalues are 0 up to round-off, clipped "
                      "at 0, so the total variance moves by ~1e-16 relative)",
        "f86275b447": _PCA_RANK_BOUND + " (slicing [:max(n, d)] of the min(n, d) axes is slicing "
                      "[:min(n, d)]; n_components_ is free by SPEC's settled readings)",
        "b62f776374": ("full_matrices=True only adds unused columns of U and, when n < d, rows of Vt "
                       "beyond min(n, d) that fit drops (n_components <= min(n, d)); tests/alternatives/"
                       "second uses it"),
        "b39252a88d": "np.maximum is elementwise and symmetric: maximum(0, x) == maximum(x, 0)",
        "c6369dc86b": "axes is 2-D (k, d), so axis=-1 is axis=1",
        "a2d041d79f": ("signs are +1 or -1 (an axis is a unit vector, so its largest |entry| is never "
                       "0), and x / ±1 == x · ±1 exactly"),
        "77acc5a799": ("mean - X is -(X - mean): the covariance is the same and the SVD axes change "
                       "only their sign, which _flip_signs then fixes; mean_ is stored separately"),
    },
    "decision_tree": {
        "d6cd3c8d32": _TREE_LAST_AXIS,
        "16eda84800": _TREE_LAST_AXIS,
        "381ff29c4c": _TREE_LAST_AXIS,
        "c3beb7d3b2": _TREE_LAST_AXIS,
        "2c09d7a436": _TREE_LAST_AXIS,
        "46326d529c": _TREE_LAST_AXIS,
        "d7b2b17505": _TREE_LEAF_PLACEHOLDER + " (threshold 1.0)",
        "53927c9d83": _TREE_LEAF_PLACEHOLDER + " (left 1)",
        "37a971db82": _TREE_LEAF_PLACEHOLDER + " (right 1)",
        "bd4ce8631c": _TREE_LEAF_PLACEHOLDER + " (left -2)",
        "912cefcb48": _TREE_LEAF_PLACEHOLDER + " (right -2)",
        "434cd9da59": _TREE_LEAF_PLACEHOLDER + " (left 0)",
        "ec1ca063cf": _TREE_LEAF_PLACEHOLDER + " (right 0)",
        "db6c29c285": _TREE_LEAF_PLACEHOLDER + " (feature -2)",
        "b7b395479e": _TREE_RESHAPE,
        "e1f365cace": _TREE_RESHAPE,
        "057e788975": _TREE_EMPTY_GUARD + " (len(y) - 1 == 0)",
        "98f7573eb3": _TREE_EMPTY_GUARD + " (len(y) == 1)",
        "fcf947f0a0": ("right = left - total only negates the right counts: p = counts / counts.sum() "
                       "is unchanged exactly, and the weights use n - n_left, not the right counts"),
        "a2530d5385": ("2 - Σp² adds 1 to every gini impurity, which cancels in parent - (n_L·I_L + "
                       "n_R·I_R)/n since the weights sum to 1; only round-off (~1e-16) and the "
                       "no-gain cut-off for gains below ~1e-12 move, both ungraded near-ties by SPEC"),
        "943a44edb8": ("the placeholder of np.where(p > 0, p, 2.0) is used only where p == 0, where "
                       "the finite log2(2.0) = 1 is multiplied by p = 0: the same 0"),
        "ec95bccbfa": ("codes.max() + 2 adds an all-zero class column: its count is 0 in every child, "
                       "which adds 0 to gini and is masked out of entropy's logarithm"),
        "b66739d19a": ("top > 0 here, so top - 1e-12·top < top and every gain equal to the maximum "
                       "still passes; only a gain exactly on the edge of the relative 1e-12 tie window "
                       "changes side, a round-off near-tie SPEC leaves ungraded"),
    },
    "linear_regression": {
        "376c014648": _DOT_COMMUTES,
        "1ee6e813ba": _DOT_COMMUTES,
        "99bd9e2f3c": _CENTRED_COLUMNS + " (Ridge: Xcᵀ(y + mean(y)) = Xcᵀ(y - mean(y)))",
        "1fcc1e2f24": _CENTRED_COLUMNS,
    },
    "knn": {
        "623315b66a": _KNN_LAST_AXIS,
        "75a4f93f34": _KNN_LAST_AXIS,
        "2f27cdab5f": _KNN_LAST_AXIS,
        "1411a23bc1": _KNN_LAST_AXIS,
        "c8f878d672": _KNN_LAST_AXIS,
        "588a221a1f": _KNN_LAST_AXIS,
        "57b477231d": _KNN_LAST_AXIS,
        "e6ed4b008a": _KNN_LAST_AXIS,
        "11088de0f2": _KNN_LAST_AXIS,
        "6ade6b0dc3": "np.maximum is elementwise and symmetric: maximum(0, x) == maximum(x, 0)",
        "c48e7358a1": _KNN_WEIGHT_SCALE + " (2/d doubles every inverse-distance weight exactly)",
        "3308f6ef26": ("the placeholder 1.0 in np.where(exact, 1.0, distances) only avoids 1/0 where "
                       "exact is True, and those rows take the exact-match weights, never inverse"),
        "cdd2af3321": _KNN_WEIGHT_SCALE + " (mean over the k neighbours is the sum divided by k, "
                      "and equal votes stay exactly equal, so ties are kept)",
    },
    "logistic_regression": {
        "085a887aaa": "at z = 0, e = exp(-0) = 1 and both branches give exactly 0.5 (1/(1+1) and "
                      "1/(1+1)), so sending z = 0 to the e/(1 + e) branch changes no value",
        "7cf0645170": "np.maximum is elementwise and symmetric: maximum(0, z) == maximum(z, 0)",
        "77d18b98ed": _MESSAGE_TEXT_ONLY,
    },
    "softmax_regression": {
        "aa4ba4ea14": _SOFTMAX_LAST_AXIS,
        "5422f075aa": _SOFTMAX_LAST_AXIS,
        "dc0288f887": _SOFTMAX_LAST_AXIS,
        "a8b04467de": _SOFTMAX_LAST_AXIS,
        "5322aeba29": _SOFTMAX_LAST_AXIS,
        "6ea0fe09c1": _MESSAGE_TEXT_ONLY,
    },
    "kmeans": {
        "2709a6d857": _KMEANS_SQUARED_SIGN,
        "b6da15db8f": _KMEANS_SQUARED_SIGN,
        "625aaa9d8f": _KMEANS_SQUARED_SIGN,
        "57c00a4933": "np.maximum is elementwise and symmetric: maximum(0, x) == maximum(x, 0)",
        "33d8287de0": _KMEANS_LAST_AXIS,
        "1566476c27": _KMEANS_LAST_AXIS,
        "6b9c3271fd": _KMEANS_LAST_AXIS,
        "e45c23fbbf": _KMEANS_LAST_AXIS,
        "8a253dff49": _KMEANS_LAST_AXIS,
        "e80dbf57f6": _KMEANS_LAST_AXIS,
        "21ddd609ab": "np.minimum is elementwise and symmetric: minimum(a, b) == minimum(b, a)",
        "5e21ebd35f": ("the relocation only sorts the squared distances to the own centers, and the "
                       "mean over the d features is their sum divided by d, a positive factor that "
                       "keeps the order and keeps equal values equal (ties)"),
        "4065874dc7": ("the fallback runs only when every D² is 0; the docstring lets the next center "
                       "then be any row, and drawing among the first n - 1 rows is such a choice"),
    },
    "preprocessing": {
        "abe0101872": "the difference is squared before averaging: (mean - X)² == (X - mean)² exactly",
    },
}
