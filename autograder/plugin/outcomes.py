"""Record each graded test's outcome: it passes only if setup, call and teardown all pass."""
import pytest

from .scorebook import scorebook_of


class OutcomeRecorder:
    """Feeds the reports of graded tests into the scorebook."""

    def __init__(self, scorebook):
        self.scorebook = scorebook

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_logreport(self, report):
        properties = dict(report.user_properties)
        test = self.scorebook.tests.get(properties.get("graded"))
        if test is None:
            return
        if properties.get("violation"):
            test.violation = properties["violation"]
        if report.failed:
            if test.outcome != "failed":  # the first failing phase says why
                test.message = properties.get("cause", "failed")
            test.outcome = "failed"
        elif report.skipped and test.outcome != "failed":
            test.outcome = "skipped"
            test.message = "skipped: a skipped test earns no points"
        elif report.when == "call" and test.outcome == "not run":
            test.outcome, test.message = "passed", ""


def pytest_configure(config):
    config.pluginmanager.register(OutcomeRecorder(scorebook_of(config)), "autograder-outcomes")
