"""Reference solutions of the course: one module per exercise.

Solution regions are marked ``# BEGIN SOLUTION`` / ``# END SOLUTION``;
``python -m autograder build`` turns each region into a TODO in ``assignments/``.
"""
