"""Public tests of exercise 12, preprocessing (20 of its 100 points)."""
import numpy as np
import pytest
from sklearn import preprocessing

from autograder.checks import expect_array, expect_close

# Measured on the reference: scalers and polynomial features agree with scikit-learn to about
# 1e-15 (relative) on data of order 1; the nearest mistakes (ddof = 1, an epsilon added to the
# scale) are off by 1e-8 relative or more.
CLOSE = {"rtol": 1e-10, "atol": 1e-12}


def features(seed, n=30, d=3):
    """Random features with their own means (-5..5) and spreads (0.5..4)."""
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, d)) * rng.uniform(0.5, 4.0, size=d) + rng.uniform(-5.0, 5.0, size=d)


@pytest.mark.points(4, "shapes")
def test_transformers_return_arrays_of_the_right_shape(impl):
    X = features(seed=1, n=12, d=3)
    scaler = impl.StandardScaler()
    assert scaler.fit(X) is scaler, "fit should return self (the estimator), so calls can be chained"
    for name in ("mean_", "var_", "scale_"):
        expect_array(getattr(scaler, name), (3,), f"StandardScaler.{name}",
                     hint="one statistic per feature: reduce over the rows with axis=0")
    expect_array(scaler.transform(X[:5]), (5, 3), "StandardScaler.transform(X[:5])",
                 hint="transform keeps the shape of its input")
    minmax = impl.MinMaxScaler()
    assert minmax.fit(X) is minmax, "fit should return self"
    expect_array(minmax.data_min_, (3,), "MinMaxScaler.data_min_", hint="X.min(axis=0)")
    expect_array(minmax.data_max_, (3,), "MinMaxScaler.data_max_", hint="X.max(axis=0)")
    expect_array(minmax.transform(X[:4]), (4, 3), "MinMaxScaler.transform(X[:4])")
    expect_array(impl.one_hot(np.array([0, 2, 1, 2, 0])), (5, 3), "one_hot([0, 2, 1, 2, 0])",
                 hint="one row per label and K = max(y) + 1 columns, as floats")
    expect_array(impl.polynomial_features(X[:6]), (6, 10), "polynomial_features(X[:6]) with d = 3",
                 hint="degree 2 with the bias has 1 + 3 + 6 = C(3 + 2, 2) = 10 columns")


@pytest.mark.points(6, "correctness")
def test_standard_scaler_matches_scikit_learn(impl):
    X, X_new = features(seed=2, n=40), features(seed=3, n=7)
    oracle = preprocessing.StandardScaler().fit(X)
    expected = oracle.transform(X_new)
    scaler = impl.StandardScaler().fit(X)
    expect_close(scaler.mean_, oracle.mean_, "mean_", **CLOSE, hint="the column means, X.mean(axis=0)")
    expect_close(scaler.var_, oracle.var_, "var_", **CLOSE,
                 hint="the variance with ddof = 0: divide by n, not n - 1")
    expect_close(scaler.scale_, oracle.scale_, "scale_", **CLOSE, hint="scale_ = sqrt(var_)")
    expect_close(scaler.transform(X_new), expected, "transform(X_new)", **CLOSE,
                 hint="(X - mean_) / scale_ with the statistics of the training data")


@pytest.mark.points(4, "correctness")
def test_min_max_scaler_matches_scikit_learn(impl):
    X, X_new = features(seed=4, n=25), features(seed=5, n=6)
    oracle = preprocessing.MinMaxScaler(feature_range=(-1.0, 2.0)).fit(X)
    expected_train, expected_new = oracle.transform(X), oracle.transform(X_new)
    scaler = impl.MinMaxScaler(feature_range=(-1.0, 2.0)).fit(X)
    expect_close(scaler.data_min_, oracle.data_min_, "data_min_", **CLOSE)
    expect_close(scaler.data_max_, oracle.data_max_, "data_max_", **CLOSE)
    hint = "(X - data_min_) / (data_max_ - data_min_) maps to [0, 1]; then stretch to [lo, hi]"
    expect_close(scaler.transform(X), expected_train, "transform(X) with feature_range=(-1, 2)", **CLOSE,
                 hint=hint)
    expect_close(scaler.transform(X_new), expected_new, "transform(X_new)", **CLOSE, hint=hint)


@pytest.mark.points(3, "correctness")
def test_one_hot_has_the_exact_values(impl):
    # labels [2, 0, 1, 2]: K = 3, a 1 in column y[i] of row i
    expected = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    expect_close(impl.one_hot(np.array([2, 0, 1, 2])), expected, "one_hot([2, 0, 1, 2])", rtol=0,
                 hint="Y[i, y[i]] = 1.0 and every other entry 0.0")


@pytest.mark.points(3, "correctness")
def test_polynomial_features_follow_scikit_learns_column_order(impl):
    X = np.array([[2.0, 3.0, 5.0], [1.0, -1.0, 0.5]])
    # row [a, b, c] = [2, 3, 5]: 1, a, b, c, a², ab, ac, b², bc, c² = 1, 2, 3, 5, 4, 6, 10, 9, 15, 25
    expected = preprocessing.PolynomialFeatures(degree=2).fit_transform(X)
    assert np.array_equal(expected[0], [1, 2, 3, 5, 4, 6, 10, 9, 15, 25]), "bank: oracle changed"
    expect_close(impl.polynomial_features(X), expected, "polynomial_features(X, degree=2)", **CLOSE,
                 hint="columns by degree; within a degree in the order of "
                      "itertools.combinations_with_replacement(range(d), k): a², ab, ac, b², bc, c²")
