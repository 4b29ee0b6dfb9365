"""Exercise 08, third route: a while loop over batches, coordinate loops for Adam, its own checks.

- ``iterate_minibatches`` draws the order with ``rng.choice(n, n, replace=False)`` (another
  legitimate permutation from the same generator) and walks it with a ``while`` loop.
- ``sgd_update`` and ``momentum_update`` write the rules as ``-(learning_rate·dw - ...)``.
- ``adam_update`` loops over the coordinates with ``math.sqrt`` and ``math.pow``, using the
  bias-corrected moments ``m_hat``, ``v_hat`` exactly as written in the exercise.
- ``minimize`` makes a generator only when it needs one (mini-batches), validates its own
  arguments, and keeps the history in a list.
"""
import math

import numpy as np


def _int_at_least_one(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be an int >= 1, got {value!r}")


def iterate_minibatches(n_samples, batch_size, rng):
    _int_at_least_one(n_samples, "n_samples")
    _int_at_least_one(batch_size, "batch_size")
    order = rng.choice(n_samples, size=n_samples, replace=False)
    start = 0
    while start < n_samples:
        stop = min(start + batch_size, n_samples)
        yield order[start:stop]
        start = stop


def sgd_update(w, dw, learning_rate):
    w = np.array(w, dtype=np.float64)
    return w + (-learning_rate) * np.asarray(dw, dtype=np.float64)


def momentum_update(w, dw, velocity, learning_rate, momentum=0.9):
    dw = np.asarray(dw, dtype=np.float64)
    velocity = -(learning_rate * dw - momentum * np.asarray(velocity, dtype=np.float64))
    return np.asarray(w, dtype=np.float64) + velocity, velocity


def adam_update(w, dw, state, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w = np.array(w, dtype=np.float64)
    dw = np.asarray(dw, dtype=np.float64)
    if state is None:
        m, v, t = np.zeros(w.shape), np.zeros(w.shape), 1
    else:
        m, v, t = np.array(state["m"], dtype=np.float64), np.array(state["v"], dtype=np.float64), state["t"] + 1
    correction1, correction2 = 1.0 - math.pow(beta1, t), 1.0 - math.pow(beta2, t)
    new_w = w.reshape(-1).copy()
    m_flat, v_flat, g_flat = m.reshape(-1), v.reshape(-1), dw.reshape(-1)
    for i in range(new_w.size):
        m_flat[i] = beta1 * m_flat[i] + (1.0 - beta1) * g_flat[i]
        v_flat[i] = beta2 * v_flat[i] + (1.0 - beta2) * g_flat[i] * g_flat[i]
        m_hat, v_hat = m_flat[i] / correction1, v_flat[i] / correction2
        new_w[i] -= learning_rate * m_hat / (math.sqrt(v_hat) + eps)
    return new_w.reshape(w.shape), {"m": m_flat.reshape(w.shape), "v": v_flat.reshape(w.shape), "t": t}


def minimize(loss_and_grad, w0, n_samples, optimizer="sgd", learning_rate=0.01, momentum=0.9,
             batch_size=None, n_epochs=100, random_state=None):
    if optimizer not in ("sgd", "momentum", "adam"):
        raise ValueError(f"optimizer must be 'sgd', 'momentum' or 'adam', got {optimizer!r}")
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, (int, float, np.number)) or not learning_rate > 0:
        raise ValueError(f"learning_rate must be > 0, got {learning_rate!r}")
    if not 0 <= momentum < 1:
        raise ValueError(f"momentum must be in [0, 1), got {momentum!r}")
    _int_at_least_one(n_samples, "n_samples")
    _int_at_least_one(n_epochs, "n_epochs")
    if batch_size is not None:
        _int_at_least_one(batch_size, "batch_size")
        rng = np.random.default_rng(random_state)
    w = np.array(w0, dtype=np.float64)
    velocity, state = np.zeros(w.shape), None
    history = []
    epoch = 0
    while epoch < n_epochs:
        batches = [np.arange(n_samples)] if batch_size is None else iterate_minibatches(n_samples, batch_size, rng)
        for idx in batches:
            loss, dw = loss_and_grad(w, idx)
            if optimizer == "adam":
                w, state = adam_update(w, dw, state, learning_rate=learning_rate)
            elif optimizer == "momentum":
                w, velocity = momentum_update(w, dw, velocity, learning_rate, momentum=momentum)
            else:
                w = sgd_update(w, dw, learning_rate)
        history.append(float(loss_and_grad(w, np.arange(n_samples))[0]))
        epoch += 1
    return w, history
