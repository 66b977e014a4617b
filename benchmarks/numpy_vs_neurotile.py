"""One training epoch in neurotile and in NumPy, back to back, beside the host's matrix-multiply roof.

Run through numpy-vs-neurotile.sh (which finds the jar); `python3 numpy_vs_neurotile.py --help` lists
the options. The NumPy side is the functional step of docs/file-formats.md in float32: relu hidden
layers, softmax cross-entropy, bp or dfa (feedback B_l of n_l x n_L), the optimizer of
neuron-model's optim package, one step per minibatch with the batch's mean gradient, He (relu) and
Xavier (output) initial weights, zero biases, crafton feedback (docs/initialisation.md). Its random
draws are NumPy's, not neurotile's streams: the two sides learn alike, not bit for bit.
"""
import argparse
import csv
import ctypes
import gzip
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

NETWORKS = {"mnist-fc": [784, 400, 10], "cifar10-fc": [3072, 1000, 1000, 1000, 10]}
RULES = ["bp", "dfa"]
OPTIMIZERS = ["sgd", "momentum", "adam"]
# momentum at 0.001 with mu = 0.9 takes SGD's 0.01 steps once its velocity settles; adam: its default
RATES = {"sgd": 0.01, "momentum": 0.001, "adam": 0.001}
MU, BETA1, BETA2, EPSILON = 0.9, 0.9, 0.999, 1e-8
CLUSTER_NOISE = 1.0  # neurotile's DataSelection.CLUSTER_NOISE
# (train, test) examples: mnist-fc uses the sample's 8,000 and 2,000; cifar10-fc has no data here
EXAMPLES = {"full": {"mnist-fc": (8000, 2000), "cifar10-fc": (1000, 250)},
            "quick": {"mnist-fc": (2000, 500), "cifar10-fc": (200, 50)}}
F32 = np.float32


class Failure(Exception):
    """A one-line error for the user."""


# ---------------------------------------------------------------- data

def read_idx(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        raw = f.read()
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] != 8:
        raise Failure(f"{path}: not an unsigned-byte IDX file")
    dims = [int.from_bytes(raw[4 + 4 * k:8 + 4 * k], "big") for k in range(raw[3])]
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * len(dims))
    if data.size != int(np.prod(dims)):
        raise Failure(f"{path}: {data.size} values where the header says {dims}")
    return data.reshape(dims)


def idx_file(directory, stem):
    for name in (stem, stem + ".gz"):
        if (directory / name).is_file():
            return directory / name
    raise Failure(f"--data {directory}: no {stem} or {stem}.gz")


def mnist(directory, train_n, test_n):
    split = []
    for prefix, n in (("train", train_n), ("t10k", test_n)):
        images = read_idx(idx_file(directory, f"{prefix}-images-idx3-ubyte"))
        labels = read_idx(idx_file(directory, f"{prefix}-labels-idx1-ubyte"))
        if n > len(labels):
            raise Failure(f"--data {directory}: {prefix} has {len(labels)} examples, {n} asked")
        split.append((images[:n].reshape(n, -1).astype(F32) / F32(255), labels[:n].astype(np.int64)))
    return split


def clusters(sizes, train_n, test_n, rng):
    """neurotile's --data clusters in kind: class centres N(0, 1), examples centre + N(0, noise)."""
    n0, classes = sizes[0], sizes[-1]
    centres = rng.standard_normal((classes, n0))
    split = []
    for n in (train_n, test_n):
        labels = rng.integers(0, classes, n)
        inputs = (centres[labels] + CLUSTER_NOISE * rng.standard_normal((n, n0))).astype(F32)
        split.append((inputs, labels))
    return split


# ---------------------------------------------------------------- training

class Net:
    def __init__(self, sizes, rule, optimizer, lr, batch, rng):
        self.rule, self.optimizer, self.lr, self.batch = rule, optimizer, F32(lr), batch
        self.layers = len(sizes) - 1
        self.w, self.c, self.b = [], [], []
        for l in range(self.layers):
            fan_in, fan_out = sizes[l], sizes[l + 1]
            last = l == self.layers - 1
            bound = np.sqrt(6 / (fan_in + fan_out)) if last else np.sqrt(6 / fan_in)  # xavier / he
            self.w.append(rng.uniform(-bound, bound, (fan_out, fan_in)).astype(F32))
            self.c.append(np.zeros(fan_out, F32))
            bound = 1 / np.sqrt(fan_out)  # crafton dense feedback, n_l x n_L
            self.b.append(None if last else rng.uniform(-bound, bound, (fan_out, sizes[-1])).astype(F32))
        self.params = [p for pair in zip(self.w, self.c) for p in pair]
        self.grads = [np.empty_like(p) for p in self.params]
        self.tmp = [np.empty_like(p) for p in self.params]
        self.state = [[np.zeros_like(p) for p in self.params] for _ in range({"sgd": 0, "momentum": 1, "adam": 2}[optimizer])]
        self.t = 0

    def forward(self, x):
        """x: (n0,) at batch 1, (B, n0) otherwise; returns the layers' inputs h and pre-activations a."""
        h, pre = [x], []
        for l in range(self.layers):
            a = (self.w[l] @ h[-1] if x.ndim == 1 else h[-1] @ self.w[l].T) + self.c[l]
            pre.append(a)
            h.append(np.maximum(a, F32(0)) if l < self.layers - 1 else a)
        return h, pre

    @staticmethod
    def softmax(a):
        z = np.exp(a - a.max(axis=-1, keepdims=True))
        return z / z.sum(axis=-1, keepdims=True)

    def step(self, x, y):
        """One optimizer step on an example (x 1-D, y an int) or a batch; returns (loss sum, correct)."""
        h, pre = self.forward(x)
        p = self.softmax(pre[-1])
        rows = np.arange(len(y)) if x.ndim == 2 else 0
        loss = -np.log(np.maximum(p[rows, y] if x.ndim == 2 else p[y], F32(1e-30))).sum()
        correct = (p.argmax(axis=-1) == y).sum()
        e = p
        if x.ndim == 2:
            e[rows, y] -= 1
        else:
            e[y] -= 1
        delta = [None] * self.layers
        delta[-1] = e
        for l in range(self.layers - 2, -1, -1):
            if self.rule == "bp":
                back = self.w[l + 1].T @ delta[l + 1] if x.ndim == 1 else delta[l + 1] @ self.w[l + 1]
            else:
                back = self.b[l] @ e if x.ndim == 1 else e @ self.b[l].T
            delta[l] = back * (pre[l] > 0)
        scale = F32(1 / len(y)) if x.ndim == 2 else F32(1)
        for l in range(self.layers):
            gw, gc = self.grads[2 * l], self.grads[2 * l + 1]
            if x.ndim == 1:
                np.multiply.outer(delta[l], h[l], out=gw)
                gc[...] = delta[l]
            else:
                np.matmul((delta[l] * scale).T, h[l], out=gw)
                np.sum(delta[l], axis=0, out=gc)
                gc *= scale
        self.update()
        return float(loss), int(correct)

    def update(self):
        lr = self.lr
        if self.optimizer == "adam":
            self.t += 1
            lr = F32(self.lr * np.sqrt(1 - BETA2 ** self.t) / (1 - BETA1 ** self.t))
        for k, (w, g, tmp) in enumerate(zip(self.params, self.grads, self.tmp)):
            if self.optimizer == "sgd":
                g *= lr
                w -= g
            elif self.optimizer == "momentum":  # v = mu v + g; w -= lr v
                v = self.state[0][k]
                v *= F32(MU)
                v += g
                np.multiply(v, lr, out=tmp)
                w -= tmp
            else:  # m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; w -= lr_t m / (sqrt(v) + eps)
                m, v = self.state[0][k], self.state[1][k]
                m *= F32(BETA1)
                np.multiply(g, F32(1 - BETA1), out=tmp)
                m += tmp
                v *= F32(BETA2)
                np.multiply(g, g, out=tmp)
                tmp *= F32(1 - BETA2)
                v += tmp
                np.sqrt(v, out=tmp)
                tmp += F32(EPSILON)
                np.divide(m, tmp, out=tmp)
                tmp *= lr
                w -= tmp

    def evaluate(self, x, y):
        correct = 0
        for n in range(0, len(y), self.batch):
            xs = x[n] if self.batch == 1 else x[n:n + self.batch]
            correct += int((self.forward(xs)[1][-1].argmax(axis=-1) == y[n:n + self.batch]).sum())
        return correct / len(y)


def numpy_epochs(sizes, rule, optimizer, batch, data, seed, epochs):
    """`epochs` epochs from a fresh network: the seconds of all, of the last, and the last test accuracy."""
    rng = np.random.default_rng(seed)
    (x, y), (tx, ty) = data
    net = Net(sizes, rule, optimizer, RATES[optimizer], batch, rng)
    seconds = []
    for _ in range(epochs):
        order = rng.permutation(len(y))
        start = time.perf_counter()
        loss = correct = 0
        for n in range(0, len(order), batch):
            if batch == 1:
                l, c = net.step(x[order[n]], int(y[order[n]]))
            else:
                idx = order[n:n + batch]
                l, c = net.step(x[idx], y[idx])
            loss, correct = loss + l, correct + c
        accuracy = net.evaluate(tx, ty)
        seconds.append(time.perf_counter() - start)
        if not np.isfinite(loss):
            raise Failure(f"numpy {rule} {optimizer} batch {batch}: the loss became {loss}")
    return {"seconds": sum(seconds), "lastSeconds": seconds[-1], "testAccuracy": accuracy}


# ---------------------------------------------------------------- the roof

def roof_macs_per_second(sizes, batch, budget_s=0.15, repeats=4):
    """Best MACs/s of the forward products over the layers: W x (matrix-vector) at batch 1; at B, the
    better of H W^T (the batch by example, as NumPy code writes it) and W H^T (by unit, as neurotile
    stores it), which OpenBLAS's kernels run at different speeds."""
    if batch == 1:
        return roof_of(sizes, batch, False, budget_s, repeats)
    return max(roof_of(sizes, batch, by_unit, budget_s, repeats) for by_unit in (False, True))


def roof_of(sizes, batch, by_unit, budget_s, repeats):
    rng = np.random.default_rng(0)
    ws = [rng.standard_normal((sizes[l + 1], sizes[l])).astype(F32) for l in range(len(sizes) - 1)]
    shape = lambda n: n if batch == 1 else (n, batch) if by_unit else (batch, n)
    xs = [rng.standard_normal(shape(sizes[l])).astype(F32) for l in range(len(sizes) - 1)]
    outs = [np.empty(shape(sizes[l + 1]), F32) for l in range(len(sizes) - 1)]
    macs = batch * sum(w.size for w in ws)

    def once():
        for w, x, o in zip(ws, xs, outs):
            np.matmul(w, x, out=o) if batch == 1 or by_unit else np.matmul(x, w.T, out=o)

    once()
    t = time.perf_counter()
    reps = 0
    while time.perf_counter() - t < 0.05:
        once()
        reps += 1
    per = max(1, int(reps * budget_s / 0.05))
    best = 0.0
    for _ in range(repeats):
        t = time.perf_counter()
        for _ in range(per):
            once()
        best = max(best, macs * per / (time.perf_counter() - t))
    return best


# ---------------------------------------------------------------- neurotile

def neurotile(cmd, args, out):
    # as ./neurotile starts it: OpenBLAS (--arithmetic fast) one thread per call, --threads deciding the rest
    env = dict(os.environ, OPENBLAS_NUM_THREADS=os.environ.get("OPENBLAS_NUM_THREADS", "1"))
    result = subprocess.run(cmd + args + ["--out", str(out)], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        lines = [l for l in (result.stderr + result.stdout).splitlines()
                 if l.strip() and not l.startswith("WARNING: Using incubator modules")]
        return lines[0][:160] if lines else f"exit status {result.returncode}"
    return None


def macs_per_example(cmd, workload, rule, work):
    """Training MACs of one example (forward, error, update) and the forward pass's, from `neurotile run`."""
    out = work / f"run-{workload}-{rule}"
    error = neurotile(cmd, ["run", "--workload", workload, "--rule", rule], out)
    if error:
        raise Failure(f"neurotile run --workload {workload} --rule {rule} failed: {error}")
    result = json.loads((out / "result.json").read_text())
    return result["totals"]["macs"], result["byPhase"]["forward"]["macs"]


def neurotile_epochs(cmd, workload, rule, optimizer, batch, train_n, test_n, data_arg, out, epochs, arithmetic,
                     threads):
    args = ["train", "--workload", workload, "--rule", rule, "--optimizer", optimizer, "--lr", str(RATES[optimizer]),
            "--batch", str(batch), "--epochs", str(epochs), "--data", data_arg, "--arithmetic", arithmetic,
            "--train-examples", str(train_n), "--test-examples", str(test_n)]
    if threads is not None:
        args += ["--threads", str(threads)]
    error = neurotile(cmd, args, out)
    if error:
        return {"error": error}
    with open(out / "history.csv") as f:
        rows = list(csv.DictReader(f))
    seconds = [float(row["wallSeconds"]) for row in rows]
    return {"seconds": sum(seconds), "lastSeconds": seconds[-1], "testAccuracy": float(rows[-1]["testAccuracy"])}


# ---------------------------------------------------------------- the machine

def openblas():
    """NumPy's OpenBLAS library (to read and set its thread count), or None for another BLAS."""
    try:
        path = next(line.split()[-1] for line in open("/proc/self/maps") if "openblas" in line and ".so" in line)
        return ctypes.CDLL(path)
    except (StopIteration, OSError):
        return None


def blas_function(lib, names, restype=ctypes.c_int):
    for name in names:
        if lib is not None and hasattr(lib, name):
            function = getattr(lib, name)
            function.restype = restype
            return function
    return None


def blas_threads(lib):
    get = blas_function(lib, ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_",
                              "openblas_get_num_threads"))
    return get() if get else None


def set_blas_threads(lib, threads):
    set_ = blas_function(lib, ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_",
                               "openblas_set_num_threads"), None)
    if set_ is None:
        raise Failure("--numpy-threads: NumPy's BLAS is not OpenBLAS, its threads cannot be set here "
                      "(leave the option out and set the BLAS's own environment variable)")
    set_(ctypes.c_int(threads))
    if blas_threads(lib) != threads:
        raise Failure(f"--numpy-threads {threads}: OpenBLAS runs {blas_threads(lib)} threads at most here")


def numpy_core(lib):
    """The kernels NumPy's OpenBLAS chose (its core's name), or None."""
    corename = blas_function(lib, ("scipy_openblas_get_corename64_", "openblas_get_corename64_",
                                   "openblas_get_corename"), ctypes.c_char_p)
    core = corename() if corename else None
    return core.decode() if core else None


def blas_description(lib):
    info = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    return (f"{info.get('name', '?')} {info.get('version', '?')}, kernel {numpy_core(lib) or '?'}, "
            f"{blas_threads(lib)} threads by default")


def cpu_model():
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        return next(l.split(":", 1)[1].strip() for l in out.splitlines() if l.startswith("Model name"))
    except (OSError, StopIteration):
        return platform.processor() or "?"


# ---------------------------------------------------------------- main

def choices(text, valid, option):
    values = [v.strip() for v in text.split(",") if v.strip()]
    for v in values:
        if v not in valid:
            raise Failure(f"{option} {v}: valid values are {', '.join(map(str, valid))}")
    return values


class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise Failure(message + " (--help lists the options)")


def parse(argv):
    p = Parser(prog="numpy-vs-neurotile.sh", description=__doc__.split("\n\n")[0])
    p.add_argument("--workload", default="mnist-fc,cifar10-fc", help="mnist-fc, cifar10-fc, comma-separated")
    p.add_argument("--rule", default="bp,dfa", help="bp, dfa, comma-separated")
    p.add_argument("--batch", default="1,32", help="batch sizes, comma-separated (default 1,32)")
    p.add_argument("--optimizer", default=",".join(OPTIMIZERS), help="sgd, momentum, adam, comma-separated")
    p.add_argument("--quick", action="store_true", help="fewer examples: mnist-fc 2,000 + 500, cifar10-fc 200 + 50 "
                   "(default: mnist-fc 8,000 + 2,000, cifar10-fc 1,000 + 250)")
    p.add_argument("--data", default="/work/shared/data/mnist-10k", help="MNIST IDX directory for mnist-fc")
    p.add_argument("--seed", type=int, default=1, help="seed of both sides (default 1)")
    p.add_argument("--jar", required=True, help="the neurotile application jar (numpy-vs-neurotile.sh gives it)")
    p.add_argument("--numpy-threads", default=None, help="NumPy's OpenBLAS threads, comma-separated: one NumPy "
                   "run each (default 1,2)")
    p.add_argument("--java", default="java", help="the java command (default java)")
    p.add_argument("--epochs", type=int, default=1, help="epochs on both sides; the seconds are their sum, and the "
                   "last epoch's are shown apart (neurotile's first epoch includes the JIT's warm-up) (default 1)")
    p.add_argument("--arithmetic", default="fixed", help="neurotile's --arithmetic: fixed, fast, comma-separated "
                   "(default fixed)")
    p.add_argument("--threads", type=int, default=None, help="neurotile's --threads (default: its own, the "
                   "available processors)")
    args = p.parse_args(argv)
    args.workloads = choices(args.workload, list(NETWORKS), "--workload")
    if "mnist-fc" in args.workloads:
        for prefix in ("train", "t10k"):
            for kind in ("images-idx3", "labels-idx1"):
                idx_file(Path(args.data), f"{prefix}-{kind}-ubyte")
    args.rules = choices(args.rule, RULES, "--rule")
    args.arithmetics = choices(args.arithmetic, ["fixed", "fast"], "--arithmetic")
    if args.epochs < 1:
        raise Failure(f"--epochs {args.epochs}: give a positive whole number")
    if args.threads is not None and args.threads < 1:
        raise Failure(f"--threads {args.threads}: give a positive whole number")
    args.optimizers = choices(args.optimizer, OPTIMIZERS, "--optimizer")
    try:
        args.batches = [int(b) for b in args.batch.split(",") if b.strip()]
    except ValueError:
        raise Failure(f"--batch {args.batch}: give positive whole numbers, comma-separated")
    if not args.batches or min(args.batches) < 1:
        raise Failure(f"--batch {args.batch}: give positive whole numbers, comma-separated")
    if args.numpy_threads is not None:
        text = args.numpy_threads
        try:
            args.numpy_threads = [int(t) for t in text.split(",") if t.strip()]
        except ValueError:
            args.numpy_threads = []
        if not args.numpy_threads or min(args.numpy_threads) < 1:
            raise Failure(f"--numpy-threads {text}: give positive whole numbers, comma-separated")
    return args


def fmt(x, spec):
    return "-" if x is None else format(x, spec)


def main(argv):
    args = parse(argv)
    # as ./neurotile starts train: with the Vector API module, whose products keep the same bits, the JIT's
    # profiling tier kept (Tier3DelayOn), a second last-tier compiler thread below four processors, and
    # its collector
    jit = ["-XX:CICompilerCount=3"] if (os.cpu_count() or 1) < 4 else []
    cmd = ([args.java, "-Djava.awt.headless=true", "--add-modules", "jdk.incubator.vector",
            "-XX:Tier3DelayOn=100000"] + jit + ["-XX:+UseParallelGC", "-Xmn64m"]
           + os.environ.get("NEUROTILE_JAVA_OPTS", "").split() + ["-jar", args.jar])
    mode = "quick" if args.quick else "full"
    lib = openblas()
    threads = args.numpy_threads or ([1, 2] if lib is not None and (os.cpu_count() or 1) >= 2 else [None])
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {cpu_model()}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f}", flush=True)
    core = os.environ.get("OPENBLAS_CORETYPE")
    print(f"# NumPy {np.__version__}, BLAS {blas_description(lib)}; NumPy runs with "
          + ", ".join("its default threads" if t is None else f"{t} BLAS thread{'s' * (t > 1)}" for t in threads)
          + f"; neurotile {Path(args.jar).name}; OpenBLAS kernels "
          + (f"OPENBLAS_CORETYPE={core} on both sides" if core else "of each library's choice")
          + f"; {mode} mode", flush=True)
    table = Table(threads)
    try:
        run(args, cmd, mode, lib, threads, table)
    except KeyboardInterrupt:
        print("# interrupted: the rows measured so far", flush=True)
        table.print()
        raise
    table.print()


def run(args, cmd, mode, lib, threads, table):
    with tempfile.TemporaryDirectory(prefix="numpy-vs-neurotile-") as tmp:
        work = Path(tmp)
        for workload in args.workloads:
            sizes = NETWORKS[workload]
            train_n, test_n = EXAMPLES[mode][workload]
            if workload == "mnist-fc":
                data = mnist(Path(args.data), train_n, test_n)
                data_arg, data_note = args.data, f"the MNIST sample, {train_n} + {test_n}"
            else:
                data = clusters(sizes, train_n, test_n, np.random.default_rng(args.seed))
                data_arg, data_note = "clusters", f"synthetic clusters, {train_n} + {test_n}"
            roofs = {}
            table.workloads.append((workload, sizes, data_note, roofs))
            for rule in args.rules:
                macs, forward = macs_per_example(cmd, workload, rule, work)
                if forward != sum(sizes[l] * sizes[l + 1] for l in range(len(sizes) - 1)):
                    raise Failure(f"neurotile's {workload} is not {'-'.join(map(str, sizes))}: update NETWORKS")
                epoch_macs = (train_n * macs + test_n * forward) * args.epochs
                for batch in args.batches:
                    for optimizer in args.optimizers:
                        for t in threads:  # the best of the run: measured before each row
                            if t is not None:
                                set_blas_threads(lib, t)
                            roofs[(batch, t)] = max(roofs.get((batch, t), 0), roof_macs_per_second(sizes, batch))
                        npy = []
                        for t in threads:
                            if t is not None:
                                set_blas_threads(lib, t)
                            try:
                                npy.append(numpy_epochs(sizes, rule, optimizer, batch, data, args.seed, args.epochs))
                            except Failure as failure:
                                npy.append({"error": str(failure)})
                        for arithmetic in args.arithmetics:
                            out = work / f"train-{workload}-{rule}-{optimizer}-{batch}-{arithmetic}"
                            nt = neurotile_epochs(cmd, workload, rule, optimizer, batch, train_n, test_n, data_arg,
                                                  out, args.epochs, arithmetic, args.threads)
                            table.rows.append((workload, rule, optimizer, batch, arithmetic, nt, npy, epoch_macs))
                            print(f"{workload} {rule} {optimizer} batch {batch} {arithmetic}: neurotile "
                                  f"{fmt(nt.get('seconds'), '.2f')} s, numpy "
                                  + ", ".join(fmt(d.get("seconds"), ".2f") for d in npy) + " s",
                                  file=sys.stderr, flush=True)


class Table:
    """The rows of the run, printed at its end against the best roof the run measured."""

    def __init__(self, threads):
        self.threads = threads
        self.workloads = []  # (workload, sizes, data note, {(batch, threads): MACs/s})
        self.rows = []

    def print(self):
        for workload, sizes, note, roofs in self.workloads:
            print(f"# {workload} {'-'.join(map(str, sizes))} on {note} examples; NumPy roof, G MAC/s of the forward "
                  "products (matrix-vector at batch 1, either layout of the batch), best of the run: " + ", ".join(
                      f"batch {b}{'' if t is None else f' {t} thr'} {r / 1e9:.2f}" for (b, t), r in sorted(
                          roofs.items(), key=lambda item: (item[0][0], item[0][1] or 0))))
        numpy = "".join(f" numpy s{'' if t is None else f', {t} thr'} | numpy/neurotile |" for t in self.threads)
        print(f"| workload | rule | optimizer | batch | arithmetic | neurotile s | neurotile s, last epoch |{numpy} "
              "roof share neurotile | roof share numpy (best) | test accuracy neurotile / numpy |")
        print("|---|---|---|---:|---|---:|---:|" + "---:|---:|" * len(self.threads) + "---:|---:|---|")
        for row in self.rows:
            roofs = next(r for w, _, _, r in self.workloads if w == row[0])
            print(self.line(*row, max(r for (b, _), r in roofs.items() if b == row[3])), flush=True)

    @staticmethod
    def line(workload, rule, optimizer, batch, arithmetic, nt, npy, macs, roof):
        ts = nt.get("seconds")
        cells = [workload, rule, optimizer, str(batch), arithmetic, fmt(ts, ".2f"), fmt(nt.get("lastSeconds"), ".2f")]
        for d in npy:
            ns = d.get("seconds")
            cells += [fmt(ns, ".2f"), fmt(ns / ts if ts and ns else None, ".2f")]
        best = min((d["seconds"] for d in npy if "seconds" in d), default=None)
        cells += [fmt(macs / ts / roof if ts else None, ".3f"), fmt(macs / best / roof if best else None, ".3f")]
        accuracy = lambda d: fmt(100 * d["testAccuracy"], ".1f") + " %" if "testAccuracy" in d else "-"
        notes = [f"neurotile: {nt['error']}"] if "error" in nt else []
        notes += [f"numpy: {d['error']}" for d in npy if "error" in d]
        cells.append(accuracy(nt) + " / " + ", ".join(accuracy(d) for d in npy) + "".join(f" ({n})" for n in notes))
        return "| " + " | ".join(cells) + " |"


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # a killed run still prints its rows
    try:
        main(sys.argv[1:])
    except Failure as failure:
        print(f"numpy-vs-neurotile: {failure}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
