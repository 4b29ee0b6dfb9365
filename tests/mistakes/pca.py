"""Known mistakes in exercise 06, principal component analysis."""
from tests.mistakes import Mistake

CENTRE = "X_centered = X - mean"
SVD_RETURN = "return singular_values**2 / (n_samples - 1), vt"
EIGH = "values, vectors = np.linalg.eigh(covariance)"
COVARIANCE = "covariance = X_centered.T @ X_centered / (n_samples - 1)"
FLIP_SIGNS = "signs = np.sign(axes[np.arange(axes.shape[0]), largest])"
RATIO = "explained_variance_ratio = explained_variance / variances.sum()"
TRANSFORM = "return (X - self.mean_) @ self.components_.T"

MISTAKES = [
    Mistake(
        "no_centring", "correctness",
        "decomposes the raw X: the mean dominates the first axis (seen in from-scratch PCAs)",
        {CENTRE: "X_centered = X"},
    ),
    Mistake(
        "variance_with_ddof_0", "correctness",
        "divides S² by n instead of n - 1: the population variance, not scikit-learn's",
        {SVD_RETURN: "return singular_values**2 / n_samples, vt"},
    ),
    Mistake(
        "covariance_with_ddof_0", "correctness",
        "np.cov(..., bias=True)-style covariance in the eigh solver only: the solvers disagree",
        {COVARIANCE: "covariance = X_centered.T @ X_centered / n_samples"},
    ),
    Mistake(
        "eigh_order_not_reversed", "correctness",
        "eigh returns eigenvalues in ascending order: keeps the smallest variances first",
        {"variances = np.maximum(values[::-1][:rank_bound], 0.0)\n"
         "    return variances, vectors[:, ::-1].T[:rank_bound]":
         "variances = np.maximum(values[:rank_bound], 0.0)\n"
         "    return variances, vectors.T[:rank_bound]"},
    ),
    Mistake(
        "eigenvectors_read_as_rows", "correctness",
        "takes the rows of eigh's eigenvector matrix, whose eigenvectors are its columns",
        {"vectors[:, ::-1].T[:rank_bound]": "vectors[::-1][:rank_bound]"},
    ),
    Mistake(
        "columns_of_vt", "correctness",
        "uses the columns of Vt (the transpose bug) as the principal axes",
        {SVD_RETURN: "return singular_values**2 / (n_samples - 1), vt.T[: len(singular_values)]"},
    ),
    Mistake(
        "components_scaled_by_singular_values", "correctness",
        "returns the loadings S·Vt instead of the unit axes: rows are no longer orthonormal",
        {SVD_RETURN: "return singular_values**2 / (n_samples - 1), vt * singular_values[:, np.newaxis]"},
    ),
    Mistake(
        "features_standardized", "correctness",
        "divides each feature by its standard deviation: PCA of the correlation matrix",
        {CENTRE: "X_centered = (X - mean) / X.std(axis=0)"},
    ),
    Mistake(
        "no_sign_rule", "correctness",
        "leaves the signs as the SVD / eigh returns them",
        {FLIP_SIGNS: "signs = np.ones(axes.shape[0])"},
    ),
    Mistake(
        "sign_of_the_first_entry", "correctness",
        "makes each row's first entry positive instead of its largest-magnitude entry",
        {FLIP_SIGNS: "signs = np.sign(axes[:, 0])"},
    ),
    Mistake(
        "sign_of_the_largest_signed_entry", "correctness",
        "argmax(axes) instead of argmax(|axes|): the largest entry is nearly always positive already",
        {"largest = np.argmax(np.abs(axes), axis=1)": "largest = np.argmax(axes, axis=1)"},
    ),
    Mistake(
        "ratio_over_the_kept_variance", "correctness",
        "normalizes by the sum of the k kept variances, so the ratios always sum to 1",
        {RATIO: "explained_variance_ratio = explained_variance / explained_variance.sum()"},
    ),
    Mistake(
        "transform_with_its_own_mean", "correctness",
        "centres new data by its own mean instead of the training mean_",
        {TRANSFORM: "return (X - X.mean(axis=0)) @ self.components_.T"},
    ),
    Mistake(
        "transform_without_centring", "correctness",
        "projects X without subtracting mean_",
        {TRANSFORM: "return X @ self.components_.T"},
    ),
    Mistake(
        "inverse_without_the_mean", "correctness",
        "inverse_transform forgets to add mean_ back",
        {"return Z @ self.components_ + self.mean_": "return Z @ self.components_"},
    ),
    Mistake(
        "variances_not_truncated", "shapes",
        "keeps the variances of all min(n, d) axes while components_ keeps only k",
        {"explained_variance = variances[:n_components]": "explained_variance = variances"},
    ),
    Mistake(
        "transform_squeezes", "shapes",
        "squeezes the projections: one component gives a 1-D array",
        {TRANSFORM: "return ((X - self.mean_) @ self.components_.T).squeeze()"},
    ),
    Mistake(
        "covariance_from_uncentred_sums", "stability",
        "C = (XᵀX - n·μμᵀ)/(n-1) on the raw data: catastrophic cancellation for large offsets",
        {"            variances, axes = _axes_by_eigh(X_centered)":
         "            variances, axes = _axes_by_eigh(X)",
         COVARIANCE: "mu = X_centered.mean(axis=0)\n"
                     "    covariance = (X_centered.T @ X_centered - n_samples * np.outer(mu, mu)) / (n_samples - 1)"},
    ),
    Mistake(
        "eig_instead_of_eigh", "stability",
        "np.linalg.eig on the symmetric covariance: complex output when eigenvalues repeat",
        {EIGH: "values, vectors = np.linalg.eig(covariance)\n"
               "    order = np.argsort(values)\n"
               "    values, vectors = values[order], vectors[:, order]"},
    ),
    Mistake(
        "svd_of_the_covariance", "stability",
        "solver='svd' takes the SVD of XcᵀXc instead of Xc: squares the condition number, so "
        "variances 1e-14 of the largest lose their digits",
        {"_, singular_values, vt = np.linalg.svd(X_centered, full_matrices=False)\n"
         "    return singular_values**2 / (n_samples - 1), vt":
         "_, values, vt = np.linalg.svd(X_centered.T @ X_centered)\n"
         "    rank_bound = min(X_centered.shape)\n"
         "    return values[:rank_bound] / (n_samples - 1), vt[:rank_bound]"},
    ),
    Mistake(
        "epsilon_in_the_ratio", "stability",
        "adds 1e-10 to the total variance 'to avoid dividing by zero': wrong for small-scale data",
        {RATIO: "explained_variance_ratio = explained_variance / (variances.sum() + 1e-10)"},
    ),
    Mistake(
        "centres_the_input_in_place", "edge_cases",
        "X -= mean modifies the caller's array (and fails on a read-only one)",
        {CENTRE: "X -= mean\n        X_centered = X"},
    ),
    Mistake(
        "transform_loops_over_rows", "vectorization",
        "projects one sample at a time in a Python loop",
        {TRANSFORM: "return np.array([(x - self.mean_) @ self.components_.T for x in X])"},
    ),
]
