"""Recomputes a `neurotile run --dump-state` step in NumPy (float64) and compares it with the dump.

    python3 benchmarks/recompute_dump.py DUMP_DIR

Reads manifest.json and the .npy files (docs/file-formats.md), runs the step as that page defines it
(dense layers: W h + c; conv2d layers: the convolution of the CHW maps with the OIHW kernels, stride,
padding, dilation and groups, + bias, + a residual add (through the 1 x 1 projection when it has one),
the activation, then the pool), e = softmax(a_L) - onehot(label), the deltas of bp or of the feedback
(B_l g, or conv-dfa's convolution of g, routed back through the pool, times f'(a)), and one SGD step; prints the largest difference
between the recomputed and the dumped weights and biases after the step, and exits 1 if it is above
--tolerance. Sums run in NumPy's order, so float32 dumps agree to a few units in the last place.
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np


def f(kind, a):
    return {"relu": lambda: np.maximum(a, 0), "tanh": lambda: np.tanh(a),
            "sigmoid": lambda: 1 / (1 + np.exp(-a)), "identity": lambda: a}[kind]()


def df(kind, a):
    return {"relu": lambda: (a > 0).astype(a.dtype), "tanh": lambda: 1 - np.tanh(a) ** 2,
            "sigmoid": lambda: (1 / (1 + np.exp(-a))) * (1 - 1 / (1 + np.exp(-a))),
            "identity": lambda: np.ones_like(a)}[kind]()


def taps(layer, x_shape, out_shape):
    """(ky, kx, slice of the padded input) for every kernel tap."""
    _, ho, wo = out_shape
    k, s, d = layer["k"], layer["stride"], layer["dilation"]
    for ky in range(k):
        for kx in range(k):
            yield ky, kx, (slice(ky * d, ky * d + s * (ho - 1) + 1, s), slice(kx * d, kx * d + s * (wo - 1) + 1, s))


def conv_shape(layer, x_shape):
    c, h, w = x_shape
    k, s, p, d = layer["k"], layer["stride"], layer["padding"], layer["dilation"]
    return layer["W"].shape[0], (h + 2 * p - d * (k - 1) - 1) // s + 1, (w + 2 * p - d * (k - 1) - 1) // s + 1


def conv_forward(layer, x):
    W, p, g = layer["W"], layer["padding"], layer["groups"]
    out_shape = conv_shape(layer, x.shape)
    xp = np.pad(x, ((0, 0), (p, p), (p, p)))
    out = np.zeros(out_shape)
    og, cg = W.shape[0] // g, W.shape[1]
    for group in range(g):
        for ky, kx, (ys, xs) in taps(layer, x.shape, out_shape):
            out[group * og:(group + 1) * og] += np.einsum(
                "oc,chw->ohw", W[group * og:(group + 1) * og, :, ky, kx], xp[group * cg:(group + 1) * cg, ys, xs])
    return out


def conv_backward(layer, delta, x_shape):
    W, p, g = layer["W"], layer["padding"], layer["groups"]
    c, h, w = x_shape
    dxp = np.zeros((c, h + 2 * p, w + 2 * p))
    og, cg = W.shape[0] // g, W.shape[1]
    for group in range(g):
        for ky, kx, (ys, xs) in taps(layer, x_shape, delta.shape):
            dxp[group * cg:(group + 1) * cg, ys, xs] += np.einsum(
                "oc,ohw->chw", W[group * og:(group + 1) * og, :, ky, kx], delta[group * og:(group + 1) * og])
    return dxp[:, p:p + h, p:p + w]


def conv_gradient(layer, delta, x):
    W, p, g = layer["W"], layer["padding"], layer["groups"]
    xp = np.pad(x, ((0, 0), (p, p), (p, p)))
    grad = np.zeros_like(W)
    og, cg = W.shape[0] // g, W.shape[1]
    for group in range(g):
        for ky, kx, (ys, xs) in taps(layer, x.shape, delta.shape):
            grad[group * og:(group + 1) * og, :, ky, kx] = np.einsum(
                "ohw,chw->oc", delta[group * og:(group + 1) * og], xp[group * cg:(group + 1) * cg, ys, xs])
    return grad


def windows(pool, shape):
    c, h, w = shape
    k, s, p = pool["kernel"], pool["stride"], pool["padding"]
    for oy in range((h + 2 * p - k) // s + 1):
        for ox in range((w + 2 * p - k) // s + 1):
            yield oy, ox, slice(oy * s, oy * s + k), slice(ox * s, ox * s + k)


def pool_forward(pool, h):
    k, p = pool["kernel"], pool["padding"]
    c = h.shape[0]
    hp = np.pad(h, ((0, 0), (p, p), (p, p)), constant_values=-np.inf if pool["kind"] == "maxpool" else 0)
    cells = list(windows(pool, h.shape))
    oh, ow = cells[-1][0] + 1, cells[-1][1] + 1
    out = np.zeros((c, oh, ow))
    for oy, ox, ys, xs in cells:
        window = hp[:, ys, xs].reshape(c, -1)
        out[:, oy, ox] = window.max(axis=1) if pool["kind"] == "maxpool" else window.sum(axis=1) / (k * k)
    return out


def pool_backward(pool, error, h):
    k, p = pool["kernel"], pool["padding"]
    c = h.shape[0]
    hp = np.pad(h, ((0, 0), (p, p), (p, p)), constant_values=-np.inf if pool["kind"] == "maxpool" else 0)
    gp = np.zeros_like(hp)
    for oy, ox, ys, xs in windows(pool, h.shape):
        if pool["kind"] == "maxpool":
            first = hp[:, ys, xs].reshape(c, -1).argmax(axis=1)  # the first largest value
            gp[np.arange(c), ys.start + first // k, xs.start + first % k] += error[:, oy, ox]
        else:
            gp[:, ys, xs] += error[:, oy, ox][:, None, None] / (k * k)
    return gp[:, p:p + h.shape[1], p:p + h.shape[2]]


def conv_feedback(bc, g):
    """A convolutional feedback: g (the source's delta map) resized by nearest neighbour to the target's
    height and width, convolved with the OIHW kernels (stride 1, 'same' padding, dilation, groups), and
    the output channels shuffled (reshape (G, C/G), transpose, flatten)."""
    cs, hs, ws = bc["sourceShape"]
    ct, ht, wt = bc["targetShape"]
    g = g.reshape(cs, hs, ws)
    resized = g[:, (np.arange(ht) * hs) // ht][:, :, (np.arange(wt) * ws) // wt]
    layer = {"W": bc["kernels"], "k": bc["kernels"].shape[2], "stride": 1, "padding": bc["padding"],
             "dilation": bc["dilation"], "groups": bc["groups"]}
    out = conv_forward(layer, resized)
    groups = bc["groups"]
    shuffled = np.zeros_like(out)
    for o in range(ct):
        shuffled[(o % (ct // groups)) * groups + o // (ct // groups)] = out[o]
    return shuffled


def projection_input(layer, r, out_shape):
    s = r.shape[1] // out_shape[1] if r.shape[1] >= out_shape[1] else 1
    s = max(1, s)
    return r[:, ::s, ::s][:, :out_shape[1], :out_shape[2]], s


def load(directory):
    manifest = json.loads((directory / "manifest.json").read_text())
    read = lambda entry: np.load(directory / entry["file"]).astype(np.float64)
    layers = []
    for entry in manifest["layers"]:
        layer = {"kind": entry.get("kind", "dense"), "activation": entry["activation"],
                 "trainable": entry["trainable"], "W": read(entry["weightsBefore"]), "c": read(entry["biasesBefore"]),
                 "W_after": read(entry["weightsAfter"]), "c_after": read(entry["biasesAfter"])}
        if layer["kind"] == "conv2d":
            layer.update(k=layer["W"].shape[2], stride=entry["stride"], padding=entry["padding"],
                         dilation=entry["dilation"], groups=entry["groups"], pool=entry.get("pool"),
                         add=entry.get("add"))
            if "projectionBefore" in entry:
                layer["P"] = read(entry["projectionBefore"])
                layer["P_after"] = read(entry["projectionAfter"])
        if "feedback" in entry:
            layer["B"] = read(entry["feedback"])
        if "feedbackConvolution" in entry:
            conv = entry["feedbackConvolution"]
            layer["BC"] = dict(conv, kernels=read(conv["kernels"]))
        if "feedbackSource" in entry:
            source = entry["feedbackSource"]
            layer["source"] = len(manifest["layers"]) if source == "e" else int(source.split()[-1])
        layers.append(layer)
    return manifest, read(manifest["input"]), int(np.load(directory / manifest["label"]["file"])[0]), layers


def step(manifest, x, label, layers):
    L = len(layers)
    h, a, acts = [x], [None], [None]
    for l, layer in enumerate(layers, 1):
        if layer["kind"] == "conv2d":
            below = h[l - 1]
            s = conv_forward(layer, below) + layer["c"][:, None, None]
            if layer["add"] is not None:
                r = h[layer["add"]]
                if "P" in layer:
                    rs, _ = projection_input(layer, r, s.shape)
                    s = s + np.einsum("oc,chw->ohw", layer["P"], rs)
                else:
                    s = s + r
            act = s if l == L else f(layer["activation"], s)
            a.append(s)
            acts.append(act)
            h.append(pool_forward(layer["pool"], act) if layer["pool"] else act)
        else:
            s = layer["W"] @ h[l - 1].reshape(-1) + layer["c"]
            a.append(s)
            acts.append(s)
            h.append(s if l == L else f(layer["activation"], s))
    z = a[L] - a[L].max()
    e = np.exp(z) / np.exp(z).sum()
    e[label] -= 1
    delta = [None] * (L + 1)
    delta[L] = e
    rule_feedback = any("B" in layer or "BC" in layer for layer in layers)
    for l in range(L - 1, 0, -1):
        layer = layers[l - 1]
        if rule_feedback:
            if "BC" in layer:
                error = conv_feedback(layer["BC"], delta[layer["source"]]).reshape(h[l].shape)
            elif "B" not in layer:
                continue
            else:
                error = (layer["B"] @ delta[layer["source"]].reshape(-1)).reshape(h[l].shape)
        else:
            above = layers[l]
            d = delta[l + 1]
            error = (conv_backward(above, d, h[l].shape) if above["kind"] == "conv2d"
                     else (above["W"].T @ d.reshape(-1)).reshape(h[l].shape))
            for m in range(l + 2, L + 1):  # residual adds that read layer l
                adder = layers[m - 1]
                if adder["kind"] == "conv2d" and adder.get("add") == l and delta[m] is not None:
                    if "P" in adder:
                        back = np.zeros(h[l].shape)
                        rs, s = projection_input(adder, h[l], delta[m].shape)
                        back[:, ::s, ::s][:, :rs.shape[1], :rs.shape[2]] += np.einsum("oc,ohw->chw", adder["P"], delta[m])
                        error = error + back
                    else:
                        error = error + delta[m]
        if layer["kind"] == "conv2d" and layer["pool"]:
            error = pool_backward(layer["pool"], error, acts[l])
        delta[l] = error.reshape(a[l].shape) * df(layer["activation"], a[l])
    lr = manifest["learningRate"]
    worst = 0.0
    for l, layer in enumerate(layers, 1):
        if not layer["trainable"] or delta[l] is None:
            expected_W, expected_c = layer["W"], layer["c"]
        elif layer["kind"] == "conv2d":
            expected_W = layer["W"] - lr * conv_gradient(layer, delta[l], h[l - 1])
            expected_c = layer["c"] - lr * delta[l].sum(axis=(1, 2)) if manifest["biases"] else layer["c"]
            if "P" in layer:
                rs, _ = projection_input(layer, h[layer["add"]], delta[l].shape)
                expected_P = layer["P"] - lr * np.einsum("ohw,chw->oc", delta[l], rs)
                worst = max(worst, np.abs(expected_P - layer["P_after"]).max())
        else:
            expected_W = layer["W"] - lr * np.outer(delta[l], h[l - 1].reshape(-1))
            expected_c = layer["c"] - lr * delta[l] if manifest["biases"] else layer["c"]
        diff = max(np.abs(expected_W - layer["W_after"]).max(), np.abs(expected_c - layer["c_after"]).max())
        print(f"layer {l} ({layer['kind']}): largest difference {diff:.3g}")
        worst = max(worst, diff)
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path)
    parser.add_argument("--tolerance", type=float, default=None,
                        help="largest difference allowed (default: 1e-12 for float64 dumps, 1e-6 for float32)")
    args = parser.parse_args()
    manifest, x, label, layers = load(args.dump)
    worst = step(manifest, x, label, layers)
    tolerance = args.tolerance if args.tolerance is not None else (1e-12 if manifest["precision"] == "float64" else 1e-6)
    print(f"{manifest['rule']} ({manifest['precision']}): largest difference {worst:.3g}, tolerance {tolerance:g}")
    sys.exit(0 if worst <= tolerance else 1)


if __name__ == "__main__":
    main()
