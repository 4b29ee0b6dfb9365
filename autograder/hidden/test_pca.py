"""Hidden tests of exercise 06, principal component analysis (80 of its 100 points)."""
import numpy as np
import pytest
from sklearn import decomposition

from autograder import datasets
from autograder.checks import (
    expect_array,
    expect_close,
    expect_close_up_to_sign,
    expect_no_loop_over,
    expect_raises,
)
from autograder.public.test_pca import AXES, VARIANCE

SOLVERS = ["svd", "eigh"]


def oracle(X, n_components=None, compare=None):
    """scikit-learn's exact PCA of ``X``, after checking that its first ``compare`` axes suit
    an exact comparison: distinct variances (unique axes) and a clear largest entry (a sign
    that round-off cannot flip)."""
    model = decomposition.PCA(n_components=n_components, svd_solver="full").fit(X)
    variances = decomposition.PCA(svd_solver="full").fit(X).explained_variance_
    compare = len(model.components_) if compare is None else compare
    top = np.sort(np.abs(model.components_[:compare]), axis=1)
    assert np.all(np.diff(variances[: compare + 1]) < -1e-3 * variances[0]), "bank data: tied variances"
    assert np.all(top[:, -1] - top[:, -2] > 1e-3), "bank data: no clear largest entry"
    return model


def wide(seed, n=8, d=12, offset=0.0):
    """More features than samples, with decreasing feature scales (distinct variances)."""
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, d)) * np.geomspace(3.0, 0.3, d) + offset


# shapes ------------------------------------------------------------------------------------

@pytest.mark.points(4, "shapes")
@pytest.mark.parametrize("solver", SOLVERS)
def test_more_features_than_samples_keeps_n_samples_components(impl, solver):
    X = wide(seed=61, n=6, d=10)
    model = impl.PCA(solver=solver).fit(X)
    hint = "n_components=None keeps min(n_samples, n_features) components, here n_samples = 6"
    expect_array(model.components_, (6, 10), f"components_ (solver={solver!r})", hint=hint)
    expect_array(model.explained_variance_, (6,), "explained_variance_", hint=hint)
    expect_array(model.explained_variance_ratio_, (6,), "explained_variance_ratio_", hint=hint)
    expect_array(model.mean_, (10,), "mean_")
    expect_array(model.transform(X), (6, 6), "transform(X)")
    three = impl.PCA(n_components=3, solver=solver)
    Z = expect_array(three.fit_transform(X), (6, 3), "fit_transform(X) with n_components=3",
                     hint="fit_transform returns the projections of the training data, (n, k)")
    expect_array(three.inverse_transform(Z), (6, 10), "inverse_transform(Z)")


@pytest.mark.points(4, "shapes")
@pytest.mark.parametrize("solver", SOLVERS)
def test_one_component_still_gives_two_dimensional_arrays(impl, solver):
    X, _, _ = datasets.separated_spectrum(seed=62, n=20, d=3)
    model = impl.PCA(n_components=1, solver=solver).fit(X)
    hint = "keep 2-D arrays even for one component: no squeeze(), no ravel()"
    expect_array(model.components_, (1, 3), "components_ with n_components=1", hint=hint)
    expect_array(model.explained_variance_, (1,), "explained_variance_", hint=hint)
    Z = expect_array(model.transform(X[:5]), (5, 1), "transform(X[:5])", hint=hint)
    expect_array(model.transform(X[:1]), (1, 1), "transform(X[:1])", hint=hint)
    expect_array(model.inverse_transform(Z), (5, 3), "inverse_transform(Z)", hint=hint)


# correctness -------------------------------------------------------------------------------

@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("shape, n_components, solver", [
    ("tall", 4, "svd"), ("tall", None, "eigh"), ("wide", 5, "svd"), ("wide", 8, "eigh")])
def test_matches_scikit_learn(impl, shape, n_components, solver):
    if shape == "tall":
        X, _, _ = datasets.separated_spectrum(seed=71, n=45, d=6, offset=2.0)
    else:
        X = wide(seed=73, n=9, d=14, offset=-1.0)
    expected = oracle(X, n_components=n_components)
    model = impl.PCA(n_components=n_components, solver=solver).fit(X)
    expect_close_up_to_sign(model.components_, expected.components_, f"components_ (solver={solver!r})",
                            **AXES, hint="the axes are the eigenvectors of the covariance matrix, as "
                                         "ROWS, sorted by decreasing eigenvalue")
    expect_close(model.explained_variance_, expected.explained_variance_, "explained_variance_",
                 **VARIANCE, hint="the variances are the covariance's eigenvalues (ddof = 1), decreasing")
    expect_close(model.explained_variance_ratio_, expected.explained_variance_ratio_,
                 "explained_variance_ratio_", **VARIANCE,
                 hint="divide by the total variance of all min(n, d) components")


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("solver", SOLVERS)
def test_sign_rule_makes_components_equal_to_scikit_learn(impl, solver):
    X, _, _ = datasets.separated_spectrum(seed=75, n=40, d=6, offset=-4.0)
    expected = oracle(X)
    model = impl.PCA(solver=solver).fit(X)
    C = expect_close_up_to_sign(model.components_, expected.components_, "components_", **AXES)
    largest = C[np.arange(6), np.argmax(np.abs(C), axis=1)]
    assert np.all(largest > 0), (
        f"in each row of components_ the entry of largest magnitude must be positive; got "
        f"{np.round(largest, 4)} for rows 0..5 (solver={solver!r}). Likely mistake: multiply each "
        "row by the sign of its largest-|·| entry (not its first entry, not its largest entry)")
    expect_close(C, expected.components_, "components_ (with the sign rule)", **AXES,
                 hint="flip each row so that its entry of largest magnitude is positive")


@pytest.mark.points(3, "correctness")
@pytest.mark.parametrize("solver", SOLVERS)
def test_components_are_orthonormal_rows(impl, solver):
    X, _, _ = datasets.separated_spectrum(seed=76, n=30, d=5, offset=1.0)
    expected = oracle(X, n_components=4)
    model = impl.PCA(n_components=4, solver=solver).fit(X)
    C = expect_close_up_to_sign(model.components_, expected.components_, "components_", **AXES,
                                hint="components_ are unit eigenvectors, not scaled by the singular "
                                     "values or the variances")
    expect_close(C @ C.T, np.eye(4), "components_ @ components_.T", atol=1e-10,
                 hint="the rows must be orthonormal")


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("solver", SOLVERS)
def test_variances_use_n_minus_one(impl, solver):
    # The covariance (ddof 1) of this X is exactly axesᵀ·diag([9, 4, 1, 0.25])·axes.
    X, variances, axes = datasets.separated_spectrum(seed=77, n=25, d=4, scales=[3.0, 0.5, 2.0, 1.0],
                                                     offset=6.0)
    model = impl.PCA(solver=solver).fit(X)
    expect_close(model.explained_variance_, variances, "explained_variance_", **VARIANCE,
                 hint="the sample variance divides by n - 1, not n: S² / (n - 1), or the "
                      "eigenvalues of Xcᵀ Xc / (n - 1)")
    expect_close_up_to_sign(model.components_, axes, "components_", **AXES)
    expect_close(model.explained_variance_ratio_, variances / variances.sum(),
                 "explained_variance_ratio_", **VARIANCE)


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("solver", SOLVERS)
def test_variance_ratio_divides_by_the_total_variance(impl, solver):
    X, _, _ = datasets.separated_spectrum(seed=78, n=35, d=5, scales=[1.0, 3.0, 0.4, 2.0, 0.7])
    total = X.var(axis=0, ddof=1).sum()
    expected_two = oracle(X, n_components=2).explained_variance_ / total
    model = impl.PCA(n_components=2, solver=solver).fit(X)
    expect_close(model.explained_variance_ratio_, expected_two,
                 "explained_variance_ratio_ with 2 of 5 components", **VARIANCE,
                 hint="divide by the total variance of the data (the sum of ALL eigenvalues, "
                      "= the sum of the features' variances), not by the sum of the k kept ones")
    ratios = impl.PCA(solver=solver).fit(X).explained_variance_ratio_
    expect_array(ratios, (5,), "explained_variance_ratio_ with all components")
    assert abs(ratios.sum() - 1.0) < 1e-9, (
        f"with all components the ratios must sum to 1, got {ratios.sum():.12g}")


@pytest.mark.points(3, "correctness")
def test_both_solvers_agree_and_decorrelate_the_data(impl):
    X, _, _ = datasets.separated_spectrum(seed=179, n=60, d=5, offset=[1.0, -3.0, 0.5, 2.0, 7.0])
    expected = oracle(X)
    Z_expected = expected.transform(X)
    variances = expected.explained_variance_
    results = {}
    for solver in SOLVERS:
        Z = impl.PCA(solver=solver).fit(X).transform(X)
        expect_close_up_to_sign(Z, Z_expected, f"transform(X) with solver={solver!r}", per="column",
                                rtol=1e-9, atol=1e-9)
        expect_close(Z.T @ Z / (len(X) - 1), np.diag(variances), f"the covariance of transform(X) ({solver})",
                     rtol=1e-8, atol=1e-9,
                     hint="projected on the principal axes, the data is uncorrelated, with the "
                          "explained variances on the diagonal of its covariance")
        results[solver] = Z
    expect_close_up_to_sign(results["eigh"], results["svd"], "transform(X), eigh vs svd", per="column",
                            rtol=1e-9, atol=1e-9, hint="both solvers must give the same projections")


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("solver", SOLVERS)
def test_translating_the_data_moves_only_the_mean(impl, solver):
    X, _, _ = datasets.separated_spectrum(seed=80, n=40, d=4)
    shift = np.array([100.0, -50.0, 10.0, 30.0])
    expected = oracle(X, n_components=3)
    Z_expected = expected.transform(X)
    model = impl.PCA(n_components=3, solver=solver).fit(X + shift)
    hint = "centre the data by its mean before the SVD / covariance: without centring, the mean dominates the first axis"
    expect_close(model.mean_, X.mean(axis=0) + shift, "mean_", rtol=1e-12, atol=1e-10)
    expect_close_up_to_sign(model.components_, expected.components_, "components_ of the shifted data",
                            **AXES, hint=hint)
    expect_close(model.explained_variance_, expected.explained_variance_, "explained_variance_", **VARIANCE,
                 hint=hint)
    expect_close_up_to_sign(model.transform(X + shift), Z_expected, "transform of the shifted data",
                            per="column", rtol=1e-9, atol=1e-9, hint="transform subtracts mean_ before projecting")


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("solver", SOLVERS)
def test_new_data_is_centred_with_the_training_mean(impl, solver):
    X, _, _ = datasets.separated_spectrum(seed=81, n=50, d=5, offset=2.0)
    X_new = np.random.default_rng(81).normal(size=(4, 5)) * 3.0 - 6.0
    expected = oracle(X, n_components=3)
    Z_expected = expected.transform(X_new)
    model = impl.PCA(n_components=3, solver=solver).fit(X)
    hint = "transform subtracts the TRAINING mean (mean_), whatever data it is given"
    Z = expect_close_up_to_sign(model.transform(X_new), Z_expected, "transform(X_new)", per="column",
                                rtol=1e-9, atol=1e-9, hint=hint)
    for i in range(4):
        expect_close(model.transform(X_new[i : i + 1]), Z[i : i + 1], f"transform(X_new[{i}:{i + 1}])",
                     rtol=1e-9, atol=1e-9, hint=hint + ": one row alone must project like it does in a batch")


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("n_components, solver", [(None, "svd"), (1, "eigh"), (3, "svd")])
def test_reconstruction_error_is_the_discarded_variance(impl, n_components, solver):
    X, _, _ = datasets.separated_spectrum(seed=82, n=30, d=5, offset=-3.0)
    all_variances = oracle(X).explained_variance_
    k = 5 if n_components is None else n_components
    expected_error = (len(X) - 1) * all_variances[k:].sum()
    model = impl.PCA(n_components=n_components, solver=solver).fit(X)
    X_back = expect_array(model.inverse_transform(model.transform(X)), (30, 5),
                          "inverse_transform(transform(X))")
    error = float(((X - X_back) ** 2).sum())
    assert abs(error - expected_error) <= 1e-8 * (len(X) - 1) * all_variances.sum(), (
        f"with {k} of 5 components the squared reconstruction error of the training data should be "
        f"(n - 1)·(sum of the discarded variances) = {expected_error:.10g}, got {error:.10g}. "
        "Likely mistake: inverse_transform is Z @ components_ + mean_ (add the mean back), and "
        "transform is (X - mean_) @ components_.T")
    if n_components is None:
        X_new = np.random.default_rng(82).normal(size=(3, 5)) + 10.0
        expect_close(model.inverse_transform(model.transform(X_new)), X_new,
                     "inverse_transform(transform(X_new)) with all components", rtol=1e-10, atol=1e-10,
                     hint="with all components, inverse_transform undoes transform exactly")


@pytest.mark.points(2, "correctness")
def test_fit_transform_equals_fit_then_transform(impl):
    X, _, _ = datasets.separated_spectrum(seed=83, n=30, d=4, offset=5.0)
    Z_expected = oracle(X, n_components=2).transform(X)
    Z = impl.PCA(n_components=2).fit_transform(X)
    expect_close_up_to_sign(Z, Z_expected, "fit_transform(X)", per="column", rtol=1e-9, atol=1e-9,
                            hint="fit_transform(X) is fit(X) followed by transform(X)")
    expect_close(impl.PCA(n_components=2).fit(X).transform(X), Z, "fit(X).transform(X) vs fit_transform(X)",
                 rtol=1e-9, atol=1e-9)


@pytest.mark.points(2, "correctness")
def test_reordering_samples_does_not_change_the_fit(impl):
    X, _, _ = datasets.separated_spectrum(seed=84, n=40, d=5, offset=1.5)
    order = np.random.default_rng(84).permutation(40)
    expected = oracle(X)
    model = impl.PCA(solver="eigh").fit(X[order])
    expect_close_up_to_sign(model.components_, expected.components_, "components_ after shuffling the rows",
                            **AXES, hint="the fit depends on the data, not on the row order")
    expect_close(model.explained_variance_, expected.explained_variance_, "explained_variance_", **VARIANCE)


# stability ---------------------------------------------------------------------------------

@pytest.mark.points(4, "stability")
@pytest.mark.parametrize("solver", SOLVERS)
def test_features_offset_by_a_million(impl, solver):
    X, _, _ = datasets.separated_spectrum(seed=85, n=60, d=4, offset=[1e6, -2e6, 1e6, 3e6])
    expected = oracle(X)
    model = impl.PCA(solver=solver).fit(X)
    hint = ("subtract the mean from the data first, then form Xcᵀ Xc: the shortcut XᵀX/(n-1) - "
            "(n/(n-1))·mean·meanᵀ subtracts two numbers near 1e12 and loses the digits of a variance near 1")
    expect_close_up_to_sign(model.components_, expected.components_, "components_", **AXES, hint=hint)
    expect_close(model.explained_variance_, expected.explained_variance_, "explained_variance_",
                 **VARIANCE, hint=hint)


@pytest.mark.points(4, "stability")
@pytest.mark.parametrize("solver", SOLVERS)
def test_rank_deficient_data_gives_real_finite_results(impl, solver):
    base = wide(seed=86, n=7, d=10, offset=2.0)
    X = np.column_stack([base, base[:, 0] - 2 * base[:, 1]])  # n < d and a collinear column
    expected = oracle(X, compare=6)
    model = impl.PCA(solver=solver).fit(X)
    hint = ("use np.linalg.eigh (or the SVD): np.linalg.eig does not know the covariance is "
            "symmetric and returns complex numbers when eigenvalues repeat (here: many zeros)")
    C = expect_array(model.components_, (7, 11), "components_", hint=hint)
    variances = expect_array(model.explained_variance_, (7,), "explained_variance_", hint=hint)
    expect_close_up_to_sign(C[:6], expected.components_[:6], "the first 6 components", **AXES, hint=hint)
    expect_close(variances, expected.explained_variance_, "explained_variance_", rtol=1e-7,
                 atol=1e-10 * expected.explained_variance_[0],
                 hint="7 centred samples span 6 directions: the 7th variance is 0 (clip round-off below 0)")
    expect_close(C @ C.T, np.eye(7), "components_ @ components_.T", atol=1e-8)
    expect_close(model.inverse_transform(model.transform(X)), X, "inverse_transform(transform(X))",
                 rtol=1e-10, atol=1e-10)


@pytest.mark.points(3, "stability")
def test_svd_solver_keeps_small_variances_precise(impl):
    # Variances 1, 1e-6, 1e-10, 1e-14: the SVD of Xc finds the smallest one to a relative
    # ~1e-10 (measured; scikit-learn agrees to the last digit), while any route through
    # C = XcᵀXc/(n-1) squares the condition number and gets it only to an absolute ~1e-16,
    # a relative error of ~5e-3 here (the eigh solver, measured). Relative tolerances only:
    # VARIANCE's atol of 1e-12 would swallow a variance of 1e-14.
    X, variances, _ = datasets.separated_spectrum(seed=94, n=40, d=4, scales=[1.0, 1e-3, 1e-5, 1e-7])
    expected = decomposition.PCA(svd_solver="full").fit(X)
    top = np.sort(np.abs(expected.components_), axis=1)
    assert np.all(top[:, -1] - top[:, -2] > 1e-3), "bank data: no clear largest entry"
    assert np.all(np.abs(expected.explained_variance_ / variances - 1) < 1e-9), "bank data: oracle imprecise"
    hint = ("solver='svd' takes the SVD of the centred data itself and squares the singular values: "
            "forming the covariance XcᵀXc first (or calling eigh) squares the condition number and "
            "loses the small variances to round-off")
    for model in (impl.PCA().fit(X), impl.PCA(solver="svd").fit(X)):
        expect_close(model.explained_variance_, expected.explained_variance_,
                     "explained_variance_ of data with variances 1 ... 1e-14 (solver='svd')", rtol=1e-7,
                     hint=hint)
        expect_close(model.explained_variance_ratio_, expected.explained_variance_ratio_,
                     "explained_variance_ratio_ (solver='svd')", rtol=1e-7, hint=hint)
        expect_close_up_to_sign(model.components_, expected.components_, "components_ (solver='svd')", **AXES,
                                hint=hint)


@pytest.mark.points(3, "stability")
@pytest.mark.parametrize("scale", [1e-60, 1e60])
def test_results_scale_with_the_data(impl, scale):
    X, _, _ = datasets.separated_spectrum(seed=87, n=30, d=4)
    expected = oracle(X)
    for solver in SOLVERS:
        model = impl.PCA(solver=solver).fit(X * scale)
        hint = (f"multiplying X by {scale:g} must multiply the variances by {scale ** 2:g} and leave "
                "the axes and the ratios unchanged: no absolute thresholds or epsilons")
        expect_close_up_to_sign(model.components_, expected.components_,
                                f"components_ of X·{scale:g} ({solver})", **AXES, hint=hint)
        expect_close(model.explained_variance_, expected.explained_variance_ * scale**2,
                     f"explained_variance_ of X·{scale:g}", rtol=1e-7, hint=hint)
        expect_close(model.explained_variance_ratio_, expected.explained_variance_ratio_,
                     f"explained_variance_ratio_ of X·{scale:g}", **VARIANCE, hint=hint)


# edge cases --------------------------------------------------------------------------------

@pytest.mark.points(4, "edge_cases")
def test_bad_hyperparameters_and_too_few_samples_raise_value_error(impl):
    X = wide(seed=88, n=5, d=8)
    expected = oracle(X, compare=4)
    model = impl.PCA(n_components=5).fit(X)
    C = expect_array(model.components_, (5, 8), "components_ with n_components=5 = n_samples",
                     hint="n_components may be as large as min(n_samples, n_features)")
    expect_close_up_to_sign(C[:4], expected.components_[:4], "the first 4 components", **AXES)
    hint = "validate in fit: n_components is None or an int in [1, min(n_samples, n_features)]"
    for bad in (6, 8, 0, -2):
        with expect_raises(ValueError, f"PCA(n_components={bad}).fit(X) with X of shape (5, 8)", hint=hint):
            impl.PCA(n_components=bad).fit(X)
    with expect_raises(ValueError, "PCA(solver='qr').fit(X)", hint="solver must be 'svd' or 'eigh'"):
        impl.PCA(solver="qr").fit(X)
    with expect_raises(ValueError, "PCA().fit(X) with a single sample",
                       hint="the variance divides by n - 1: one sample is an error"):
        impl.PCA().fit(X[:1])


@pytest.mark.points(3, "edge_cases")
def test_misuse_raises_the_right_errors(impl):
    X, _, _ = datasets.separated_spectrum(seed=89, n=20, d=4)
    expected = oracle(X, n_components=2)
    Z_expected = expected.transform(X[:3])
    for error_type in (ValueError, AttributeError):
        with expect_raises(error_type, "transform before fit",
                           hint="NotFittedError subclasses both ValueError and AttributeError"):
            impl.PCA().transform(X)
        with expect_raises(error_type, "inverse_transform before fit"):
            impl.PCA().inverse_transform(X[:, :2])
    model = impl.PCA(n_components=2).fit(X)
    Z = expect_close_up_to_sign(model.transform(X[:3]), Z_expected, "transform(X[:3])", per="column",
                                rtol=1e-9, atol=1e-9)
    with expect_raises(ValueError, "transform with 3 features after fitting with 4"):
        model.transform(X[:, :3])
    with expect_raises(ValueError, "inverse_transform with 3 columns when n_components=2"):
        model.inverse_transform(np.column_stack([Z, Z[:, :1]]))


@pytest.mark.points(3, "edge_cases")
def test_inputs_are_never_modified(impl):
    X, _, _ = datasets.separated_spectrum(seed=90, n=25, d=4, offset=3.0)
    expected = oracle(X, n_components=3)
    Z_expected = expected.transform(X)
    X_ro, Z_ro = datasets.read_only(X, Z_expected)
    hint = "centre into a new array (X - mean), never X -= mean: the caller's data must not change"
    for solver in SOLVERS:
        model = impl.PCA(n_components=3, solver=solver)
        Z = expect_close_up_to_sign(model.fit_transform(X_ro), Z_expected, "fit_transform(X)", per="column",
                                    rtol=1e-9, atol=1e-9, hint=hint)
        expect_close(model.transform(X_ro), Z, "transform(X)", rtol=1e-9, atol=1e-9, hint=hint)
        expect_array(model.inverse_transform(Z_ro), (25, 4), "inverse_transform(Z)", hint=hint)
    expect_close(X_ro, X, "X after fit and transform", rtol=0, hint=hint)
    expect_close(Z_ro, Z_expected, "Z after inverse_transform", rtol=0, hint=hint)


@pytest.mark.points(3, "edge_cases")
def test_integer_float32_and_list_inputs_give_float64_results(impl):
    rng = np.random.default_rng(91)
    X_int = rng.integers(-9, 10, size=(40, 3)) @ np.array([[4, 1, 0], [0, 2, 1], [1, 0, 1]])
    expected = oracle(X_int.astype(np.float64))
    for name, X_in in (("int", X_int), ("float32", X_int.astype(np.float32)), ("list", X_int.tolist())):
        model = impl.PCA().fit(X_in)
        C = expect_close_up_to_sign(model.components_, expected.components_, f"components_ from {name} input",
                                    **AXES, hint="work in float64 whatever the input type")
        Z = expect_array(model.transform(X_in), (40, 3), f"transform of {name} input")
        assert C.dtype == np.float64 and Z.dtype == np.float64, (
            f"outputs for {name} input should be float64, got {C.dtype} and {Z.dtype}. "
            "Likely mistake: convert the input with np.asarray(X, dtype=np.float64)")


@pytest.mark.points(2, "edge_cases")
def test_a_single_feature(impl):
    x = np.random.default_rng(92).normal(size=(15, 1)) * 2.0 + 4.0
    variance = x[:, 0].var(ddof=1)
    for solver in SOLVERS:
        model = impl.PCA(solver=solver).fit(x)
        expect_close(model.components_, [[1.0]], f"components_ of one feature ({solver})", rtol=1e-12,
                     hint="the only axis is [1.0]: its largest (only) entry must be positive")
        expect_close(model.explained_variance_, [variance], "explained_variance_", rtol=1e-9)
        expect_close(model.explained_variance_ratio_, [1.0], "explained_variance_ratio_", rtol=1e-12)
        expect_close(model.transform(x), x - x.mean(), "transform(x)", rtol=1e-9, atol=1e-12)


# vectorization -----------------------------------------------------------------------------

@pytest.mark.points(5, "vectorization")
def test_no_python_loop_over_samples(impl):
    data = {n: datasets.separated_spectrum(seed=93, n=n, d=5, offset=1.0)[0] for n in (100, 2000)}
    expected = oracle(data[2000], n_components=3).transform(data[2000][:4])
    model = impl.PCA(n_components=3).fit(data[2000])
    expect_close_up_to_sign(model.transform(data[2000][:4]), expected, "transform(X[:4])", per="column",
                            rtol=1e-9, atol=1e-9)

    def run(n):
        for solver in SOLVERS:
            fitted = impl.PCA(n_components=3, solver=solver).fit(data[n])
            fitted.inverse_transform(fitted.transform(data[n]))
            impl.PCA(n_components=2, solver=solver).fit_transform(data[n])

    expect_no_loop_over(run, 100, 2000, "PCA fit, transform and inverse_transform",
                        hint="centre with X - mean_ and project with a matrix product: no loop over the rows")
