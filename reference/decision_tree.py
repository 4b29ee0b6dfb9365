"""Exercise 07: decision trees for classification (greedy CART).

A decision tree asks one yes/no question per internal node, ``x[feature] <= threshold``,
sends the sample left on *yes* and right on *no*, and predicts at the leaf it reaches. It is
grown greedily from the root: each node takes the single question that most reduces the
*impurity* of the labels, then its two halves are grown the same way.

Impurity of a set of labels, with ``p_k`` the fraction of the set in class ``k`` (only the
classes present count):

- entropy, in **bits**:  ``H = -Σ_k p_k·log2(p_k)``  (``0·log2 0`` counts as 0). Two equal
  classes give 1.0, ``K`` equal classes ``log2(K)``, a pure set 0.0.
- Gini impurity:  ``G = 1 - Σ_k p_k²``. Two equal classes give 0.5, ``K`` equal classes
  ``1 - 1/K``, a pure set 0.0.

An empty set of labels has impurity 0.0 by both measures (``1 - Σ p²`` over no classes
would give 1.0: treat the empty set first).

Information gain of splitting a parent set ``y`` (``n`` samples) into ``left`` (``n_L``) and
``right`` (``n_R``):

    gain = I(y) - (n_L/n)·I(left) - (n_R/n)·I(right)

where ``I`` is the chosen impurity. The children are weighted by their *sizes*: a split that
peels off one pure sample gains little. An empty child weighs 0 (so a split that sends
everything one way gains exactly 0).

``best_split(X, y)`` tries every feature and every threshold and returns the best question:

- Thresholds are the **midpoints** between consecutive *distinct* values of a feature
  (sorted): values ``[1, 2, 2, 4]`` give the candidates ``1.5`` and ``3``. Two equal values are
  never separated, so a constant feature has no candidate and is never chosen.
- ``x[feature] <= threshold`` goes left (a sample exactly on the threshold goes left).
- Only the order of the values matters: two values are distinct when ``x[i] < x[i + 1]``
  after sorting, never by a tolerance such as ``np.isclose``. Multiplying a feature by
  ``1e-9`` or ``1e9``, or adding ``1e6`` to it, must give the same tree (with the
  thresholds moved along).
- A threshold always separates its two values: ``low <= threshold < high``. Between two
  adjacent floats (``1 + 2**-52`` and ``1 + 2**-51``) the computed midpoint rounds onto one
  of them; where it rounds up to ``high``, the threshold is ``low``.
- **Ties**: among the splits of maximal gain, the lowest feature wins, then the lowest
  threshold. Gains that differ only by round-off (relative ``1e-12``) count as equal; the
  bank builds exact ties only from splits with identical class counts. Gains further apart
  are never ties, however small they are: a split gaining ``4.6e-8`` beats one gaining
  ``4.3e-8`` on a lower feature (an absolute tolerance such as ``np.isclose``'s ``1e-8`` is
  wrong).
- When no split gains anything (a pure node, only constant features, or every split leaves
  the class proportions unchanged, as in XOR), the answer is ``(None, None, 0.0)``. A gain
  counts as positive only above round-off (``> 1e-12 ×`` the parent's impurity); the bank
  tests zero gains that are exactly zero and positive gains far above round-off.
- It returns ``(feature, threshold, gain)`` as an ``int`` and two ``float``.

Where a child lacks a class its fraction is 0, and ``0·log2(0)`` must count as 0 without
a divide-by-zero or invalid-value warning (take logarithms of the nonzero fractions only).

The scan over thresholds needs no Python loop over them: sort the feature once, take the
cumulative class counts of the sorted labels (``left_counts[i]`` = the counts of the first
``i + 1`` samples), get the right counts as ``total - left_counts``, and compute every
candidate's gain at once. A loop over the *features* is fine.

``DecisionTreeClassifier(criterion="gini", max_depth=None, min_samples_split=2)`` grows the
tree recursively with ``best_split``. A node becomes a leaf when

- its depth equals ``max_depth`` (the root has depth 0; ``None`` means no limit), or
- it holds fewer than ``min_samples_split`` samples, or
- ``best_split`` finds no gain (this covers pure nodes and duplicate rows with conflicting
  labels, which no threshold can separate).

A leaf stores the class counts of its training samples. ``predict_proba`` returns those
counts divided by their sum, in the column order of ``classes_`` (the sorted distinct
labels); ``predict`` returns the majority label, a tie going to the lowest label in
``classes_``. ``get_depth()`` is the depth of the deepest leaf (0 for a lone root) and
``get_n_leaves()`` the number of leaves. On data without ties between splits, the tree equals
``sklearn.tree.DecisionTreeClassifier(criterion=...)``; scikit-learn breaks ties between
equally good splits at random, this tree never does.

Hyperparameters are checked in ``fit`` (``ValueError``): ``criterion`` is ``"gini"`` or
``"entropy"``, ``max_depth`` is ``None`` or an int ``>= 1``, ``min_samples_split`` an int
``>= 2``. Labels may be anything sortable (ints, non-contiguous ints, strings).

Conventions shared by every exercise: ``X`` has shape ``(n, d)``, rows are samples; inputs
may be lists, int, float32 or read-only arrays and are never modified; ``predict`` before
``fit`` raises ``NotFittedError``; a feature count at ``predict`` other than ``fit``'s raises
``ValueError``; ``predict`` routes all samples through the tree with array operations (a loop
over the *nodes* is fine, a loop over the samples is not).
"""
import numbers

import numpy as np

from ._base import ClassifierMixin
from ._validation import (
    check_array,
    check_is_fitted,
    check_n_features,
    check_scalar,
    check_target,
    check_X_y,
)

CRITERIA = ("gini", "entropy")

# Gains closer than this (relative) are ties; a gain must exceed it (relative to the
# parent's impurity) to count as a gain at all.
ROUND_OFF = 1e-12


def _check_labels(y):
    y = np.asarray(y)
    return check_target(y, len(y) if y.ndim else 0, numeric=False)


def _check_criterion(criterion):
    if criterion not in CRITERIA:
        raise ValueError(f"criterion must be 'gini' or 'entropy', got {criterion!r}")


def entropy(y):
    """Entropy of the labels ``y`` in bits: ``-Σ p_k·log2(p_k)`` over the classes present.

    Parameters
    ----------
    y : array-like of shape (n,), any labels

    Returns
    -------
    float (0.0 for an empty ``y``)
    """
    y = _check_labels(y)
    # BEGIN SOLUTION
    # Count each distinct label (np.unique(y, return_counts=True)), turn the counts into
    # fractions p (shape (K,), summing to 1) and return -Σ p·log2(p) as a float.
    # Hint: np.unique only returns labels that occur, so no p is 0 and log2 never sees 0.
    # Writing it as Σ p·log2(1/p) returns 0.0 rather than -0.0 for a pure y.
    if len(y) == 0:
        return 0.0
    counts = np.unique(y, return_counts=True)[1]
    p = counts / len(y)
    return float(np.sum(p * np.log2(1.0 / p)))
    # END SOLUTION


def gini(y):
    """Gini impurity of the labels ``y``: ``1 - Σ p_k²``.

    Parameters
    ----------
    y : array-like of shape (n,), any labels

    Returns
    -------
    float (0.0 for an empty ``y``)
    """
    y = _check_labels(y)
    # BEGIN SOLUTION
    # Count each distinct label, turn the counts into fractions p (shape (K,)) and return
    # 1 - Σ p² as a float (the probability that two labels drawn with replacement differ).
    if len(y) == 0:
        return 0.0
    counts = np.unique(y, return_counts=True)[1]
    p = counts / len(y)
    return float(1.0 - np.sum(p**2))
    # END SOLUTION


def information_gain(y, left_mask, criterion="gini"):
    """Impurity of ``y`` minus the size-weighted impurities of its two children.

    Parameters
    ----------
    y : array-like of shape (n,), any labels
    left_mask : array-like of bool, shape (n,)
        ``True`` for the samples that go left; the others go right.
    criterion : {"gini", "entropy"}

    Returns
    -------
    float: ``I(y) - (n_L/n)·I(y[left]) - (n_R/n)·I(y[right])``
    """
    y = _check_labels(y)
    left_mask = np.asarray(left_mask)
    if left_mask.dtype != bool or left_mask.shape != y.shape:
        raise ValueError(f"left_mask must be a boolean array of shape {y.shape}")
    _check_criterion(criterion)
    impurity = gini if criterion == "gini" else entropy
    # BEGIN SOLUTION
    # Split y into y[left_mask] and y[~left_mask], weight each child's impurity by its
    # share of the samples (n_L/n and n_R/n) and subtract both from the parent's impurity.
    # Return a float. An empty child has weight 0, so it contributes nothing.
    n = len(y)
    left, right = y[left_mask], y[~left_mask]
    children = len(left) / n * impurity(left) + len(right) / n * impurity(right)
    return float(impurity(y) - children)
    # END SOLUTION


def _impurity_of_counts(counts, criterion):
    """Impurity of every row of a class-count matrix ``counts (m, K)``: shape ``(m,)``."""
    # BEGIN SOLUTION
    # Divide each row by its total to get the class fractions p (m, K); a row's impurity is
    # 1 - Σ p² (gini) or -Σ p·log2(p) (entropy), summed along axis 1.
    # Hint: here classes can be absent (count 0). Never call log2 on a 0: take
    # log2 of np.where(p > 0, p, 1.0), which is 0 exactly where p is 0.
    p = counts / counts.sum(axis=1, keepdims=True)
    if criterion == "gini":
        return 1.0 - np.sum(p**2, axis=1)
    return -np.sum(p * np.log2(np.where(p > 0, p, 1.0)), axis=1)
    # END SOLUTION


def best_split(X, y, criterion="gini"):
    """The question ``x[feature] <= threshold`` of maximal information gain.

    Parameters
    ----------
    X : array-like of shape (n, d)
    y : array-like of shape (n,), any labels
    criterion : {"gini", "entropy"}

    Returns
    -------
    (feature, threshold, gain) : (int, float, float)
        Thresholds are midpoints between consecutive distinct values; ties go to the lowest
        feature, then the lowest threshold. ``(None, None, 0.0)`` when no split gains.
    """
    X, y = check_X_y(X, y, numeric_y=False)
    _check_criterion(criterion)
    # BEGIN SOLUTION
    # One-hot encode y: codes from np.unique(y, return_inverse=True), onehot (n, K), and the
    # parent's class counts total (K,) and impurity. Then, for each feature f:
    # - sort the column (np.argsort, kind="stable"): values x (n,), onehot rows in that order;
    # - left counts of the n - 1 cuts: np.cumsum(sorted onehot, axis=0)[:-1], shape (n-1, K);
    # - right counts = total - left counts; keep only the cuts where x[i] < x[i + 1];
    # - gains of all those cuts at once with _impurity_of_counts (weighted by n_L/n, n_R/n);
    # - thresholds = the midpoints x[i]/2 + x[i + 1]/2 (this form never overflows).
    # Collect every (feature, threshold, gain) in order of feature, then threshold; take the
    # first whose gain is within relative 1e-12 of the maximum (ROUND_OFF). Return
    # (None, None, 0.0) unless that gain exceeds ROUND_OFF × the parent's impurity.
    # Return (int(feature), float(threshold), float(gain)).
    n, n_features = X.shape
    codes = np.unique(y, return_inverse=True)[1].reshape(-1)
    onehot = (codes[:, None] == np.arange(codes.max() + 1)).astype(np.float64)
    total = onehot.sum(axis=0)
    parent = _impurity_of_counts(total[None, :], criterion)[0]
    features, thresholds, gains = [], [], []
    for feature in range(n_features):
        order = np.argsort(X[:, feature], kind="stable")
        x = X[order, feature]
        cut = x[:-1] < x[1:]
        if not cut.any():
            continue
        left = np.cumsum(onehot[order], axis=0)[:-1][cut]
        right = total - left
        n_left = left.sum(axis=1)
        children = (n_left * _impurity_of_counts(left, criterion)
                    + (n - n_left) * _impurity_of_counts(right, criterion)) / n
        low, high = x[:-1][cut], x[1:][cut]
        middle = low / 2 + high / 2  # (low + high) / 2 would overflow near 1e308
        # Between two adjacent floats the midpoint can round up to the higher value.
        middle = np.where(middle < high, middle, low)
        features.append(np.full(len(middle), feature))
        thresholds.append(middle)
        gains.append(parent - children)
    if not gains:
        return None, None, 0.0
    features, thresholds, gains = map(np.concatenate, (features, thresholds, gains))
    top = gains.max()
    if top <= ROUND_OFF * parent:
        return None, None, 0.0
    best = np.flatnonzero(gains >= top - ROUND_OFF * abs(top))[0]
    return int(features[best]), float(thresholds[best]), float(gains[best])
    # END SOLUTION


class DecisionTreeClassifier(ClassifierMixin):
    """A classification tree grown greedily with ``best_split``.

    Parameters
    ----------
    criterion : {"gini", "entropy"}, default "gini"
    max_depth : int >= 1 or None, default None
        The deepest a leaf may be (the root has depth 0); ``None`` grows until every leaf is
        pure or cannot be split.
    min_samples_split : int >= 2, default 2
        A node with fewer samples becomes a leaf.

    Attributes
    ----------
    classes_ : ndarray of shape (K,)
        The sorted distinct training labels.
    tree_ : dict of ndarrays, one entry per node (node 0 is the root)
        ``feature`` (-1 at a leaf), ``threshold``, ``left``, ``right`` (child node ids, -1 at
        a leaf), ``counts`` (shape (n_nodes, K), training class counts), ``depth``.
    n_features_in_ : int
    """

    def __init__(self, criterion="gini", max_depth=None, min_samples_split=2):
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def fit(self, X, y):
        """Grow the tree on ``(X, y)`` and return ``self``."""
        _check_criterion(self.criterion)
        if self.max_depth is not None:
            check_scalar(self.max_depth, "max_depth", kind=numbers.Integral, low=1)
        check_scalar(self.min_samples_split, "min_samples_split", kind=numbers.Integral, low=2)
        X, y = check_X_y(X, y, numeric_y=False)
        # BEGIN SOLUTION
        # classes_ = the sorted distinct labels and codes (n,) = each label's index in it
        # (np.unique(y, return_inverse=True)). Start empty lists for the node arrays of
        # self.tree_ (feature, threshold, left, right, counts, depth), grow the root with
        # self._grow(X, codes, 0), then turn the lists into arrays. (Any other structure
        # works too, as long as your apply, get_depth and get_n_leaves read it.)
        self.classes_, codes = np.unique(y, return_inverse=True)
        self.tree_ = {key: [] for key in ("feature", "threshold", "left", "right", "counts", "depth")}
        self._grow(X, codes.reshape(-1), 0)
        self.tree_ = {key: np.array(value) for key, value in self.tree_.items()}
        # END SOLUTION
        self.n_features_in_ = X.shape[1]
        return self

    def _grow(self, X, codes, depth):
        """Append the subtree for the samples ``(X, codes)`` to ``tree_``; return its node id."""
        # BEGIN SOLUTION
        # Append this node (class counts = np.bincount(codes, minlength=K), depth, and for now
        # feature -1, threshold 0.0, left/right -1) and remember its id. It stays a leaf when
        # depth == max_depth, len(codes) < min_samples_split, or best_split(X, codes,
        # criterion) returns feature None. Otherwise store the feature and threshold, split
        # the rows with mask = X[:, feature] <= threshold, and set left/right to the ids that
        # self._grow returns for X[mask] and X[~mask] at depth + 1.
        tree, node = self.tree_, len(self.tree_["feature"])
        for key, value in (("feature", -1), ("threshold", 0.0), ("left", -1), ("right", -1),
                           ("counts", np.bincount(codes, minlength=len(self.classes_))),
                           ("depth", depth)):
            tree[key].append(value)
        if depth == self.max_depth or len(codes) < self.min_samples_split:
            return node
        feature, threshold, _ = best_split(X, codes, self.criterion)
        if feature is None:
            return node
        mask = X[:, feature] <= threshold
        tree["feature"][node], tree["threshold"][node] = feature, threshold
        tree["left"][node] = self._grow(X[mask], codes[mask], depth + 1)
        tree["right"][node] = self._grow(X[~mask], codes[~mask], depth + 1)
        return node
        # END SOLUTION

    def apply(self, X):
        """The id of the leaf that each sample reaches, shape ``(n,)``."""
        check_is_fitted(self, "classes_")
        X = check_array(X)
        check_n_features(self, X)
        # BEGIN SOLUTION
        # Route all samples at once: keep a stack of (node, indices of the samples there),
        # starting with (0, np.arange(n)). At a leaf (feature -1) record the node for those
        # samples; otherwise send the ones with X[idx, feature] <= threshold to the left
        # child and the rest to the right. Return an int array (n,).
        # Hint: this loops over the nodes, never over the samples.
        tree = self.tree_
        leaf = np.zeros(len(X), dtype=np.intp)
        stack = [(0, np.arange(len(X)))]
        while stack:
            node, idx = stack.pop()
            if tree["feature"][node] < 0:
                leaf[idx] = node
                continue
            go_left = X[idx, tree["feature"][node]] <= tree["threshold"][node]
            stack.append((tree["left"][node], idx[go_left]))
            stack.append((tree["right"][node], idx[~go_left]))
        return leaf
        # END SOLUTION

    def predict_proba(self, X):
        """Class probabilities, shape ``(n, K)``, columns in the order of ``classes_``."""
        check_is_fitted(self, "classes_")
        X = check_array(X)
        check_n_features(self, X)
        # BEGIN SOLUTION
        # The class counts of the leaf each sample reaches (self.apply), divided by their
        # row sums: shape (n, K), each row sums to 1.
        counts = self.tree_["counts"][self.apply(X)].astype(np.float64)
        return counts / counts.sum(axis=1, keepdims=True)
        # END SOLUTION

    def predict(self, X):
        """The majority training label of each sample's leaf, shape ``(n,)``."""
        check_is_fitted(self, "classes_")
        X = check_array(X)
        check_n_features(self, X)
        # BEGIN SOLUTION
        # classes_ at the argmax of each leaf's class counts (np.argmax takes the first of
        # equal counts: the lowest label wins a tie).
        return self.classes_[np.argmax(self.tree_["counts"][self.apply(X)], axis=1)]
        # END SOLUTION

    def get_depth(self):
        """The depth of the deepest leaf (0 when the root is a leaf), an int."""
        check_is_fitted(self, "classes_")
        # BEGIN SOLUTION
        # The largest node depth in tree_, as an int.
        return int(self.tree_["depth"].max())
        # END SOLUTION

    def get_n_leaves(self):
        """The number of leaves, an int."""
        check_is_fitted(self, "classes_")
        # BEGIN SOLUTION
        # The number of nodes without a split (feature -1), as an int.
        return int(np.sum(self.tree_["feature"] < 0))
        # END SOLUTION
