"""Public tests of exercise 05, k-means and k-means++ (20 of its 100 points)."""
import numpy as np
import pytest
from sklearn import cluster

from autograder import datasets
from autograder.checks import (
    expect_array,
    expect_close,
    expect_equal,
    expect_float,
    expect_no_loop_over,
    no_float_warnings,
    to_float,
    to_int,
)


def lloyd_oracle(X, init, **options):
    """scikit-learn's Lloyd k-means from the centers ``init``, run to its fixed point (tol=0)."""
    return cluster.KMeans(n_clusters=len(init), init=init, n_init=1, algorithm="lloyd",
                          tol=0.0, **options).fit(X)


def expect_same_clustering(model, oracle, X, hint):
    """Centers, labels and inertia equal to the oracle's, up to a renumbering of the clusters."""
    k, d = oracle.cluster_centers_.shape
    centers = expect_array(model.cluster_centers_, (k, d), "cluster_centers_", hint=hint)
    nearest = ((oracle.cluster_centers_[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    assert len(set(nearest.tolist())) == k, (
        f"cluster_centers_ should be {oracle.cluster_centers_.tolist()} (in some order), got "
        f"{centers.tolist()}. Likely mistake: {hint}")
    expect_close(centers[nearest], oracle.cluster_centers_, "cluster_centers_", rtol=1e-9, atol=1e-9, hint=hint)
    expect_equal(model.labels_, nearest[oracle.labels_], "labels_", hint=hint)
    expect_float(model.inertia_, oracle.inertia_, "inertia_", rtol=1e-9,
                 hint="inertia_ is the sum (not the mean) of the squared distances of the samples "
                      "to their own final centers")


@pytest.mark.points(4, "shapes")
def test_fit_returns_self_and_learns_attributes_of_the_right_shape(impl):
    X, _ = datasets.blobs(seed=1, n=30, k=3)
    model = impl.KMeans(n_clusters=3, random_state=0)
    assert model.fit(X) is model, "fit should return self (the estimator), so calls can be chained"
    expect_array(model.cluster_centers_, (3, 2), "cluster_centers_",
                 hint="one row per cluster, one column per feature")
    expect_array(model.labels_, (30,), "labels_", kind="iu",
                 hint="labels_ holds one integer cluster index per sample (use argmin, not floats)")
    to_float(model.inertia_, "inertia_", hint="inertia_ is one number, a float")
    to_int(model.n_iter_, "n_iter_", hint="n_iter_ counts the Lloyd iterations: an int")
    expect_array(model.predict(X[:7]), (7,), "predict(X[:7])", kind="iu",
                 hint="predict returns one cluster index per row of X")
    expect_array(impl.kmeans_plus_plus(X, 4, random_state=0), (4, 2), "kmeans_plus_plus(X, 4)",
                 hint="k-means++ returns the k chosen rows of X, shape (k, d)")


@pytest.mark.points(6, "correctness")
def test_lloyd_matches_scikit_learn_from_the_same_init(impl):
    X, _ = datasets.blobs(seed=2, n=45, k=3)
    init = X[[0, 1, 2, 3]]
    oracle = lloyd_oracle(X, init)
    model = impl.KMeans(n_clusters=4, init=init, tol=0.0).fit(X)
    expect_same_clustering(model, oracle, X,
                           hint="alternate the assignment (argmin of squared distances) and the "
                                "update (mean of each cluster) until the centers stop moving")


@pytest.mark.points(4, "correctness")
def test_kmeans_plus_plus_returns_distinct_rows_of_X_and_repeats_with_a_seed(impl):
    X = np.random.default_rng(3).normal(size=(25, 3))
    for seed in (0, 1, 2):
        centers = expect_array(impl.kmeans_plus_plus(X, 6, random_state=seed), (6, 3),
                               f"kmeans_plus_plus(X, 6, random_state={seed})")
        rows = ((centers[:, None, :] - X[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
        expect_close(centers, X[rows], f"the centers chosen with seed {seed}", rtol=0.0,
                     hint="every center is a copy of a row of X, not a mean or a random point")
        assert len(set(rows.tolist())) == 6, (
            f"seed {seed}: the 6 centers should be 6 different rows of X, got rows {rows.tolist()}. "
            "Likely mistake: a chosen row has squared distance 0 to the centers, so its "
            "probability must be 0 (sample ∝ D², without replacement)")
        again = impl.kmeans_plus_plus(X, 6, random_state=seed)
        expect_close(again, centers, f"a second call with random_state={seed}", rtol=0.0,
                     hint="use np.random.default_rng(random_state); seed 0 is a seed too "
                          "(beware `if random_state:`)")


@pytest.mark.points(3, "stability")
def test_an_empty_cluster_is_relocated_without_nan(impl):
    X, _ = datasets.blobs(seed=4, n=40, k=2)
    init = np.vstack([X[:2], [[100.0, 100.0]]])  # no sample is nearest to the third center
    oracle = lloyd_oracle(X, init)
    with no_float_warnings("KMeans.fit with an empty cluster"):
        model = impl.KMeans(n_clusters=3, init=init, tol=0.0).fit(X)
    expect_same_clustering(model, oracle, X,
                           hint="the mean of an empty cluster is 0/0 = NaN: move its center to "
                                "the sample farthest from its own center instead")


@pytest.mark.points(3, "vectorization")
def test_predict_has_no_python_loop_over_samples(impl):
    X, _ = datasets.blobs(seed=5, n=2000, k=4, d=3)
    model = impl.KMeans(n_clusters=4, init=X[:4], max_iter=5).fit(X[:200])
    expect_array(model.predict(X[:10]), (10,), "predict(X[:10])", kind="iu")
    expect_no_loop_over(lambda n: model.predict(X[:n]), 50, 2000, "predict",
                        hint="compute all the (n, k) squared distances at once by broadcasting "
                             "X[:, None, :] - centers[None, :, :], then argmin over axis 1")
