#!/usr/bin/env bash
# Wall time and peak resident memory of `run` and `noc` as the array grows; prints a Markdown table.
#
#   benchmarks/scale.sh [SIZES...]        (default: 32x32 64x64 128x128 256x256)
#
# JAR=path runs that jar instead of the launcher (to compare two builds); TIMEOUT (seconds, default
# 600) bounds each run. `noc` runs one light load point (rate 0.05, 100 warm-up and 1,000 measured
# cycles, one thread) so that the setup and the per-packet cost show, not the length of the window.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(32x32 64x64 128x128 256x256)
timeout_s="${TIMEOUT:-600}"
if [ -n "${JAR:-}" ]; then nt=(java -Djava.awt.headless=true ${NEUROTILE_JAVA_OPTS:-} -jar "$JAR"); else nt=("$here/../neurotile"); "${nt[@]}" --version >/dev/null; fi
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT

measure() {  # label, command...: prints "| label | seconds | peak RSS MiB |"
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$out/time" timeout "$timeout_s" "$@" >"$out/stdout" 2>"$out/stderr"
  local status=$?
  if [ $status -eq 124 ]; then printf '| %s | > %s (timeout) | |\n' "$label" "$timeout_s"; return; fi
  read -r seconds kib < <(tail -1 "$out/time")
  if [ $status -ne 0 ]; then printf '| %s | failed (exit %s): %s | |\n' "$label" "$status" "$(grep -m1 . "$out/stderr" | cut -c1-80)"; return; fi
  printf '| %s | %s | %d |\n' "$label" "$seconds" $((kib / 1024))
}

printf '| command | wall s | peak RSS MiB |\n|---|---:|---:|\n'
for size in "${sizes[@]}"; do
  measure "run --array $size" "${nt[@]}" run --array "$size" --out "$out/run"
done
for size in "${sizes[@]}"; do
  measure "noc --topology mesh:$size" "${nt[@]}" noc --topology "mesh:$size" --rates 0.05 --warmup 100 \
    --measure 1000 --threads 1 --out "$out/noc"
done
