"""Public tests of exercise 06, principal component analysis (20 of its 100 points)."""
import numpy as np
import pytest
from sklearn import decomposition

from autograder import datasets
from autograder.checks import expect_array, expect_close, expect_close_up_to_sign, expect_raises

# Measured on the reference: components and projections agree with scikit-learn to ~1e-14,
# variances to a relative ~1e-15. The nearest mistakes are off by 1e-2 or more.
AXES = {"rtol": 0.0, "atol": 1e-8}
VARIANCE = {"rtol": 1e-7, "atol": 1e-12}


def oracle(X, n_components=None):
    """scikit-learn's exact PCA of ``X``, after checking the data suits an exact comparison:
    distinct variances (unique axes) and a clear largest entry in each axis (a sign that
    round-off cannot flip)."""
    model = decomposition.PCA(n_components=n_components, svd_solver="full").fit(X)
    variances = decomposition.PCA(svd_solver="full").fit(X).explained_variance_
    top = np.sort(np.abs(model.components_), axis=1)
    assert np.all(np.diff(variances[: len(model.components_) + 1]) < -1e-3 * variances[0]), "bank data: tied variances"
    assert np.all(top[:, -1] - top[:, -2] > 1e-3), "bank data: no clear largest entry"
    return model


@pytest.mark.points(4, "shapes")
def test_fit_returns_self_and_learns_attributes_of_the_right_shape(impl):
    X, _, _ = datasets.separated_spectrum(seed=1, n=30, d=4)
    model = impl.PCA(n_components=2)
    assert model.fit(X) is model, "fit should return self (the estimator), so calls can be chained"
    expect_array(model.components_, (2, 4), "components_",
                 hint="components_ holds the k principal axes as ROWS: shape (n_components, n_features)")
    expect_array(model.explained_variance_, (2,), "explained_variance_")
    expect_array(model.explained_variance_ratio_, (2,), "explained_variance_ratio_")
    expect_array(model.mean_, (4,), "mean_", hint="mean_ holds one mean per feature")
    Z = expect_array(model.transform(X[:7]), (7, 2), "transform(X[:7])",
                     hint="transform gives one row per sample and one column per component")
    expect_array(model.inverse_transform(Z), (7, 4), "inverse_transform(Z)",
                 hint="inverse_transform maps (m, k) projections back to (m, n_features)")
    full = impl.PCA().fit(X)
    expect_array(full.components_, (4, 4), "components_ with n_components=None",
                 hint="n_components=None keeps min(n_samples, n_features) components")


@pytest.mark.points(6, "correctness")
def test_components_and_variances_match_scikit_learn(impl):
    X, _, _ = datasets.separated_spectrum(seed=2, n=40, d=5, offset=3.0)
    expected = oracle(X, n_components=3)
    model = impl.PCA(n_components=3).fit(X)
    expect_close(model.mean_, expected.mean_, "mean_", rtol=1e-12, atol=1e-12,
                 hint="mean_ is the column mean of the training data, X.mean(axis=0)")
    expect_close_up_to_sign(model.components_, expected.components_, "components_", **AXES,
                            hint="centre X, take the SVD Xc = U·S·Vt; the components are the first k "
                                 "ROWS of Vt, by decreasing singular value")
    expect_close(model.explained_variance_, expected.explained_variance_, "explained_variance_",
                 **VARIANCE, hint="the variance along each axis is S² / (n - 1) (ddof = 1)")
    expect_close(model.explained_variance_ratio_, expected.explained_variance_ratio_,
                 "explained_variance_ratio_", **VARIANCE,
                 hint="divide by the TOTAL variance (all components), not by the kept ones")


@pytest.mark.points(3, "correctness")
def test_each_component_has_its_largest_entry_positive(impl):
    X, _, _ = datasets.separated_spectrum(seed=3, n=35, d=4)
    expected = oracle(X)
    model = impl.PCA().fit(X)
    expect_close_up_to_sign(model.components_, expected.components_, "components_", **AXES)
    C = model.components_
    largest = C[np.arange(4), np.argmax(np.abs(C), axis=1)]
    assert np.all(largest > 0), (
        f"in each row of components_ the entry of largest magnitude must be positive; got "
        f"{np.round(largest, 4)} for rows 0..3. Likely mistake: after the SVD, multiply each row "
        "by the sign of its largest-|·| entry (not of its first entry, not of its largest entry)")
    expect_close(C, expected.components_, "components_ (with the sign rule)", **AXES,
                 hint="flip each row so that its entry of largest magnitude is positive")


@pytest.mark.points(4, "correctness")
def test_transform_centres_new_data_with_the_training_mean(impl):
    X, _, _ = datasets.separated_spectrum(seed=4, n=50, d=4, offset=[5.0, -2.0, 1.0, 8.0])
    X_new = np.random.default_rng(4).normal(size=(6, 4)) + 20.0
    expected = oracle(X, n_components=2)
    Z_expected = expected.transform(X_new)
    model = impl.PCA(n_components=2).fit(X)
    expect_close_up_to_sign(model.transform(X_new), Z_expected, "transform(X_new)", per="column",
                            rtol=1e-9, atol=1e-9,
                            hint="subtract the TRAINING mean (mean_), never the new data's own mean, "
                                 "then multiply by components_.T")


@pytest.mark.points(3, "edge_cases")
def test_n_components_out_of_range_raises_value_error(impl):
    X, _, _ = datasets.separated_spectrum(seed=5, n=20, d=3)
    expected = oracle(X, n_components=3)
    model = impl.PCA(n_components=3).fit(X)
    expect_close_up_to_sign(model.components_, expected.components_, "components_ with n_components=3",
                            **AXES, hint="n_components = min(n_samples, n_features) is allowed")
    for bad in (0, 4, -1):
        with expect_raises(ValueError, f"PCA(n_components={bad}).fit(X) with X of shape (20, 3)",
                           hint="n_components must be an int in [1, min(n_samples, n_features)]"):
            impl.PCA(n_components=bad).fit(X)
