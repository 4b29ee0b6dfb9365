"""The course's exercises, one module per exercise: read each module's docstring first.

Shared helpers (``_validation``, ``_base``, ``_gradient_check``) are given; the exercise
modules are what you complete.
"""
