"""Hidden tests of exercise 04, k-nearest neighbours (80 of its 100 points)."""
import warnings

import numpy as np
import pytest

from autograder import datasets
from autograder.checks import expect_array, expect_close, expect_equal, expect_no_loop_over, expect_raises
from autograder.public.test_knn import exact_distances, oracle

EXACT = {"rtol": 1e-10, "atol": 1e-8}
PREDICTIONS = {"rtol": 1e-9, "atol": 1e-12}


def blobs(seed, n=60, d=3, n_classes=3, n_queries=30):
    """Overlapping Gaussian classes ``0..n_classes-1`` and continuous queries."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % n_classes
    rng.shuffle(y)
    centers = 1.5 * rng.normal(size=(n_classes, d))
    X = centers[y] + rng.normal(size=(n, d))
    queries = 1.5 * rng.normal(size=(n_queries, d))
    return X, y, queries


def require_no_distance_ties(X, queries, k):
    """Bank self-check: the k-th and (k+1)-th nearest distances are well apart, so that
    every correct implementation (and scikit-learn) picks the same neighbours."""
    D = np.sort(exact_distances(queries, X), axis=1)
    if k < D.shape[1]:
        assert np.min(D[:, k] - D[:, k - 1]) > 1e-9, "bank data error: a near tie in the test data"


def lattice(seed):
    """32 distinct training points and 32 queries on the integer grid {-3..3}²: many exact
    distance ties. Counts are powers of 2 so that any centring (mean of either set, or of
    both) stays exact in floating point, and every correct route computes equal distances
    exactly equal."""
    rng = np.random.default_rng(seed)
    grid = np.array([(i, j) for i in range(-3, 4) for j in range(-3, 4)], dtype=np.float64)
    return grid[rng.permutation(len(grid))[:32]], grid[rng.permutation(len(grid))[:32]]


def stable_neighbours(X, queries, k):
    """The expected neighbour indices: exact squared distances, stable sort, first k."""
    squared = ((queries[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    order = np.argsort(squared, axis=1, kind="stable")
    return order[:, :k], np.take_along_axis(squared, order, axis=1)


@pytest.fixture
def float_warnings():
    """Record numpy's RuntimeWarnings (sqrt of a negative, division by zero)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def runtime_warnings(caught):
    return [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]


# shapes ------------------------------------------------------------------------------------

@pytest.mark.points(3, "shapes")
def test_predict_proba_has_a_column_for_every_class_even_if_no_neighbour_votes_for_it(impl):
    X, y, queries = blobs(seed=101, n=40, d=2, n_classes=4)
    far = np.array([[40.0, 40.0]])  # one training point of class 9, far from every query
    X, y = np.vstack([X, far]), np.append(y, 9)
    expected = oracle("KNeighborsClassifier", 3, X, y, queries, proba=True)
    model = impl.KNeighborsClassifier(n_neighbors=3).fit(X, y)
    expect_equal(model.classes_, [0, 1, 2, 3, 9], "classes_", hint="classes_ = np.unique(y), all training labels")
    proba = expect_array(model.predict_proba(queries), (30, 5), "predict_proba(X)",
                         hint="one column per class in classes_, also for classes that get no vote")
    expect_close(proba.sum(axis=1), np.ones(30), "row sums of predict_proba", rtol=1e-12,
                 hint="divide each row of votes by its sum")
    expect_close(proba, expected, "predict_proba(X)", **PREDICTIONS,
                 hint="column c is the share of the neighbours' weight that goes to classes_[c]")


@pytest.mark.points(3, "shapes")
def test_a_single_query_and_a_single_feature_work(impl):
    rng = np.random.default_rng(102)
    X = rng.normal(size=(12, 1))
    y = rng.normal(size=12)
    labels = (X[:, 0] > 0).astype(int)
    assert 0 < labels.sum() < 12, "bank data error: both classes must be present"
    query = np.array([[0.3]])
    expected_distances = exact_distances(query, X)
    expected_target = oracle("KNeighborsRegressor", 3, X, y, query)
    expected_label = oracle("KNeighborsClassifier", 3, X, labels, query)
    expect_close(impl.euclidean_distances(query, X), expected_distances,
                 "euclidean_distances(one query (1, 1), X (12, 1))", **EXACT,
                 hint="keep D 2-D, (n_A, n_B), even for one row or one feature")
    expect_close(impl.KNeighborsRegressor(n_neighbors=3).fit(X, y).predict(query), expected_target,
                 "KNeighborsRegressor.predict(one query)", **PREDICTIONS,
                 hint="predict returns shape (1,) for one query: reduce over axis 1 only")
    classifier = impl.KNeighborsClassifier(n_neighbors=3).fit(X, labels)
    expect_equal(classifier.predict(query), expected_label, "KNeighborsClassifier.predict(one query)",
                 hint="predict returns shape (1,) for one query: take the argmax along axis 1")
    expect_array(classifier.predict_proba(query), (1, 2), "predict_proba(one query)",
                 hint="predict_proba stays 2-D, (n, K), even for one query")


# correctness -------------------------------------------------------------------------------

@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("n_a, n_b, d", [(7, 11, 1), (9, 5, 7)])
def test_distances_between_two_different_sets_are_exact(impl, n_a, n_b, d):
    rng = np.random.default_rng(110 + d)
    A = rng.normal(size=(n_a, d)) * 2.0 + 3.0
    B = rng.normal(size=(n_b, d)) * 0.5 - 1.0
    expected = exact_distances(A, B)
    D = impl.euclidean_distances(A, B)
    expect_close(D, expected, "euclidean_distances(A, B)", **EXACT,
                 hint="both sets must be shifted by the SAME vector (shifting A by its own mean "
                      "and B by its own changes the distances), and D is the square root of "
                      "the sum of squared differences (not absolute ones)")
    expect_close(impl.euclidean_distances(B, A), expected.T, "euclidean_distances(B, A)", **EXACT,
                 hint="euclidean_distances(B, A) is the transpose of euclidean_distances(A, B)")


@pytest.mark.points(8, "correctness")
@pytest.mark.parametrize("k, weights", [(1, "uniform"), (4, "uniform"), (7, "uniform"),
                                        (3, "distance"), (6, "distance")])
def test_classifier_matches_scikit_learn(impl, k, weights):
    X, y, queries = blobs(seed=120 + k, n=70, d=4, n_classes=3)
    require_no_distance_ties(X, queries, k)
    expected = oracle("KNeighborsClassifier", k, X, y, queries, weights)
    got = impl.KNeighborsClassifier(n_neighbors=k, weights=weights).fit(X, y).predict(queries)
    expect_equal(got, expected, f"KNeighborsClassifier(n_neighbors={k}, weights={weights!r}).predict",
                 hint="use exactly n_neighbors nearest neighbours (the first k of a sort by increasing "
                      "distance) and, with weights='distance', weight each vote by 1/d")


@pytest.mark.points(5, "correctness")
@pytest.mark.parametrize("k, weights", [(5, "uniform"), (4, "distance")])
def test_predict_proba_matches_scikit_learn(impl, k, weights):
    X, y, queries = blobs(seed=130 + k, n=50, d=3, n_classes=4)
    require_no_distance_ties(X, queries, k)
    expected = oracle("KNeighborsClassifier", k, X, y, queries, weights, proba=True)
    got = impl.KNeighborsClassifier(n_neighbors=k, weights=weights).fit(X, y).predict_proba(queries)
    expect_close(got, expected, f"predict_proba with n_neighbors={k}, weights={weights!r}", **PREDICTIONS,
                 hint="column c is the total weight of the neighbours labelled classes_[c] divided "
                      "by the total weight of all k neighbours (1/d each with weights='distance')")


@pytest.mark.points(6, "correctness")
@pytest.mark.parametrize("k, weights", [(1, "uniform"), (3, "uniform"), (5, "distance")])
def test_regressor_matches_scikit_learn(impl, k, weights):
    X, _, queries = blobs(seed=140 + k, n=45, d=3)
    y = np.random.default_rng(140 + k).normal(size=45) * 3.0 + 1.0
    require_no_distance_ties(X, queries, k)
    expected = oracle("KNeighborsRegressor", k, X, y, queries, weights)
    got = impl.KNeighborsRegressor(n_neighbors=k, weights=weights).fit(X, y).predict(queries)
    expect_close(got, expected, f"KNeighborsRegressor(n_neighbors={k}, weights={weights!r}).predict",
                 **PREDICTIONS,
                 hint="uniform: the mean target of the k neighbours; distance: sum(y/d) / sum(1/d)")


@pytest.mark.points(3, "correctness")
def test_one_neighbour_on_the_training_set_gives_back_the_training_targets(impl):
    X, y, _ = blobs(seed=150, n=35, d=3)
    targets = np.random.default_rng(150).normal(size=35)
    expect_equal(impl.KNeighborsClassifier(n_neighbors=1).fit(X, y).predict(X), y,
                 "KNeighborsClassifier(n_neighbors=1).predict(X_train)",
                 hint="each training point is its own nearest neighbour (distance 0): do not skip it")
    expect_close(impl.KNeighborsRegressor(n_neighbors=1).fit(X, targets).predict(X), targets,
                 "KNeighborsRegressor(n_neighbors=1).predict(X_train)", **PREDICTIONS,
                 hint="each training point is its own nearest neighbour (distance 0): do not skip it")
    expect_equal(impl.KNeighborsClassifier(n_neighbors=4, weights="distance").fit(X, y).predict(X), y,
                 "KNeighborsClassifier(n_neighbors=4, weights='distance').predict(X_train)",
                 hint="a training point queried again is an exact match: it alone decides")


@pytest.mark.points(4, "correctness")
def test_shuffling_the_training_set_or_renaming_the_classes_changes_nothing(impl):
    X, y, queries = blobs(seed=160, n=60, d=3, n_classes=3)
    require_no_distance_ties(X, queries, 5)
    expected = oracle("KNeighborsClassifier", 5, X, y, queries, "distance")
    names = np.array([20, -4, 7])  # class 0 -> 20, 1 -> -4, 2 -> 7: not in sorted order
    order = np.random.default_rng(160).permutation(60)
    got = impl.KNeighborsClassifier(n_neighbors=5, weights="distance").fit(X, y).predict(queries)
    expect_equal(got, expected, "predict", hint="with weights='distance' each neighbour votes with weight 1/d")
    shuffled = impl.KNeighborsClassifier(n_neighbors=5, weights="distance").fit(X[order], y[order])
    expect_equal(shuffled.predict(queries), expected, "predict after shuffling the training rows",
                 hint="keep the training rows and their labels aligned: index y with the same "
                      "neighbour indices as X")
    renamed = impl.KNeighborsClassifier(n_neighbors=5, weights="distance").fit(X, names[y])
    expect_equal(renamed.predict(queries), names[expected], "predict after renaming the classes",
                 hint="predict must return the labels themselves (classes_[index]), whatever they are")


# stability ---------------------------------------------------------------------------------

@pytest.mark.points(4, "stability")
@pytest.mark.parametrize("offset", [0.0, 1e4])
def test_distances_from_a_set_to_itself_are_never_nan(impl, offset, float_warnings):
    X = np.random.default_rng(170).normal(size=(40, 5)) + offset
    expected = exact_distances(X, X)
    D = expect_array(impl.euclidean_distances(X, X), (40, 40), "euclidean_distances(X, X)",
                     hint="round-off makes ||a||² - 2 a·a + ||a||² slightly negative, and sqrt of a "
                          "negative is NaN: clamp the squared distances at 0 (np.maximum) first")
    diagonal = np.diagonal(D)
    assert np.all(diagonal >= 0.0) and np.all(diagonal <= 1e-5), (
        f"the distance from a point to itself should be 0 (up to 1e-5), got values up to "
        f"{np.max(np.abs(diagonal)):.3g}. Likely mistake: for data near {offset:g} the expansion "
        "||a||² - 2 a·b + ||b||² cancels catastrophically: subtract a common point (e.g. the mean "
        "of B) from both sets first")
    off_diagonal = ~np.eye(40, dtype=bool)
    expect_close(D[off_diagonal], expected[off_diagonal], "the distances between different points",
                 **EXACT, hint="shift both sets by one common point before expanding the square")
    messages = runtime_warnings(float_warnings)
    assert not messages, (
        f"numpy warned '{messages[0]}' while computing distances. Likely mistake: sqrt of a "
        "negative squared distance: clamp at 0 before np.sqrt")


@pytest.mark.points(5, "stability")
@pytest.mark.parametrize("d", [3, 8])
def test_distances_far_from_the_origin_are_correct_to_1e_minus_8(impl, d):
    rng = np.random.default_rng(180 + d)
    B = rng.normal(size=(30, d)) + 1e4
    A = np.vstack([B[:10] + 1e-3 * rng.normal(size=(10, d)),  # near neighbours of B's rows
                   rng.normal(size=(15, d)) + 1e4])
    expected = exact_distances(A, B)
    expect_close(impl.euclidean_distances(A, B), expected, "euclidean_distances at offset 1e4", **EXACT,
                 hint="at coordinates near 1e4, ||a||² and ||b||² are about 1e8 and their difference "
                      "loses the digits of a distance near 1: subtract a common point (the mean of B) "
                      "from both A and B before expanding; work in float64")


@pytest.mark.points(3, "stability")
def test_predictions_do_not_change_when_the_data_move_by_1e4(impl):
    X, y, queries = blobs(seed=190, n=50, d=3)
    targets = np.random.default_rng(190).normal(size=50)
    require_no_distance_ties(X, queries, 4)
    expected_labels = oracle("KNeighborsClassifier", 4, X, y, queries, "distance")
    expected_targets = oracle("KNeighborsRegressor", 4, X, targets, queries, "distance")
    shift = np.array([1e4, -1e4, 1e4])
    hint = ("moving every point by the same vector leaves all distances unchanged; if predictions "
            "move, the distances lost precision: shift both sets by a common point before expanding")
    got = impl.KNeighborsClassifier(n_neighbors=4, weights="distance").fit(X + shift, y).predict(queries + shift)
    expect_equal(got, expected_labels, "classifier predictions on data moved by 1e4", hint=hint)
    got = impl.KNeighborsRegressor(n_neighbors=4, weights="distance").fit(X + shift, targets).predict(queries + shift)
    expect_close(got, expected_targets, "regressor predictions on data moved by 1e4", rtol=1e-9, atol=1e-9,
                 hint=hint)


@pytest.mark.points(2, "stability")
def test_float32_input_is_computed_in_float64(impl):
    rng = np.random.default_rng(200)
    A = (rng.normal(size=(8, 4)) + 100.0).astype(np.float32)
    B = (rng.normal(size=(12, 4)) + 100.0).astype(np.float32)
    expected = exact_distances(A, B)  # the float32 values, upcast, then exact
    expect_close(impl.euclidean_distances(A, B), expected, "euclidean_distances of float32 input", **EXACT,
                 hint="convert the input to float64 before computing (float32 keeps only 7 digits)")


# edge cases --------------------------------------------------------------------------------

@pytest.mark.points(5, "edge_cases")
@pytest.mark.parametrize("seed, k", [(210, 1), (211, 3)])
def test_distance_ties_go_to_the_lower_training_index(impl, seed, k):
    X, queries = lattice(seed)
    chosen, squared = stable_neighbours(X, queries, k)
    assert np.any(squared[:, k - 1] == squared[:, k]), "bank data error: no tie at the k-th neighbour"
    # Every training point is its own class (label = its row index), so predict_proba shows
    # exactly which k neighbours were picked: 1/k on each of them.
    expected = np.zeros((32, 32))
    np.put_along_axis(expected, chosen, 1.0 / k, axis=1)
    model = impl.KNeighborsClassifier(n_neighbors=k).fit(X, np.arange(32))
    expect_close(model.predict_proba(queries), expected, f"the neighbours picked with n_neighbors={k}",
                 rtol=1e-12, atol=1e-12,
                 hint="among equal distances the lower training index comes first: sort with "
                      "np.argsort(D, axis=1, kind='stable'); the default sort is not stable")
    expect_equal(model.predict(queries), chosen.min(axis=1), f"predict with n_neighbors={k}",
                 hint="every picked neighbour has one vote: the tie goes to the lowest label")


@pytest.mark.points(3, "edge_cases")
def test_vote_ties_go_to_the_lowest_label_with_any_labels_and_weights(impl):
    # One feature; the query is 0. Its neighbours by distance: 1 (dog), -2 (cat), 3 (dog),
    # -4 (cat), 6 (emu), -8 (emu), 16 (ant), -32 (ant).
    X = np.array([[1.0], [-2.0], [3.0], [-4.0], [6.0], [-8.0], [16.0], [-32.0]])
    y = np.array(["dog", "cat", "dog", "cat", "emu", "emu", "ant", "ant"])
    query = np.array([[0.0]])
    # k=2: dog (d=1) vs cat (d=2): tie 1-1 -> "cat". k=4: 2-2 tie -> "cat". k=6: 2-2-2 -> "cat".
    # k=8: 2-2-2-2 -> "ant".
    hint = "a tie in the vote goes to the lowest label (np.argmax over classes_ returns the first maximum)"
    for k, expected in ((2, "cat"), (4, "cat"), (6, "cat"), (8, "ant")):
        got = impl.KNeighborsClassifier(n_neighbors=k).fit(X, y).predict(query)
        expect_equal(got, [expected], f"predict with n_neighbors={k}, uniform weights", hint=hint)
    # Distance weights: the query 0 is at distance 2 from 2 (label 5) and from -2 (label -3):
    # equal weights 1/2, a tie -> -3, although 2 comes first in the training set. (3 training
    # points and 1 query: every mean a solution may centre on is exact, so are the distances.)
    X = np.array([[2.0], [-2.0], [9.0]])
    labels = np.array([5, -3, 11])
    got = impl.KNeighborsClassifier(n_neighbors=2, weights="distance").fit(X, labels).predict(query)
    expect_equal(got, [-3], "predict with n_neighbors=2, weights='distance' (two equal weights)", hint=hint)


@pytest.mark.points(5, "edge_cases")
def test_exact_matches_alone_decide_with_distance_weights(impl, float_warnings):
    # 8 training points with integer coordinates (exact in floating point). Two copies sit at
    # the origin, one labelled "dog" (target 1), one "cat" (target 4).
    X = np.array([[0, 0], [0, 0], [2, 0], [0, 2], [-2, 0], [0, -2], [6, 6], [-6, -6]], dtype=float)
    labels = np.array(["dog", "cat", "emu", "emu", "emu", "emu", "dog", "cat"])
    targets = np.array([1.0, 4.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0])
    # Query (0, 0), k=5: the two copies are exact matches: only they count, one vote each:
    # P = (cat 0.5, dog 0.5, emu 0), a tie -> "cat"; the regressor gives (1 + 4) / 2 = 2.5.
    # Query (2, 0), k=3: exact match with point 2 alone -> "emu", P = (0, 0, 1), target 10.
    # Query (1, 1), k=3: no match; (0,0) twice at sqrt(2), then (2,0) at sqrt(2): weights equal,
    # cat 1/3, dog 1/3, emu 1/3 -> "cat"; target (1 + 4 + 10) / 3 = 5.
    # (8 queries: the 4 cases twice, so that any centring of the data stays exact.)
    queries = np.tile([[0.0, 0.0], [2.0, 0.0], [1.0, 1.0], [0.0, 0.0]], (2, 1))
    expected_proba = np.tile([[0.5, 0.5, 0.0], [0.0, 0.0, 1.0], [1 / 3, 1 / 3, 1 / 3], [0.5, 0.5, 0.0]], (2, 1))
    hint = ("where a query coincides with training points (distance 0) those points alone decide, "
            "each with weight 1; never compute 1/0 (it gives inf, then inf/inf = NaN)")
    classifier = impl.KNeighborsClassifier(n_neighbors=3, weights="distance").fit(X, labels)
    proba = classifier.predict_proba(queries)
    expect_close(proba, expected_proba, "predict_proba with exact matches (k=3)", rtol=1e-9, atol=1e-9, hint=hint)
    expect_equal(classifier.predict(queries), ["cat", "emu", "cat", "cat"] * 2, "predict with exact matches",
                 hint=hint)
    five = impl.KNeighborsClassifier(n_neighbors=5, weights="distance").fit(X, labels)
    expect_close(five.predict_proba(queries[:1]), expected_proba[:1], "predict_proba with k=5 at a "
                 "duplicated training point", rtol=1e-9, atol=1e-9,
                 hint="ALL the coincident training points decide, not only the first one")
    regressor = impl.KNeighborsRegressor(n_neighbors=3, weights="distance").fit(X, targets)
    expect_close(regressor.predict(queries), [2.5, 10.0, 5.0, 2.5] * 2, "regressor predictions with exact matches",
                 rtol=1e-9, atol=1e-9, hint=hint)
    messages = runtime_warnings(float_warnings)
    assert not messages, f"numpy warned '{messages[0]}'. Likely mistake: {hint}"


@pytest.mark.points(4, "edge_cases")
@pytest.mark.parametrize("names", [["ant", "bee", "cow"], [-7, -2, -1], [3, 10, 400]],
                         ids=["strings", "negative_ints", "non_contiguous_ints"])
def test_labels_of_any_kind(impl, names):
    X, y, queries = blobs(seed=220, n=45, d=2)
    names = np.array(names)
    labels = names[y]
    expected = oracle("KNeighborsClassifier", 5, X, labels, queries)
    expected_proba = oracle("KNeighborsClassifier", 5, X, labels, queries, proba=True)
    model = impl.KNeighborsClassifier(n_neighbors=5).fit(X, labels)
    hint = ("encode the labels as indices 0..K-1 with np.unique(y, return_inverse=True), vote on the "
            "indices, and map back with classes_[index]; np.bincount fails on negative or string labels")
    expect_equal(model.classes_, np.sort(names), "classes_", hint=hint)
    expect_equal(model.predict(queries), expected, f"predict with labels {list(names)}", hint=hint)
    expect_close(model.predict_proba(queries), expected_proba, "predict_proba", **PREDICTIONS,
                 hint="probability columns follow classes_, the sorted labels")


@pytest.mark.points(3, "edge_cases")
def test_n_neighbors_may_equal_but_not_exceed_the_training_size(impl):
    X, y, queries = blobs(seed=230, n=6, d=2, n_classes=2)
    targets = np.arange(6, dtype=np.float64)
    expected = oracle("KNeighborsRegressor", 6, X, targets, queries)
    got = impl.KNeighborsRegressor(n_neighbors=6).fit(X, targets).predict(queries)
    expect_close(got, expected, "KNeighborsRegressor(n_neighbors=6) on 6 training samples", **PREDICTIONS,
                 hint="n_neighbors equal to the training size is allowed: every sample is a neighbour")
    with expect_raises(ValueError, "KNeighborsClassifier(n_neighbors=7) on 6 training samples (fit then predict)",
                       hint="raise ValueError when n_neighbors > the number of training samples"):
        impl.KNeighborsClassifier(n_neighbors=7).fit(X, y).predict(queries)
    with expect_raises(ValueError, "KNeighborsRegressor(n_neighbors=7) on 6 training samples (fit then predict)",
                       hint="raise ValueError when n_neighbors > the number of training samples"):
        impl.KNeighborsRegressor(n_neighbors=7).fit(X, targets).predict(queries)


@pytest.mark.points(2, "edge_cases")
def test_bad_hyperparameters_and_inputs_raise_value_error(impl):
    X, y, queries = blobs(seed=240, n=20, d=3)
    expected = oracle("KNeighborsClassifier", 3, X, y, queries)
    model = impl.KNeighborsClassifier(n_neighbors=3)
    with expect_raises((ValueError, AttributeError), "predict before fit",
                       hint="keep the check_is_fitted call at the start of kneighbors"):
        model.predict(queries)
    expect_equal(model.fit(X, y).predict(queries), expected, "predict",
                 hint="vote among the k nearest training samples")
    with expect_raises(ValueError, "predict with 2 features after fitting with 3",
                       hint="keep the check_n_features call in kneighbors"):
        model.predict(queries[:, :2])
    with expect_raises(ValueError, "euclidean_distances(A with 3 features, B with 2)",
                       hint="A and B must have the same number of columns"):
        impl.euclidean_distances(X, X[:, :2])
    for params in ({"n_neighbors": 0}, {"n_neighbors": 2.5}, {"weights": "gaussian"}):
        args = ", ".join(f"{key}={value!r}" for key, value in params.items())
        with expect_raises(ValueError, f"KNeighborsClassifier({args}).fit",
                           hint="n_neighbors is an int >= 1; weights is 'uniform' or 'distance'"):
            impl.KNeighborsClassifier(**params).fit(X, y)


@pytest.mark.points(2, "edge_cases")
def test_inputs_of_any_type_are_accepted_and_never_modified(impl):
    X, y, queries = blobs(seed=250, n=16, d=2)
    # even training and odd query coordinates: no query sits on a training point, where the
    # expansion's round-off would leave sqrt(eps·||x||²) ~ 1e-7 in place of a distance of 0
    X_int = 2 * np.round(X * 4).astype(np.int64)
    queries_int = 2 * np.round(queries * 4).astype(np.int64) + 1
    targets = X[:, 0] * 2.0
    expected = oracle("KNeighborsRegressor", 3, X, targets, queries, "distance")
    X_ro, y_ro, targets_ro, queries_ro = datasets.read_only(X, y, targets, queries)
    got = impl.KNeighborsRegressor(n_neighbors=3, weights="distance").fit(X_ro, targets_ro).predict(queries_ro)
    expect_close(got, expected, "predictions from read-only arrays", **PREDICTIONS,
                 hint="never write into the caller's arrays (no in-place -= on X)")
    expect_array(impl.KNeighborsClassifier(n_neighbors=3).fit(X_ro, y_ro).predict_proba(queries_ro), (30, 3),
                 "predict_proba from read-only arrays", hint="never write into the caller's arrays")
    expect_close(impl.euclidean_distances(X_int.tolist(), queries_int), exact_distances(X_int, queries_int),
                 "euclidean_distances of an int list and an int array", **EXACT,
                 hint="convert the input to a float64 array first")
    expect_close(X_ro, X, "X after fitting and predicting", rtol=0,
                 hint="centre into new arrays (A - shift), never in place (A -= shift)")
    expect_close(queries_ro, queries, "the queries after predicting", rtol=0,
                 hint="centre into new arrays (A - shift), never in place (A -= shift)")


# vectorization -----------------------------------------------------------------------------

@pytest.mark.points(3, "vectorization")
def test_euclidean_distances_has_no_python_loop_over_samples(impl):
    rng = np.random.default_rng(260)
    A, B = rng.normal(size=(500, 6)), rng.normal(size=(500, 6))
    expect_close(impl.euclidean_distances(A[:20], B[:30]), exact_distances(A[:20], B[:30]),
                 "euclidean_distances(A, B)", **EXACT, hint="D[i, j] = ||A[i] - B[j]||")
    expect_no_loop_over(lambda n: impl.euclidean_distances(A[:n], B[:n]), 10, 500, "euclidean_distances",
                        hint="no loop over rows: ||a||² - 2 A @ B.T + ||b||² computes every pair at once")


@pytest.mark.points(3, "vectorization")
def test_predict_has_no_python_loop_over_queries(impl):
    X, y, queries = blobs(seed=270, n=50, d=3, n_queries=500)
    targets = np.random.default_rng(270).normal(size=50)
    require_no_distance_ties(X, queries[:40], 5)
    expected = oracle("KNeighborsClassifier", 5, X, y, queries[:40], "distance")
    classifier = impl.KNeighborsClassifier(n_neighbors=5, weights="distance").fit(X, y)
    regressor = impl.KNeighborsRegressor(n_neighbors=5, weights="distance").fit(X, targets)
    expect_equal(classifier.predict(queries[:40]), expected, "predict",
                 hint="with weights='distance' each neighbour votes with weight 1/d")
    hint = ("no loop over queries: sort all rows at once (np.argsort(..., axis=1)), gather the "
            "neighbours' labels with fancy indexing (n, k), and count votes with a one-hot mask "
            "(n, k, K) summed over axis 1")
    expect_no_loop_over(lambda n: classifier.predict(queries[:n]), 10, 500, "KNeighborsClassifier.predict",
                        hint=hint)
    expect_no_loop_over(lambda n: regressor.predict(queries[:n]), 10, 500, "KNeighborsRegressor.predict",
                        hint="no loop over queries: weighted sums along axis 1 of (n, k) arrays")
