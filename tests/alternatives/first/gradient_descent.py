"""Exercise 08, second route: np.split batches, scikit-learn's form of Adam, a dispatch table.

- ``iterate_minibatches`` cuts the permutation with ``np.split`` at ``b, 2b, ...``.
- ``momentum_update`` forms ``w + momentum·v - learning_rate·dw`` directly.
- ``adam_update`` updates the moments as ``m + (1 - beta1)·(dw - m)`` and folds the bias
  correction into the step size, ``learning_rate·sqrt(1 - beta2**t) / (1 - beta1**t)``, with
  ``eps`` added to ``sqrt(v)`` (as scikit-learn's ``AdamOptimizer`` does).
- ``minimize`` picks a step function from a table, keeps the optimizer's memory in one
  variable and returns the history as a float array.
"""
import numbers

import numpy as np

from ._validation import check_scalar


def iterate_minibatches(n_samples, batch_size, rng):
    check_scalar(n_samples, "n_samples", kind=numbers.Integral, low=1)
    check_scalar(batch_size, "batch_size", kind=numbers.Integral, low=1)
    permutation = rng.permutation(n_samples)
    yield from np.split(permutation, np.arange(batch_size, n_samples, batch_size))


def sgd_update(w, dw, learning_rate):
    return np.subtract(np.asarray(w, dtype=float), np.multiply(learning_rate, np.asarray(dw, dtype=float)))


def momentum_update(w, dw, velocity, learning_rate, momentum=0.9):
    w, dw, velocity = (np.asarray(a, dtype=float) for a in (w, dw, velocity))
    new_w = w + momentum * velocity - learning_rate * dw
    return new_w, momentum * velocity - learning_rate * dw


def adam_update(w, dw, state, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w, dw = np.asarray(w, dtype=float), np.asarray(dw, dtype=float)
    if state is None:
        state = {"m": np.zeros(w.shape), "v": np.zeros(w.shape), "t": 0}
    t = int(state["t"]) + 1
    m = state["m"] + (1.0 - beta1) * (dw - state["m"])
    v = state["v"] + (1.0 - beta2) * (np.square(dw) - state["v"])
    step_size = learning_rate * np.sqrt(1.0 - beta2**t) / (1.0 - beta1**t)
    return w - step_size * m / (np.sqrt(v) + eps), {"m": m, "v": v, "t": t}


def minimize(loss_and_grad, w0, n_samples, optimizer="sgd", learning_rate=0.01, momentum=0.9,
             batch_size=None, n_epochs=100, random_state=None):
    steps = {
        "sgd": lambda w, g, memory: (sgd_update(w, g, learning_rate), memory),
        "momentum": lambda w, g, memory: momentum_update(w, g, memory, learning_rate, momentum),
        "adam": lambda w, g, memory: adam_update(w, g, memory, learning_rate),
    }
    if not isinstance(optimizer, str) or optimizer not in steps:
        raise ValueError(f"unknown optimizer {optimizer!r}")
    check_scalar(learning_rate, "learning_rate", low=0.0, low_inclusive=False)
    check_scalar(momentum, "momentum", low=0.0, high=1.0)
    check_scalar(n_samples, "n_samples", kind=numbers.Integral, low=1)
    check_scalar(n_epochs, "n_epochs", kind=numbers.Integral, low=1)
    if batch_size is not None:
        check_scalar(batch_size, "batch_size", kind=numbers.Integral, low=1)
    step = steps[optimizer]
    w = np.array(w0, dtype=float)
    memory = np.zeros(w.shape) if optimizer == "momentum" else None
    rng = None if batch_size is None else np.random.default_rng(random_state)
    history = np.empty(n_epochs)
    for epoch in range(n_epochs):
        batches = (np.arange(n_samples),) if rng is None else iterate_minibatches(n_samples, batch_size, rng)
        for idx in batches:
            w, memory = step(w, loss_and_grad(w, idx)[1], memory)
        history[epoch] = loss_and_grad(w, np.arange(n_samples))[0]
    return w, history
