"""Comparisons of student output, safe against objects and patches that fake equality.

Every check verifies the type first (an exact ``np.ndarray``, a real float), then the
shape, the dtype kind and finiteness, and only then the values. Values are compared with
numpy ufuncs captured when this module is imported (C objects that student code cannot
rewrite), never with ``==`` on student objects or with ``np.allclose``.

A failed check raises ``AssertionError`` with a message for the student: what was
expected, what came back, and the likely mistake.
"""
import contextlib
import json
import os
import sys
import warnings

import numpy as np

_abs, _subtract, _multiply, _add = np.absolute, np.subtract, np.multiply, np.add
_isfinite, _less_equal, _equal, _argmax = np.isfinite, np.less_equal, np.equal, np.argmax
_all = np.logical_and.reduce
_max = np.maximum.reduce
_array = np.array
_FLOAT_TYPES = (float, np.float64, np.float32)


def _record(name, used):
    """For calibration runs only: append the share of its tolerance a comparison used."""
    path = os.environ.get("AUTOGRADER_CALIBRATION_FILE")
    if path:
        test = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0]
        with open(path, "a") as stream:
            stream.write(json.dumps({"test": test, "check": name, "used": used}) + "\n")


def _fail(message, hint):
    raise AssertionError(f"{message}. Likely mistake: {hint}" if hint else message)


def _short(value):
    return np.array2string(_array(value), precision=6, threshold=8, edgeitems=3).replace("\n", "")


def to_float(value, name, hint=None):
    """Return ``value`` as a float after checking it is a real, finite float."""
    if type(value) not in _FLOAT_TYPES:
        if type(value) is np.ndarray and value.shape == ():
            value = value[()]
        else:
            _fail(f"{name} should be a float, got {type(value).__name__} {_short_repr(value)}", hint)
    value = float(value)
    if not _isfinite(value):
        _fail(f"{name} should be finite, got {value}", hint)
    return value


def _short_repr(value):
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def expect_float(actual, expected, name, *, rtol=1e-7, atol=0.0, hint=None):
    """Check that ``actual`` is a float within ``atol + rtol·|expected|`` of ``expected``."""
    got = to_float(actual, name, hint)
    expected = float(expected)
    allowed = atol + rtol * abs(expected)
    _record(name, abs(got - expected) / allowed if allowed else (0.0 if got == expected else float("inf")))
    if not abs(got - expected) <= allowed:
        _fail(f"{name}: expected {expected:.10g}, got {got:.10g}", hint)
    return got


def expect_array(actual, shape, name, *, kind="f", hint=None):
    """Check that ``actual`` is an ndarray of ``shape`` and dtype kind, finite if numeric.

    ``kind`` is a string of accepted ``dtype.kind`` letters: ``"f"`` floats, ``"iu"``
    integers, ``"U"`` strings; ``None`` accepts any.
    """
    if type(actual) is not np.ndarray:
        _fail(f"{name} should be a numpy array of shape {shape}, got {type(actual).__name__}", hint)
    if actual.shape != tuple(shape):
        _fail(f"{name} should have shape {tuple(shape)}, got {actual.shape}", hint)
    if kind is not None and actual.dtype.kind not in kind:
        _fail(f"{name} should have a {_KIND_NAMES.get(kind, kind)} dtype, got {actual.dtype}", hint)
    if actual.dtype.kind in "fc" and not _all(_isfinite(actual), axis=None):
        _fail(f"{name} contains NaN or infinity: {_short(actual)}", hint)
    return actual


_KIND_NAMES = {"f": "float", "iu": "integer", "U": "string", "b": "boolean"}


def expect_close(actual, expected, name, *, rtol=1e-7, atol=0.0, hint=None):
    """Check type, shape, dtype kind and finiteness, then ``|actual - expected| <= atol + rtol·|expected|``."""
    expected = _array(expected, dtype=np.float64)
    expect_array(actual, expected.shape, name, hint=hint)
    error = _abs(_subtract(actual, expected))
    allowed = _add(atol, _multiply(rtol, _abs(expected)))
    ok = _less_equal(error, allowed)
    with np.errstate(divide="ignore", invalid="ignore"):
        used = np.where(error == 0, 0.0, error / allowed)
    _record(name, float(_max(used, axis=None, initial=0.0)))
    if not _all(ok, axis=None):
        worst = tuple(int(i) for i in np.unravel_index(_argmax(_subtract(error, allowed)), expected.shape))
        at = f" at index {worst if len(worst) > 1 else worst[0]}" if expected.shape else ""
        _fail(
            f"{name} is off{at}: expected {expected[worst]:.10g}, got {actual[worst]:.10g} "
            f"(largest error {float(_max(error, axis=None)):.3g}, allowed {atol:g} + {rtol:g}·|expected|)",
            hint,
        )
    return actual


def expect_equal(actual, expected, name, *, hint=None):
    """Check that ``actual`` is an ndarray equal elementwise to ``expected`` (labels, indices)."""
    expected = _array(expected)
    kind = "iu" if expected.dtype.kind in "iu" else expected.dtype.kind
    expect_array(actual, expected.shape, name, kind=kind, hint=hint)
    same = _equal(actual, expected)
    if not _all(same, axis=None):
        wrong = [int(i) for i in np.flatnonzero(~same)]
        _fail(
            f"{name} differs in {len(wrong)} of {expected.size} entries; first at index {wrong[0]}: "
            f"expected {expected.flat[wrong[0]]!r}, got {actual.flat[wrong[0]]!r}",
            hint,
        )
    return actual


@contextlib.contextmanager
def expect_raises(error_type, doing, *, hint=None):
    """Check that the block raises ``error_type``; ``doing`` says what the call was."""
    try:
        yield
    except error_type:
        return
    except Exception as error:  # noqa: BLE001 - any other exception is the wrong answer
        _fail(f"{doing} should raise {error_type.__name__}, but raised {type(error).__name__}: {error}", hint)
    _fail(f"{doing} should raise {error_type.__name__}, but returned normally", hint)


@contextlib.contextmanager
def no_float_warnings(doing, hint=None):
    """Fail if the block overflows, divides by zero or makes NaN (underflow is fine)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        with np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
            try:
                yield
            except (FloatingPointError, RuntimeWarning) as error:
                _fail(
                    f"{doing} is numerically unstable: numpy reported '{error}'",
                    hint or "exp() of a large number overflows: rearrange the formula so exp "
                            "only sees values <= 0, or use np.logaddexp",
                )


def numerical_gradient(f, x, h=1e-5):
    """Central differences ``(f(x + h·e_i) - f(x - h·e_i)) / 2h`` of a scalar ``f`` at ``x``."""
    x = _array(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = h
        gradient[index] = (f(x + step) - f(x - step)) / (2 * h)
    return gradient


def relative_error(actual, expected):
    """``max |a - e| / max(1e-8, |a| + |e|)``, CS231n's measure for gradient checks."""
    actual, expected = _array(actual, dtype=np.float64), _array(expected, dtype=np.float64)
    scale = np.maximum(1e-8, _add(_abs(actual), _abs(expected)))
    return float(_max(_abs(_subtract(actual, expected)) / scale, axis=None))


_sum, _less = np.add.reduce, np.less


def expect_close_up_to_sign(actual, expected, name, *, per="row", rtol=1e-7, atol=0.0, hint=None):
    """``expect_close`` where each row (``per="row"``) or column (``per="column"``) of
    ``expected`` may come back negated: eigenvectors and singular vectors, and the data
    projected on them, are defined only up to their sign.

    Type, shape, dtype kind and finiteness are checked first; then each row (column) of
    ``expected`` takes the sign of its dot product with the same row (column) of ``actual``,
    and the values must match as in ``expect_close``.
    """
    if per not in ("row", "column"):
        raise ValueError(f"per must be 'row' or 'column', got {per!r}")
    expected = _array(expected, dtype=np.float64)
    if expected.ndim != 2:
        raise ValueError(f"expected must be 2-D, got shape {expected.shape}")
    expect_array(actual, expected.shape, name, hint=hint)
    axis = 1 if per == "row" else 0
    negative = _less(_sum(_multiply(actual, expected), axis=axis, keepdims=True), 0.0)
    signs = _subtract(1.0, _multiply(2.0, negative))
    return expect_close(actual, _multiply(expected, signs), f"{name} (up to the sign of each {per})",
                        rtol=rtol, atol=atol, hint=hint)


_INT_TYPES = (int,) + tuple({np.dtype(code).type for code in np.typecodes["AllInteger"]})


def to_int(value, name, hint=None):
    """Return ``value`` as an int after checking it is an integer (``int`` or a numpy integer
    scalar or 0-d integer array; never ``bool``, a float or an ``int`` subclass)."""
    if type(value) is np.ndarray and value.shape == () and value.dtype.kind in "iu":
        value = value[()]
    if type(value) not in _INT_TYPES:
        _fail(f"{name} should be an int, got {type(value).__name__} {_short_repr(value)}", hint)
    return int(value)


def count_steps(run):
    """The function calls (as ``count_calls``) plus the Python lines executed by ``run()``.

    A loop whose body calls no function (``for i in range(n): out[i] = (X[i] - m) @ W``,
    or the same as a comprehension) makes no extra calls, but it executes its line once
    per iteration: counting lines sees it. Any tracer or profiler already installed is
    restored afterwards.
    """
    steps = 0

    def profile(frame, event, arg):
        nonlocal steps
        if event in ("call", "c_call"):
            steps += 1

    def trace(frame, event, arg):
        nonlocal steps
        if event == "line":
            steps += 1
        return trace

    old_trace, old_profile = sys.gettrace(), sys.getprofile()
    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(old_profile)
        sys.settrace(old_trace)
    return steps


def expect_no_loop_over(run, small, large, name, *, hint=None):
    """Fail if ``run(size)`` takes many more steps at ``large`` than at ``small``.

    Vectorized code calls about the same functions and runs the same lines whatever the
    number of samples; a Python loop over them (``for``, a comprehension, ``map``,
    ``np.apply_along_axis``, ``np.vectorize``) repeats its calls or its lines once per
    sample. Counting steps measures that growth exactly, so a slow or busy machine can
    never fail a vectorized answer.
    """
    steps_small, steps_large = count_steps(lambda: run(small)), count_steps(lambda: run(large))
    if steps_large > 2 * steps_small + 50:
        _fail(
            f"{name} took {steps_small} steps (function calls and lines) for {small} samples "
            f"but {steps_large} for {large}: it loops over the samples in Python",
            hint or "replace the loop with array operations over all samples at once "
                    "(broadcasting, matrix products)",
        )
