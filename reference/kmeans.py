"""Exercise 05: k-means clustering (Lloyd's algorithm) with k-means++ seeding.

Conventions (shared by every exercise):

- ``X`` has shape ``(n, d)``: rows are samples, columns are features.
- Estimators follow scikit-learn: the constructor only stores hyperparameters, ``fit``
  returns ``self``, learned attributes end in ``_`` and exist only after ``fit``.
- Inputs may be lists, int, float32 or read-only arrays: never modify them in place.
- Randomness comes from ``np.random.default_rng(random_state)`` only; ``random_state`` is
  ``None`` or an int, ``0`` is a valid seed, and the global ``np.random`` state is never read
  or reseeded.
- Every argmin/argmax tie goes to the lowest index (lowest cluster, lowest sample).

The problem. Given ``k`` centers ``c_0, ..., c_{k-1}`` (an array ``C`` of shape ``(k, d)``),
each sample goes to its nearest center, ``label_i = argmin_j ||x_i - c_j||²``, and the
*inertia* is the sum of the squared distances to the assigned centers,
``J = Σ_i ||x_i - c_{label_i}||²``. k-means looks for centers with a small ``J``.

What you implement:

- ``kmeans_plus_plus(X, n_clusters, random_state=None) -> (k, d)``: k-means++ seeding.
  The first center is a row of ``X`` drawn uniformly (every row, duplicates included, has
  probability ``1/n``). Each next center is row ``i`` drawn with probability
  ``D(i)² / Σ_j D(j)²``, where ``D(i)`` is the distance from ``x_i`` to the *nearest* center
  chosen so far: one draw per center (not scikit-learn's "greedy" variant, which draws several
  candidates and keeps the best). A chosen row has ``D = 0`` and can never be drawn again, so
  the centers are distinct rows whenever ``X`` has at least ``k`` distinct rows. Should every
  ``D(i)`` be 0 (``X`` has fewer than ``k`` distinct rows), the next center may be any row (this
  solution draws one uniformly): never divide 0 by 0. The result is a new array whose row ``t``
  is the ``t``-th center chosen.
- ``KMeans(n_clusters=8, init="k-means++", max_iter=300, tol=1e-4, random_state=None)``.
  ``init`` is ``"k-means++"`` (then the initial centers are
  ``kmeans_plus_plus(X, n_clusters, random_state)``) or an array of shape
  ``(n_clusters, n_features)`` that is used as given (it is never modified). ``fit`` runs
  Lloyd iterations ``t = 1, 2, ..., max_iter``, each of them:

  1. assignment: ``labels = argmin_j ||x_i - c_j||²`` with the current centers (ties: the
     lowest cluster index);
  2. update: each center with at least one sample becomes the mean of its samples. An *empty*
     cluster (no sample) has no mean: its center moves to the sample farthest from its own
     assigned center, that is the ``i`` with the largest ``||x_i - c_{label_i}||²`` measured
     with the centers of step 1 (ties: the lowest sample index). With several empty clusters,
     the lowest-numbered empty cluster takes the farthest sample, the next one the second
     farthest, and so on (distances sorted in decreasing order by a stable sort). The other
     centers stay the means of their assigned samples: the relocated sample is not taken out
     of its cluster's mean. A center therefore never becomes NaN;
  3. the shift is the sum over the centers of their squared moves,
     ``Σ_j ||c_j_new - c_j_old||²``; stop after this iteration when ``shift <= tol``.

  ``tol`` is absolute (scikit-learn's is relative to the mean feature variance; with
  ``tol=0`` both stop at the same fixed point, where an iteration no longer moves any
  center). ``n_iter_`` is the number of iterations run, ``1 <= n_iter_ <= max_iter``: an
  ``init`` that is already a fixed point gives ``n_iter_ == 1``. After the loop,
  ``cluster_centers_ (k, d)`` are the final centers, ``labels_ (n,)`` (integers) is the
  argmin assignment *to those final centers* (one more assignment step), and the float
  ``inertia_`` is the sum of the squared distances of the samples to their ``labels_``
  centers. ``predict(X)`` assigns new samples to the nearest of ``cluster_centers_``;
  ``fit_predict(X)`` is ``fit(X).labels_``. Given the same explicit ``init``, this is
  scikit-learn's ``KMeans(init=C0, n_init=1, algorithm="lloyd", tol=0)``, iteration by
  iteration while no cluster is empty. (scikit-learn also takes a relocated sample out of its
  old cluster's mean, so its iterations differ after a relocation; the fixed point it reaches
  is usually the same.)

  Why it converges: the assignment step cannot increase ``J`` (each sample takes its best
  center) and neither can the update step (the mean minimizes a cluster's sum of squared
  distances; a relocated center sits on a sample, whose distance drops to 0). So ``inertia_``
  never increases from ``max_iter = m`` to ``max_iter = m + 1`` with the same ``init``.

Errors (``ValueError``, raised by the given validation code): ``X`` not 2-D, empty, or with
NaN/inf; ``n_clusters`` not an int in ``[1, n_samples]``; ``init`` neither ``"k-means++"`` nor
an array of shape ``(n_clusters, n_features)``; ``max_iter`` not an int ``>= 1``; ``tol``
negative; at ``predict``, another feature count than at ``fit``. ``predict`` before ``fit``
raises ``NotFittedError``.

Numerical care: never expand ``||x||² - 2x·c + ||c||²`` on raw data. Far from the origin
(every feature offset by ``1e6``) it cancels catastrophically: ``inertia_`` keeps only about
5 correct digits, and at ``1e8`` points near a cluster boundary go to the wrong center,
whereas translating the data must leave ``labels_`` and ``inertia_`` unchanged up to
round-off (and move the centers by the same offset). Either subtract a common point (this
solution: the centers' mean) from the samples and the centers before expanding, as
scikit-learn does, or compute from the differences ``x_i - c_j`` (broadcasting: simpler, but
an ``(n, k, d)`` array); sum ``inertia_`` from the differences to the assigned centers.
No loop over the samples anywhere: assignment,
update, k-means++ and prediction are array operations (a loop over the ``k`` clusters or the
``k`` seeds is fine).
"""
import numbers

import numpy as np

from ._validation import check_array, check_is_fitted, check_n_features, check_scalar


def _squared_distances(X, centers):
    """Squared Euclidean distances ``D[i, j] = ||X[i] - centers[j]||²``, shape ``(n, k)``."""
    # BEGIN SOLUTION
    # Return D of shape (n, k) with D[i, j] = ||X[i] - centers[j]||², without a Python loop:
    # 1. Subtract one common point, the centers' mean (d,), from both X and centers (into
    #    new arrays): distances do not change, and no coordinate stays huge (cancellation).
    # 2. ||x - c||² = ||x||² - 2 x·c + ||c||²: the squared row norms (n,) and (k,) and the
    #    product X @ centers.T (n, k), combined by broadcasting; clamp at 0 (np.maximum).
    # (X[:, None, :] - centers[None, :, :] gives the same D from an (n, k, d) array of
    # differences: simpler, but k·d times the memory and several times slower.)
    shift = centers.mean(axis=0)
    X, centers = X - shift, centers - shift
    squared = (X * X).sum(axis=1)[:, None] - 2.0 * (X @ centers.T) + (centers * centers).sum(axis=1)
    return np.maximum(squared, 0.0)
    # END SOLUTION


def _check_n_clusters(n_clusters, n_samples):
    check_scalar(n_clusters, "n_clusters", kind=numbers.Integral, low=1)
    if n_clusters > n_samples:
        raise ValueError(f"n_clusters={n_clusters} must be <= n_samples={n_samples}")


def kmeans_plus_plus(X, n_clusters, random_state=None):
    """k-means++ seeding: ``n_clusters`` rows of ``X`` drawn with the D² rule.

    Parameters
    ----------
    X : array-like of shape (n, d)
    n_clusters : int in [1, n]
    random_state : None or int
        Seed of ``np.random.default_rng``; the global ``np.random`` state is not used.

    Returns
    -------
    centers : ndarray of shape (n_clusters, d)
        Row ``t`` is the ``t``-th center chosen, a copy of a row of ``X``.
    """
    X = check_array(X)
    _check_n_clusters(n_clusters, X.shape[0])
    # BEGIN SOLUTION
    # Make rng = np.random.default_rng(random_state). Draw the first row index uniformly in
    # [0, n). Keep closest (n,): the squared distance of each sample to its nearest chosen
    # center. For each further center: draw row i with probability closest / closest.sum()
    # (if that sum is 0, draw uniformly instead), then update
    # closest = minimum(closest, squared distances to the new center).
    # Return X[chosen indices], shape (n_clusters, d).
    # Hint: rng.integers(n) and rng.choice(n, p=probabilities); one pass of the loop per
    # center, no loop over the samples.
    rng = np.random.default_rng(random_state)
    n_samples = X.shape[0]
    chosen = [int(rng.integers(n_samples))]
    closest = _squared_distances(X, X[chosen])[:, 0]
    for _ in range(1, n_clusters):
        total = closest.sum()
        if total > 0:
            index = int(rng.choice(n_samples, p=closest / total))
        else:
            index = int(rng.integers(n_samples))
        chosen.append(index)
        closest = np.minimum(closest, _squared_distances(X, X[[index]])[:, 0])
    return X[chosen]
    # END SOLUTION


def _update_centers(X, labels, centers):
    """The update step: new centers ``(k, d)`` for the assignment ``labels`` to ``centers``."""
    # BEGIN SOLUTION
    # Return the new centers (k, d): for each cluster j, the mean of the samples with
    # labels == j.
    # Empty clusters (count 0) have no mean: compute each sample's squared distance to its own
    # center, dist = ||X[i] - centers[labels[i]]||² (n,), order the samples by decreasing
    # dist with a stable sort, and give the e-th empty cluster (in increasing order) the
    # e-th farthest sample as its new center.
    # Hint: counts = np.bincount(labels, minlength=k); the membership matrix
    # M = (labels == np.arange(k)[:, None]) (k, n), as floats, gives the sums M @ X (k, d);
    # divide only where counts > 0 (no 0/0).
    n_clusters = centers.shape[0]
    counts = np.bincount(labels, minlength=n_clusters)
    members = (labels == np.arange(n_clusters)[:, None]).astype(np.float64)
    sums = members @ X
    new_centers = np.empty_like(centers)
    filled = counts > 0
    new_centers[filled] = sums[filled] / counts[filled, None]
    empty = np.flatnonzero(~filled)
    if empty.size:
        distances = ((X - centers[labels]) ** 2).sum(axis=1)
        farthest = np.argsort(-distances, kind="stable")[: empty.size]
        new_centers[empty] = X[farthest]
    return new_centers
    # END SOLUTION


class KMeans:
    """k-means clustering by Lloyd's algorithm.

    Parameters
    ----------
    n_clusters : int >= 1, default 8
    init : "k-means++" or array-like of shape (n_clusters, n_features)
    max_iter : int >= 1, default 300
    tol : float >= 0, default 1e-4
        Stop when the sum of the squared center moves of an iteration is ``<= tol``.
    random_state : None or int
        Seed of the k-means++ seeding.

    Attributes
    ----------
    cluster_centers_ : ndarray of shape (n_clusters, n_features)
    labels_ : ndarray of shape (n_samples,), integers
        The nearest final center of each training sample.
    inertia_ : float
        Sum of the squared distances of the samples to their ``labels_`` centers.
    n_iter_ : int
        Number of Lloyd iterations run.
    n_features_in_ : int
    """

    _estimator_type = "clusterer"

    def __init__(self, n_clusters=8, init="k-means++", max_iter=300, tol=1e-4, random_state=None):
        self.n_clusters = n_clusters
        self.init = init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def _initial_centers(self, X):
        if isinstance(self.init, str):
            if self.init != "k-means++":
                raise ValueError(f"init must be 'k-means++' or an array, got {self.init!r}")
            return kmeans_plus_plus(X, self.n_clusters, self.random_state)
        centers = np.array(check_array(self.init, name="init"))  # a copy: init is never modified
        if centers.shape != (self.n_clusters, X.shape[1]):
            raise ValueError(
                f"init must have shape (n_clusters, n_features) = ({self.n_clusters}, "
                f"{X.shape[1]}), got {centers.shape}"
            )
        return centers

    def fit(self, X, y=None):
        """Run Lloyd's algorithm from the initial centers and return ``self``."""
        check_scalar(self.max_iter, "max_iter", kind=numbers.Integral, low=1)
        check_scalar(self.tol, "tol", low=0.0)
        X = check_array(X)
        _check_n_clusters(self.n_clusters, X.shape[0])
        centers = self._initial_centers(X)
        # BEGIN SOLUTION
        # For iteration = 1, ..., max_iter: labels = argmin over the clusters of
        # _squared_distances(X, centers) (n,); new = _update_centers(X, labels, centers);
        # shift = sum of (new - centers)²; centers = new; stop when shift <= tol.
        # Then assign once more to the final centers: labels (n,) integers, and
        # inertia = the sum of each sample's squared distance to its own center (a float),
        # computed from the differences X - centers[labels]: every digit counts.
        # Set n_iter to the number of iterations run. The code after this block stores
        # centers, labels, inertia and n_iter as the fitted attributes.
        # Hint: np.argmin returns the first (lowest) index on ties.
        for n_iter in range(1, self.max_iter + 1):
            labels = _squared_distances(X, centers).argmin(axis=1)
            new_centers = _update_centers(X, labels, centers)
            shift = ((new_centers - centers) ** 2).sum()
            centers = new_centers
            if shift <= self.tol:
                break
        labels = _squared_distances(X, centers).argmin(axis=1)
        inertia = ((X - centers[labels]) ** 2).sum()
        # END SOLUTION
        self.cluster_centers_ = centers
        self.labels_ = labels
        self.inertia_ = float(inertia)
        self.n_iter_ = int(n_iter)
        self.n_features_in_ = X.shape[1]
        return self

    def predict(self, X):
        """Index of the nearest center for each row of ``X``, shape ``(n,)`` integers."""
        check_is_fitted(self, "cluster_centers_")
        X = check_array(X)
        check_n_features(self, X)
        # BEGIN SOLUTION
        # Return argmin_j ||X[i] - cluster_centers_[j]||² for every row i, shape (n,).
        return _squared_distances(X, self.cluster_centers_).argmin(axis=1)
        # END SOLUTION

    def fit_predict(self, X, y=None):
        """``fit(X)`` then return ``labels_``."""
        return self.fit(X).labels_
