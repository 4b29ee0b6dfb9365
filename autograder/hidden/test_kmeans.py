"""Hidden tests of exercise 05, k-means and k-means++ (80 of its 100 points)."""
import math

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
    expect_raises,
    no_float_warnings,
    to_int,
)

LLOYD_HINT = ("alternate the assignment (argmin of squared distances) and the update (mean of "
              "each cluster) until the centers stop moving")


def lloyd_oracle(X, init, **options):
    """scikit-learn's Lloyd k-means from the centers ``init`` (tol=0: to its fixed point)."""
    options.setdefault("tol", 0.0)
    return cluster.KMeans(n_clusters=len(init), init=init, n_init=1, algorithm="lloyd",
                          **options).fit(X)


def squared_distances(X, centers):
    return ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)


def expect_same_clustering(model, centers, labels, inertia, hint=LLOYD_HINT):
    """Centers, labels and inertia equal to the expected ones, up to a renumbering of clusters."""
    k, d = centers.shape
    got = expect_array(model.cluster_centers_, (k, d), "cluster_centers_", hint=hint)
    nearest = squared_distances(centers, got).argmin(axis=1)
    assert len(set(nearest.tolist())) == k, (
        f"cluster_centers_ should be {np.round(centers, 4).tolist()} (in some order), got "
        f"{np.round(got, 4).tolist()}. Likely mistake: {hint}")
    expect_close(got[nearest], centers, "cluster_centers_", rtol=1e-9, atol=1e-9, hint=hint)
    expect_equal(model.labels_, nearest[labels], "labels_", hint=hint)
    expect_float(model.inertia_, inertia, "inertia_", rtol=1e-9,
                 hint="inertia_ is the sum (not the mean) of the squared distances of the samples "
                      "to their own final centers")


def expect_rows_of(centers, X, name, hint):
    """Return the row index of ``X`` that each (already validated) center copies exactly."""
    rows = squared_distances(centers, X).argmin(axis=1)
    expect_close(centers, X[rows], name, rtol=0.0, hint=hint)
    return rows


def overlapping(seed, n=90, d=2):
    """Three overlapping Gaussian clouds: Lloyd needs several iterations here."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    X[: n // 3] += 1.5
    X[n // 3 : 2 * n // 3, 0] -= 1.5
    return X


def slowly_converging(seed, init_rows, iterations):
    """``overlapping`` data from the first of the seeds ``seed, seed + 1000, ...`` on which Lloyd
    from ``X[init_rows]`` runs at least ``iterations`` iterations before its fixed point."""
    for attempt in range(20):
        X = overlapping(seed=seed + 1000 * attempt)
        if lloyd_oracle(X, X[init_rows]).n_iter_ >= iterations:
            return X
    raise RuntimeError(f"bank data: no seed from {seed} needs {iterations} Lloyd iterations; choose another")


def binomial_acceptance(n, p, alpha):
    """Counts ``[lo, hi]`` with ``P(Binomial(n, p) < lo) <= alpha`` and ``P(> hi) <= alpha``, exactly."""
    log_pmf = [math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
               + k * math.log(p) + (n - k) * math.log1p(-p) for k in range(n + 1)]
    pmf = [math.exp(value) for value in log_pmf]
    lo, below = 0, 0.0
    while below + pmf[lo] <= alpha:
        below += pmf[lo]
        lo += 1
    hi, above = n, 0.0
    while above + pmf[hi] <= alpha:
        above += pmf[hi]
        hi -= 1
    return lo, hi


# shapes ------------------------------------------------------------------------------------

@pytest.mark.points(3, "shapes")
def test_predict_and_fit_predict_return_integer_labels(impl):
    X, _ = datasets.blobs(seed=11, n=36, k=3, d=3)
    X_new = np.random.default_rng(11).normal(size=(9, 3)) * 10
    fitted = impl.KMeans(n_clusters=3, random_state=7).fit(X)
    labels = expect_array(fitted.labels_, (36,), "labels_", kind="iu")
    expect_array(fitted.predict(X_new), (9,), "predict(X_new)", kind="iu",
                 hint="predict returns one integer cluster index per row")
    predicted = impl.KMeans(n_clusters=3, random_state=7).fit_predict(X)
    expect_equal(predicted, labels, "fit_predict(X)",
                 hint="fit_predict(X) is fit(X).labels_, with the same random_state")


@pytest.mark.points(3, "shapes")
def test_one_cluster_on_one_feature_is_the_mean(impl):
    X = np.random.default_rng(12).normal(size=(20, 1)) * 3 + 1
    mean, total = X.mean(axis=0), float(((X - X.mean(axis=0)) ** 2).sum())
    model = impl.KMeans(n_clusters=1, random_state=0).fit(X)
    expect_close(model.cluster_centers_, mean[None, :], "cluster_centers_ of KMeans(n_clusters=1)",
                 rtol=1e-9, atol=1e-12, hint="with one cluster, the center is the mean of all samples")
    expect_equal(model.labels_, np.zeros(20, dtype=int), "labels_ of KMeans(n_clusters=1)")
    expect_float(model.inertia_, total, "inertia_ of KMeans(n_clusters=1)", rtol=1e-9,
                 hint="inertia_ is the total sum of squared deviations here")
    seed = expect_array(impl.kmeans_plus_plus(X, 1, random_state=3), (1, 1), "kmeans_plus_plus(X, 1)")
    expect_rows_of(seed, X, "kmeans_plus_plus(X, 1)", hint="the first center is a row of X")


# correctness -------------------------------------------------------------------------------

@pytest.mark.points(6, "correctness")
@pytest.mark.parametrize("case", ["blobs_3", "blobs_4_in_3d", "overlapping"])
def test_lloyd_matches_scikit_learn_including_n_iter(impl, case):
    if case == "blobs_3":
        X, _ = datasets.blobs(seed=21, n=50, k=3)
        init = X[[3, 4, 5]]
    elif case == "blobs_4_in_3d":
        X, _ = datasets.blobs(seed=22, n=64, k=4, d=3)
        init = X[[0, 1, 2, 3, 4]]
    else:
        X = overlapping(seed=23)
        init = X[:5]
    oracle = lloyd_oracle(X, init)
    model = impl.KMeans(n_clusters=len(init), init=init, tol=0.0).fit(X)
    expect_same_clustering(model, oracle.cluster_centers_, oracle.labels_, oracle.inertia_)
    got = to_int(model.n_iter_, "n_iter_")
    assert got == oracle.n_iter_, (
        f"n_iter_ should be {oracle.n_iter_}, got {got}. Likely mistake: n_iter_ counts the "
        "iterations run, the last one included: with tol=0 that is the first iteration that "
        "moves no center")


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("max_iter", [1, 2, 4])
def test_after_exactly_max_iter_iterations_matches_scikit_learn(impl, max_iter):
    X = slowly_converging(seed=24, init_rows=[0, 40, 80, 10], iterations=4)
    init = X[[0, 40, 80, 10]]
    oracle = lloyd_oracle(X, init, max_iter=max_iter)
    model = impl.KMeans(n_clusters=4, init=init, max_iter=max_iter, tol=0.0).fit(X)
    expect_same_clustering(model, oracle.cluster_centers_, oracle.labels_, oracle.inertia_,
                           hint=f"run exactly max_iter={max_iter} updates, then assign the samples "
                                "once more to the final centers (labels_ and inertia_ belong to them)")
    got = to_int(model.n_iter_, "n_iter_")
    assert got == max_iter, (
        f"n_iter_ should be {max_iter} (= max_iter: the data needs more iterations), got {got}. "
        "Likely mistake: n_iter_ is the number of iterations run, counted from 1")


@pytest.mark.points(5, "correctness")
@pytest.mark.parametrize("case", ["overlapping", "with_an_empty_cluster"])
def test_inertia_never_increases_and_belongs_to_the_final_centers(impl, case):
    X = overlapping(seed=25, n=120)
    init = X[:6] if case == "overlapping" else np.vstack([X[:5], [[30.0, -30.0]]])
    inertias = []
    for max_iter in range(1, 13):
        model = impl.KMeans(n_clusters=6, init=init, max_iter=max_iter, tol=0.0).fit(X)
        centers = expect_array(model.cluster_centers_, (6, 2), "cluster_centers_")
        distances = squared_distances(X, centers)
        nearest = distances.argmin(axis=1)
        expect_equal(model.labels_, nearest, f"labels_ after max_iter={max_iter}",
                     hint="labels_ must be the argmin for the *final* centers: assign once more "
                          "after the last update")
        inertia = expect_float(model.inertia_, distances[np.arange(len(X)), nearest].sum(),
                               f"inertia_ after max_iter={max_iter}", rtol=1e-9,
                               hint="inertia_ = sum over samples of the squared distance to "
                                    "their own center in cluster_centers_")
        inertias.append(inertia)
    rises = [m + 1 for m in range(len(inertias) - 1) if inertias[m + 1] > inertias[m] * (1 + 1e-12)]
    assert not rises, (
        f"inertia_ went up from max_iter={rises[0]} to {rises[0] + 1} "
        f"({inertias[rises[0] - 1]:.6g} -> {inertias[rises[0]]:.6g}); each Lloyd iteration can only "
        "lower it. Likely mistake: the update is not the mean of each cluster's samples, or an "
        "empty cluster's center is not moved onto a sample")
    assert inertias[-1] < inertias[0], (
        f"inertia_ stayed at {inertias[0]:.6g} from max_iter=1 to 12: the centers never improve. "
        "Likely mistake: the loop stops after one iteration or never updates the centers")


# k-means++ on the four 1-D rows 0, 0, 1, 3 with 2 centers: the first center is uniform over
# the rows, so it is 0 with probability 2/4, 1 with 1/4, 3 with 1/4; the second is drawn ∝ D²:
#   after 0: D² = (0, 0, 1, 9)  -> 1 w.p. 1/10, 3 w.p. 9/10
#   after 1: D² = (1, 1, 0, 4)  -> 0 w.p. 2/6,  3 w.p. 4/6
#   after 3: D² = (9, 9, 4, 0)  -> 0 w.p. 18/22, 1 w.p. 4/22
# so P(first, second) is: (0,1) 1/20, (0,3) 9/20, (1,0) 1/12, (1,3) 1/6, (3,0) 9/44, (3,1) 1/22.
# Over N = 2000 seeds each count is Binomial(2000, p). binomial_acceptance(2000, p, 1e-10) gives
# the exact acceptance intervals (0,1) [44, 168], (0,3) [759, 1042], (1,0) [94, 250],
# (1,3) [232, 443], (3,0) [298, 527], (3,1) [38, 156]; the exact tail masses outside them sum
# to 9.1e-10 over the six cells, so a correct sampler fails this test with probability < 1e-9
# (union bound). The mistakes land far outside:
#   ∝ D instead of D²:   (0,1) has p = 1/8 (mean 250 > 168): passes with probability < 4e-9;
#   farthest-first:      (0,1), (1,0), (3,1) have p = 0: always fails;
#   uniform over others: (0,1) has p = 1/4 (mean 500): passes with probability < 1e-80;
#   scikit-learn's greedy variant (2 trials, keep the lower potential): (0,1) has p = 1/200,
#   passes with probability < 2e-15; a first center fixed at row 0: always fails.
KPP_ROWS = np.array([[0.0], [0.0], [1.0], [3.0]])
KPP_PAIRS = {(0.0, 1.0): 1 / 20, (0.0, 3.0): 9 / 20, (1.0, 0.0): 1 / 12,
             (1.0, 3.0): 1 / 6, (3.0, 0.0): 9 / 44, (3.0, 1.0): 1 / 22}
KPP_SEEDS = 2000


@pytest.mark.points(8, "correctness")
def test_kmeans_plus_plus_draws_the_next_center_with_probability_d_squared(impl):
    bounds = {pair: binomial_acceptance(KPP_SEEDS, p, 1e-10) for pair, p in KPP_PAIRS.items()}
    counts = dict.fromkeys(KPP_PAIRS, 0)
    for seed in range(KPP_SEEDS):
        centers = expect_array(impl.kmeans_plus_plus(KPP_ROWS, 2, random_state=seed), (2, 1),
                               f"kmeans_plus_plus(X, 2, random_state={seed})")
        pair = (float(centers[0, 0]), float(centers[1, 0]))
        if pair not in counts:
            raise AssertionError(
                f"with X = [0, 0, 1, 3] (one feature) and seed {seed}, kmeans_plus_plus returned "
                f"centers {list(pair)}: they should be two different rows of X. Likely mistake: "
                "a chosen row (D² = 0) must never be drawn again; the centers are copies of rows")
        counts[pair] += 1
    for pair, (lo, hi) in bounds.items():
        if not lo <= counts[pair] <= hi:
            observed = ", ".join(f"{list(p)}: {c}" for p, c in counts.items())
            expected = ", ".join(f"{list(p)}: {KPP_SEEDS * q:.0f}" for p, q in KPP_PAIRS.items())
            raise AssertionError(
                f"k-means++ on X = [0, 0, 1, 3] over {KPP_SEEDS} seeds drew (first, second) = "
                f"{list(pair)} {counts[pair]} times; a correct sampler gives {lo} to {hi} "
                f"(all counts, expected ≈ {expected}; got {observed}). Likely mistake: draw the "
                "first center uniformly over the rows, then each next one with probability "
                "D²/sum(D²), D the distance to the nearest chosen center: not ∝ D, not the "
                "farthest point, not uniform")


@pytest.mark.points(3, "correctness")
def test_kmeans_plus_plus_never_draws_a_chosen_point_again(impl):
    X = np.random.default_rng(26).normal(size=(5, 2))
    for seed in range(10):
        centers = expect_array(impl.kmeans_plus_plus(X, 5, random_state=seed), (5, 2),
                               f"kmeans_plus_plus(X, 5) on 5 rows, seed {seed}")
        rows = expect_rows_of(centers, X, f"kmeans_plus_plus(X, 5), seed {seed}",
                              hint="every center is a copy of a row of X")
        assert sorted(rows.tolist()) == list(range(5)), (
            f"with k = n = 5 distinct rows, k-means++ must return every row once; seed {seed} "
            f"returned rows {rows.tolist()}. Likely mistake: D must be the distance to the "
            "*nearest* chosen center (take the minimum over all of them), so a chosen row has "
            "D = 0 and is never drawn again")
    spike = np.array([[0.0], [0.0], [0.0], [0.0], [10.0]])
    for seed in range(20):
        centers = expect_array(impl.kmeans_plus_plus(spike, 2, random_state=seed), (2, 1),
                               f"kmeans_plus_plus([0, 0, 0, 0, 10], 2), seed {seed}")
        assert sorted(centers[:, 0].tolist()) == [0.0, 10.0], (
            f"on X = [0, 0, 0, 0, 10] the two k-means++ centers are always 0 and 10 (every other "
            f"row has D = 0), got {centers[:, 0].tolist()} with seed {seed}. Likely mistake: rows "
            "with D = 0 must have probability 0")


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("init, tol, n_iter", [
    ([[0.5], [10.5]], 0.0, 2),
    ([[0.5], [10.5]], 0.4, 2),
    ([[0.5], [10.5]], 0.5, 1),
    ([[0.5], [10.5]], 0.6, 1),
    ([[0.0], [10.0]], 0.0, 1),
])
def test_tol_bounds_the_sum_of_squared_center_shifts(impl, init, tol, n_iter):
    X = np.array([[-1.0], [1.0], [9.0], [11.0]])
    # From init (0.5, 10.5) the first iteration moves the centers to the means (0, 10): the
    # shift is 0.5² + 0.5² = 0.5, so it stops there iff 0.5 <= tol; the second moves nothing
    # (shift 0 <= tol always). From (0, 10), already the fixed point, the first shift is 0.
    model = impl.KMeans(n_clusters=2, init=np.array(init), tol=tol).fit(X)
    expect_close(model.cluster_centers_, [[0.0], [10.0]], "cluster_centers_", rtol=1e-9, atol=1e-9,
                 hint=LLOYD_HINT)
    expect_equal(model.labels_, [0, 0, 1, 1], "labels_")
    expect_float(model.inertia_, 4.0, "inertia_", rtol=1e-9)
    got = to_int(model.n_iter_, "n_iter_")
    assert got == n_iter, (
        f"with tol={tol} from init {init}, n_iter_ should be {n_iter}, got {got}. Likely mistake: "
        "stop after the iteration whose shift = sum over centers of ||new - old||² (squared, "
        "summed, not the norm or the max) is <= tol (not <), with tol absolute (not scaled by "
        "the data's variance); n_iter_ counts that last iteration")


@pytest.mark.points(3, "correctness")
def test_predict_assigns_each_point_to_its_nearest_center(impl):
    X, _ = datasets.blobs(seed=27, n=40, k=4, d=3)
    X_new = np.random.default_rng(27).uniform(X.min(axis=0), X.max(axis=0), size=(30, 3))
    init = X[:4]
    oracle = lloyd_oracle(X, init)
    expected_new = oracle.predict(X_new)
    model = impl.KMeans(n_clusters=4, init=init).fit(X)
    expect_same_clustering(model, oracle.cluster_centers_, oracle.labels_, oracle.inertia_)
    order = squared_distances(oracle.cluster_centers_, model.cluster_centers_).argmin(axis=1)
    expect_equal(model.predict(X_new), order[expected_new], "predict(X_new)",
                 hint="predict(X) = argmin over clusters of ||x - center||² for each row (argmin, "
                      "not argmax)")
    expect_equal(model.predict(X), model.labels_, "predict(X_train)",
                 hint="predicting the training data must give labels_")


@pytest.mark.points(3, "correctness")
def test_default_init_finds_well_separated_blobs(impl):
    X, y = datasets.blobs(seed=81, n=45, k=3, separation=1e4)
    means = np.array([X[y == j].mean(axis=0) for j in range(3)])
    inertia = float(sum(((X[y == j] - means[j]) ** 2).sum() for j in range(3)))
    # Blobs 1e4 apart with unit spread: k-means++ puts two centers in the same blob with
    # probability 2.9e-8 per seed (computed exactly over all 45·45·45 draws); with one center
    # per blob, Lloyd's first assignment is already the blob partition.
    for seed in (0, 1, 2):
        model = impl.KMeans(n_clusters=3, random_state=seed).fit(X)
        expect_same_clustering(model, means, y, inertia,
                               hint="init='k-means++' starts from kmeans_plus_plus(X, n_clusters, "
                                    "random_state), then runs Lloyd's iterations")


@pytest.mark.points(3, "correctness")
def test_reordering_the_samples_permutes_the_labels_only(impl):
    X = overlapping(seed=28, n=75)
    init = X[[5, 6, 7, 8]]
    oracle = lloyd_oracle(X, init)
    order = np.random.default_rng(28).permutation(75)
    model = impl.KMeans(n_clusters=4, init=init, tol=0.0).fit(X[order])
    expect_same_clustering(model, oracle.cluster_centers_, oracle.labels_[order], oracle.inertia_,
                           hint="the clustering must depend on the points, not on their order")


@pytest.mark.points(3, "correctness")
def test_the_global_random_state_is_untouched(impl):
    X, _ = datasets.blobs(seed=29, n=30, k=3)
    before = np.random.get_state()
    centers = impl.kmeans_plus_plus(X, 3, random_state=5)
    model = impl.KMeans(n_clusters=3, random_state=6).fit(X)
    impl.KMeans(n_clusters=3).fit(X)
    after = np.random.get_state()
    expect_array(centers, (3, 2), "kmeans_plus_plus(X, 3)")
    expect_array(model.cluster_centers_, (3, 2), "cluster_centers_")
    same = before[0] == after[0] and np.array_equal(before[1], after[1]) and before[2:] == after[2:]
    assert same, (
        "the global np.random state changed during kmeans_plus_plus / KMeans.fit. Likely mistake: "
        "use rng = np.random.default_rng(random_state) and rng's methods, never np.random.seed, "
        "np.random.choice or np.random.rand")


# stability ---------------------------------------------------------------------------------

@pytest.mark.points(4, "stability")
def test_translating_the_data_far_from_the_origin_changes_nothing(impl):
    X, _ = datasets.blobs(seed=31, n=60, k=3)
    init = X[[0, 1, 2]]
    oracle = lloyd_oracle(X, init)
    offset = 1e6
    model = impl.KMeans(n_clusters=3, init=init + offset, tol=0.0).fit(X + offset)
    hint = ("||x||² - 2x·c + ||c||² cancels catastrophically when the data is far from the "
            "origin: subtract a common point (the centers' mean) from the data and the centers "
            "first, or compute the squared distances from the differences x - c")
    centers = expect_array(model.cluster_centers_, (3, 2), "cluster_centers_", hint=hint)
    expect_close(centers - offset, oracle.cluster_centers_, "cluster_centers_ - 1e6", rtol=0.0, atol=1e-7,
                 hint=hint)
    expect_equal(model.labels_, oracle.labels_, "labels_ of the translated data", hint=hint)
    expect_float(model.inertia_, oracle.inertia_, "inertia_ of the translated data", rtol=1e-8, hint=hint)
    # At (1e8, -1e8) the squared norms are ~1e16, where the expansion's round-off (~4) exceeds
    # the gaps between the distances of points near the boundary of clusters 0 and 1.
    far_away = np.array([1e8, -1e8])
    far = impl.KMeans(n_clusters=3, init=init + far_away, tol=0.0).fit(X + far_away)
    centers = expect_array(far.cluster_centers_, (3, 2), "cluster_centers_ at (1e8, -1e8)", hint=hint)
    steps = np.concatenate([-np.geomspace(1e-4, 1e-2, 10), np.geomspace(1e-4, 1e-2, 10)])
    near_boundary = (centers[0] + centers[1]) / 2 + steps[:, None] * (centers[1] - centers[0])
    nearest = ((near_boundary[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    expect_equal(far.predict(near_boundary), nearest,
                 "predict of 20 points near the boundary of clusters 0 and 1, at (1e8, -1e8)", hint=hint)


@pytest.mark.points(3, "stability")
def test_fewer_distinct_points_than_clusters_give_no_nan_or_warning(impl):
    X = np.array([[1.0, 1.0]] * 4 + [[5.0, 5.0]] * 3)
    for seed in range(4):
        with no_float_warnings(f"kmeans_plus_plus on 2 distinct rows with k=3 (seed {seed})"):
            centers = impl.kmeans_plus_plus(X, 3, random_state=seed)
        centers = expect_array(centers, (3, 2), "kmeans_plus_plus(X, 3)",
                               hint="when every D² is 0, draw any row instead of dividing 0 by 0")
        rows = expect_rows_of(centers, X, "kmeans_plus_plus(X, 3)", hint="centers are rows of X")
        assert sorted(X[rows[:2], 0].tolist()) == [1.0, 5.0], (
            f"the first two k-means++ centers must be the two distinct rows, got {centers.tolist()}")
        with no_float_warnings(f"KMeans(n_clusters=3, random_state={seed}).fit on 2 distinct rows"):
            model = impl.KMeans(n_clusters=3, random_state=seed).fit(X)
        expect_array(model.cluster_centers_, (3, 2), "cluster_centers_",
                     hint="an empty cluster's mean is 0/0: relocate it instead")
        expect_float(model.inertia_, 0.0, "inertia_", atol=1e-12,
                     hint="both distinct points are centers, so every squared distance is 0")
    # One distinct row: every D² is 0 from the second center on, before any other draw.
    same = np.array([[2.0, -1.0]] * 5)
    hint = ("when every D² is 0 (already for the second center here), still draw a row "
            "(uniformly, say): never divide 0 by 0, never skip the draw")
    for seed in range(2):
        with no_float_warnings(f"kmeans_plus_plus on 5 equal rows with k=3 (seed {seed})", hint=hint):
            centers = impl.kmeans_plus_plus(same, 3, random_state=seed)
        expect_close(centers, same[:3], f"kmeans_plus_plus(5 equal rows, 3), seed {seed}", rtol=0.0,
                     hint=hint)
        with no_float_warnings(f"KMeans(n_clusters=3, random_state={seed}).fit on 5 equal rows", hint=hint):
            model = impl.KMeans(n_clusters=3, random_state=seed).fit(same)
        expect_close(model.cluster_centers_, same[:3], "cluster_centers_ on 5 equal rows", rtol=0.0,
                     hint="every center is the one distinct row, whatever is empty or relocated")
        expect_float(model.inertia_, 0.0, "inertia_ on 5 equal rows", atol=1e-12,
                     hint="every sample sits on a center, so every squared distance is 0")


# edge cases --------------------------------------------------------------------------------

@pytest.mark.points(5, "edge_cases")
@pytest.mark.parametrize("case", ["ties", "farthest_below_its_center", "two_empty_clusters"])
def test_an_empty_cluster_moves_to_the_sample_farthest_from_its_own_center(impl, case):
    if case == "ties":
        X = np.array([[0.0], [1.0], [10.0], [11.0]])
        init = np.array([[0.0], [0.0], [10.0]])
        # Iteration 1: clusters 0 and 1 tie for samples 0 and 1 -> the lower, 0; cluster 1 is
        # empty. Squared distances to the own centers: (0, 1, 0, 1): samples 1 and 3 tie, the
        # lower index (1) wins, so the centers become (0.5, 1, 10.5); then labels (0, 1, 2, 2)
        # and inertia 0.25 + 0 + 0.25 + 0.25. The fit goes on to the fixed point (0, 1, 10.5).
        one_step = (np.array([[0.5], [1.0], [10.5]]), [0, 1, 2, 2], 0.75)
        final = (np.array([[0.0], [1.0], [10.5]]), [0, 1, 2, 2], 0.5)
    elif case == "farthest_below_its_center":
        X = np.array([[-4.0], [0.0], [1.0], [10.0], [11.0]])
        init = np.array([[0.0], [0.0], [10.0]])
        # Iteration 1: samples -4, 0, 1 go to cluster 0 (tie with 1: the lower), cluster 1 is
        # empty. Squared distances to the own centers: (16, 0, 1, 0, 1): the farthest sample
        # is -4, BELOW its center (a signed difference, or its cube, would pick 1 instead). The
        # centers become (mean(-4, 0, 1) = -1, -4, 10.5); labels (1, 0, 0, 2, 2) and inertia
        # 0 + 1 + 4 + 0.25 + 0.25. The fit goes on to the fixed point (0.5, -4, 10.5).
        one_step = (np.array([[-1.0], [-4.0], [10.5]]), [1, 0, 0, 2, 2], 5.5)
        final = (np.array([[0.5], [-4.0], [10.5]]), [1, 0, 0, 2, 2], 1.0)
    else:
        X, _ = datasets.blobs(seed=32, n=30, k=2)
        init = np.vstack([X[[0]], [[500.0, 500.0]], X[[1]], [[-500.0, 500.0]]])
        labels = squared_distances(X, init).argmin(axis=1)  # only clusters 0 and 2 get samples
        centers = init.copy()
        for j in (0, 2):
            centers[j] = X[labels == j].mean(axis=0)
        farthest = np.argsort(-((X - init[labels]) ** 2).sum(axis=1), kind="stable")
        centers[1], centers[3] = X[farthest[0]], X[farthest[1]]  # lower empty cluster: farthest
        distances = squared_distances(X, centers)
        one_step = (centers, distances.argmin(axis=1), distances.min(axis=1).sum())
        oracle = lloyd_oracle(X, init)
        final = (oracle.cluster_centers_, oracle.labels_, oracle.inertia_)
    hint = ("an empty cluster's center moves to the sample farthest from its own assigned center, "
            "by the squared distance ||x_i - c_label_i||² in any direction (ties: the lowest sample "
            "index); with several empty clusters, the lowest-numbered takes the farthest sample, "
            "the next the second farthest; the other centers stay the means of their samples")
    model = impl.KMeans(n_clusters=len(init), init=init, max_iter=1).fit(X)
    expect_close(model.cluster_centers_, one_step[0], "cluster_centers_ after one iteration",
                 rtol=1e-9, atol=1e-9, hint=hint)
    expect_equal(model.labels_, one_step[1], "labels_ after one iteration", hint=hint)
    expect_float(model.inertia_, one_step[2], "inertia_ after one iteration", rtol=1e-9, hint=hint)
    model = impl.KMeans(n_clusters=len(init), init=init, tol=0.0).fit(X)
    expect_close(model.cluster_centers_, final[0], "cluster_centers_ at convergence",
                 rtol=1e-9, atol=1e-9, hint=hint)
    expect_equal(model.labels_, final[1], "labels_ at convergence", hint=hint)
    expect_float(model.inertia_, final[2], "inertia_ at convergence", rtol=1e-9, hint=hint)


@pytest.mark.points(3, "edge_cases")
def test_duplicate_points_and_duplicate_centers_terminate(impl):
    X = np.array([[1.0, 1.0]] * 4 + [[5.0, 5.0]] * 3)
    init = np.array([[1.0, 1.0], [1.0, 1.0], [5.0, 5.0]])
    # Clusters 0 and 1 tie for the four (1, 1) rows: cluster 0 takes them, cluster 1 is empty.
    # Every sample sits on its center (distance 0), so the farthest is sample 0, (1, 1): no
    # center moves, shift 0, and the fit stops after one iteration.
    model = impl.KMeans(n_clusters=3, init=init, tol=0.0).fit(X)
    expect_close(model.cluster_centers_, init, "cluster_centers_", rtol=1e-9, atol=1e-9,
                 hint="with every sample on its center, the empty cluster goes to sample 0 and "
                      "nothing moves")
    expect_equal(model.labels_, [0, 0, 0, 0, 2, 2, 2], "labels_",
                 hint="a tie between equal centers goes to the lowest cluster index (np.argmin)")
    expect_float(model.inertia_, 0.0, "inertia_", atol=1e-12)
    got = to_int(model.n_iter_, "n_iter_")
    assert got == 1, (
        f"n_iter_ should be 1 (the first iteration moves nothing, shift 0 <= tol=0), got {got}. "
        "Likely mistake: stop when shift <= tol, not < tol; an empty cluster must not jump "
        "around when all distances are 0")


@pytest.mark.points(3, "edge_cases")
def test_seed_zero_repeats_and_other_seeds_differ(impl):
    X = np.random.default_rng(33).normal(size=(200, 2))
    first = expect_array(impl.kmeans_plus_plus(X, 6, random_state=0), (6, 2), "kmeans_plus_plus(X, 6, 0)")
    for attempt in (2, 3):
        expect_close(impl.kmeans_plus_plus(X, 6, random_state=0), first,
                     f"call {attempt} of kmeans_plus_plus(X, 6, random_state=0)", rtol=0.0,
                     hint="random_state=0 is a seed: np.random.default_rng(0), never `if random_state:`")
    fit0 = impl.KMeans(n_clusters=6, random_state=0, max_iter=3).fit(X)
    centers0 = expect_array(fit0.cluster_centers_, (6, 2), "cluster_centers_")
    again = impl.KMeans(n_clusters=6, random_state=0, max_iter=3).fit(X)
    expect_close(again.cluster_centers_, centers0, "cluster_centers_ of a second fit with random_state=0",
                 rtol=0.0, hint="KMeans passes its random_state to kmeans_plus_plus")
    draws = {expect_array(impl.kmeans_plus_plus(X, 6, random_state=seed), (6, 2),
                          f"kmeans_plus_plus(X, 6, {seed})").tobytes() for seed in range(1, 7)}
    assert len(draws) > 1, (
        "kmeans_plus_plus gave the same centers for random_state = 1, ..., 6. Likely mistake: "
        "random_state is ignored (a fixed seed): use np.random.default_rng(random_state)")


@pytest.mark.points(3, "edge_cases")
def test_inputs_are_never_modified_and_any_numeric_type_works(impl):
    X, _ = datasets.blobs(seed=34, n=24, k=3)
    X = np.round(X)  # integer-valued, so the int and float32 copies are exact
    init = X[:3].copy()
    oracle = lloyd_oracle(X, init)
    (X_ro,) = datasets.read_only(X)
    model = impl.KMeans(n_clusters=3, init=init, tol=0.0).fit(X_ro)
    expect_same_clustering(model, oracle.cluster_centers_, oracle.labels_, oracle.inertia_)
    impl.kmeans_plus_plus(X_ro, 3, random_state=0)
    expect_close(X_ro, X, "X after fit", rtol=0.0,
                 hint="never modify X in place (no X -= mean): work on new arrays")
    for name, X_in, init_in in (("int", X.astype(int), init.astype(int)),
                                ("float32", X.astype(np.float32), init.astype(np.float32)),
                                ("list", X.tolist(), init.tolist())):
        model = impl.KMeans(n_clusters=3, init=init_in, tol=0.0).fit(X_in)
        expect_close(model.cluster_centers_, oracle.cluster_centers_, f"cluster_centers_ from {name} input",
                     rtol=1e-9, atol=1e-9, hint="work in float64 whatever the input type")


@pytest.mark.points(3, "edge_cases")
def test_bad_input_raises_value_error(impl):
    X, _ = datasets.blobs(seed=35, n=12, k=2)
    with expect_raises((ValueError, AttributeError), "predict before fit"):
        impl.KMeans(n_clusters=2).predict(X)
    oracle = lloyd_oracle(X, X[:2])
    model = impl.KMeans(n_clusters=2, init=X[:2], tol=0.0).fit(X)
    expect_same_clustering(model, oracle.cluster_centers_, oracle.labels_, oracle.inertia_)
    with expect_raises(ValueError, "predict with 3 features after fitting with 2"):
        model.predict(np.hstack([X, X[:, :1]]))
    with expect_raises(ValueError, "KMeans(n_clusters=13).fit on 12 samples"):
        impl.KMeans(n_clusters=13).fit(X)
    with expect_raises(ValueError, "kmeans_plus_plus(X, 0)"):
        impl.kmeans_plus_plus(X, 0)
    with expect_raises(ValueError, "KMeans(n_clusters=3, init=<2 centers>).fit"):
        impl.KMeans(n_clusters=3, init=X[:2]).fit(X)
    with expect_raises(ValueError, "KMeans(max_iter=0).fit"):
        impl.KMeans(n_clusters=2, max_iter=0).fit(X)
    with expect_raises(ValueError, "KMeans(tol=-1).fit"):
        impl.KMeans(n_clusters=2, tol=-1.0).fit(X)
    X_nan = X.copy()
    X_nan[2, 1] = np.nan
    with expect_raises(ValueError, "fit with NaN in X"):
        impl.KMeans(n_clusters=2).fit(X_nan)


# vectorization -----------------------------------------------------------------------------

@pytest.mark.points(4, "vectorization")
def test_fit_has_no_python_loop_over_samples(impl):
    X, _ = datasets.blobs(seed=41, n=2000, k=4, d=3)
    model = impl.KMeans(n_clusters=4, init=X[:4], max_iter=2, tol=0.0).fit(X[:100])
    expect_array(model.cluster_centers_, (4, 3), "cluster_centers_")
    expect_no_loop_over(lambda n: impl.KMeans(n_clusters=4, init=X[:4], max_iter=2, tol=0.0).fit(X[:n]),
                        50, 2000, "KMeans.fit",
                        hint="assign with one (n, k) distance array and argmin; update the means "
                             "with np.bincount / np.add.at or a loop over the k clusters, never "
                             "over the samples")


@pytest.mark.points(4, "vectorization")
def test_kmeans_plus_plus_has_no_python_loop_over_samples(impl):
    X = np.random.default_rng(42).normal(size=(2000, 3))
    expect_array(impl.kmeans_plus_plus(X[:100], 5, random_state=1), (5, 3), "kmeans_plus_plus(X, 5)")
    expect_no_loop_over(lambda n: impl.kmeans_plus_plus(X[:n], 5, random_state=1), 50, 2000,
                        "kmeans_plus_plus",
                        hint="loop over the k centers only: update the (n,) array of squared "
                             "distances to the nearest center with np.minimum, draw with "
                             "rng.choice(n, p=...)")
