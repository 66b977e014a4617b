#!/usr/bin/env bash
# One training epoch of neurotile beside the same epoch in NumPy (float32, OpenBLAS or whatever BLAS
# NumPy was built with), back to back on this machine, and the host's matrix-multiply roof measured
# in the same run. Progress goes to stderr; at the end a Markdown table goes to stdout: seconds per
# epoch, numpy s / neurotile s (>= 1.0: neurotile is at least as fast), the share of the roof each
# reaches in MACs per second (MACs of `neurotile run` per training example, the forward pass's per
# test example), and the test accuracy of both after the epoch (they must learn alike).
#
#   benchmarks/numpy-vs-neurotile.sh [--quick] [--workload mnist-fc,cifar10-fc] [--rule bp,dfa]
#                                    [--batch 1,32] [--optimizer sgd,momentum,adam] [--numpy-threads 1,2]
#                                    [--data DIR] [--seed N] [--epochs N] [--arithmetic fixed,fast]
#                                    [--threads N]
#
# neurotile's seconds are the epoch's own (history.csv's wallSeconds: the training steps and the test
# evaluation, not the JVM's start); NumPy's cover the same loop and evaluation. mnist-fc trains on
# the MNIST sample (--data, default /work/shared/data/mnist-10k); cifar10-fc has no data here, so
# both sides train on synthetic class clusters of the right shape (neurotile's --data clusters; NumPy
# draws its own of the same kind). Learning rates: sgd 0.01, momentum 0.001 (mu 0.9), adam 0.001.
# Examples (train + test): mnist-fc 8,000 + 2,000, cifar10-fc 1,000 + 250; --quick: 2,000 + 500 and
# 200 + 50. The roof is NumPy's float32 forward products on the network's layers (W x at batch 1;
# at batch B the faster of H W^T and W H^T, the batch stored by example and by unit), measured
# before every row at each NumPy thread count; the table uses the best. Each OpenBLAS (NumPy's own
# and the system's that neurotile loads) picks its kernels by CPU unless OPENBLAS_CORETYPE names
# them for both (e.g. Haswell: AVX2, SkylakeX: AVX-512).
# --epochs N runs N epochs on both sides and sums their seconds (neurotile's first includes the JIT's
# warm-up; the last epoch's are shown apart); --arithmetic fixed,fast measures neurotile in each
# (fast: the system's BLAS, OpenBLAS with one thread per call unless OPENBLAS_NUM_THREADS says
# otherwise); --threads N is neurotile's --threads (default: its own, the available processors).
# NumPy runs once per --numpy-threads count (OpenBLAS; default 1 and 2 on a machine of 2 or more).
# JAR=path measures that jar instead of this tree's (built by ./neurotile when sources changed);
# NEUROTILE_JAVA_OPTS is passed to java.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for arg in "$@"; do
  if [ "$arg" = -h ] || [ "$arg" = --help ]; then
    sed -n '2,/^set /p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    exec python3 "$here/numpy_vs_neurotile.py" --jar none --help
  fi
done
command -v java >/dev/null || { echo "numpy-vs-neurotile: java is not on the PATH" >&2; exit 2; }
python3 -c 'import numpy' 2>/dev/null || { echo "numpy-vs-neurotile: python3 with numpy is needed (python3 -c 'import numpy' failed)" >&2; exit 2; }
if [ -n "${JAR:-}" ]; then
  [ -f "$JAR" ] || { echo "numpy-vs-neurotile: JAR=$JAR is not a file" >&2; exit 2; }
  jar="$JAR"
else
  "$here/../neurotile" --version >/dev/null  # builds the jar when sources changed
  jar="$here/../src/target/neurotile-app.jar"
fi
exec python3 "$here/numpy_vs_neurotile.py" --jar "$jar" "$@"
