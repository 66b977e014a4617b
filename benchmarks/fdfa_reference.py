"""The directional-DFA authors' fully connected MNIST network in NumPy, to see what neurotile lacks.

    python3 benchmarks/fdfa_reference.py --rule dfa [--batch-norm] [--inputs signed] [--init torch] ...

What the authors train (github.com/Florian-BACHO/FDFA, networks/fc_mnist.py and main.py, with
--n-layers=3): 784-800-800-800-10, each hidden layer Linear, then batch normalisation (learned scale
and shift, batch statistics in training, running statistics with momentum 0.1 at test), then relu;
inputs scaled to [-1, 1] (Normalize(0.5, 0.5)); PyTorch's default start (weights and biases
U[-1/sqrt(fan-in), 1/sqrt(fan-in)]); dfa's feedback U[-sqrt(6/800), sqrt(6/800)] (kaiming_uniform_
of a 10 x 800 matrix); softmax cross-entropy; Adam at 1e-4 (betas 0.9, 0.999, eps 1e-8) on the
mean gradient of batches of 64. dfa replaces the gradient arriving at each hidden layer's output by
e B_l and passes it back through relu and batch normalisation. Each switch turns one piece on, so
that the defaults are neurotile's setting for the same network (no batch normalisation, inputs in
[0, 1], He weights for the hidden layers, Xavier for the output, zero biases). The authors' rate
schedule (StepLR, 0.95 per epoch) is --lr-decay 0.95.

The random draws are NumPy's (one generator seeded by --seed, in a fixed order), not neurotile's
streams: with the defaults it learns as `neurotile train --optimizer adam --lr 0.0001 --batch 64`
does, not bit for bit. One line per epoch: training loss and accuracy, test loss and accuracy.
Set OMP_NUM_THREADS=1 for one core.
"""
import argparse
import gzip
import sys
import time
from pathlib import Path

import numpy as np

SIZES = [784, 800, 800, 800, 10]
HIDDEN = len(SIZES) - 2
BETA1, BETA2, ADAM_EPS = 0.9, 0.999, 1e-8
BN_EPS, BN_MOMENTUM = 1e-5, 0.1


class Failure(Exception):
    """A one-line error for the user."""


def read_idx(directory, stem):
    for name in (stem + ".gz", stem):
        path = directory / name
        if path.is_file():
            raw = (gzip.open if name.endswith(".gz") else open)(path, "rb").read()
            if len(raw) < 4 or raw[:3] != b"\0\0\x08":
                raise Failure(f"--data {directory}: {name} is not an unsigned-byte IDX file")
            dims = [int.from_bytes(raw[4 + 4 * k:8 + 4 * k], "big") for k in range(raw[3])]
            return np.frombuffer(raw, np.uint8, offset=4 + 4 * len(dims)).reshape(dims)
    raise Failure(f"--data {directory}: no {stem} or {stem}.gz")


def load(directory, prefix, signed):
    images = read_idx(directory, f"{prefix}-images-idx3-ubyte")
    labels = read_idx(directory, f"{prefix}-labels-idx1-ubyte").astype(np.int64)
    x = images.reshape(len(images), -1).astype(np.float32) / np.float32(255)
    if x.shape[1] != SIZES[0]:
        raise Failure(f"--data {directory}: images of {x.shape[1]} pixels, the network takes {SIZES[0]}")
    return ((x - 0.5) / 0.5 if signed else x), labels


class Network:
    def __init__(self, args, rng):
        self.args = args
        self.w, self.c = [], []
        for l in range(HIDDEN + 1):
            fan_in, fan_out = SIZES[l], SIZES[l + 1]
            if args.init == "torch":
                bound = bias_bound = 1 / np.sqrt(fan_in)
            else:  # neurotile's by-activation: he for relu layers, xavier for the output
                bound = np.sqrt(6 / fan_in) if l < HIDDEN else np.sqrt(6 / (fan_in + fan_out))
                bias_bound = 0
            self.w.append(rng.uniform(-bound, bound, (fan_out, fan_in)).astype(np.float32))
            self.c.append(rng.uniform(-bias_bound, bias_bound, fan_out).astype(np.float32))
        bound = np.sqrt(6 / SIZES[1])
        self.feedback = [rng.uniform(-bound, bound, (SIZES[-1], SIZES[l + 1])).astype(np.float32)
                         for l in range(HIDDEN)]
        self.scale = [np.ones(SIZES[l + 1], np.float32) for l in range(HIDDEN)]
        self.shift = [np.zeros(SIZES[l + 1], np.float32) for l in range(HIDDEN)]
        self.running_mean = [np.zeros(SIZES[l + 1], np.float32) for l in range(HIDDEN)]
        self.running_var = [np.ones(SIZES[l + 1], np.float32) for l in range(HIDDEN)]
        self.params = self.w + self.c + (self.scale + self.shift if args.batch_norm else [])
        self.m = [np.zeros_like(p) for p in self.params]
        self.v = [np.zeros_like(p) for p in self.params]
        self.t = 0

    def forward(self, x, training):
        """The hidden layers' outputs h (h[0] = x), what each layer keeps for its backward pass, the logits."""
        h, kept = [x], []
        for l in range(HIDDEN):
            z = h[-1] @ self.w[l].T + self.c[l]
            normalised = inverse_std = None
            if self.args.batch_norm:
                if training:
                    mean, var = z.mean(0), z.var(0)
                    n = len(z)
                    self.running_mean[l][:] = (1 - BN_MOMENTUM) * self.running_mean[l] + BN_MOMENTUM * mean
                    self.running_var[l][:] = (1 - BN_MOMENTUM) * self.running_var[l] + BN_MOMENTUM * var * n / (n - 1)
                else:
                    mean, var = self.running_mean[l], self.running_var[l]
                inverse_std = 1 / np.sqrt(var + BN_EPS)
                normalised = (z - mean) * inverse_std
                z = self.scale[l] * normalised + self.shift[l]
            kept.append((z, normalised, inverse_std))
            h.append(np.maximum(z, 0))
        return h, kept, h[-1] @ self.w[-1].T + self.c[-1]

    def step(self, x, labels, rate):
        """One Adam step on the batch's mean gradient; returns the batch's summed loss and correct count."""
        n = len(labels)
        h, kept, logits = self.forward(x, True)
        p = softmax(logits)
        loss = -np.log(p[np.arange(n), labels] + 1e-30).sum()
        correct = (p.argmax(1) == labels).sum()
        e = p
        e[np.arange(n), labels] -= 1
        e /= n
        gw, gc = [None] * (HIDDEN + 1), [None] * (HIDDEN + 1)
        gscale, gshift = [None] * HIDDEN, [None] * HIDDEN
        gw[-1], gc[-1] = e.T @ h[-1], e.sum(0)
        g = e @ self.w[-1]
        for l in reversed(range(HIDDEN)):
            if self.args.rule == "dfa":
                g = e @ self.feedback[l]
            z, normalised, inverse_std = kept[l]
            g = g * (z > 0)
            if self.args.batch_norm:
                gscale[l], gshift[l] = (g * normalised).sum(0), g.sum(0)
                g = g * self.scale[l]
                g = inverse_std / n * (n * g - g.sum(0) - normalised * (g * normalised).sum(0))
            gw[l], gc[l] = g.T @ h[l], g.sum(0)
            g = g @ self.w[l]
        grads = gw + gc + (gscale + gshift if self.args.batch_norm else [])
        self.t += 1
        for p_, g_, m, v in zip(self.params, grads, self.m, self.v):
            m[:] = BETA1 * m + (1 - BETA1) * g_
            v[:] = BETA2 * v + (1 - BETA2) * g_ * g_
            m_hat, v_hat = m / (1 - BETA1 ** self.t), v / (1 - BETA2 ** self.t)
            p_ -= (rate * m_hat / (np.sqrt(v_hat) + ADAM_EPS)).astype(np.float32)
        return loss, correct


def softmax(logits):
    z = np.exp(logits - logits.max(1, keepdims=True))
    return z / z.sum(1, keepdims=True)


def positive(kind):
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a {kind.__name__}")
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be above 0, got {text}")
        return value
    return parse


class Parser(argparse.ArgumentParser):
    def error(self, message):
        print(f"fdfa_reference.py: {message}", file=sys.stderr)
        sys.exit(2)


def main():
    parser = Parser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rule", choices=["bp", "dfa"], required=True)
    parser.add_argument("--batch-norm", action="store_true", help="batch normalisation before each hidden relu")
    parser.add_argument("--inputs", choices=["unit", "signed"], default="unit",
                        help="pixels in [0, 1] (default) or (x - 0.5) / 0.5, in [-1, 1] (the authors')")
    parser.add_argument("--init", choices=["neurotile", "torch"], default="neurotile",
                        help="neurotile's by-activation start with zero biases (default) or PyTorch's")
    parser.add_argument("--epochs", type=positive(int), default=30)
    parser.add_argument("--lr", type=positive(float), default=1e-4)
    parser.add_argument("--lr-decay", type=positive(float), default=1.0, help="rate factor per epoch")
    parser.add_argument("--batch", type=positive(int), default=64)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/mnist-10k"))
    args = parser.parse_args()
    try:
        x_train, y_train = load(args.data, "train", args.inputs == "signed")
        x_test, y_test = load(args.data, "t10k", args.inputs == "signed")
    except Failure as failure:
        print(f"fdfa_reference.py: {failure}", file=sys.stderr)
        sys.exit(2)
    rng = np.random.default_rng(args.seed)
    network = Network(args, rng)
    print("epoch        lr  trainLoss   trainAcc   testLoss    testAcc  seconds")
    for epoch in range(1, args.epochs + 1):
        start = time.time()
        rate = args.lr * args.lr_decay ** (epoch - 1)
        order = rng.permutation(len(y_train))
        loss = correct = 0
        for first in range(0, len(order), args.batch):
            batch = order[first:first + args.batch]
            batch_loss, batch_correct = network.step(x_train[batch], y_train[batch], rate)
            loss, correct = loss + batch_loss, correct + batch_correct
        p = softmax(network.forward(x_test, False)[2])
        test_loss = -np.log(p[np.arange(len(y_test)), y_test] + 1e-30).mean()
        print(f"{epoch:5d} {rate:9.3e} {loss / len(y_train):10.4f} {correct / len(y_train):10.4f} "
              f"{test_loss:10.4f} {(p.argmax(1) == y_test).mean():10.4f} {time.time() - start:8.1f}", flush=True)


if __name__ == "__main__":
    main()
