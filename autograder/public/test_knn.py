"""Public tests of exercise 04, k-nearest neighbours (20 of its 100 points)."""
import numpy as np
import pytest
from sklearn import neighbors
from threadpoolctl import threadpool_limits

from autograder.checks import expect_array, expect_close, expect_equal


def exact_distances(A, B):
    """The oracle: every pair's difference taken directly, in float64 (no expansion)."""
    A, B = np.asarray(A, dtype=np.float64), np.asarray(B, dtype=np.float64)
    return np.sqrt(((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=2))


def oracle(kind, k, X, y, queries, weights="uniform", proba=False):
    """scikit-learn's brute-force ``kind`` ("KNeighborsClassifier" or "KNeighborsRegressor")
    fitted on ``(X, y)``: its predictions (or probabilities) for ``queries``. It runs on one
    thread: the bank's data are small, and thread start-up would dominate."""
    with threadpool_limits(limits=1):
        model = getattr(neighbors, kind)(k, weights=weights, algorithm="brute").fit(X, y)
        return model.predict_proba(queries) if proba else model.predict(queries)


def blobs(seed, n=60, d=3, n_classes=3):
    """Overlapping Gaussian classes ``0..n_classes-1`` and continuous queries (no ties)."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % n_classes
    rng.shuffle(y)
    centers = 1.5 * rng.normal(size=(n_classes, d))
    X = centers[y] + rng.normal(size=(n, d))
    queries = 1.5 * rng.normal(size=(25, d))
    return X, y, queries


def require_no_distance_ties(X, queries, k):
    """Bank self-check: the k-th and (k+1)-th nearest distances are well apart, so that
    every correct implementation (and scikit-learn) picks the same neighbours."""
    D = np.sort(exact_distances(queries, X), axis=1)
    assert np.min(D[:, k] - D[:, k - 1]) > 1e-9, "bank data error: a near tie in the test data"


@pytest.mark.points(4, "shapes")
def test_outputs_have_the_right_types_and_shapes(impl):
    X, y, queries = blobs(seed=1, n=20, d=2)
    D = impl.euclidean_distances(queries[:3], X[:5])
    expect_array(D, (3, 5), "euclidean_distances(A (3, 2), B (5, 2))",
                 hint="D[i, j] is the distance from A[i] to B[j]: one row per row of A")
    model = impl.KNeighborsClassifier(n_neighbors=3)
    assert model.fit(X, y) is model, "fit should return self (the estimator), so calls can be chained"
    expect_equal(model.classes_, [0, 1, 2], "classes_", hint="classes_ holds the sorted distinct labels")
    expect_array(model.predict(queries[:7]), (7,), "predict(X[:7])", kind="iu",
                 hint="predict returns one label (taken from classes_) per query")
    expect_array(model.predict_proba(queries[:7]), (7, 3), "predict_proba(X[:7])",
                 hint="one row per query, one column per class in classes_")
    regressor = impl.KNeighborsRegressor(n_neighbors=3).fit(X, y * 1.5)
    expect_array(regressor.predict(queries[:4]), (4,), "KNeighborsRegressor.predict(X[:4])",
                 hint="one predicted target per query, a 1-D float array")


@pytest.mark.points(5, "correctness")
def test_distances_equal_the_exact_pairwise_distances(impl):
    rng = np.random.default_rng(2)
    A, B = rng.normal(size=(6, 4)), rng.normal(size=(9, 4)) + 0.5
    expected = exact_distances(A, B)
    # A 3-4-5 triangle worked out by hand: |(0, 0) - (3, 4)| = 5, |(0, 0) - (1, 0)| = 1.
    expect_close(impl.euclidean_distances([[0.0, 0.0]], [[3.0, 4.0], [1.0, 0.0]]), [[5.0, 1.0]],
                 "euclidean_distances([[0, 0]], [[3, 4], [1, 0]])", rtol=1e-10, atol=1e-8,
                 hint="D = sqrt(||a||² - 2 a·b + ||b||²): did you forget the square root?")
    expect_close(impl.euclidean_distances(A, B), expected, "euclidean_distances(A, B)",
                 rtol=1e-10, atol=1e-8,
                 hint="D[i, j] = ||A[i] - B[j]||; with the expansion, broadcast the norms of A "
                      "down the rows ([:, None]) and those of B across the columns")


@pytest.mark.points(5, "correctness")
@pytest.mark.parametrize("k", [1, 3, 5])
def test_classifier_matches_scikit_learn(impl, k):
    X, y, queries = blobs(seed=3)
    require_no_distance_ties(X, queries, k)
    expected = oracle("KNeighborsClassifier", k, X, y, queries)
    got = impl.KNeighborsClassifier(n_neighbors=k).fit(X, y).predict(queries)
    expect_equal(got, expected, f"KNeighborsClassifier(n_neighbors={k}).predict",
                 hint="take the k smallest distances of each row (np.argsort along axis 1) and "
                      "vote with their labels")


@pytest.mark.points(3, "correctness")
def test_regressor_matches_scikit_learn(impl):
    X, _, queries = blobs(seed=4, n=40)
    y = np.random.default_rng(4).normal(size=40)
    require_no_distance_ties(X, queries, 4)
    expected = oracle("KNeighborsRegressor", 4, X, y, queries)
    got = impl.KNeighborsRegressor(n_neighbors=4).fit(X, y).predict(queries)
    expect_close(got, expected, "KNeighborsRegressor(n_neighbors=4).predict", rtol=1e-9, atol=1e-12,
                 hint="the prediction is the mean target of the k nearest training samples")


@pytest.mark.points(3, "edge_cases")
def test_a_vote_tie_goes_to_the_lowest_label(impl):
    # One feature. The query 0 has neighbours 1 (label 5, distance 1), -2 (label 3, distance
    # 2), 4 (label 8) and -5 (label 5). With k = 2 the vote is 5 vs 3: a tie, so the answer
    # is 3, the lowest label, although the nearest neighbour says 5. With k = 4 it is
    # 5, 3, 8, 5: label 5 wins 2 votes to 1.
    X = np.array([[1.0], [-2.0], [4.0], [-5.0]])
    y = np.array([5, 3, 8, 5])
    query = np.array([[0.0]])
    hint = ("a tie in the vote goes to the lowest label: np.argmax over columns ordered like "
            "classes_ returns the first maximum")
    expect_equal(impl.KNeighborsClassifier(n_neighbors=2).fit(X, y).predict(query), [3],
                 "predict with k=2 (a 1-1 tie between labels 5 and 3)", hint=hint)
    expect_equal(impl.KNeighborsClassifier(n_neighbors=4).fit(X, y).predict(query), [5],
                 "predict with k=4 (label 5 has 2 of 4 votes)", hint=hint)
