"""Known mistakes in exercise 12, preprocessing."""
from tests.mistakes import Mistake

VAR = "var = ((X - mean) ** 2).mean(axis=0)"
CONSTANT = "        constant = X.max(axis=0) == X.min(axis=0)\n        var = np.where(constant, 0.0, var)\n"
STANDARD_TRANSFORM = "        return (X - offset) / scale\n"
MINMAX_TRANSFORM = "return (X - self.data_min_) * self.scale_ + lo"
POLY_LOOP = ("        for combo in itertools.combinations_with_replacement(range(n_features), k):\n"
             "            columns.append(features[list(combo)].prod(axis=0))\n")

MISTAKES = [
    Mistake(
        "sample_variance", "correctness",
        "divides by n - 1 (np.var(ddof=1), the sample variance) instead of n",
        {VAR: "var = ((X - mean) ** 2).sum(axis=0) / (len(X) - 1)"},
    ),
    Mistake(
        "divides_by_the_variance", "correctness",
        "forgets the square root: divides by the variance instead of the standard deviation",
        {"scale = np.where(var > 0.0, np.sqrt(var), 1.0)": "scale = np.where(var > 0.0, var, 1.0)"},
    ),
    Mistake(
        "epsilon_in_the_denominator", "stability",
        "the habit (X - mean) / (std + 1e-8): wrong for every feature whose spread is not huge",
        {STANDARD_TRANSFORM: "        return (X - offset) / (scale + 1e-8)\n"},
    ),
    Mistake(
        "one_pass_variance", "stability",
        "var = E[x²] - E[x]²: catastrophic cancellation for data far from 0",
        {VAR: "var = (X ** 2).mean(axis=0) - mean ** 2"},
    ),
    Mistake(
        "zero_variance_divides_by_zero", "stability",
        "scale = sqrt(var) with no rule for constant features: 0/0 = NaN",
        {"scale = np.where(var > 0.0, np.sqrt(var), 1.0)": "scale = np.sqrt(var)"},
    ),
    Mistake(
        "constant_detected_by_zero_variance_only", "stability",
        "np.var plus var == 0: round-off gives a constant 0.1 column a variance of 1e-34",
        {CONSTANT: ""},
    ),
    Mistake(
        "absolute_threshold_on_the_variance", "stability",
        "treats var < 1e-10 as constant: standardizing data measured in tiny units does nothing",
        {"scale = np.where(var > 0.0, np.sqrt(var), 1.0)": "scale = np.where(var > 1e-10, np.sqrt(var), 1.0)"},
    ),
    Mistake(
        "transform_refits_on_its_input", "correctness",
        "StandardScaler.transform standardizes X with X's own mean and std (data leakage)",
        {STANDARD_TRANSFORM:
         "        own = np.where(X.std(axis=0) > 0, X.std(axis=0), 1.0)\n"
         "        offset = X.mean(axis=0) if self.with_mean else 0.0\n"
         "        scale = own if self.with_std else 1.0\n"
         "        return (X - offset) / scale\n"},
    ),
    Mistake(
        "min_max_transform_uses_the_new_data", "correctness",
        "MinMaxScaler.transform rescales X by its own min and max",
        {MINMAX_TRANSFORM:
         "lo, hi = _check_feature_range(self.feature_range)\n"
         "        low, span = X.min(axis=0), np.ptp(X, axis=0)\n"
         "        return (X - low) / np.where(span > 0, span, 1.0) * (hi - lo) + lo"},
    ),
    Mistake(
        "feature_range_ignored", "correctness",
        "MinMaxScaler always maps to [0, 1]",
        {"scale = (hi - lo) / np.where(data_range > 0.0, data_range, 1.0)":
         "scale = 1.0 / np.where(data_range > 0.0, data_range, 1.0)",
         MINMAX_TRANSFORM: "return (X - self.data_min_) * self.scale_",
         "return (Z - lo) / self.scale_ + self.data_min_": "return Z / self.scale_ + self.data_min_"},
    ),
    Mistake(
        "feature_range_stretched_by_hi", "correctness",
        "scales [0, 1] by hi and adds lo: right for (0, 1), wrong for any other range",
        {"scale = (hi - lo) / np.where(data_range > 0.0, data_range, 1.0)":
         "scale = hi / np.where(data_range > 0.0, data_range, 1.0)"},
    ),
    Mistake(
        "min_max_zero_range_divides_by_zero", "stability",
        "divides by data_max_ - data_min_ without a rule for constant features",
        {"scale = (hi - lo) / np.where(data_range > 0.0, data_range, 1.0)": "scale = (hi - lo) / data_range"},
    ),
    Mistake(
        "constant_feature_forced_to_lo", "stability",
        "maps a constant feature to lo for any input, so new values and the inverse lose it",
        {MINMAX_TRANSFORM: "return np.where(self.data_range_ > 0, (X - self.data_min_) * self.scale_, 0.0) + lo"},
    ),
    Mistake(
        "inverse_in_the_wrong_order", "correctness",
        "StandardScaler.inverse_transform adds the mean before multiplying by the scale",
        {"return Z * scale + offset": "return (Z + offset) * scale"},
    ),
    Mistake(
        "with_mean_ignored", "correctness",
        "always centres, even with with_mean=False",
        {"        offset = self.mean_ if self.with_mean else 0.0\n        scale = self.scale_ if self.with_std else 1.0\n"
         "        return (X - offset) / scale\n":
         "        offset = self.mean_\n        scale = self.scale_ if self.with_std else 1.0\n"
         "        return (X - offset) / scale\n"},
    ),
    Mistake(
        "statistics_depend_on_the_flags", "correctness",
        "stores mean_ = 0 when with_mean=False (scikit-learn-like None), so mean_ is not the training mean",
        {"        self.mean_ = mean\n": "        self.mean_ = mean if self.with_mean else np.zeros_like(mean)\n"},
    ),
    Mistake(
        "centres_the_input_in_place", "edge_cases",
        "X -= mean_ modifies the caller's float64 array (and fails on a read-only one)",
        {STANDARD_TRANSFORM: "        X -= offset\n        X /= scale\n        return X\n"},
    ),
    Mistake(
        "no_feature_count_check", "edge_cases",
        "transform without check_n_features: one column silently broadcasts against d statistics",
        {"        check_is_fitted(self, \"scale_\")\n        X = check_array(X)\n        check_n_features(self, X)\n"
         "        # BEGIN SOLUTION\n        # Return (X - mean_)":
         "        check_is_fitted(self, \"scale_\")\n        X = check_array(X)\n"
         "        # BEGIN SOLUTION\n        # Return (X - mean_)"},
    ),
    Mistake(
        "no_fitted_check", "edge_cases",
        "MinMaxScaler.transform reads data_min_ directly: AttributeError, but not a ValueError",
        {"        check_is_fitted(self, \"scale_\")\n        X = check_array(X)\n        check_n_features(self, X)\n"
         "        lo, _ = _check_feature_range(self.feature_range)\n":
         "        X = check_array(X)\n        check_n_features(self, X)\n"
         "        lo, _ = _check_feature_range(self.feature_range)\n"},
    ),
    Mistake(
        "feature_range_order_unchecked", "edge_cases",
        "accepts feature_range=(1, 0) or (2, 2): a reversed range silently flips every feature",
        {"    if not lo < hi:\n": "    if False:\n"},
    ),
    Mistake(
        "float32_arithmetic", "edge_cases",
        "casts to float32 to save memory: outputs lose half their digits and come back float32",
        {"    features = X.T.copy()\n    columns = [np.ones(n_samples)]":
         "    features = X.T.astype(np.float32)\n    columns = [np.ones(n_samples, dtype=np.float32)]"},
    ),
    Mistake(
        "classes_counted_not_indexed", "correctness",
        "K = the number of distinct labels: a class absent from y loses its column",
        {"n_columns = int(labels.max()) + 1 if n_classes is None": "n_columns = len(np.unique(labels)) if n_classes is None"},
    ),
    Mistake(
        "n_classes_ignored", "shapes",
        "always K = max(y) + 1, whatever n_classes says",
        {"n_columns = int(labels.max()) + 1 if n_classes is None else int(n_classes)":
         "n_columns = int(labels.max()) + 1"},
    ),
    Mistake(
        "integer_one_hot", "shapes",
        "np.zeros((n, K), dtype=int): labels as an integer matrix instead of floats",
        {"encoded = np.zeros((labels.shape[0], n_columns))": "encoded = np.zeros((labels.shape[0], n_columns), dtype=int)"},
    ),
    Mistake(
        "no_repeated_factors", "shapes",
        "itertools.combinations instead of combinations_with_replacement: no squares or cubes",
        {"itertools.combinations_with_replacement(range(n_features), k)": "itertools.combinations(range(n_features), k)"},
    ),
    Mistake(
        "squares_before_cross_terms", "correctness",
        "within a degree, puts the pure powers first (a², b², then ab): not scikit-learn's order",
        {POLY_LOOP:
         "        combos = list(itertools.combinations_with_replacement(range(n_features), k))\n"
         "        combos.sort(key=lambda combo: len(set(combo)))\n"
         "        for combo in combos:\n"
         "            columns.append(features[list(combo)].prod(axis=0))\n"},
    ),
    Mistake(
        "grouped_by_feature", "correctness",
        "orders the columns feature by feature (a, a², b, ab, b², ...) instead of by degree",
        {"    for k in range(1, degree + 1):\n" + POLY_LOOP:
         "    combos = [c for k in range(1, degree + 1)\n"
         "              for c in itertools.combinations_with_replacement(range(n_features), k)]\n"
         "    for combo in sorted(combos, key=lambda c: (c[-1], len(c), c)):\n"
         "        columns.append(features[list(combo)].prod(axis=0))\n"},
    ),
    Mistake(
        "degree_off_by_one", "shapes",
        "range(1, degree) stops one degree short",
        {"for k in range(1, degree + 1):": "for k in range(1, degree):"},
    ),
    Mistake(
        "bias_always_included", "shapes",
        "ignores include_bias=False",
        {"columns = [np.ones(n_samples)] if include_bias else []": "columns = [np.ones(n_samples)]"},
    ),
    Mistake(
        "scaler_loops_over_rows", "vectorization",
        "np.apply_along_axis over the rows: a Python function call per sample",
        {STANDARD_TRANSFORM:
         "        return np.apply_along_axis(lambda row: (row - offset) / scale, 1, X)\n"},
    ),
    Mistake(
        "one_hot_row_by_row", "vectorization",
        "sets the ones in a Python loop over the samples (the loop body calls no function)",
        {"    encoded[np.arange(labels.shape[0]), labels] = 1.0\n":
         "    for i in range(labels.shape[0]):\n"
         "        encoded[i, labels[i]] = 1.0\n"},
    ),
    Mistake(
        "polynomial_row_by_row", "vectorization",
        "computes each sample's monomials in a Python loop over the rows",
        {POLY_LOOP:
         "        for combo in itertools.combinations_with_replacement(range(n_features), k):\n"
         "            columns.append(np.array([np.prod(row[list(combo)]) for row in X]))\n"},
    ),
]
