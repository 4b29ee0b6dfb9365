"""Known mistakes in exercise 04, k-nearest neighbours."""
from tests.mistakes import Mistake

CLAMP = "    np.maximum(squared, 0.0, out=squared)\n"
SQRT = "return np.sqrt(squared, out=squared)"
SHIFT = "    shift = B.mean(axis=0)\n    A, B = A - shift, B - shift\n"
SQUARED = (
    "    squared = (-2.0 * A) @ B.T\n"
    "    squared += (A * A).sum(axis=1)[:, None]\n"
    "    squared += (B * B).sum(axis=1)[None, :]\n")
EXPANSION = SHIFT + SQUARED + CLAMP + "    " + SQRT + "\n"
SELECTION = (
    "        remaining, rows = distances.copy(), np.arange(X.shape[0])\n"
    "        indices = np.empty((X.shape[0], self.n_neighbors), dtype=np.intp)\n"
    "        for j in range(self.n_neighbors):\n"
    "            indices[:, j] = remaining.argmin(axis=1)\n"
    "            remaining[rows, indices[:, j]] = np.inf\n")
MASK = "remaining[rows, indices[:, j]] = np.inf"


def sorted_selection(line):
    """The k-selection written as one argsort line, the way most students write it."""
    return {SELECTION: f"        {line}\n"}
DISTANCE_WEIGHTS = (
    "        exact = distances == 0.0\n"
    "        inverse = 1.0 / np.where(exact, 1.0, distances)\n"
    "        return np.where(exact.any(axis=1, keepdims=True), exact.astype(np.float64), inverse)\n")
CLASSIFIER_WEIGHTS = "weights = self._neighbor_weights(distances)\n        labels = self.y_index_[indices]"
VOTE = "return self.classes_[np.argmax(proba, axis=1)]"
REGRESSION = "return (weights * self.y_train_[indices]).sum(axis=1) / weights.sum(axis=1)"
SIZE_CHECK = (
    "        if self.n_neighbors > X.shape[0]:\n"
    "            raise ValueError(\n"
    '                f"n_neighbors={self.n_neighbors} is larger than the number of training "\n'
    '                f"samples ({X.shape[0]})"\n'
    "            )\n")

MISTAKES = [
    # shapes ------------------------------------------------------------------------------
    Mistake(
        "distance_matrix_transposed", "shapes",
        "broadcasts A's norms across the columns and B's down the rows: D comes out (n_B, n_A)",
        {SQUARED: "    squared = (-2.0 * B) @ A.T\n"
                  "    squared += (A * A).sum(axis=1)[None, :]\n"
                  "    squared += (B * B).sum(axis=1)[:, None]\n"},
    ),
    Mistake(
        "predictions_as_a_column", "shapes",
        "argmax with keepdims=True: predict returns shape (n, 1) instead of (n,)",
        {VOTE: "return self.classes_[np.argmax(proba, axis=1, keepdims=True)]"},
    ),
    Mistake(
        "regression_as_a_column", "shapes",
        "sums with keepdims=True: the regressor returns shape (n, 1) instead of (n,)",
        {REGRESSION: "return (weights * self.y_train_[indices]).sum(axis=1, keepdims=True) / "
                     "weights.sum(axis=1, keepdims=True)"},
    ),
    Mistake(
        "probabilities_only_for_classes_that_get_votes", "shapes",
        "sizes the vote table by the largest neighbour label seen, not by len(classes_)",
        {"one_hot = labels[:, :, None] == np.arange(len(self.classes_))":
         "one_hot = labels[:, :, None] == np.arange(labels.max() + 1)"},
    ),
    # distances ---------------------------------------------------------------------------
    Mistake(
        "no_clamp_before_sqrt", "stability",
        "sqrt of the expanded squared distance, which round-off makes slightly negative: NaN",
        {CLAMP: ""},
    ),
    Mistake(
        "expansion_without_a_common_shift", "stability",
        "||a||² - 2a·b + ||b||² on raw data: at coordinates near 1e4 it cancels catastrophically",
        {SHIFT: ""},
    ),
    Mistake(
        "distances_in_float32", "stability",
        "casts to float32 'to save memory': 7 digits are not enough for the expansion",
        {SHIFT: "    A, B = A.astype(np.float32), B.astype(np.float32)\n"
                "    shift = B.mean(axis=0)\n    A, B = A - shift, B - shift\n"},
    ),
    Mistake(
        "each_set_centred_on_its_own_mean", "correctness",
        "centres A on A's mean and B on B's: a different shift per set changes the distances",
        {"A, B = A - shift, B - shift": "A, B = A - A.mean(axis=0), B - shift"},
    ),
    Mistake(
        "square_root_forgotten", "correctness",
        "returns squared distances: the neighbours are right, the distances and 1/d weights are not",
        {SQRT: "return squared"},
    ),
    Mistake(
        "manhattan_distance", "correctness",
        "sums absolute differences (L1) instead of the Euclidean norm",
        {EXPANSION: "    return np.abs(A[:, None, :] - B[None, :, :]).sum(axis=2)\n"},
    ),
    Mistake(
        "one_loop_over_queries_in_distances", "vectorization",
        "CS231n's one-loop version: correct, but a Python loop over the rows of A",
        {EXPANSION: "    D = np.empty((len(A), len(B)))\n"
                    "    for i in range(len(A)):\n"
                    "        D[i] = np.sqrt(np.sum((B - A[i]) ** 2, axis=1))\n"
                    "    return D\n"},
    ),
    # neighbours --------------------------------------------------------------------------
    Mistake(
        "farthest_neighbours", "correctness",
        "sorts by decreasing distance (argsort of -D)",
        sorted_selection('indices = np.argsort(-distances, axis=1, kind="stable")[:, : self.n_neighbors]'),
    ),
    Mistake(
        "nearest_neighbour_skipped", "correctness",
        "drops the first column as if it were the query itself (leave-one-out reflex)",
        sorted_selection('indices = np.argsort(distances, axis=1, kind="stable")[:, 1 : self.n_neighbors + 1]'),
    ),
    Mistake(
        "n_neighbors_hard_coded", "correctness",
        "always takes the default 5 neighbours",
        sorted_selection('indices = np.argsort(distances, axis=1, kind="stable")[:, :5]'),
    ),
    Mistake(
        "unstable_sort", "edge_cases",
        "numpy's default argsort is not stable: equal distances come back in any order",
        sorted_selection("indices = np.argsort(distances, axis=1)[:, : self.n_neighbors]"),
    ),
    Mistake(
        "selected_neighbour_not_masked", "correctness",
        "takes the argmin k times but never sets the chosen entry to inf: k copies of the nearest",
        {f"            {MASK}\n": ""},
    ),
    Mistake(
        "selected_neighbour_masked_in_every_row", "correctness",
        "remaining[:, idx] = inf masks the chosen columns in every row, not one entry per row",
        {MASK: "remaining[:, indices[:, j]] = np.inf"},
    ),
    # weights -----------------------------------------------------------------------------
    Mistake(
        "inverse_squared_distance_weights", "correctness",
        "weights 1/d² instead of 1/d",
        {"inverse = 1.0 / np.where(exact, 1.0, distances)": "inverse = 1.0 / np.where(exact, 1.0, distances) ** 2"},
    ),
    Mistake(
        "exact_matches_divide_by_zero", "edge_cases",
        "weights = 1/d with no special case: 1/0 = inf, then inf/inf = NaN",
        {DISTANCE_WEIGHTS: "        return 1.0 / distances\n"},
    ),
    Mistake(
        "only_the_first_exact_match_decides", "edge_cases",
        "returns the nearest training point's answer on an exact match, ignoring its duplicates",
        {"exact = distances == 0.0": "exact = (distances == 0.0) & (np.arange(distances.shape[1]) == 0)"},
    ),
    # classifier --------------------------------------------------------------------------
    Mistake(
        "classifier_ignores_weights", "correctness",
        "every neighbour gets one vote, also with weights='distance'",
        {CLASSIFIER_WEIGHTS: "weights = np.ones_like(distances)\n        labels = self.y_index_[indices]"},
    ),
    Mistake(
        "probabilities_not_normalized", "correctness",
        "predict_proba returns the vote counts (or weight sums), not fractions",
        {"return votes / votes.sum(axis=1, keepdims=True)": "return votes"},
    ),
    Mistake(
        "labels_assumed_to_be_0_to_K_minus_1", "edge_cases",
        "treats the labels as class indices (the np.bincount habit): fails on strings and negative labels",
        {"classes, y_index = np.unique(y, return_inverse=True)":
         "y_index = y.astype(np.intp)\n        classes = np.arange(y_index.max() + 1)"},
    ),
    Mistake(
        "predict_returns_the_class_index", "edge_cases",
        "returns argmax (a column index) instead of the label classes_[argmax]",
        {VOTE: "return np.argmax(proba, axis=1)"},
    ),
    Mistake(
        "tie_goes_to_the_nearest_neighbour", "edge_cases",
        "breaks a vote tie by the nearest neighbour's label instead of the lowest label",
        {VOTE: "best = proba.max(axis=1, keepdims=True)\n"
               "        tied = (proba == best).sum(axis=1) > 1\n"
               "        nearest = self.y_index_[self.kneighbors(X)[1][:, 0]]\n"
               "        return self.classes_[np.where(tied, nearest, np.argmax(proba, axis=1))]"},
    ),
    Mistake(
        "tie_goes_to_the_highest_label", "edge_cases",
        "takes the last maximum (argmax of the reversed columns)",
        {VOTE: "K = proba.shape[1]\n"
               "        return self.classes_[K - 1 - np.argmax(proba[:, ::-1], axis=1)]"},
    ),
    Mistake(
        "one_loop_over_queries_in_the_vote", "vectorization",
        "counts each query's votes with np.bincount in a Python loop",
        {"one_hot = labels[:, :, None] == np.arange(len(self.classes_))\n"
         "        votes = (weights[:, :, None] * one_hot).sum(axis=1)":
         "votes = np.array([np.bincount(row, weights=w, minlength=len(self.classes_))\n"
         "                          for row, w in zip(labels, weights)])"},
    ),
    # regressor ---------------------------------------------------------------------------
    Mistake(
        "regressor_ignores_weights", "correctness",
        "the plain mean of the neighbours' targets, also with weights='distance'",
        {REGRESSION: "return self.y_train_[indices].mean(axis=1)"},
    ),
    Mistake(
        "regressor_divides_by_k", "correctness",
        "sum(w·y) / k instead of sum(w·y) / sum(w)",
        {REGRESSION: "return (weights * self.y_train_[indices]).sum(axis=1) / self.n_neighbors"},
    ),
    # validation --------------------------------------------------------------------------
    Mistake(
        "n_neighbors_larger_than_the_training_set_allowed", "edge_cases",
        "no check: argsort(...)[:, :k] silently returns fewer than k neighbours",
        {SIZE_CHECK: ""},
    ),
    Mistake(
        "n_neighbors_equal_to_the_training_size_refused", "edge_cases",
        "checks n_neighbors >= n_train: k = n_train is legitimate",
        {"if self.n_neighbors > X.shape[0]:": "if self.n_neighbors >= X.shape[0]:"},
    ),
]
