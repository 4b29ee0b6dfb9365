"""The grading plugin: untrusted submissions lose only their own points, cheats score 0,
bad usage is a clear error, and the results are well-formed and reproducible."""
import json
import shutil
import subprocess
import sys
import textwrap

import jsonschema
import pytest

from autograder import REFERENCE_DIR, ROOT
from tests.grading import bank_files, grade, run_bank

LINEAR = (REFERENCE_DIR / "linear_regression.py").read_text()
STUB_LINEAR = (ROOT / "assignments" / "linear_regression.py").read_text()


def submission(tmp_path, **modules):
    """A submission folder holding ``modules`` (name -> source)."""
    for name, source in modules.items():
        (tmp_path / f"{name}.py").write_text(textwrap.dedent(source))
    return tmp_path


def messages(result):
    return {test["message"] for test in result["tests"] if test["earned"] < test["points"]}


# a broken module costs only its own exercise ----------------------------------------------

@pytest.mark.parametrize("source, cause", [
    ("def broken(:\n", "SyntaxError"),
    ("raise ZeroDivisionError('at import')\n", "fails on import at linear_regression.py:1: ZeroDivisionError"),
    ("import sklearn\n", "imports sklearn"),
    ("from scipy import linalg\n", "imports scipy"),
    ("import sys\nsys.exit(3)\n", "SystemExit"),
], ids=["syntax_error", "exception", "sklearn", "scipy", "exit"])
def test_a_module_that_cannot_be_imported_fails_only_its_own_exercise(tmp_path, source, cause):
    folder = submission(tmp_path, linear_regression=source,
                        logistic_regression=(REFERENCE_DIR / "logistic_regression.py").read_text())
    results, _ = run_bank(["linear_regression", "logistic_regression"], submission=folder)
    broken = results["exercises"]["linear_regression"]
    assert broken["score"] == 0
    assert all(cause in message for message in messages(broken)), messages(broken)
    assert results["exercises"]["logistic_regression"]["score"] == 100


def test_a_missing_module_is_named(tmp_path):
    result = grade("linear_regression", submission=tmp_path)
    assert result["score"] == 0
    assert messages(result) == {f"linear_regression.py is missing from {tmp_path}"}


def test_a_submission_without_the_helper_module_gets_the_released_one(tmp_path):
    assert grade("linear_regression", submission=submission(tmp_path, linear_regression=LINEAR))["score"] == 100


# banned libraries, at import or at run time ------------------------------------------------

RUNTIME_IMPORTS = {
    "importlib": "import importlib\n        model = importlib.import_module('sklearn.linear_model')",
    "dunder_import": "model = __import__('skl' + 'earn.linear_model', fromlist=['x'])",
    "computed_importlib": "import importlib\n        model = importlib.import_module('sci' + 'py.linalg')",
}


@pytest.mark.parametrize("how", sorted(RUNTIME_IMPORTS))
def test_a_banned_import_at_run_time_zeroes_the_exercise(tmp_path, how):
    body = RUNTIME_IMPORTS[how]
    source = LINEAR.replace('''        # BEGIN SOLUTION
        # With an intercept''', f'''        {body}
        # BEGIN SOLUTION
        # With an intercept''')
    result = grade("linear_regression", submission=submission(tmp_path, linear_regression=source))
    assert result["score"] == 0
    assert any("submissions may" in m for m in messages(result)), messages(result)


# cheats score 0 and never break grading ----------------------------------------------------

CHEATS = {
    "patches_numpy_comparisons": STUB_LINEAR.replace(
        "import numpy as np\n",
        "import numpy as np\nnp.allclose = lambda *a, **k: True\n"
        "np.testing.assert_allclose = lambda *a, **k: None\nnp.isclose = lambda a, b, **k: True\n", 1),
    "patches_a_ufunc": LINEAR.replace(
        "import numpy as np\n", "import numpy as np\nnp.absolute = lambda x: 0 * x\n", 1),
    "patches_the_grader_through_sys_modules": LINEAR.replace(
        "import numpy as np\n",
        "import numpy as np\nimport sys\n"
        "sys.modules['autograder' + '.checks'].expect_close = lambda actual, *a, **k: actual\n", 1),
    "reads_the_callers_frame": LINEAR.replace(
        "import numpy as np\n", "import numpy as np\nimport sys\nLOOK = sys._getframe\n", 1),
    "silences_overflow": LINEAR.replace(
        "import numpy as np\n", "import numpy as np\nnp.seterr(over='ignore')\n", 1),
    "answers_with_an_object_equal_to_everything": STUB_LINEAR.replace(
        "import numpy as np\n", textwrap.dedent('''\
        import numpy as np


        class Anything(np.ndarray):
            def __eq__(self, other):
                return True

            def __array_finalize__(self, obj):
                pass


        def _anything(*args, **kwargs):
            return np.zeros(1).view(Anything)
        '''), 1).replace('raise NotImplementedError("TODO: ', 'return _anything("'),
}


@pytest.mark.parametrize("cheat", sorted(CHEATS))
def test_a_cheat_scores_zero_without_breaking_the_run(tmp_path, cheat):
    folder = submission(tmp_path, linear_regression=CHEATS[cheat],
                        logistic_regression=(REFERENCE_DIR / "logistic_regression.py").read_text())
    results, run = run_bank(["linear_regression", "logistic_regression"], submission=folder)
    assert results is not None, run.stdout[-2000:]
    assert results["exercises"]["linear_regression"]["score"] == 0, messages(results["exercises"]["linear_regression"])
    assert results["exercises"]["logistic_regression"]["score"] == 100


def test_an_endless_loop_fails_its_test_with_a_time_limit(tmp_path):
    source = LINEAR.replace("        if self.fit_intercept:\n            X_mean, y_mean = X.mean(axis=0), y.mean()\n            coef",
                            "        while True:\n            pass\n        if self.fit_intercept:\n"
                            "            X_mean, y_mean = X.mean(axis=0), y.mean()\n            coef")
    results, _ = run_bank(["linear_regression"], submission=submission(tmp_path, linear_regression=source),
                          options=["--timeout", "2", "-k", "test_linear_regression_matches_scikit_learn"])
    (test,) = [t for t in results["exercises"]["linear_regression"]["tests"] if t["outcome"] != "not run"]
    assert test["earned"] == 0 and test["message"].startswith("took too long")


# usage errors ------------------------------------------------------------------------------

def run_pytest(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "pytest", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.parametrize("args, message", [
    (["--impl", "reference", "--submission", "."], "either --impl or --submission"),
    (["--submission", "no/such/folder"], "no such folder"),
    (["--impl", "solutions"], "invalid choice"),
    (["--results", "autograder"], "is a folder"),
])
def test_wrong_flags_are_a_clear_usage_error(args, message):
    run = run_pytest("autograder", *args)
    assert run.returncode == 4, run.stdout[-1000:]
    assert message in run.stderr


@pytest.mark.parametrize("mark, message", [
    ("", "needs @pytest.mark.points(N, CATEGORY)"),
    ("@pytest.mark.points(3)", "write the mark as"),
    ("@pytest.mark.points(0, 'shapes')", "positive number"),
    ("@pytest.mark.points(2, 'style')", "is not one of"),
])
def test_a_bank_test_without_a_valid_points_mark_stops_the_run(tmp_path, mark, message):
    shutil.copytree(ROOT / "autograder", tmp_path / "autograder", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "autograder" / "public" / "test_bogus.py").write_text(
        f"import pytest\n\n\n{mark}\ndef test_something(impl):\n    pass\n")
    run = run_pytest("autograder/public/test_bogus.py", "--impl", "reference", cwd=tmp_path)
    assert run.returncode == 4
    assert message in run.stderr


# results and the score table ---------------------------------------------------------------

def test_results_follow_the_schema_and_are_the_same_on_every_run(tmp_path):
    folder = submission(tmp_path, linear_regression=LINEAR.replace("db = residual.mean()", "db = residual.sum()"))
    first, _ = run_bank(["linear_regression", "logistic_regression"], submission=folder)
    second, _ = run_bank(["linear_regression", "logistic_regression"], submission=folder)
    schema = json.loads((ROOT / "autograder" / "results.schema.json").read_text())
    jsonschema.validate(first, schema)
    assert first == second
    assert 0 < first["exercises"]["linear_regression"]["score"] < 100
    assert first["exercises"]["logistic_regression"]["score"] == 0
    assert first["score"] == sum(e["score"] for e in first["exercises"].values())


def test_the_score_table_fits_80_columns_and_names_each_cause():
    run = run_pytest(*bank_files("linear_regression"), *bank_files("logistic_regression"))
    table = run.stdout[run.stdout.index("= grades ="):run.stdout.index("short test summary")]
    assert max(len(line) for line in table.splitlines()) <= 80
    assert "LinearRegression.fit is still a TODO" in table
    assert "total 0 / " in table
