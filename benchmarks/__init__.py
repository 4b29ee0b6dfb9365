"""Benchmarks of the reference solutions: ``python -m benchmarks`` (from the repository root).

Not part of the test run: nothing here is collected by pytest, and nothing under ``tests/``
or ``autograder/`` imports it. One module per job:

- ``timing``: the stopwatch (warm-up, calibrated repetitions, medians) and the thread limit;
- ``data``: the seeded datasets every measurement uses;
- ``ratios``: reference vs scikit-learn on the same work, one case per estimator or function;
- ``gradient``: a gradient-descent iteration vs its floor, one ``X @ w`` and one ``X.T @ r``;
- ``scaling``: how k-NN predict, k-means fit and tree fit grow with the number of samples;
- ``bank``: the cost of grading the reference with the whole bank, per exercise;
- ``inside``: the pytest plugin that measures the time spent inside the implementation;
- ``report``: the printed table and the ``--json`` file;
- ``__main__``: the command line.

The reference is imported as ``reference.<exercise>`` (through ``importlib``), so the
command must run from the repository root.
"""
