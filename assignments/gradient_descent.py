"""Exercise 08: gradient descent, from mini-batches to momentum and Adam.

Conventions (shared by every exercise):

- Inputs may be lists, int, float32 or read-only arrays: never modify them in place. Every
  function here returns new arrays (and a new ``state`` dict) and works in ``float64``.
- Randomness comes only from a ``np.random.Generator``: ``np.random.default_rng(random_state)``,
  where ``random_state`` is ``None`` or an int and ``0`` is a valid seed. The global
  ``np.random`` state is never read, seeded or advanced.
- An out-of-range hyperparameter raises ``ValueError``.

What you implement:

- ``iterate_minibatches(n_samples, batch_size, rng)`` yields the index arrays of one epoch: it
  draws a fresh permutation of ``0..n_samples-1`` from ``rng`` on every call and cuts it into
  contiguous chunks ``order[0:b], order[b:2b], ...``. Every sample appears exactly once per
  epoch; the last, partial batch is kept (``n = 10, b = 3`` gives sizes ``3, 3, 3, 1``), and
  there is never an empty batch (``n = 12, b = 4`` gives exactly three). A ``batch_size``
  larger than ``n_samples`` gives a single batch holding the whole permutation. Each batch is a
  1-D integer array. ``n_samples`` and ``batch_size`` must be ints ``>= 1`` (else ``ValueError``).
- ``sgd_update(w, dw, learning_rate) -> w - learning_rate·dw``.
- ``momentum_update(w, dw, velocity, learning_rate, momentum=0.9) -> (w, velocity)``, with the
  velocity convention of CS231n (the velocity points the way ``w`` moves)::

      v = momentum·v - learning_rate·dw
      w = w + v

  ``momentum = 0`` is plain SGD. ``velocity`` has the shape of ``w``; an optimizer starts it at 0.
- ``adam_update(w, dw, state, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8)
  -> (w, state)``. ``state`` is ``None`` on the first call (meaning ``m = v = 0``, ``t = 0``)
  and afterwards the dict returned by the previous call, ``{"m": m, "v": v, "t": t}``, with
  ``m`` and ``v`` arrays of ``w``'s shape and ``t`` the int number of steps taken so far::

      t = t + 1
      m = beta1·m + (1 - beta1)·dw
      v = beta2·v + (1 - beta2)·dw²
      m_hat = m / (1 - beta1**t)          (bias correction: m and v start at 0)
      v_hat = v / (1 - beta2**t)
      w = w - learning_rate·m_hat / (sqrt(v_hat) + eps)

  The returned dict is a new one; the ``state`` passed in (its arrays and its ``t``) is left
  unchanged, so a caller may replay a step. Thanks to the bias correction the first step is
  ``learning_rate·sign(dw)`` whatever the scale of the gradient, and ``eps`` keeps a zero
  gradient from producing ``0/0``. (scikit-learn folds the correction into the step size,
  ``learning_rate·sqrt(1 - beta2**t)/(1 - beta1**t)``, and adds ``eps`` to ``sqrt(v)``: that
  differs only in where ``eps`` sits, by a relative amount of order ``eps/|dw|``, and is
  equally correct.)
- ``minimize(loss_and_grad, w0, n_samples, optimizer="sgd", learning_rate=0.01, momentum=0.9,
  batch_size=None, n_epochs=100, random_state=None) -> (w, loss_history)``:

  * ``loss_and_grad(w, idx)`` returns the loss (a number) and its gradient (shape of ``w``) on
    the rows ``idx`` of the data; ``w0`` may have any shape and is not modified.
  * ``optimizer`` is ``"sgd"``, ``"momentum"`` (velocity starting at 0, ``momentum`` used) or
    ``"adam"`` (``state`` starting at ``None``, default betas and eps); all three use
    ``learning_rate``. The velocity and Adam's state carry over from one epoch to the next.
  * ``batch_size=None`` is full batch: every step passes ``np.arange(n_samples)`` in order, and
    no random numbers are drawn. Otherwise each epoch takes one step per batch of
    ``iterate_minibatches(n_samples, batch_size, rng)``, with one generator
    ``rng = np.random.default_rng(random_state)`` made once, so every epoch has a new order and
    a given ``random_state`` (``0`` included) always gives the same run.
  * ``loss_history[e]`` is the full-data loss ``loss_and_grad(w, np.arange(n_samples))[0]``
    after epoch ``e``'s last update (``len == n_epochs``), a float; not the loss of a batch.
  * ``optimizer`` outside the three names, ``learning_rate <= 0``, ``momentum`` outside
    ``[0, 1)``, ``batch_size < 1``, ``n_epochs < 1`` or ``n_samples < 1`` raise ``ValueError``.
"""
import numbers

import numpy as np

from ._validation import check_scalar

OPTIMIZERS = ("sgd", "momentum", "adam")


def _as_float_array(value, name):
    """``value`` as a float64 array (a float64 input comes back as a view: never write to it)."""
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be numeric: {error}") from None


def _same_shape(w, other, name):
    if other.shape != w.shape:
        raise ValueError(f"{name} must have the shape of w, {w.shape}, got {other.shape}")
    return other


def iterate_minibatches(n_samples, batch_size, rng):
    """Yield the index arrays of one epoch: contiguous chunks of a fresh permutation.

    Parameters
    ----------
    n_samples : int >= 1
    batch_size : int >= 1
        A batch size above ``n_samples`` gives one batch of all the samples.
    rng : numpy.random.Generator
        The source of the permutation, e.g. ``np.random.default_rng(0)``.

    Yields
    ------
    idx : ndarray of int, shape (batch_size,) (the last one may be shorter)
    """
    check_scalar(n_samples, "n_samples", kind=numbers.Integral, low=1)
    check_scalar(batch_size, "batch_size", kind=numbers.Integral, low=1)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy Generator (np.random.default_rng(seed)), got {rng!r}")
    # =========================================================================
    # TODO (iterate_minibatches):
    #   Draw a fresh permutation of 0..n_samples-1 from rng (shape (n_samples,)), then yield its
    #   contiguous slices order[start:start + batch_size] for start = 0, batch_size, 2·batch_size,
    #   ... < n_samples. The last slice may be shorter: keep it; never yield an empty one.
    #   Hint: rng.permutation(n) and range(0, n, batch_size); never use np.random.* directly.
    # =========================================================================
    raise NotImplementedError("TODO: iterate_minibatches")


def sgd_update(w, dw, learning_rate):
    """One step of plain (stochastic) gradient descent: ``w - learning_rate·dw``.

    Parameters
    ----------
    w, dw : array-like of the same shape
    learning_rate : float

    Returns
    -------
    w : ndarray of w's shape, a new array
    """
    w = _as_float_array(w, "w")
    dw = _same_shape(w, _as_float_array(dw, "dw"), "dw")
    # =========================================================================
    # TODO (sgd_update):
    #   Return the new weights w - learning_rate·dw, shape of w, as a new array.
    #   Hint: w -= ... would overwrite the caller's array.
    # =========================================================================
    raise NotImplementedError("TODO: sgd_update")


def momentum_update(w, dw, velocity, learning_rate, momentum=0.9):
    """One step of gradient descent with momentum.

    ``v = momentum·v - learning_rate·dw``, then ``w = w + v``.

    Parameters
    ----------
    w, dw, velocity : array-like of the same shape
    learning_rate : float
    momentum : float in [0, 1), default 0.9

    Returns
    -------
    w : ndarray of w's shape, the new weights
    velocity : ndarray of w's shape, the new velocity
    """
    w = _as_float_array(w, "w")
    dw = _same_shape(w, _as_float_array(dw, "dw"), "dw")
    velocity = _same_shape(w, _as_float_array(velocity, "velocity"), "velocity")
    # =========================================================================
    # TODO (momentum_update):
    #   Compute the new velocity  v = momentum·velocity - learning_rate·dw  (shape of w), then the
    #   new weights  w + v, and return both as new arrays.
    #   Hint: the learning rate multiplies dw inside v, not v afterwards; don't write into the
    #   caller's velocity (velocity *= ... would).
    # =========================================================================
    raise NotImplementedError("TODO: momentum_update")


def adam_update(w, dw, state, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """One step of Adam, with bias-corrected first and second moments.

    Parameters
    ----------
    w, dw : array-like of the same shape
    state : None or dict
        ``None`` on the first call; afterwards the dict ``{"m", "v", "t"}`` that the previous
        call returned. It is not modified.
    learning_rate, beta1, beta2, eps : float

    Returns
    -------
    w : ndarray of w's shape, the new weights
    state : dict
        A new dict: ``"m"`` and ``"v"`` arrays of w's shape, ``"t"`` the int step count.
    """
    w = _as_float_array(w, "w")
    dw = _same_shape(w, _as_float_array(dw, "dw"), "dw")
    if state is not None and not all(key in state for key in ("m", "v", "t")):
        raise ValueError('state must be None or a dict with the keys "m", "v" and "t"')
    # =========================================================================
    # TODO (adam_update):
    #   Start from m = v = zeros of w's shape and t = 0 when state is None, else read
    #   state["m"], state["v"], state["t"]. Then, in this order:
    #     t = t + 1;  m = beta1·m + (1 - beta1)·dw;  v = beta2·v + (1 - beta2)·dw²
    #     m_hat = m / (1 - beta1**t);  v_hat = v / (1 - beta2**t)     (bias correction)
    #     w = w - learning_rate·m_hat / (sqrt(v_hat) + eps)
    #   Hint: build new arrays (m = beta1 * m + ..., never m *= beta1): the caller's state must
    #   stay as it was. Increment t before the correction, or 1 - beta**0 = 0 divides by zero.
    # =========================================================================
    raise NotImplementedError("TODO: adam_update")
    return w, {"m": m, "v": v, "t": t}


def minimize(loss_and_grad, w0, n_samples, optimizer="sgd", learning_rate=0.01, momentum=0.9,
             batch_size=None, n_epochs=100, random_state=None):
    """Minimize a loss over ``n_samples`` data rows by (mini-batch) gradient descent.

    Parameters
    ----------
    loss_and_grad : callable ``(w, idx) -> (loss, dw)``
        The loss on the rows ``idx`` (a 1-D integer array) and its gradient, of ``w``'s shape.
    w0 : array-like
        The starting point (any shape); it is not modified.
    n_samples : int >= 1
    optimizer : {"sgd", "momentum", "adam"}, default "sgd"
    learning_rate : float > 0, default 0.01
    momentum : float in [0, 1), default 0.9
        Used by ``"momentum"`` only.
    batch_size : int >= 1 or None, default None
        ``None`` is full batch: every step sees ``np.arange(n_samples)``.
    n_epochs : int >= 1, default 100
    random_state : None or int, default None
        Seed of the generator that shuffles the mini-batches.

    Returns
    -------
    w : ndarray of w0's shape
    loss_history : list of float, length n_epochs
        The full-data loss after each epoch.
    """
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    check_scalar(learning_rate, "learning_rate", low=0.0, low_inclusive=False)
    check_scalar(momentum, "momentum", low=0.0, high=1.0)
    if momentum == 1.0:
        raise ValueError("momentum must be < 1, got 1.0")
    check_scalar(n_samples, "n_samples", kind=numbers.Integral, low=1)
    if batch_size is not None:
        check_scalar(batch_size, "batch_size", kind=numbers.Integral, low=1)
    check_scalar(n_epochs, "n_epochs", kind=numbers.Integral, low=1)
    w = _as_float_array(w0, "w0")
    all_rows = np.arange(n_samples)
    # =========================================================================
    # TODO (minimize):
    #   Make rng = np.random.default_rng(random_state) once. Start the velocity at zeros of w's
    #   shape and Adam's state at None. For each of the n_epochs epochs: for each batch idx
    #   (np.arange(n_samples) alone when batch_size is None, else the batches of
    #   iterate_minibatches(n_samples, batch_size, rng)), get (loss, dw) = loss_and_grad(w, idx)
    #   and update w with the chosen optimizer (sgd_update, momentum_update or adam_update, all
    #   with learning_rate). After the epoch, append float(loss_and_grad(w, all_rows)[0]).
    #   Hint: the velocity and the state carry over between epochs; don't reseed per epoch.
    # =========================================================================
    raise NotImplementedError("TODO: minimize")
    return w, history
