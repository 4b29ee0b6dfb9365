"""Known mistakes in exercise 05, k-means and k-means++."""
from tests.mistakes import Mistake

ASSIGN = "labels = _squared_distances(X, centers).argmin(axis=1)"
DRAW = "index = int(rng.choice(n_samples, p=closest / total))"
RNG = "    rng = np.random.default_rng(random_state)\n"
STOP = "if shift <= self.tol:"
SHIFT = "shift = ((new_centers - centers) ** 2).sum()"
RELOCATE = "new_centers[empty] = X[farthest]"
INERTIA = "inertia = ((X - centers[labels]) ** 2).sum()"
FINAL = ("        labels = _squared_distances(X, centers).argmin(axis=1)\n"
         f"        {INERTIA}\n")

MISTAKES = [
    # correctness: Lloyd -------------------------------------------------------------------
    Mistake(
        "argmax_assignment", "correctness",
        "assigns each sample to its farthest center (argmax instead of argmin)",
        {f"            {ASSIGN}\n": "            labels = _squared_distances(X, centers).argmax(axis=1)\n",
         f"        {ASSIGN}\n": "        labels = _squared_distances(X, centers).argmax(axis=1)\n",
         "return _squared_distances(X, self.cluster_centers_).argmin(axis=1)":
         "return _squared_distances(X, self.cluster_centers_).argmax(axis=1)"},
    ),
    Mistake(
        "stops_after_one_iteration", "correctness",
        "the break is not guarded by the tolerance: a single assignment/update pass",
        {f"            {STOP}\n                break\n": "            break\n"},
    ),
    Mistake(
        "median_instead_of_mean", "correctness",
        "updates each center to the coordinate-wise median of its samples (k-medians)",
        {"new_centers[filled] = sums[filled] / counts[filled, None]":
         "new_centers[filled] = np.array([np.median(X[labels == j], axis=0) "
         "for j in np.flatnonzero(filled)])"},
    ),
    Mistake(
        "labels_from_before_the_last_update", "correctness",
        "no final assignment: labels_ (and inertia_) belong to the previous centers",
        {FINAL: f"        {INERTIA}\n"},
    ),
    Mistake(
        "inertia_is_a_mean", "correctness",
        "inertia_ averages the squared distances instead of summing them",
        {INERTIA: "inertia = ((X - centers[labels]) ** 2).sum(axis=1).mean()"},
    ),
    Mistake(
        "inertia_not_squared", "correctness",
        "inertia_ sums the distances, not the squared distances",
        {INERTIA: "inertia = np.sqrt(((X - centers[labels]) ** 2).sum(axis=1)).sum()"},
    ),
    Mistake(
        "tol_on_the_norm_of_the_shift", "correctness",
        "compares the norm sqrt(Σ||Δc||²) with tol instead of the sum of squared shifts",
        {SHIFT: "shift = np.sqrt(((new_centers - centers) ** 2).sum())"},
    ),
    Mistake(
        "tol_on_the_largest_shift", "correctness",
        "compares the largest squared center move with tol instead of their sum",
        {SHIFT: "shift = ((new_centers - centers) ** 2).sum(axis=1).max()"},
    ),
    Mistake(
        "tol_strictly_less", "correctness",
        "stops only when shift < tol: with tol=0 it never stops before max_iter",
        {STOP: "if shift < self.tol:"},
    ),
    Mistake(
        "tol_relative_to_the_variance", "correctness",
        "copies scikit-learn's relative tolerance (tol·mean feature variance); the course's tol is absolute",
        {STOP: "if shift <= self.tol * X.var(axis=0).mean():"},
    ),
    Mistake(
        "n_iter_counted_from_zero", "correctness",
        "n_iter_ is the last loop index, one less than the iterations run",
        {"for n_iter in range(1, self.max_iter + 1):": "for n_iter in range(self.max_iter):"},
    ),
    # correctness: k-means++ ---------------------------------------------------------------
    Mistake(
        "kpp_proportional_to_d", "correctness",
        "draws the next center with probability ∝ D instead of D²",
        {DRAW: "index = int(rng.choice(n_samples, p=np.sqrt(closest) / np.sqrt(closest).sum()))"},
    ),
    Mistake(
        "kpp_farthest_first", "correctness",
        "takes the farthest sample deterministically instead of drawing ∝ D²",
        {DRAW: "index = int(np.argmax(closest))"},
    ),
    Mistake(
        "kpp_distance_to_the_last_center_only", "correctness",
        "D is the distance to the most recent center, not the nearest one: earlier centers can be drawn again",
        {"closest = np.minimum(closest, _squared_distances(X, X[[index]])[:, 0])":
         "closest = _squared_distances(X, X[[index]])[:, 0]"},
    ),
    Mistake(
        "kpp_first_center_is_row_zero", "correctness",
        "starts from X[0] instead of a uniformly drawn row",
        {"chosen = [int(rng.integers(n_samples))]": "chosen = [0]"},
    ),
    Mistake(
        "kpp_random_rows_with_replacement", "correctness",
        "plain random init: k rows drawn uniformly with replacement",
        {"    return X[chosen]\n": "    return X[rng.integers(n_samples, size=n_clusters)]\n"},
    ),
    Mistake(
        "kpp_seeds_the_global_rng", "correctness",
        "np.random.seed(random_state) and draws from the global generator",
        {RNG: "    np.random.seed(random_state)\n"
              "    rng = np.random.default_rng(np.random.randint(2**31))\n"},
    ),
    # edge cases ---------------------------------------------------------------------------
    Mistake(
        "empty_cluster_keeps_its_center", "edge_cases",
        "leaves an empty cluster's center where it was instead of relocating it",
        {RELOCATE: "new_centers[empty] = centers[empty]"},
    ),
    Mistake(
        "relocates_to_the_sample_farthest_from_the_empty_center", "edge_cases",
        "measures the distances to the empty cluster's old center, not to each sample's own center",
        {"distances = ((X - centers[labels]) ** 2).sum(axis=1)":
         "distances = ((X - centers[empty[0]]) ** 2).sum(axis=1)"},
    ),
    Mistake(
        "relocation_by_signed_difference", "edge_cases",
        "forgets to square the differences to the own center: picks the sample farthest *above* it",
        {"distances = ((X - centers[labels]) ** 2).sum(axis=1)":
         "distances = (X - centers[labels]).sum(axis=1)"},
    ),
    Mistake(
        "relocation_ties_go_to_the_highest_index", "edge_cases",
        "sorts ascending and reverses: among equally far samples the last one wins",
        {'farthest = np.argsort(-distances, kind="stable")[: empty.size]':
         'farthest = np.argsort(distances, kind="stable")[::-1][: empty.size]'},
    ),
    Mistake(
        "every_empty_cluster_takes_the_same_sample", "edge_cases",
        "moves all empty clusters onto the single farthest sample",
        {RELOCATE: "new_centers[empty] = X[np.argmax(distances)]"},
    ),
    Mistake(
        "relocated_sample_leaves_its_cluster", "edge_cases",
        "scikit-learn's variant: the relocated sample is also removed from its old cluster's mean",
        {RELOCATE: "new_centers[empty] = X[farthest]\n"
                   "        for e, i in zip(empty, farthest):\n"
                   "            sums[labels[i]] -= X[i]\n"
                   "            counts[labels[i]] -= 1\n"
                   "        kept = counts > 0\n"
                   "        kept[empty] = False\n"
                   "        new_centers[kept] = sums[kept] / counts[kept, None]"},
    ),
    Mistake(
        "seed_zero_ignored", "edge_cases",
        "`random_state if random_state else None`: seed 0 becomes unseeded",
        {RNG: "    rng = np.random.default_rng(random_state if random_state else None)\n"},
    ),
    Mistake(
        "random_state_ignored", "edge_cases",
        "a hard-coded seed: every random_state gives the same centers",
        {RNG: "    rng = np.random.default_rng(42)\n"},
    ),
    Mistake(
        "centres_X_in_place", "edge_cases",
        "X -= mean(X) for stability modifies the caller's array (and fails on a read-only one)",
        {"        for n_iter in range(1, self.max_iter + 1):\n":
         "        mean = X.mean(axis=0)\n"
         "        X -= mean\n"
         "        centers = centers - mean\n"
         "        for n_iter in range(1, self.max_iter + 1):\n",
         "        self.cluster_centers_ = centers\n": "        self.cluster_centers_ = centers + mean\n"},
    ),
    # shapes -------------------------------------------------------------------------------
    Mistake(
        "labels_are_floats", "shapes",
        "fills a float array with the labels (np.zeros(n)), so labels_ are 0.0, 1.0, ...",
        {FINAL: "        distances = _squared_distances(X, centers)\n"
                "        labels = np.zeros(X.shape[0])\n"
                "        labels[:] = distances.argmin(axis=1)\n"
                "        inertia = distances.min(axis=1).sum()\n"},
    ),
    # stability ----------------------------------------------------------------------------
    Mistake(
        "empty_cluster_mean_is_nan", "stability",
        "divides every cluster's sum by its count: an empty cluster gets 0/0 = NaN",
        {"    new_centers = np.empty_like(centers)\n": "    new_centers = sums / counts[:, None]\n",
         "    new_centers[filled] = sums[filled] / counts[filled, None]\n": ""},
    ),
    Mistake(
        "kpp_divides_zero_by_zero", "stability",
        "no guard for Σ D² = 0 (fewer distinct rows than k): probabilities 0/0",
        {"        if total > 0:\n"
         f"            {DRAW}\n"
         "        else:\n"
         "            index = int(rng.integers(n_samples))\n":
         f"        {DRAW}\n"},
    ),
    Mistake(
        "distances_by_expansion_on_raw_data", "stability",
        "||x||² - 2x·c + ||c||² on uncentred data: catastrophic cancellation far from the origin",
        {"    shift = centers.mean(axis=0)\n    X, centers = X - shift, centers - shift\n": ""},
    ),
    # vectorization ------------------------------------------------------------------------
    Mistake(
        "predict_loops_over_samples", "vectorization",
        "predict finds each sample's nearest center in a Python loop",
        {"return _squared_distances(X, self.cluster_centers_).argmin(axis=1)":
         "return np.array([int(np.argmin(((self.cluster_centers_ - x) ** 2).sum(axis=1))) for x in X])"},
    ),
    Mistake(
        "assignment_loops_over_samples", "vectorization",
        "fit finds each sample's nearest center in a Python loop",
        {f"            {ASSIGN}\n":
         "            labels = np.array([np.argmin(((centers - x) ** 2).sum(axis=1)) for x in X])\n"},
    ),
    Mistake(
        "update_loops_over_samples", "vectorization",
        "accumulates the cluster sums one sample at a time",
        {"    members = (labels == np.arange(n_clusters)[:, None]).astype(np.float64)\n"
         "    sums = members @ X\n":
         "    sums = np.zeros_like(centers)\n"
         "    for i in range(X.shape[0]):\n"
         "        sums[labels[i]] += X[i]\n"},
    ),
    Mistake(
        "kpp_loops_over_samples", "vectorization",
        "updates the nearest-center distances sample by sample",
        {"closest = np.minimum(closest, _squared_distances(X, X[[index]])[:, 0])":
         "closest = np.array([min(closest[i], ((X[i] - X[index]) ** 2).sum()) "
         "for i in range(n_samples)])"},
    ),
]
