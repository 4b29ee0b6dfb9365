"""Known mistakes in exercise 07, decision trees."""
from tests.mistakes import Mistake

CUT = "cut = x[:-1] < x[1:]"
WEIGHTED = ("children = (n_left * _impurity_of_counts(left, criterion)\n"
            "                    + (n - n_left) * _impurity_of_counts(right, criterion)) / n")
STOP = "if depth == self.max_depth or len(codes) < self.min_samples_split:"
PREDICT = 'return self.classes_[np.argmax(self.tree_["counts"][self.apply(X)], axis=1)]'

MISTAKES = [
    Mistake(
        "gini_as_one_minus_sum_p", "correctness",
        "gini = 1 - Σp instead of 1 - Σp²: always 0, so every split looks useless",
        {"return float(1.0 - np.sum(p**2))": "return float(1.0 - np.sum(p))",
         "return 1.0 - np.sum(p**2, axis=1)": "return 1.0 - np.sum(p, axis=1)"},
    ),
    Mistake(
        "entropy_in_nats", "correctness",
        "np.log instead of np.log2: the same splits, but entropy values in nats, not bits",
        {"np.log2(1.0 / p)": "np.log(1.0 / p)",
         "np.log2(np.where(p > 0, p, 1.0))": "np.log(np.where(p > 0, p, 1.0))"},
    ),
    Mistake(
        "children_not_weighted_by_size", "correctness",
        "gain = I(parent) - (I(left) + I(right))/2: a split peeling off one pure sample looks great",
        {"children = len(left) / n * impurity(left) + len(right) / n * impurity(right)":
         "children = (impurity(left) + impurity(right)) / 2",
         WEIGHTED: "children = (_impurity_of_counts(left, criterion)"
                   " + _impurity_of_counts(right, criterion)) / 2"},
    ),
    Mistake(
        "children_weights_swapped", "correctness",
        "weights each child's impurity by the other child's size",
        {"children = len(left) / n * impurity(left) + len(right) / n * impurity(right)":
         "children = len(right) / n * impurity(left) + len(left) / n * impurity(right)"},
    ),
    Mistake(
        "threshold_at_the_data_value", "correctness",
        "threshold = the last value on the left instead of the midpoint: right on the training "
        "data, wrong between the two values",
        {"middle = low / 2 + high / 2": "middle = low + 0.0"},
    ),
    Mistake(
        "cumulative_counts_without_sorting", "correctness",
        "cuts the rows in their original order instead of sorting the feature first",
        {'order = np.argsort(X[:, feature], kind="stable")':
         "order = np.arange(n)"},
    ),
    Mistake(
        "last_of_the_tied_splits", "correctness",
        "keeps the last best split (>= while scanning): ties go to the highest feature and threshold",
        {"best = np.flatnonzero(gains >= top - ROUND_OFF * abs(top))[0]":
         "best = np.flatnonzero(gains >= top - ROUND_OFF * abs(top))[-1]"},
    ),
    Mistake(
        "ties_by_isclose", "correctness",
        "np.isclose(gains, top) decides ties (absolute 1e-8): small but clearly different gains "
        "tie, and the lower feature wins although it gains less",
        {"best = np.flatnonzero(gains >= top - ROUND_OFF * abs(top))[0]":
         "best = np.flatnonzero(np.isclose(gains, top))[0]"},
    ),
    Mistake(
        "max_depth_ignored", "correctness",
        "never checks the depth: the tree always grows fully",
        {STOP: "if len(codes) < self.min_samples_split:"},
    ),
    Mistake(
        "max_depth_off_by_one", "correctness",
        "stops when depth > max_depth: leaves one level deeper than allowed",
        {STOP: "if (self.max_depth is not None and depth > self.max_depth) "
               "or len(codes) < self.min_samples_split:"},
    ),
    Mistake(
        "min_samples_split_off_by_one", "correctness",
        "a node with exactly min_samples_split samples is not split (<= instead of <)",
        {STOP: "if depth == self.max_depth or len(codes) <= self.min_samples_split:"},
    ),
    Mistake(
        "criterion_not_passed_to_best_split", "correctness",
        "the tree always splits by gini, whatever its criterion",
        {"best_split(X, codes, self.criterion)": "best_split(X, codes)"},
    ),
    Mistake(
        "strictly_less_goes_left", "correctness",
        "predict sends x < threshold left: a sample exactly on the threshold goes right",
        {'go_left = X[idx, tree["feature"][node]] <= tree["threshold"][node]':
         'go_left = X[idx, tree["feature"][node]] < tree["threshold"][node]'},
    ),
    Mistake(
        "no_split_returns_minus_one", "shapes",
        "best_split returns (-1, 0.0, 0.0) instead of (None, None, 0.0) when nothing gains",
        {"    if not gains:\n        return None, None, 0.0": "    if not gains:\n        return -1, 0.0, 0.0",
         "    if top <= ROUND_OFF * parent:\n        return None, None, 0.0":
         "    if top <= ROUND_OFF * parent:\n        return -1, 0.0, 0.0",
         "if feature is None:": "if feature == -1:"},
    ),
    Mistake(
        "classes_in_order_of_appearance", "shapes",
        "classes_ in the order the labels first appear, not sorted: probability columns move",
        {"self.classes_, codes = np.unique(y, return_inverse=True)":
         "self.classes_ = y[np.sort(np.unique(y, return_index=True)[1])]\n"
         "        codes = np.array([list(self.classes_).index(label) for label in y])"},
    ),
    Mistake(
        "depth_counts_nodes", "shapes",
        "get_depth counts the nodes on the longest path (the root has depth 1)",
        {'return int(self.tree_["depth"].max())': 'return int(self.tree_["depth"].max()) + 1'},
    ),
    Mistake(
        "probabilities_not_normalized", "shapes",
        "predict_proba returns the leaf's class counts, not fractions",
        {"return counts / counts.sum(axis=1, keepdims=True)": "return counts"},
    ),
    Mistake(
        "zero_gain_splits_accepted", "edge_cases",
        "splits whenever the gain is not negative: XOR gets split although nothing gains",
        {"if top <= ROUND_OFF * parent:": "if top < 0.0:"},
    ),
    Mistake(
        "cuts_between_equal_values", "edge_cases",
        "considers cuts between equal values: a constant feature 'splits', sending every sample "
        "left, and the recursion never ends",
        {CUT: "cut = np.ones(len(x) - 1, dtype=bool)"},
    ),
    Mistake(
        "gini_of_an_empty_set_is_one", "edge_cases",
        "no empty-set case in gini: 1 - Σp² over no classes returns 1.0 instead of 0.0",
        {"    if len(y) == 0:\n        return 0.0\n    counts = np.unique(y, return_counts=True)[1]\n"
         "    p = counts / len(y)\n    return float(1.0 - np.sum(p**2))":
         "    counts = np.unique(y, return_counts=True)[1]\n"
         "    p = counts / len(y)\n    return float(1.0 - np.sum(p**2))"},
    ),
    Mistake(
        "leaf_tie_to_the_highest_label", "edge_cases",
        "a tied leaf predicts the highest label (last maximum) instead of the lowest",
        {PREDICT: 'counts = self.tree_["counts"][self.apply(X)]\n'
                  "        return self.classes_[counts.shape[1] - 1 - np.argmax(counts[:, ::-1], axis=1)]"},
    ),
    Mistake(
        "predict_returns_class_indices", "edge_cases",
        "predict returns the index into classes_ instead of the label",
        {PREDICT: 'return np.argmax(self.tree_["counts"][self.apply(X)], axis=1)'},
    ),
    Mistake(
        "sorts_the_column_in_place", "edge_cases",
        "X[:, f].sort() sorts the caller's data in place (and fails on a read-only array)",
        {"        x = X[order, feature]\n": "        X[:, feature].sort()\n        x = X[:, feature]\n"},
    ),
    Mistake(
        "log_of_zero_fractions", "stability",
        "p·log2(p) with p = 0: divide-by-zero warning, 0·(-inf) = NaN gains",
        {"np.log2(np.where(p > 0, p, 1.0))": "np.log2(p)"},
    ),
    Mistake(
        "midpoint_of_adjacent_floats_not_clamped", "stability",
        "takes the computed midpoint as it is: between adjacent floats it rounds up to the higher "
        "value, the split sends both values left, and the tree recurses without end",
        {"        middle = np.where(middle < high, middle, low)\n": ""},
    ),
    Mistake(
        "distinct_values_by_absolute_tolerance", "stability",
        "two values count as equal when they differ by less than 1e-8: tiny features never split",
        {CUT: "cut = np.diff(x) > 1e-8"},
    ),
    Mistake(
        "distinct_values_by_isclose", "stability",
        "np.isclose (relative 1e-5) to find distinct values: values near 1e6 merge",
        {CUT: "cut = ~np.isclose(x[:-1], x[1:])"},
    ),
    Mistake(
        "predict_loops_over_samples", "vectorization",
        "walks the tree once per sample in a Python loop",
        {"""        leaf = np.zeros(len(X), dtype=np.intp)
        stack = [(0, np.arange(len(X)))]
        while stack:
            node, idx = stack.pop()
            if tree["feature"][node] < 0:
                leaf[idx] = node
                continue
            go_left = X[idx, tree["feature"][node]] <= tree["threshold"][node]
            stack.append((tree["left"][node], idx[go_left]))
            stack.append((tree["right"][node], idx[~go_left]))
        return leaf""": """        leaf = np.zeros(len(X), dtype=np.intp)
        for i, row in enumerate(X):
            node = 0
            while tree["feature"][node] >= 0:
                go_left = row[tree["feature"][node]] <= tree["threshold"][node]
                node = tree["left"][node] if go_left else tree["right"][node]
            leaf[i] = node
        return leaf"""},
    ),
]
