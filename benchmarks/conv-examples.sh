#!/usr/bin/env bash
# Wall time, CPU time and peak resident memory of one convolutional example in count mode: vgg16
# under bp, cdfa and dfa on the smallest square arrays of the README's tiles that hold them, and
# alexnet under bp on the default chip. Prints a Markdown table.
#
#   benchmarks/conv-examples.sh
#
# JAR=path runs that jar instead of the launcher (to compare two builds); CONV_MAPPING=NAME adds
# --conv-mapping NAME to every run (copies, single or rows; default: the chip's, copies); TIMEOUT
# (seconds, default 900) bounds each run. The JVM runs on its defaults (no -Xmx), as the README's
# commands do.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
timeout_s="${TIMEOUT:-900}"
if [ -n "${JAR:-}" ]; then nt=(java -Djava.awt.headless=true ${NEUROTILE_JAVA_OPTS:-} -jar "$JAR"); else nt=("$here/../neurotile"); "${nt[@]}" --version >/dev/null; fi
mapping=(); if [ -n "${CONV_MAPPING:-}" ]; then mapping=(--conv-mapping "$CONV_MAPPING"); fi
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT

measure() {  # label, command...: prints "| label | wall s | user s | peak RSS MiB | load |"
  local label=$1; shift
  /usr/bin/time -f '%e %U %M' -o "$out/time" timeout "$timeout_s" "$@" >"$out/stdout" 2>"$out/stderr"
  local status=$?
  if [ $status -eq 124 ]; then printf '| %s | > %s (timeout) | | | |\n' "$label" "$timeout_s"; return; fi
  read -r seconds user kib < <(tail -1 "$out/time")
  if [ $status -ne 0 ]; then printf '| %s | failed (exit %s): %s | | | |\n' "$label" "$status" "$(grep -m1 . "$out/stderr" | cut -c1-80)"; return; fi
  printf '| %s | %s | %s | %d | %s |\n' "$label" "$seconds" "$user" $((kib / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
}

printf '| command | wall s | CPU (user) s | peak RSS MiB | load after |\n|---|---:|---:|---:|---:|\n'
for rule in bp cdfa; do
  measure "vgg16 $rule, 64x64 of 2 MiB" "${nt[@]}" run --workload vgg16 --rule "$rule" --array 64x64 \
    --tile-memory 2MiB "${mapping[@]}" --out "$out/run"
done
measure "vgg16 dfa, 64x64 of 10 MiB" "${nt[@]}" run --workload vgg16 --rule dfa --array 64x64 \
  --tile-memory 10MiB "${mapping[@]}" --out "$out/run"
measure "alexnet bp, default chip" "${nt[@]}" run --workload alexnet --rule bp "${mapping[@]}" --out "$out/run"
