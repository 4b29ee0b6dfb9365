"""Known mistakes in exercise 10, model selection."""
from tests.mistakes import Mistake

RNG = "    rng = np.random.default_rng(random_state)\n    permutation"
KFOLD_EXTRA = "fold_sizes[: n_samples % k] += 1"
YIELD = "yield np.flatnonzero(test_folds != fold), np.flatnonzero(test_folds == fold)"
CHOOSE_CV = "cv = StratifiedKFold(cv) if is_classifier else KFold(cv)"

MISTAKES = [
    # train_test_split
    Mistake(
        "test_size_rounded_down", "correctness",
        "n_test = int(test_size·n): 10 · 0.33 gives 3 test samples instead of ceil = 4",
        {"n_test = math.ceil(test_size * n_samples)": "n_test = int(test_size * n_samples)"},
    ),
    Mistake(
        "test_size_rounded_up_by_adding_one", "correctness",
        "n_test = int(test_size·n) + 1 'rounds up', but adds a sample when test_size·n is a whole "
        "number (20 · 0.3 = 6 becomes 7)",
        {"n_test = math.ceil(test_size * n_samples)": "n_test = int(test_size * n_samples) + 1"},
    ),
    Mistake(
        "int_test_size_read_as_a_fraction", "correctness",
        "every test_size multiplied by n: an int count of 5 asks for 5·n test samples",
        {"    if isinstance(test_size, numbers.Integral):\n        n_test = int(test_size)\n"
         "    else:\n        n_test = math.ceil(test_size * n_samples)\n":
         "    n_test = math.ceil(test_size * n_samples)\n"},
    ),
    Mistake(
        "split_without_shuffling", "correctness",
        "the test set is the first n_test rows: any order in the data (sorted by date, by class) "
        "leaks into the split",
        {"permutation = rng.permutation(n_samples)": "permutation = np.arange(n_samples)"},
    ),
    Mistake(
        "y_shuffled_separately_from_X", "correctness",
        "X and y each get their own permutation: every target ends up next to another row",
        {"return X[train], X[test], y[train], y[test]":
         "return X[train], X[test], y[rng.permutation(train)], y[rng.permutation(test)]"},
    ),
    Mistake(
        "stratify_ignored", "folds",
        "the stratify argument is accepted but the plain random split is always used",
        {"if stratify is None:\n        test, train": "if True:\n        test, train"},
    ),
    Mistake(
        "class_shares_rounded_one_by_one", "folds",
        "np.round of each class's share: the counts need not add up to n_test "
        "(3 classes of 5, 4 test samples: 1 + 1 + 1)",
        {"    counts = class_counts * n_draw // n\n":
         "    counts = np.round(class_counts * n_draw / n).astype(int)\n    return counts\n"},
    ),
    Mistake(
        "class_shares_rounded_down", "folds",
        "floor of every share, and the left-over samples never handed out",
        {"    counts[np.argsort(-remainders, kind=\"stable\")[:missing]] += 1\n": ""},
    ),
    Mistake(
        "shuffles_the_callers_arrays", "edge_cases",
        "rng.shuffle(X) and rng.shuffle(y) with the same seed: aligned, but the caller's data "
        "is reordered (and a read-only array raises)",
        {"        test, train = permutation[:n_test], permutation[n_test:]\n":
         "        np.random.default_rng(random_state).shuffle(X)\n"
         "        np.random.default_rng(random_state).shuffle(y)\n"
         "        return X[n_test:], X[:n_test], y[n_test:], y[:n_test]\n"},
    ),
    Mistake(
        "seed_zero_ignored", "stability",
        "`if random_state:` treats the seed 0 like None, so random_state=0 is not reproducible",
        {RNG: "    rng = np.random.default_rng(random_state if random_state else None)\n    permutation"},
    ),
    Mistake(
        "global_random_state", "stability",
        "np.random.seed(random_state) and np.random.permutation: reproducible, but it resets the "
        "caller's global random state",
        {RNG: "    np.random.seed(random_state)\n    rng = np.random\n    permutation"},
    ),
    Mistake(
        "singleton_class_accepted", "edge_cases",
        "no check for a class with one member, which cannot be in both sets",
        {"        if class_counts.min() < 2:\n            raise ValueError(":
         "        if False:\n            raise ValueError("},
    ),
    Mistake(
        "too_small_test_set_accepted", "edge_cases",
        "no check that n_test and n_train hold at least one sample of each class",
        {"            if size < len(classes):": "            if size < 0:"},
    ),
    Mistake(
        "one_of_each_class_rejected", "edge_cases",
        "an off-by-one in the size check (n_test <= n_classes): a test or training set of exactly "
        "one sample per class, which scikit-learn accepts, raises",
        {"            if size < len(classes):": "            if size <= len(classes):"},
    ),
    # KFold and the shared split
    Mistake(
        "kfold_drops_the_leftovers", "folds",
        "every fold gets n // k samples and the n % k left over are never tested "
        "(ML-From-Scratch's discarded np.append)",
        {"        " + KFOLD_EXTRA + "\n": ""},
    ),
    Mistake(
        "kfold_extras_to_the_last_folds", "folds",
        "the n % k extra samples go to the last folds: sizes 3, 3, 4 instead of 4, 3, 3",
        {KFOLD_EXTRA: "fold_sizes[k - n_samples % k:] += 1"},
    ),
    Mistake(
        "kfold_shuffle_ignored", "folds",
        "shuffle=True returns the consecutive folds",
        {"        if self.shuffle:\n            test_folds = np.random.default_rng": "        if False:\n            test_folds = np.random.default_rng"},
    ),
    Mistake(
        "train_includes_the_test_fold", "folds",
        "train_idx is every sample, so the model is tested on data it was trained on",
        {YIELD: "yield np.arange(len(test_folds)), np.flatnonzero(test_folds == fold)"},
    ),
    Mistake(
        "split_yields_boolean_masks", "shapes",
        "yields boolean masks instead of index arrays",
        {YIELD: "yield test_folds != fold, test_folds == fold"},
    ),
    # StratifiedKFold
    Mistake(
        "stratified_array_split_per_class", "folds",
        "np.array_split of each class on its own: every class's extra sample goes to fold 0, "
        "so sizes 8, 6, 6 for two classes of 10 and k = 3",
        {"np.add.at(allocation, (np.arange(n_samples) % k, np.sort(class_of)), 1)":
         "allocation = np.array([[len(part) for part in np.array_split(np.arange(n_c), k)]\n"
         "                               for n_c in counts]).T"},
    ),
    Mistake(
        "stratified_classes_in_sorted_order", "folds",
        "classes numbered by sorted label instead of first appearance: renaming the labels "
        "changes the folds",
        {"class_of = rank[label_of]": "class_of = label_of"},
    ),
    Mistake(
        "stratified_shuffle_ignored", "folds",
        "shuffle=True gives the unshuffled folds whatever the seed",
        {"                folds_of_class = rng.permutation(folds_of_class)\n":
         "                pass\n"},
    ),
    Mistake(
        "stratified_shuffle_only_reorders_the_folds", "folds",
        "shuffles the order of the folds, not the samples: the same folds for every seed "
        "(scikit-learn issue #13110)",
        {"            if self.shuffle:\n                folds_of_class = rng.permutation(folds_of_class)\n"
         "            test_folds[class_of == c] = folds_of_class\n":
         "            test_folds[class_of == c] = folds_of_class\n"
         "        if self.shuffle:\n            test_folds = rng.permutation(k)[test_folds]\n"},
    ),
    Mistake(
        "small_class_not_warned", "edge_cases",
        "a class with fewer than k members silently misses some folds",
        {"        if counts.min() < k:\n            warnings.warn(":
         "        if False:\n            warnings.warn("},
    ),
    Mistake(
        "small_class_is_an_error", "edge_cases",
        "raises as soon as one class has fewer than k members, where a warning is due",
        {"if np.all(counts < k):": "if np.any(counts < k):"},
    ),
    # cross_val_score
    Mistake(
        "cv_int_always_kfold", "correctness",
        "an int cv is KFold even for a classifier: sorted labels give single-class test folds",
        {CHOOSE_CV: "cv = KFold(cv)"},
    ),
    Mistake(
        "cv_int_always_stratified", "correctness",
        "an int cv is StratifiedKFold even for a regressor, which has no classes",
        {CHOOSE_CV: "cv = StratifiedKFold(cv)"},
    ),
    Mistake(
        "estimator_type_read_directly", "correctness",
        "estimator._estimator_type fails on an estimator that does not set it",
        {'is_classifier = getattr(estimator, "_estimator_type", None) == "classifier"':
         'is_classifier = estimator._estimator_type == "classifier"'},
    ),
    Mistake(
        "estimator_not_copied", "correctness",
        "fits the caller's estimator itself: state carries over between folds and the caller's "
        "object comes back fitted",
        {"        model = copy.deepcopy(estimator)\n": "        model = estimator\n"},
    ),
    Mistake(
        "shallow_copy", "correctness",
        "copy.copy shares the estimator's dicts and arrays between the folds",
        {"        model = copy.deepcopy(estimator)\n": "        model = copy.copy(estimator)\n"},
    ),
    Mistake(
        "fit_on_all_the_data", "correctness",
        "every fold's model is trained on all of X, test fold included: optimistic scores",
        {"model.fit(X[train], y[train])": "model.fit(X, y)"},
    ),
    Mistake(
        "scored_on_the_training_fold", "correctness",
        "scores each model on the rows it was trained on",
        {"score = model.score(X[test], y[test])": "score = model.score(X[train], y[train])"},
    ),
    Mistake(
        "scoring_arguments_swapped", "correctness",
        "calls scoring(y_pred, y_true): wrong for every asymmetric metric (R², precision)",
        {"score = scoring(y[test], model.predict(X[test]))":
         "score = scoring(model.predict(X[test]), y[test])"},
    ),
    Mistake(
        "training_set_recomputed", "correctness",
        "ignores the cv object's train_idx and trains on the complement of test_idx",
        {"        model.fit(X[train], y[train])\n":
         "        train = np.setdiff1d(np.arange(len(X)), test)\n"
         "        model.fit(X[train], y[train])\n"},
    ),
    Mistake(
        "scores_returned_as_a_list", "shapes",
        "returns the Python list of scores instead of a float array",
        {"return np.array(scores, dtype=np.float64)": "return scores"},
    ),
]
