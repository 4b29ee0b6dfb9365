"""The mutation engine: mutants change one thing, only inside solution regions, with stable ids."""
import pytest

from autograder import REFERENCE_DIR
from autograder.build import find_regions
from tests.equivalent_mutants import EQUIVALENT
from tests.grading import exercises
from tests.mutation import mutants


@pytest.mark.parametrize("exercise", exercises())
def test_mutants_change_only_solution_regions_and_have_stable_ids(exercise):
    source = (REFERENCE_DIR / f"{exercise}.py").read_text()
    lines = source.splitlines()
    regions = find_regions(lines, exercise)
    inside = {number for region in regions for number in range(region.begin, region.end + 1)}
    found = mutants(exercise)
    assert len(found) >= 20, f"only {len(found)} mutants: are the solution regions marked?"
    for mutant in found:
        changed = mutant.source.splitlines()
        assert mutant.source != source
        tail = len(changed) - len(lines)
        outside = [n for n in range(len(lines)) if n not in inside]
        before = [n for n in outside if n < min(inside)] if inside else outside
        after = [n for n in outside if n > max(inside)] if inside else []
        assert all(changed[n] == lines[n] for n in before), mutant.describe()
        assert all(changed[n + tail] == lines[n] for n in after), mutant.describe()
    ids = [mutant.id for mutant in found]
    assert len(ids) == len(set(ids))
    assert ids == [mutant.id for mutant in mutants(exercise)]


def test_every_equivalent_mutant_has_a_reason_and_exists():
    for exercise, entries in EQUIVALENT.items():
        ids = {mutant.id for mutant in mutants(exercise)}
        for mutant_id, reason in entries.items():
            assert mutant_id in ids, f"{exercise}: equivalent entry {mutant_id} matches no mutant"
            assert len(reason) > 20, f"{exercise}: give {mutant_id} a real reason"
