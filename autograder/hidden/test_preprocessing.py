"""Hidden tests of exercise 12, preprocessing (80 of its 100 points)."""
import itertools
import math

import numpy as np
import pytest
from sklearn import preprocessing

from autograder import datasets
from autograder.checks import (
    expect_array,
    expect_close,
    expect_no_loop_over,
    expect_raises,
    no_float_warnings,
)
from autograder.public.test_preprocessing import CLOSE

FLAGS = [(True, True), (True, False), (False, True), (False, False)]


def features(seed, n=40, d=3, offset=0.0):
    """Random features with their own means (-5..5, plus ``offset``) and spreads (0.5..4)."""
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(n, d)) * rng.uniform(0.5, 4.0, size=d)
            + rng.uniform(-5.0, 5.0, size=d) + offset)


def column_mean_and_variance(X):
    """The training statistics, in long double precision (an oracle free of the scalers' code)."""
    X = np.asarray(X, dtype=np.longdouble)
    mean = X.mean(axis=0)
    return mean.astype(np.float64), ((X - mean) ** 2).mean(axis=0).astype(np.float64)


# shapes ------------------------------------------------------------------------------------

@pytest.mark.points(3, "shapes")
def test_outputs_keep_their_shape_for_one_sample_and_one_feature(impl):
    X = features(seed=101, n=15, d=1)
    expected = preprocessing.StandardScaler().fit(X).transform(X[:1])
    hint = "keep 2-D arrays: one sample is (1, d), one feature is (n, 1); no squeeze(), no ravel()"
    for make in (impl.StandardScaler, impl.MinMaxScaler):
        name = make.__name__
        scaler = make()
        expect_array(scaler.fit_transform(X), (15, 1), f"{name}.fit_transform(X) with one feature", hint=hint)
        Z = expect_array(scaler.transform(X[:1]), (1, 1), f"{name}.transform(X[:1])", hint=hint)
        expect_array(scaler.inverse_transform(Z), (1, 1), f"{name}.inverse_transform(Z[:1])", hint=hint)
    standard = impl.StandardScaler().fit(X)
    for name in ("mean_", "var_", "scale_"):
        expect_array(getattr(standard, name), (1,), f"StandardScaler.{name} with one feature", hint=hint)
    expect_close(standard.transform(X[:1]), expected, "StandardScaler.transform(X[:1])", **CLOSE)


@pytest.mark.points(2, "shapes")
def test_one_hot_has_n_classes_columns(impl):
    y = np.array([3, 0, 1, 3, 2])
    expected = np.zeros((5, 6))
    expected[np.arange(5), y] = 1.0
    hint = "n_classes, when given, is the number of columns K (classes 4 and 5 get columns of zeros)"
    expect_close(impl.one_hot(y, n_classes=6), expected, "one_hot(y, n_classes=6)", rtol=0, hint=hint)
    expect_close(impl.one_hot(np.zeros(4, dtype=int)), np.ones((4, 1)), "one_hot([0, 0, 0, 0])", rtol=0,
                 hint="K = max(y) + 1 = 1 column when every label is 0")


@pytest.mark.points(3, "shapes")
@pytest.mark.parametrize("d, degree, include_bias", [(1, 3, True), (4, 2, False), (3, 3, True)])
def test_polynomial_features_have_the_right_number_of_columns(impl, d, degree, include_bias):
    X = features(seed=102 + d, n=5, d=d)
    n_columns = math.comb(d + degree, degree) - (0 if include_bias else 1)
    expect_array(impl.polynomial_features(X, degree=degree, include_bias=include_bias), (5, n_columns),
                 f"polynomial_features(X, degree={degree}, include_bias={include_bias}) with d = {d}",
                 hint="every product of at most `degree` features, repetitions allowed (a², a·b, ...): "
                      "C(d + degree, degree) columns with the bias, one fewer without")


# correctness -------------------------------------------------------------------------------

@pytest.mark.points(7, "correctness")
@pytest.mark.parametrize("seed, with_mean, with_std", [(111 + i, *flags) for i, flags in enumerate(FLAGS)])
def test_standard_scaler_matches_scikit_learn_for_every_flag_combination(impl, seed, with_mean, with_std):
    X, X_new = features(seed=seed, n=30 + seed % 5, d=2 + seed % 3), features(seed=seed + 50, n=8, d=2 + seed % 3)
    statistics = preprocessing.StandardScaler().fit(X)
    oracle = preprocessing.StandardScaler(with_mean=with_mean, with_std=with_std).fit(X)
    expected_train, expected_new = oracle.transform(X), oracle.transform(X_new)
    flags = f"with_mean={with_mean}, with_std={with_std}"
    scaler = impl.StandardScaler(with_mean=with_mean, with_std=with_std)
    expect_close(scaler.fit_transform(X), expected_train, f"fit_transform(X) ({flags})", **CLOSE,
                 hint="with_mean=False skips the subtraction, with_std=False skips the division")
    expect_close(scaler.transform(X_new), expected_new, f"transform(X_new) ({flags})", **CLOSE,
                 hint="transform new data with the statistics learned in fit")
    hint = "fit learns mean_, var_ (ddof = 0) and scale_ whatever the flags; the flags only act in transform"
    expect_close(scaler.mean_, statistics.mean_, f"mean_ ({flags})", **CLOSE, hint=hint)
    expect_close(scaler.var_, statistics.var_, f"var_ ({flags})", **CLOSE, hint=hint)
    expect_close(scaler.scale_, statistics.scale_, f"scale_ ({flags})", **CLOSE, hint=hint)


@pytest.mark.points(5, "correctness")
def test_scalers_transform_new_data_with_the_training_statistics(impl):
    X = features(seed=121, n=50, d=3)
    X_new = features(seed=122, n=9, d=3, offset=20.0) * 0.3
    standard = preprocessing.StandardScaler().fit(X)
    minmax = preprocessing.MinMaxScaler(feature_range=(-2.0, 2.0)).fit(X)
    hint = ("transform must use the mean and scale (min and max) learned in fit: computing them "
            "again from the data being transformed is data leakage")
    for name, oracle, model in (("StandardScaler", standard, impl.StandardScaler()),
                                ("MinMaxScaler", minmax, impl.MinMaxScaler(feature_range=(-2.0, 2.0)))):
        expected = oracle.transform(X_new)
        model.fit(X)
        got = expect_close(model.transform(X_new), expected, f"{name}.transform(X_new)", **CLOSE, hint=hint)
        expect_close(model.transform(X_new[2:3]), got[2:3], f"{name}.transform of one row", **CLOSE,
                     hint="transforming one row must give that row of the batch's result: " + hint)


@pytest.mark.points(5, "correctness")
@pytest.mark.parametrize("seed, feature_range, spread", [(131, (0, 1), 1.0), (132, (-1.0, 1.0), 1.0),
                                                           (133, (2.5, 10), 1.0), (134, (0, 1), 0.01)])
def test_min_max_scaler_matches_scikit_learn_for_several_ranges(impl, seed, feature_range, spread):
    # spread 0.01 gives every feature a range below 1: only a zero range may count as 1
    X, X_new = spread * features(seed=seed, n=20 + seed % 4, d=4), spread * features(seed=seed + 50, n=6, d=4)
    oracle = preprocessing.MinMaxScaler(feature_range=feature_range).fit(X)
    expected_train, expected_new = oracle.transform(X), oracle.transform(X_new)
    scaler = impl.MinMaxScaler(feature_range=feature_range)
    hint = f"(X - data_min_) / (data_max_ - data_min_) · (hi - lo) + lo with (lo, hi) = {feature_range}"
    expect_close(scaler.fit_transform(X), expected_train, f"fit_transform(X), feature_range={feature_range}",
                     **CLOSE, hint=hint)
    expect_close(scaler.data_min_, oracle.data_min_, "data_min_", **CLOSE, hint="the training minima")
    expect_close(scaler.data_max_, oracle.data_max_, "data_max_", **CLOSE, hint="the training maxima")
    expect_close(scaler.transform(X_new), expected_new, "transform(X_new)", **CLOSE,
                 hint=hint + "; new data may fall outside the range: do not clip")


@pytest.mark.points(4, "correctness")
def test_inverse_transform_undoes_transform(impl):
    X, X_new = features(seed=141, n=30, d=3), features(seed=142, n=7, d=3, offset=3.0)
    Z = np.random.default_rng(143).normal(size=(6, 3))
    cases = [(f"StandardScaler(with_mean={m}, with_std={s})",
              preprocessing.StandardScaler(with_mean=m, with_std=s), impl.StandardScaler(with_mean=m, with_std=s))
             for m, s in FLAGS]
    cases += [(f"MinMaxScaler(feature_range={r})", preprocessing.MinMaxScaler(feature_range=r),
               impl.MinMaxScaler(feature_range=r)) for r in ((0, 1), (-3.0, 0.5))]
    for name, oracle, model in cases:
        expected = oracle.fit(X).inverse_transform(Z)
        model.fit(X)
        hint = "undo the steps of transform in reverse order: first undo the scaling, then the shift"
        expect_close(model.inverse_transform(Z), expected, f"{name}.inverse_transform(Z)", **CLOSE, hint=hint)
        expect_close(model.inverse_transform(model.transform(X_new)), X_new,
                     f"{name}.inverse_transform(transform(X_new))", rtol=1e-10, atol=1e-10, hint=hint)


@pytest.mark.points(3, "correctness")
def test_one_hot_matches_scikit_learn_and_keeps_absent_classes(impl):
    y = np.random.default_rng(151).integers(0, 5, size=40)
    y[y == 3] = 4  # class 3 is absent: it still gets its column, of zeros
    encoder = preprocessing.OneHotEncoder(categories=[list(range(5))], sparse_output=False)
    expected = encoder.fit_transform(y[:, None])
    got = expect_close(impl.one_hot(y), expected, "one_hot(y) for labels in {0, 1, 2, 4}", rtol=0,
                       hint="K = max(y) + 1 = 5 columns, not the number of distinct labels (4)")
    permutation = np.array([2, 4, 0, 1, 3])
    relabelled = expect_array(impl.one_hot(permutation[y]), (40, 5), "one_hot of relabelled classes")
    expect_close(relabelled[:, permutation], got, "one_hot of relabelled classes, columns mapped back",
                 rtol=0, hint="column k must hold the samples with label k")


@pytest.mark.points(6, "correctness")
@pytest.mark.parametrize("degree, include_bias, d", [
    (1, True, 3), (1, False, 2), (2, False, 4), (2, True, 1), (3, True, 3), (3, False, 2)])
def test_polynomial_features_match_scikit_learn(impl, degree, include_bias, d):
    X = features(seed=160 + 10 * degree + d, n=12, d=d) * 0.5
    expected = preprocessing.PolynomialFeatures(degree=degree, include_bias=include_bias).fit_transform(X)
    names = preprocessing.PolynomialFeatures(degree=degree, include_bias=include_bias).fit(X).get_feature_names_out()
    expect_close(impl.polynomial_features(X, degree=degree, include_bias=include_bias), expected,
                 f"polynomial_features(X, degree={degree}, include_bias={include_bias}) with d = {d}",
                 **CLOSE, hint=f"the columns should be {' | '.join(names)}")


# stability ---------------------------------------------------------------------------------

@pytest.mark.points(5, "stability")
def test_standard_scaler_is_accurate_far_from_zero(impl):
    # Values near 1e8 with spreads of order 1 (floats there are 1.5e-8 apart). Measured over
    # 100 draws: the two-pass variance agrees with scikit-learn's to 2e-14 (relative), the
    # shifted-data variance to 4e-15; the means to 1.2e-15 (relative; a few spacings), so the
    # transforms agree to 1.4e-7. E[x²] - E[x]² is off by 100 % or more.
    X = features(seed=171, n=200, d=3, offset=1e8)
    X_new = features(seed=172, n=10, d=3, offset=1e8)
    oracle = preprocessing.StandardScaler().fit(X)
    expected = oracle.transform(X_new)
    scaler = impl.StandardScaler()
    with no_float_warnings("StandardScaler on data near 1e8",
                           hint="a variance that comes out negative or zero by cancellation breaks the "
                                "square root: compute the mean of (x - mean)²"):
        scaler.fit(X)
        Z = scaler.transform(X_new)
    hint = ("E[x²] - E[x]² subtracts two nearly equal numbers near 1e16 and loses every digit: "
            "compute the mean first, then the mean of (x - mean)²")
    expect_close(scaler.var_, oracle.var_, "var_ of data near 1e8", rtol=1e-9, hint=hint)
    expect_close(scaler.mean_, oracle.mean_, "mean_ of data near 1e8", rtol=1e-12)
    expect_close(Z, expected, "transform of data near 1e8", rtol=0, atol=1e-4, hint=hint)


@pytest.mark.points(3, "stability")
@pytest.mark.parametrize("unit", [1e-100, 1e100])
def test_standard_scaler_does_not_depend_on_the_units(impl, unit):
    X = features(seed=173, n=30, d=3)
    oracle = preprocessing.StandardScaler().fit(X)
    expected, expected_scale = oracle.transform(X), oracle.scale_ * unit
    scaler = impl.StandardScaler()
    hint = (f"measuring the data in other units (×{unit:g}) must not change the standardized values: "
            "no epsilon added to the scale and no absolute threshold on the variance")
    with no_float_warnings(f"StandardScaler on data of size {unit:g}", hint=hint):
        Z = scaler.fit_transform(X * unit)
    expect_close(Z, expected, f"fit_transform(X·{unit:g})", rtol=1e-9, atol=1e-12, hint=hint)
    expect_close(scaler.scale_, expected_scale, f"scale_ of X·{unit:g}", rtol=1e-9, hint=hint)


@pytest.mark.points(4, "stability")
def test_constant_features_are_not_divided_by_zero(impl):
    rng = np.random.default_rng(174)
    X = np.column_stack([np.full(20, 7.0), rng.normal(size=20), np.zeros(20), np.full(20, -2.5)])
    X_new = rng.normal(size=(5, 4)) + 3.0
    standard = preprocessing.StandardScaler().fit(X)
    minmax = preprocessing.MinMaxScaler(feature_range=(-1.0, 3.0)).fit(X)
    expected = {"standard": standard.transform(X_new), "minmax": minmax.transform(X_new),
                "minmax_train": minmax.transform(X)}
    assert np.array_equal(expected["minmax_train"][:, [0, 2, 3]], np.full((20, 3), -1.0)), "bank: oracle changed"
    hint = "a constant feature has variance (range) 0: use a scale of 1 there instead of dividing by 0"
    with no_float_warnings("StandardScaler and MinMaxScaler with constant features", hint=hint):
        scaler = impl.StandardScaler().fit(X)
        Z_standard = scaler.transform(X_new)
        Z_train = scaler.transform(X)
        scaled = impl.MinMaxScaler(feature_range=(-1.0, 3.0)).fit(X)
        Z_minmax = scaled.transform(X_new)
        Z_minmax_train = scaled.transform(X)
        back = scaled.inverse_transform(Z_minmax)
    expect_close(scaler.scale_, [1.0, standard.scale_[1], 1.0, 1.0], "StandardScaler.scale_", **CLOSE, hint=hint)
    expect_close(scaler.var_, [0.0, standard.var_[1], 0.0, 0.0], "StandardScaler.var_", **CLOSE)
    expect_array(Z_train, (20, 4), "StandardScaler.transform(X)", hint=hint)
    expect_close(Z_train[:, [0, 2, 3]], np.zeros((20, 3)), "transform of the constant training features",
                 atol=1e-12, hint=hint)
    expect_close(Z_standard, expected["standard"], "StandardScaler.transform(X_new)", **CLOSE,
                 hint="with scale 1, a constant feature c maps a new value x to x - c")
    expect_close(Z_minmax_train, expected["minmax_train"], "MinMaxScaler.transform(X) with feature_range=(-1, 3)",
                 **CLOSE, hint="a constant feature maps to the lower end of feature_range, -1 here")
    expect_close(Z_minmax, expected["minmax"], "MinMaxScaler.transform(X_new)", **CLOSE,
                 hint="a zero range counts as 1: a new value x maps to lo + (x - data_min_)·(hi - lo)")
    expect_close(back, X_new, "MinMaxScaler.inverse_transform(transform(X_new))", rtol=1e-12, atol=1e-12,
                 hint="inverse_transform must use the same zero-range rule as transform")


@pytest.mark.points(2, "stability")
def test_a_constant_feature_whose_mean_has_round_off(impl):
    # The mean of three 0.1's is 0.1 + 1.4e-17, so np.var gives 1.9e-34 instead of 0.
    X = np.array([[0.1, 1.0, 0.7], [0.1, 2.0, 0.7], [0.1, 4.0, 0.7]])
    expected_scale = np.array([1.0, np.sqrt(14.0 / 9.0), 1.0])  # var of [1, 2, 4] = 14/9
    assert np.var(X[:, 0]) > 0.0, "bank: this column should show the round-off"
    scaler = impl.StandardScaler()
    hint = ("round-off left this constant column a variance of ~1e-34 instead of 0, and dividing by its "
            "square root (~1e-17) blows the round-off up to ±1: detect constant columns from the data "
            "(max == min) and give them var_ = 0 and scale_ = 1")
    with no_float_warnings("StandardScaler on constant 0.1 and 0.7 columns", hint=hint):
        Z = scaler.fit_transform(X)
    expect_close(scaler.scale_, expected_scale, "scale_ with constant columns 0.1 and 0.7", rtol=1e-12, hint=hint)
    expect_array(Z, (3, 3), "fit_transform(X)", hint=hint)
    expect_close(Z[:, [0, 2]], np.zeros((3, 2)), "the standardized constant columns", atol=1e-12, hint=hint)


# edge cases --------------------------------------------------------------------------------

@pytest.mark.points(3, "edge_cases")
def test_using_a_scaler_before_fit_raises_not_fitted_error(impl):
    X = features(seed=181, n=10, d=2)
    expected = preprocessing.MinMaxScaler().fit(X).transform(X[:3])
    hint = "NotFittedError (check_is_fitted) subclasses both ValueError and AttributeError"
    for make in (impl.StandardScaler, impl.MinMaxScaler):
        for error_type in (ValueError, AttributeError):
            with expect_raises(error_type, f"{make.__name__}().transform before fit", hint=hint):
                make().transform(X)
            with expect_raises(error_type, f"{make.__name__}().inverse_transform before fit", hint=hint):
                make().inverse_transform(X)
    expect_close(impl.MinMaxScaler().fit(X).transform(X[:3]), expected, "MinMaxScaler.transform after fit",
                 **CLOSE)


@pytest.mark.points(3, "edge_cases")
def test_a_different_feature_count_raises_value_error(impl):
    X = features(seed=182, n=12, d=3)
    expected = preprocessing.StandardScaler().fit(X).transform(X[:2])
    for make in (impl.StandardScaler, impl.MinMaxScaler):
        name = make.__name__
        model = make().fit(X)
        expect_array(model.transform(X[:2]), (2, 3), f"{name}.transform(X[:2])")
        hint = ("check the feature count (check_n_features): a single column would silently broadcast "
                "against the 3 training statistics")
        for d in (1, 4):
            other = features(seed=183, n=4, d=d)
            with expect_raises(ValueError, f"{name}.transform with {d} feature(s) after fitting with 3", hint=hint):
                model.transform(other)
            with expect_raises(ValueError, f"{name}.inverse_transform with {d} column(s) after fitting with 3",
                               hint=hint):
                model.inverse_transform(other)
    expect_close(impl.StandardScaler().fit(X).transform(X[:2]), expected, "StandardScaler.transform(X[:2])", **CLOSE)


@pytest.mark.points(3, "edge_cases")
def test_bad_hyperparameters_raise_value_error(impl):
    X = features(seed=184, n=8, d=2)
    hint = "validate hyperparameters in fit (or at the start of the function) with ValueError"
    expect_close(impl.polynomial_features(X, degree=0), np.ones((8, 1)), "polynomial_features(X, degree=0)",
                 rtol=0, hint="degree 0 leaves only the bias column of ones")
    for feature_range in ((1.0, 0.0), (2.0, 2.0), (0.0, 1.0, 2.0)):
        with expect_raises(ValueError, f"MinMaxScaler(feature_range={feature_range}).fit", hint=hint):
            impl.MinMaxScaler(feature_range=feature_range).fit(X)
    with expect_raises(ValueError, "StandardScaler(with_mean='yes').fit", hint=hint):
        impl.StandardScaler(with_mean="yes").fit(X)
    for kwargs in ({"degree": -1}, {"degree": 1.5}, {"degree": 0, "include_bias": False}):
        with expect_raises(ValueError, f"polynomial_features(X, {kwargs})", hint=hint):
            impl.polynomial_features(X, **kwargs)


@pytest.mark.points(3, "edge_cases")
def test_one_hot_rejects_labels_outside_the_classes(impl):
    expected = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 0.0]])
    expect_close(impl.one_hot([0.0, 2.0, 1.0], n_classes=4), expected, "one_hot([0.0, 2.0, 1.0], n_classes=4)",
                 rtol=0, hint="whole-valued floats and lists are class indices too")
    hint = "y holds class indices 0..K-1: raise ValueError for anything else"
    for y, n_classes, what in (([0, 3, 1], 3, "label 3 with n_classes=3"), ([0, -1, 1], None, "a negative label"),
                               ([0, 1.5, 1], None, "the label 1.5"), ([0, 1], 0, "n_classes=0")):
        with expect_raises(ValueError, f"one_hot with {what}", hint=hint):
            impl.one_hot(np.array(y), n_classes=n_classes)


@pytest.mark.points(3, "edge_cases")
def test_integer_float32_list_and_read_only_inputs_give_float64_results(impl):
    rng = np.random.default_rng(185)
    X_int = rng.integers(-20, 21, size=(25, 3))
    X = X_int.astype(np.float64)
    expected = {"standard": preprocessing.StandardScaler().fit(X).transform(X),
                "minmax": preprocessing.MinMaxScaler().fit(X).transform(X),
                "poly": preprocessing.PolynomialFeatures(degree=2).fit_transform(X)}
    (X_ro,) = datasets.read_only(X)
    for name, X_in in (("int", X_int), ("float32", X_int.astype(np.float32)), ("list", X_int.tolist()),
                       ("read-only", X_ro)):
        hint = f"convert {name} input with np.asarray(X, dtype=np.float64) and build new arrays"
        for key, got in (("standard", impl.StandardScaler().fit(X_in).transform(X_in)),
                         ("minmax", impl.MinMaxScaler().fit_transform(X_in)),
                         ("poly", impl.polynomial_features(X_in))):
            expect_close(got, expected[key], f"{key} output for {name} input", **CLOSE, hint=hint)
            assert got.dtype == np.float64, (
                f"the {key} output for {name} input should be float64, got {got.dtype}. Likely mistake: {hint}")
    encoded = expect_close(impl.one_hot(np.array([1, 0, 2], dtype=np.int8)), np.eye(3)[[1, 0, 2]],
                           "one_hot of int8 labels", rtol=0)
    assert encoded.dtype == np.float64, f"one_hot should return float64, got {encoded.dtype}"


@pytest.mark.points(3, "edge_cases")
def test_inputs_are_never_modified(impl):
    X, X_new = features(seed=186, n=20, d=3), features(seed=187, n=6, d=3)
    Z = np.random.default_rng(188).normal(size=(6, 3))
    y = np.array([1, 0, 2, 2])
    copies = {name: array.copy() for name, array in (("X", X), ("X_new", X_new), ("Z", Z), ("y", y))}
    expected = preprocessing.StandardScaler().fit(X).transform(X_new)
    standard = impl.StandardScaler().fit(X)
    expect_close(standard.transform(X_new), expected, "StandardScaler.transform(X_new)", **CLOSE)
    standard.inverse_transform(Z)
    standard.fit_transform(X)
    minmax = impl.MinMaxScaler().fit(X)
    minmax.transform(X_new)
    minmax.inverse_transform(Z)
    minmax.fit_transform(X)
    impl.polynomial_features(X_new, degree=3)
    impl.one_hot(y)
    hint = "build new arrays (X - mean_), never X -= mean_ or X /= scale_: the caller's data must not change"
    for name, original in copies.items():
        current = {"X": X, "X_new": X_new, "Z": Z, "y": y}[name]
        expect_close(current.astype(np.float64), original, f"{name} after fit, transform and inverse_transform",
                     rtol=0, hint=hint)


# vectorization -----------------------------------------------------------------------------

@pytest.mark.points(5, "vectorization")
def test_scalers_do_not_loop_over_samples(impl):
    data = {n: features(seed=191, n=n, d=4) for n in (100, 2000)}
    expected = preprocessing.StandardScaler().fit(data[2000]).transform(data[2000][:5])
    expect_close(impl.StandardScaler().fit(data[2000]).transform(data[2000][:5]), expected,
                 "StandardScaler.transform(X[:5])", **CLOSE)

    def run(n):
        for make in (impl.StandardScaler, impl.MinMaxScaler):
            model = make().fit(data[n])
            model.inverse_transform(model.transform(data[n]))
            make().fit_transform(data[n])

    expect_no_loop_over(run, 100, 2000, "the scalers' fit, transform and inverse_transform",
                        hint="reduce with axis=0 and broadcast the (d,) statistics over all rows at once")


@pytest.mark.points(5, "vectorization")
def test_one_hot_and_polynomial_features_do_not_loop_over_samples(impl):
    rng = np.random.default_rng(192)
    labels = {n: rng.integers(0, 6, size=n) for n in (100, 2000)}
    data = {n: rng.normal(size=(n, 3)) for n in (100, 2000)}
    expected = preprocessing.PolynomialFeatures(degree=3).fit_transform(data[100][:4])
    expect_close(impl.polynomial_features(data[100][:4], degree=3), expected, "polynomial_features(X[:4], 3)",
                 **CLOSE)
    expect_no_loop_over(lambda n: impl.one_hot(labels[n], n_classes=6), 100, 2000, "one_hot",
                        hint="set all the ones at once: Y[np.arange(n), y] = 1.0")
    expect_no_loop_over(lambda n: impl.polynomial_features(data[n], degree=3), 100, 2000, "polynomial_features",
                        hint="loop over the feature combinations if you like, but compute each column for "
                             "all samples at once: X[:, list(combo)].prod(axis=1)")
