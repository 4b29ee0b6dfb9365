"""The pytest plugin behind ``pytest autograder``: one module per hook.

- ``options``: command-line options and the folder under test;
- ``isolation``: the import guard for the whole session;
- ``fixtures``: the ``impl`` fixture, the bank's only way to the code under test;
- ``marks``: every test's points and category, checked at collection;
- ``causes``: a one-line cause for every failure, in a student's terms;
- ``outcomes``: each test's result into the scorebook;
- ``table``: the score table at the end of the run;
- ``results``: the ``--results`` JSON file.
"""
MODULES = [
    f"autograder.plugin.{name}"
    for name in ("options", "isolation", "fixtures", "marks", "causes", "outcomes", "table", "results")
]
