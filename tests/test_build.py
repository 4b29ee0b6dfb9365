"""``python -m autograder build``: stubs keep everything but the solutions, and drift is caught."""
import ast
import subprocess
import sys

import pytest

from autograder import ASSIGNMENTS_DIR, REFERENCE_DIR, ROOT
from autograder.build import BuildError, drift, make_stub, planned_outputs

REFERENCE = '''"""Module docstring."""
import numpy as np


def mean_of(x):
    """Docstring kept."""
    x = np.asarray(x)
    # BEGIN SOLUTION
    # Compute the mean of x, a float.
    # Hint: np.mean.
    result = float(np.mean(x))
    # END SOLUTION
    return result
'''


def test_a_solution_region_becomes_a_todo_banner_and_a_raise():
    stub = make_stub(REFERENCE, "example.py")
    assert "BEGIN SOLUTION" not in stub and "np.mean(x))" not in stub
    assert "# TODO (mean_of):" in stub and "#   Compute the mean of x, a float." in stub
    assert 'raise NotImplementedError("TODO: mean_of")' in stub
    assert '"""Docstring kept."""' in stub and "x = np.asarray(x)" in stub and "return result" in stub
    ast.parse(stub)


def test_a_stub_raises_not_implemented_error_when_called():
    namespace = {}
    exec(compile(make_stub(REFERENCE, "example.py"), "example.py", "exec"), namespace)
    with pytest.raises(NotImplementedError, match="mean_of"):
        namespace["mean_of"]([1, 2])


def test_a_module_without_regions_is_copied_unchanged():
    source = "def f():\n    return 1\n"
    assert make_stub(source) == source


@pytest.mark.parametrize("broken, message", [
    (REFERENCE.replace("    # END SOLUTION\n", ""), "never closed"),
    (REFERENCE.replace("    # BEGIN SOLUTION\n", ""), "without a '# BEGIN SOLUTION'"),
    (REFERENCE.replace("    # END SOLUTION", "    # BEGIN SOLUTION"), "inside the region"),
    (REFERENCE.replace("    # END SOLUTION", "        # END SOLUTION"), "indented differently"),
    (REFERENCE.replace("    # BEGIN SOLUTION", "    # BEGIN SOLUTIONS"), "write the marker exactly"),
    (REFERENCE.replace("    # Compute the mean of x, a float.\n    # Hint: np.mean.\n", ""), "no task comment"),
    ("# BEGIN SOLUTION\n# task\nx = 1\n# END SOLUTION\n", "module level"),
], ids=["unclosed", "stray_end", "nested", "misindented_end", "misspelled", "no_task", "module_level"])
def test_a_malformed_marker_is_a_clear_error_naming_file_and_line(broken, message):
    with pytest.raises(BuildError, match=message) as error:
        make_stub(broken, "example.py")
    assert str(error.value).startswith("example.py:")


def test_committed_stubs_match_the_build():
    assert drift(planned_outputs(REFERENCE_DIR, ASSIGNMENTS_DIR), ASSIGNMENTS_DIR) == []


def test_drift_names_changed_missing_and_extra_stubs(tmp_path):
    reference, assignments = tmp_path / "reference", tmp_path / "assignments"
    reference.mkdir()
    assignments.mkdir()
    (reference / "one.py").write_text(REFERENCE)
    (reference / "two.py").write_text("x = 1\n")
    planned = planned_outputs(reference, assignments)
    (assignments / "one.py").write_text(planned[assignments / "one.py"] + "# edited by hand\n")
    (assignments / "old.py").write_text("")
    assert drift(planned, assignments) == [assignments / "one.py", assignments / "two.py", assignments / "old.py"]


def test_check_command_exits_zero_on_this_repository():
    run = subprocess.run([sys.executable, "-m", "autograder", "build", "--check"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_no_stub_holds_solution_code():
    for stub in ASSIGNMENTS_DIR.glob("*.py"):
        assert "BEGIN SOLUTION" not in stub.read_text(), stub
