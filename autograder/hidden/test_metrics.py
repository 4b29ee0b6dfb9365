"""Hidden tests of exercise 11, metrics (80 of its 100 points)."""
import numpy as np
import pytest
from sklearn import metrics

from autograder import datasets
from autograder.checks import (
    expect_array,
    expect_close,
    expect_equal,
    expect_float,
    expect_no_loop_over,
    expect_raises,
    no_float_warnings,
)
from autograder.public.test_metrics import CLOSE, EPS

AVERAGES = ("macro", "micro", "weighted")
SCORES = ("precision_score", "recall_score", "f1_score")
REGRESSION = ("mean_squared_error", "root_mean_squared_error", "mean_absolute_error", "r2_score")

SCORE_HINTS = {
    "precision_score": "precision = tp / (number PREDICTED as the class): the column sums of the "
                       "confusion matrix; swapping it with recall (row sums) shows here",
    "recall_score": "recall = tp / (number TRULY in the class): the row sums of the confusion matrix",
    "f1_score": "F1 = 2·tp / (n_pred + n_true) per class, the harmonic (not arithmetic) mean of "
                "precision and recall",
}
AVERAGE_HINTS = {
    "macro": "macro is the plain mean of the per-class scores over every label of y_true and y_pred",
    "micro": "micro sums tp, n_pred and n_true over the classes first, then divides once",
    "weighted": "weighted averages the per-class scores with weights n_true (each class's support)",
}
REGRESSION_HINTS = {
    "mean_squared_error": "MSE = mean((y_true - y_pred)²): no square root",
    "root_mean_squared_error": "RMSE = sqrt(mean((y_true - y_pred)²))",
    "mean_absolute_error": "MAE = mean(|y_true - y_pred|)",
    "r2_score": "R² = 1 - sum((y_true - y_pred)²) / sum((y_true - mean(y_true))²): centre y_true "
                "in the denominator",
}


def labelled(seed, labels, n=60, accuracy=0.6):
    """``y_true`` drawn from ``labels`` (every label present) and a noisy ``y_pred``."""
    rng = np.random.default_rng(seed)
    labels = np.asarray(labels)
    y_true = rng.permutation(np.resize(labels, n))
    y_pred = np.where(rng.random(n) < accuracy, y_true, rng.choice(labels, n))
    return y_true, y_pred


def scored(seed, n=60, labels=(0, 1), ties=False):
    """Binary ``y_true`` (both labels present) and scores that favour the larger label."""
    rng = np.random.default_rng(seed)
    y_true = rng.permutation(np.resize(np.asarray(labels), n))
    scores = rng.normal(size=n) + (y_true == sorted(labels)[-1])
    return y_true, np.round(scores, 1) if ties else scores


def oracle_scores(y_true, y_pred, averages=AVERAGES, **options):
    """scikit-learn's precision, recall and F1 for each average, with 0/0 = 0."""
    return {(name, average): getattr(metrics, name)(y_true, y_pred, average=average,
                                                    zero_division=0, **options)
            for name in SCORES for average in averages}


def check_scores(impl, y_true, y_pred, expected, what="", **options):
    for (name, average), value in expected.items():
        got = getattr(impl, name)(y_true, y_pred, average=average, **options)
        extra = ", ".join(f"{k}={v!r}" for k, v in options.items())
        expect_float(got, value, f"{name}({what}average={average!r}{', ' + extra if extra else ''})",
                     **CLOSE, hint=f"{SCORE_HINTS[name]}; {AVERAGE_HINTS.get(average, '')}")


# shapes ------------------------------------------------------------------------------------

@pytest.mark.points(3, "shapes")
def test_every_classification_metric_returns_a_float(impl):
    y_true, y_pred = labelled(1111, ["ham", "spam"], n=30)
    y_bin, scores = scored(1112, n=30)
    probabilities = 1.0 / (1.0 + np.exp(-scores))
    y_three, _ = labelled(1113, [4, 8, 15], n=30)
    P = np.random.default_rng(1113).dirichlet(np.ones(3), size=30)
    expected = {
        "accuracy_score": metrics.accuracy_score(y_true, y_pred),
        "precision_score(pos_label='spam')": metrics.precision_score(y_true, y_pred, pos_label="spam"),
        "recall_score(average='weighted')": metrics.recall_score(y_true, y_pred, average="weighted"),
        "f1_score(average='micro')": metrics.f1_score(y_true, y_pred, average="micro"),
        "roc_auc_score": metrics.roc_auc_score(y_bin, scores),
        "log_loss with a 1-D p": metrics.log_loss(y_bin, probabilities),
        "log_loss with a 2-D p": metrics.log_loss(y_three, P),
    }
    got = {
        "accuracy_score": lambda: impl.accuracy_score(y_true, y_pred),
        "precision_score(pos_label='spam')": lambda: impl.precision_score(y_true, y_pred, pos_label="spam"),
        "recall_score(average='weighted')": lambda: impl.recall_score(y_true, y_pred, average="weighted"),
        "f1_score(average='micro')": lambda: impl.f1_score(y_true, y_pred, average="micro"),
        "roc_auc_score": lambda: impl.roc_auc_score(y_bin, scores),
        "log_loss with a 1-D p": lambda: impl.log_loss(y_bin, probabilities),
        "log_loss with a 2-D p": lambda: impl.log_loss(y_three, P),
    }
    for name, value in expected.items():
        expect_float(got[name](), value, name, **CLOSE,
                     hint="return one number, float(...), not an array of shape () or (1,)")


@pytest.mark.points(3, "shapes")
def test_confusion_matrix_has_one_row_and_column_per_label(impl):
    y_true, y_pred = [1, 3, 3, 5, 5], [1, 3, 7, 5, 3]
    labels = [7, 5, 3, 1, 9]
    # The labels are the sorted union [1, 3, 5, 7] (7 is only ever predicted): shape (4, 4).
    union = metrics.confusion_matrix(y_true, y_pred)
    given = metrics.confusion_matrix(y_true, y_pred, labels=labels)
    matrix = impl.confusion_matrix(y_true, y_pred)
    expect_array(matrix, (4, 4), "confusion_matrix with the label 7 only in y_pred", kind="iu",
                 hint="the labels are np.unique of y_true AND y_pred together, not of y_true alone; "
                      "the counts are integers")
    expect_equal(matrix, union, "confusion_matrix", hint="rows are true labels, columns predicted")
    matrix = impl.confusion_matrix(y_true, y_pred, labels=labels)
    expect_array(matrix, (5, 5), "confusion_matrix(labels=[7, 5, 3, 1, 9])", kind="iu",
                 hint="with labels given, K = len(labels), including labels absent from the data")
    expect_equal(matrix, given, "confusion_matrix(labels=[7, 5, 3, 1, 9])",
                 hint="row and column i belong to labels[i], in the order given")


# correctness: classification ----------------------------------------------------------------

@pytest.mark.points(6, "correctness")
@pytest.mark.parametrize("seed, labels, as_list", [
    (1121, [-2, 3, 7, 11], False),
    (1122, ["ant", "bee", "cat"], False),
    (1123, [0, 1, 2, 3, 4], True),
], ids=["non_contiguous_ints", "strings", "python_lists"])
def test_confusion_matrix_and_accuracy_match_scikit_learn(impl, seed, labels, as_list):
    y_true, y_pred = labelled(seed, labels, n=80)
    expected = metrics.confusion_matrix(y_true, y_pred)
    accuracy = metrics.accuracy_score(y_true, y_pred)
    if as_list:
        y_true, y_pred = y_true.tolist(), y_pred.tolist()
    expect_equal(impl.confusion_matrix(y_true, y_pred), expected, "confusion_matrix",
                 hint="C[i, j] counts true label labels[i] predicted as labels[j], labels sorted; "
                      "map labels to indices with np.searchsorted / np.unique(return_inverse=True), "
                      "not by their value")
    expect_float(impl.accuracy_score(y_true, y_pred), accuracy, "accuracy_score", **CLOSE,
                 hint="the mean of (y_true == y_pred)")


@pytest.mark.points(4, "correctness")
def test_confusion_matrix_follows_the_order_of_the_labels_argument(impl):
    y_true, y_pred = labelled(1124, ["ant", "bee", "cat", "dog"], n=70)
    reordered = ["dog", "ant", "cat", "bee"]
    subset = ["cat", "emu", "ant"]  # "emu" never occurs; "bee" and "dog" samples are left out
    low = ["bee", "ant"]  # "cat" and "dog" sort after every given label: their samples are left out
    expected_reordered = metrics.confusion_matrix(y_true, y_pred, labels=reordered)
    expected_subset = metrics.confusion_matrix(y_true, y_pred, labels=subset)
    expected_low = metrics.confusion_matrix(y_true, y_pred, labels=low)
    expect_equal(impl.confusion_matrix(y_true, y_pred, labels=reordered), expected_reordered,
                 "confusion_matrix(labels=['dog', 'ant', 'cat', 'bee'])",
                 hint="row and column i belong to labels[i] in the order given: do not sort labels")
    expect_equal(impl.confusion_matrix(y_true, y_pred, labels=subset), expected_subset,
                 "confusion_matrix(labels=['cat', 'emu', 'ant'])",
                 hint="a sample whose true or predicted label is not in labels is left out, and a "
                      "label absent from the data gets a row and a column of zeros")
    doing = "confusion_matrix(labels=['bee', 'ant']) on data that also holds 'cat' and 'dog'"
    hint = ("a label larger than every given label is not in labels either: np.searchsorted returns "
            "len(labels) for it, one past the end, so clamp the position (or check it) before reading "
            "sorted_labels[position], and leave the sample out")
    try:
        matrix = impl.confusion_matrix(y_true, y_pred, labels=low)
    except Exception as error:  # noqa: BLE001 - any error is the wrong answer here
        raise AssertionError(f"{doing} should return the 2 x 2 counts of 'bee' and 'ant', but raised "
                             f"{type(error).__name__}: {error}. Likely mistake: {hint}") from None
    expect_equal(matrix, expected_low, doing, hint=hint)


@pytest.mark.points(6, "correctness")
@pytest.mark.parametrize("seed, labels", [
    (1131, [0, 1, 2]),
    (1132, ["cat", "dog", "emu", "yak"]),
    (1133, [-5, 2, 9, 10, 40]),
], ids=["three_ints", "four_strings", "five_ints"])
def test_multiclass_precision_recall_f1_match_scikit_learn(impl, seed, labels):
    y_true, y_pred = labelled(seed, labels, n=90, accuracy=0.5)
    expected = oracle_scores(y_true, y_pred)
    check_scores(impl, y_true, y_pred, expected)


@pytest.mark.points(5, "correctness")
@pytest.mark.parametrize("case", ["ints", "pos_label_0", "strings", "minus_one_one", "worked_example"])
def test_binary_precision_recall_f1_match_scikit_learn(impl, case):
    if case == "worked_example":
        # tp = 1 (index 0), fp = 1 (index 3), fn = 2 (indices 1, 2):
        # precision 1/2, recall 1/3, F1 = 2·1 / (2 + 3) = 0.4.
        y_true, y_pred, options = [1, 1, 1, 0, 0], [1, 0, 0, 1, 0], {}
        expected = {("precision_score", "binary"): 0.5, ("recall_score", "binary"): 1 / 3,
                    ("f1_score", "binary"): 0.4}
    else:
        labels, options = {"ints": ([0, 1], {}), "pos_label_0": ([0, 1], {"pos_label": 0}),
                           "strings": (["ham", "spam"], {"pos_label": "spam"}),
                           "minus_one_one": ([-1, 1], {})}[case]
        y_true, y_pred = labelled(1134 + len(case), labels, n=50, accuracy=0.55)
        expected = oracle_scores(y_true, y_pred, averages=("binary",), **options)
    check_scores(impl, y_true, y_pred, expected, **options)


@pytest.mark.points(3, "correctness")
def test_scores_do_not_depend_on_sample_order_or_label_names(impl):
    y_true, y_pred = labelled(1135, [0, 1, 2, 3], n=60, accuracy=0.5)
    expected = oracle_scores(y_true, y_pred, averages=("macro", "weighted"))
    matrix = metrics.confusion_matrix(y_true, y_pred)
    order = np.random.default_rng(1135).permutation(60)
    names = np.array(["w", "z", "x", "y"])  # 0->w, 1->z, 2->x, 3->y: sorted order w, x, y, z
    renamed_true, renamed_pred = names[y_true], names[y_pred]
    position = np.array([0, 3, 1, 2])  # where each old label sits among the new sorted names
    renamed_matrix = np.zeros_like(matrix)
    renamed_matrix[np.ix_(position, position)] = matrix
    check_scores(impl, y_true[order], y_pred[order], expected, what="shuffled samples, ")
    check_scores(impl, renamed_true, renamed_pred, expected, what="renamed labels, ")
    expect_equal(impl.confusion_matrix(renamed_true, renamed_pred), renamed_matrix,
                 "confusion_matrix after renaming the labels 0, 1, 2, 3 to w, z, x, y",
                 hint="rows and columns follow the sorted labels, whatever their names")


# correctness: ROC AUC and log loss ----------------------------------------------------------

@pytest.mark.points(5, "correctness")
@pytest.mark.parametrize("seed, labels, ties", [
    (1141, [0, 1], False),
    (1142, [-1, 1], True),
    (1143, ["neg", "pos"], False),
    (1144, [2, 5], True),
], ids=["continuous", "many_ties", "string_labels", "labels_2_5_with_ties"])
def test_roc_auc_matches_scikit_learn(impl, seed, labels, ties):
    y_true, scores = scored(seed, n=70 + seed % 5, labels=labels, ties=ties)
    expected = metrics.roc_auc_score(y_true, scores)
    expect_float(impl.roc_auc_score(y_true, scores), expected, "roc_auc_score", **CLOSE,
                 hint="the positive class is the larger label; AUC = (#pairs with the positive "
                      "higher + ½·#tied pairs) / (n_pos·n_neg); tied scores share their average rank")


@pytest.mark.points(3, "correctness")
def test_roc_auc_depends_only_on_the_order_of_the_scores(impl):
    y_true, scores = scored(1145, n=60)
    expected = metrics.roc_auc_score(y_true, scores)
    hint = "AUC only compares scores: any increasing transform keeps it, negating gives 1 - AUC"
    expect_float(impl.roc_auc_score(y_true, scores), expected, "roc_auc_score", **CLOSE, hint=hint)
    expect_float(impl.roc_auc_score(y_true, np.exp(scores)), expected, "roc_auc_score(exp(scores))",
                 **CLOSE, hint=hint)
    expect_float(impl.roc_auc_score(y_true, 3.0 * scores - 7.0), expected,
                 "roc_auc_score(3·scores - 7)", **CLOSE, hint=hint)
    expect_float(impl.roc_auc_score(y_true, -scores), 1.0 - expected, "roc_auc_score(-scores)",
                 **CLOSE, hint=hint)


@pytest.mark.points(4, "correctness")
@pytest.mark.parametrize("case", ["binary_1d", "strings_1d", "three_classes_2d", "two_columns_2d"])
def test_log_loss_matches_scikit_learn(impl, case):
    rng = np.random.default_rng(1150 + len(case))
    if case.endswith("1d"):
        labels = [0, 1] if case == "binary_1d" else ["no", "yes"]
        y_true, scores = scored(1151 + len(case), n=40, labels=labels)
        p = 1.0 / (1.0 + np.exp(-scores))
        hint = "a 1-D p is the probability of the larger label: P = [1 - p, p]"
    else:
        K = 3 if case == "three_classes_2d" else 2
        y_true, _ = labelled(1152, ["cat", "ant", "bee"][:K], n=45)
        p = rng.dirichlet(np.ones(K), size=45)
        hint = ("column c of p belongs to the c-th label in SORTED order (ant, bee, cat), not in "
                "order of appearance")
    expected = metrics.log_loss(y_true, p)
    expect_float(impl.log_loss(y_true, p), expected, f"log_loss ({case})", **CLOSE,
                 hint=f"{hint}; the loss is the MEAN of -log(probability of the true class)")


# correctness: regression ---------------------------------------------------------------------

@pytest.mark.points(5, "correctness")
@pytest.mark.parametrize("seed, kind", [(1161, "float64"), (1162, "int"), (1163, "float32_list")])
def test_regression_metrics_match_scikit_learn(impl, seed, kind):
    rng = np.random.default_rng(seed)
    if kind == "int":
        y_true, y_pred = rng.integers(-20, 21, size=35), rng.integers(-20, 21, size=35)
    else:
        X, y_true = datasets.regression(seed, n=35, d=2)
        y_pred = y_true + rng.normal(scale=0.8, size=35) + 0.3 * X[:, 0]
        if kind == "float32_list":
            y_true, y_pred = y_true.astype(np.float32), y_pred.astype(np.float32).tolist()
    expected = {name: getattr(metrics, name)(np.asarray(y_true, dtype=np.float64),
                                             np.asarray(y_pred, dtype=np.float64))
                for name in REGRESSION}
    for name, value in expected.items():
        expect_float(getattr(impl, name)(y_true, y_pred), value, f"{name} ({kind} input)", **CLOSE,
                     hint=f"{REGRESSION_HINTS[name]}; convert the input to float64 first")


@pytest.mark.points(3, "correctness")
def test_regression_metrics_under_translation_and_scaling(impl):
    X, y_true = datasets.regression(1164, n=30, d=2)
    y_pred = y_true + np.random.default_rng(1164).normal(size=30)
    base = {name: getattr(metrics, name)(y_true, y_pred) for name in REGRESSION}
    powers = {"mean_squared_error": 2, "root_mean_squared_error": 1, "mean_absolute_error": 1, "r2_score": 0}
    for name, value in base.items():
        hint = REGRESSION_HINTS[name]
        expect_float(getattr(impl, name)(y_true, y_pred), value, name, **CLOSE, hint=hint)
        expect_float(getattr(impl, name)(y_true + 50.0, y_pred + 50.0), value,
                     f"{name} after adding 50 to y_true and y_pred", rtol=1e-9, atol=1e-9, hint=hint)
        expect_float(getattr(impl, name)(-2.5 * y_true, -2.5 * y_pred), 2.5 ** powers[name] * value,
                     f"{name} after multiplying y_true and y_pred by -2.5", **CLOSE, hint=hint)
    mean_prediction = np.full(30, y_true.mean())
    expect_float(impl.r2_score(y_true, mean_prediction), 0.0, "r2_score when predicting mean(y_true)",
                 rtol=0, atol=1e-12,
                 hint="predicting the mean scores exactly 0: SS_tot is the squared error of the mean")


# stability -----------------------------------------------------------------------------------

@pytest.mark.points(4, "stability")
@pytest.mark.parametrize("case", ["one_hot_2d", "mixed_1d", "all_sure_and_right"])
def test_log_loss_with_certain_probabilities_matches_scikit_learn(impl, case):
    if case == "all_sure_and_right":
        # every sample sure and right, so each costs -log(1 - eps) = 2.22e-16, not 0: the upper
        # clip at 1 - eps shows only here, hence the relative tolerance without an absolute one
        y_true = np.array([0, 1, 1, 0, 1])
        p = np.array([0.0, 1.0, 1.0, 0.0, 1.0])
        literal = -np.log1p(-EPS)
    elif case == "one_hot_2d":
        y_true = np.array(["b", "a", "c", "c", "a", "b"])
        # One-hot rows: right for samples 0, 1, 2, 4; sure and wrong for 3 and 5.
        p = np.eye(3)[[1, 0, 2, 0, 0, 2]]
        # 4·(-log(1 - eps)) + 2·(-log(eps)), averaged over 6 samples
        literal = (4 * -np.log1p(-EPS) + 2 * -np.log(EPS)) / 6
    else:
        y_true = np.array([0, 1, 1, 0, 1, 0, 0])
        p = np.array([0.0, 1.0, 0.0, 0.3, 0.9, 1.0, 0.5])
        literal = (-np.log1p(-EPS) * 2 - np.log(EPS) * 2 - np.log(0.7) - np.log(0.9) - np.log(0.5)) / 7
    expected = metrics.log_loss(y_true, p)
    assert abs(expected - literal) < 1e-12, "bank self-check: scikit-learn's clipping changed"
    with no_float_warnings(f"log_loss with probabilities of exactly 0 and 1 ({case})"):
        got = impl.log_loss(y_true, p)
    expect_float(got, expected, f"log_loss ({case})", rtol=1e-9, atol=0.0,
                 hint="clip each probability to [eps, 1 - eps], eps = np.finfo(np.float64).eps "
                      "(not 1e-15), before the log: both ends, so a sure right answer costs "
                      "-log(1 - eps) ≈ 2.2e-16 and a sure wrong one -log(eps) ≈ 36.04")


@pytest.mark.points(3, "stability")
def test_regression_metrics_are_accurate_for_targets_near_1e8(impl):
    rng = np.random.default_rng(1171)
    y_true = 1e8 + rng.normal(size=50)
    y_pred = y_true + 0.5 * rng.normal(size=50)
    expected_r2 = metrics.r2_score(y_true, y_pred)
    expected_mse = metrics.mean_squared_error(y_true, y_pred)
    expect_float(impl.r2_score(y_true, y_pred), expected_r2, "r2_score with targets near 1e8", **CLOSE,
                 hint="compute SS_tot = sum((y - mean(y))²) from centred values: sum(y²) - n·mean(y)² "
                      "subtracts two numbers near 5e17 and loses every digit")
    expect_float(impl.mean_squared_error(y_true, y_pred), expected_mse, "mean_squared_error near 1e8",
                 **CLOSE, hint="subtract first, then square: mean((y_true - y_pred)²)")


@pytest.mark.points(3, "stability")
def test_roc_auc_with_huge_and_nearly_equal_scores(impl):
    y_true, scores = scored(1172, n=60)
    huge = 1.5e308 * (scores / np.max(np.abs(scores)))  # up to ±1.5e308: max - min overflows
    close = 1.0 + 1e-13 * np.argsort(np.argsort(scores))  # distinct, 1e-13 apart, same order
    expected_huge = metrics.roc_auc_score(y_true, scores)  # the same order as huge
    expected_close = metrics.roc_auc_score(y_true, close)
    hint = "rank the scores as they are: rescaling them (e.g. to [0, 1]) overflows or merges near values"
    with no_float_warnings("roc_auc_score on scores of magnitude 1e308"):
        got = impl.roc_auc_score(y_true, huge)
    expect_float(got, expected_huge, "roc_auc_score(1.5e308·scores / max|scores|)", **CLOSE, hint=hint)
    with no_float_warnings("roc_auc_score on scores 1e-13 apart"):
        got = impl.roc_auc_score(y_true, close)
    expect_float(got, expected_close, "roc_auc_score on scores 1e-13 apart", **CLOSE, hint=hint)


# edge cases ----------------------------------------------------------------------------------

@pytest.mark.points(4, "edge_cases")
@pytest.mark.parametrize("case", ["nothing_predicted_positive", "no_true_positive", "one_label_only",
                                  "class_never_predicted"])
def test_zero_division_gives_zero_without_warnings(impl, case):
    y_true, y_pred, average = {
        # precision = 0/0, recall = 0/2, F1 = 0/2
        "nothing_predicted_positive": ([0, 1, 1, 0], [0, 0, 0, 0], "binary"),
        # precision = 0/1, recall = 0/0, F1 = 0/1
        "no_true_positive": ([0, 0, 0, 0], [0, 1, 0, 0], "binary"),
        # label 1 never occurs: every count is 0
        "one_label_only": ([0, 0, 0], [0, 0, 0], "binary"),
        # class 2 is never predicted: its precision is 0/0
        "class_never_predicted": ([0, 1, 2, 2, 1], [0, 1, 1, 0, 1], "macro"),
    }[case]
    expected = oracle_scores(y_true, y_pred, averages=(average,))
    for (name, _), value in expected.items():
        with no_float_warnings(f"{name}(average={average!r}) with a zero denominator"):
            got = getattr(impl, name)(y_true, y_pred, average=average)
        expect_float(got, value, f"{name}({y_true}, {y_pred}, average={average!r})", **CLOSE,
                     hint="a ratio with a zero denominator is 0.0: divide only where the "
                          "denominator is > 0 (np.divide(..., where=...)), never 0/0 = NaN")


@pytest.mark.points(3, "edge_cases")
def test_r2_of_a_constant_target_is_one_if_exact_else_zero(impl):
    tenths = np.full(7, 0.1)  # mean(tenths) != 0.1 in floating point: SS_tot is ~1e-33, not 0
    cases = [
        ("r2_score([0.1]·7, [0.1]·7)", tenths, tenths.copy(), 1.0),
        ("r2_score([0.1]·7, [0.1]·6 + [0.2])", tenths, np.r_[tenths[:6], 0.2], 0.0),
        ("r2_score([4, 4, 4], [4, 4, 5])", [4, 4, 4], [4, 4, 5], 0.0),
        ("r2_score([4, 4, 4], [4, 4, 4])", [4, 4, 4], [4, 4, 4], 1.0),
        # one sample is a constant y_true (scikit-learn returns NaN there, with a warning)
        ("r2_score([2.5], [2.5])", [2.5], [2.5], 1.0),
        ("r2_score([2.5], [3.0])", [2.5], [3.0], 0.0),
    ]
    for name, y_true, y_pred, value in cases:
        with no_float_warnings(name):
            try:
                got = impl.r2_score(y_true, y_pred)
            except Exception as error:  # noqa: BLE001 - any error is the wrong answer here
                raise AssertionError(
                    f"{name} should return {value}, but raised {type(error).__name__}: {error}. Likely "
                    "mistake: a constant y_true, one sample included, is detected with == "
                    "(np.all(y_true == y_true[0])) before any other computation") from None
        expect_float(got, value, name, rtol=0, atol=0,
                     hint="a constant y_true (every value equal, test it with ==, not SS_tot == 0) "
                          "gives 1.0 when y_pred == y_true exactly, else 0.0")
    y_true, y_pred = [1.0, 2.0, 4.0], [1.0, 2.0, 3.0]
    # mean 7/3, SS_tot = 16/9 + 1/9 + 25/9 = 42/9, SS_res = 1 -> 1 - 9/42
    expect_float(impl.r2_score(y_true, y_pred), 1 - 9 / 42, "r2_score([1, 2, 4], [1, 2, 3])", **CLOSE,
                 hint=REGRESSION_HINTS["r2_score"])


@pytest.mark.points(3, "edge_cases")
def test_bad_input_raises_value_error(impl):
    y_true, y_pred = [0, 1, 2, 1], [0, 2, 2, 1]
    scores = [0.1, 0.9, 0.8, 0.3]
    # 3 of 4 right; C[true, pred]: (0,0), (1,2), (2,2), (1,1)
    expect_float(impl.accuracy_score(y_true, y_pred), 0.75, "accuracy_score", **CLOSE,
                 hint="the mean of (y_true == y_pred)")
    expect_equal(impl.confusion_matrix(y_true, y_pred), [[1, 0, 0], [0, 1, 1], [0, 0, 1]],
                 "confusion_matrix", hint="rows are true labels, columns predicted labels")
    calls = {
        "accuracy_score": lambda: impl.accuracy_score(y_true, y_pred[:3]),
        "confusion_matrix": lambda: impl.confusion_matrix(y_true[:3], y_pred),
        "precision_score": lambda: impl.precision_score([0, 1, 1, 0], [0, 1, 1], average="binary"),
        "f1_score": lambda: impl.f1_score(y_true, y_pred[:3], average="macro"),
        "roc_auc_score": lambda: impl.roc_auc_score([0, 1, 1, 0], scores[:3]),
        "log_loss": lambda: impl.log_loss([0, 1, 1], scores),
        "mean_squared_error": lambda: impl.mean_squared_error([1.0, 2.0, 3.0], [1.0, 2.0]),
        "r2_score": lambda: impl.r2_score([1.0, 2.0], [1.0, 2.0, 3.0]),
    }
    for name, call in calls.items():
        with expect_raises(ValueError, f"{name} with inputs of different lengths",
                           hint="check len(y_true) == len(y_pred) first, with the helper given"):
            call()
    hint = "keep the validation given in the stub before your code: it raises these errors"
    with expect_raises(ValueError, "f1_score with average='samples'", hint=hint):
        impl.f1_score(y_true, y_pred, average="samples")
    with expect_raises(ValueError, "precision_score(average='binary') on three labels", hint=hint):
        impl.precision_score(y_true, y_pred)
    with expect_raises(ValueError, "roc_auc_score with a single label in y_true", hint=hint):
        impl.roc_auc_score([1, 1, 1, 1], scores)
    with expect_raises(ValueError, "log_loss with 3 columns of p for 2 labels", hint=hint):
        impl.log_loss([0, 1], [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8]])


@pytest.mark.points(2, "edge_cases")
def test_inputs_are_never_modified(impl):
    y_true, y_pred = labelled(1181, ["a", "b", "c"], n=30)
    y_bin, scores = scored(1182, n=30)
    probabilities = 1.0 / (1.0 + np.exp(-scores))
    targets, predictions = datasets.regression(1183, n=30, d=1)[1], np.linspace(-2.0, 2.0, 30)
    expected = {name: getattr(metrics, name)(targets, predictions) for name in REGRESSION}
    expected_auc = metrics.roc_auc_score(y_bin, scores)
    hint = "work on new arrays (y_true - y_pred, np.sort(...)), never in place (-=, .sort())"
    frozen = datasets.read_only(y_true, y_pred, y_bin, scores, probabilities, targets, predictions)
    ro_true, ro_pred, ro_bin, ro_scores, ro_prob, ro_targets, ro_predictions = frozen
    impl.confusion_matrix(ro_true, ro_pred)
    impl.f1_score(ro_true, ro_pred, average="weighted")
    impl.log_loss(ro_bin, ro_prob)
    expect_float(impl.roc_auc_score(ro_bin, ro_scores), expected_auc, "roc_auc_score on read-only input",
                 **CLOSE, hint=hint)
    for name, value in expected.items():
        expect_float(getattr(impl, name)(ro_targets, ro_predictions), value,
                     f"{name} on read-only input", **CLOSE, hint=hint)
    writable = [scores.copy(), targets.copy(), predictions.copy()]
    impl.roc_auc_score(y_bin, writable[0])
    for name in REGRESSION:
        getattr(impl, name)(writable[1], writable[2])
    for array, original, what in zip(writable, (scores, targets, predictions),
                                     ("y_score", "y_true", "y_pred")):
        expect_close(array, original, f"the caller's {what} after the call", rtol=0, hint=hint)


# vectorization -------------------------------------------------------------------------------

@pytest.mark.points(3, "vectorization")
def test_confusion_matrix_has_no_python_loop_over_samples(impl):
    y_true, y_pred = labelled(1191, [3, 5, 8, 13], n=2000)
    expected = metrics.confusion_matrix(y_true, y_pred)
    expect_equal(impl.confusion_matrix(y_true, y_pred), expected, "confusion_matrix",
                 hint="C[i, j] counts true labels[i] predicted as labels[j]")
    expect_no_loop_over(lambda n: impl.confusion_matrix(y_true[:n], y_pred[:n]), 50, 2000,
                        "confusion_matrix",
                        hint="no loop over samples: turn labels into indices i, j (np.searchsorted), "
                             "then count with np.bincount(i·K + j, minlength=K·K)")


@pytest.mark.points(3, "vectorization")
def test_roc_auc_has_no_python_loop_over_samples_or_thresholds(impl):
    y_true, scores = scored(1192, n=2000)
    expected = metrics.roc_auc_score(y_true, scores)
    expect_float(impl.roc_auc_score(y_true, scores), expected, "roc_auc_score", **CLOSE,
                 hint="AUC = (sum of the positives' ranks - n_pos·(n_pos + 1)/2) / (n_pos·n_neg)")
    expect_no_loop_over(lambda n: impl.roc_auc_score(y_true[:n], scores[:n]), 50, 2000, "roc_auc_score",
                        hint="no loop over samples or thresholds (there is one per distinct score): "
                             "rank all scores at once (np.unique with return_inverse and return_counts)")


@pytest.mark.points(2, "vectorization")
def test_precision_f1_accuracy_and_log_loss_have_no_python_loop_over_samples(impl):
    y_true, y_pred = labelled(1193, [0, 1, 2], n=2000)
    y_bin, scores = scored(1194, n=2000)
    probabilities = 1.0 / (1.0 + np.exp(-scores))
    P = np.random.default_rng(1194).dirichlet(np.ones(3), size=2000)
    expected = {
        "accuracy_score": metrics.accuracy_score(y_true, y_pred),
        "f1_score(average='macro')": metrics.f1_score(y_true, y_pred, average="macro"),
        "precision_score(average='binary')": metrics.precision_score(y_bin, y_bin[::-1]),
        "log_loss (1-D p)": metrics.log_loss(y_bin, probabilities),
        "log_loss (2-D p)": metrics.log_loss(y_true, P),
    }
    runs = {
        "accuracy_score": lambda n: impl.accuracy_score(y_true[:n], y_pred[:n]),
        "f1_score(average='macro')": lambda n: impl.f1_score(y_true[:n], y_pred[:n], average="macro"),
        "precision_score(average='binary')": lambda n: impl.precision_score(y_bin[:n], y_bin[::-1][:n]),
        "log_loss (1-D p)": lambda n: impl.log_loss(y_bin[:n], probabilities[:n]),
        "log_loss (2-D p)": lambda n: impl.log_loss(y_true[:n], P[:n]),
    }
    for name, value in expected.items():
        expect_float(runs[name](2000), value, name, **CLOSE,
                     hint="compare with the worked definitions in the module docstring")
        expect_no_loop_over(runs[name], 50, 2000, name,
                            hint="no loop over samples: compare whole arrays (y_true == y_pred), "
                                 "count with np.sum / np.bincount, pick probabilities with fancy indexing")
