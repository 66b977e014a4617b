#!/usr/bin/env bash
# Runs every bad or edge input listed in cases/*.tsv against the neurotile launcher and prints the
# table of docs/reliability.md: what each case did (exit status, the first line it printed on
# stderr, whether a stack trace appeared, whether a user's files survived byte for byte).
#
#   docs/reliability/run-cases.sh [CASES.tsv ...] > table.md
#
# A case file has one case per line, tab-separated: id, what it tries, expected exit status, and
# a bash command run in a fresh directory W holding a tree of user files (W/user/...). In the
# command, $NT is the neurotile launcher, $DATA the MNIST sample directory (cases that need it are
# skipped when it is absent) and $W the case's directory. Lines starting with # are comments.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export NT="$root/neurotile"
export DATA="${NEUROTILE_DATA:-$root/../shared/data/mnist-10k}"
"$NT" --version >/dev/null || { echo "run-cases: cannot start $NT" >&2; exit 1; }
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$here"/cases/*.tsv)

userTree() {  # a small tree of a user's files that no case may change
  mkdir -p "$1/user/thesis" "$1/user/src"
  printf 'chapter one\n' >"$1/user/thesis/main.tex"
  printf 'int main() { return 0; }\n' >"$1/user/src/main.c"
  printf 'notes\n' >"$1/user/notes.txt"
}
digest() { (cd "$1" && find user -type f -print0 | sort -z | xargs -0 sha256sum 2>/dev/null | sha256sum); }

printf '| id | case | exit (expected) | stack trace | user files | first line on stderr |\n'
printf '|---|---|---:|---|---|---|\n'
pass=0; fail=0
for file in "${files[@]}"; do
  while IFS=$'\t' read -r id what expected command; do
    [ -z "${id// }" ] || [ "${id:0:1}" = "#" ] && continue
    if [[ "$command" == *'$DATA'* ]] && [ ! -d "$DATA" ]; then
      printf '| %s | %s | skipped (no data) | | | |\n' "$id" "$what"; continue
    fi
    W="$(mktemp -d)"; export W; userTree "$W"; before="$(digest "$W")"
    (cd "$W" && timeout 600 bash -c "$command") >"$W.out" 2>"$W.err" </dev/null
    status=$?
    trace=no; grep -qE '^\s+at [a-zA-Z0-9_.$]+\(|Exception in thread|Error:' "$W.err" && trace=YES
    kept=intact; [ "$before" = "$(digest "$W")" ] || kept=CHANGED
    # the JVM's notice of the Vector API module (train loads it) comes before neurotile's own line
    first="$(grep -v '^WARNING: Using incubator modules' "$W.err" | grep -m1 . | cut -c1-220 | sed 's/|/\\|/g')"
    ok=yes; { [ "$status" = "$expected" ] && [ $trace = no ] && [ $kept = intact ]; } || ok=no
    if [ $ok = yes ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
    printf '| %s | %s | %s (%s)%s | %s | %s | %s |\n' "$id" "$what" "$status" "$expected" \
      "$([ $ok = yes ] || echo ' **unexpected**')" "$trace" "$kept" "$first"
    rm -rf "$W" "$W.out" "$W.err"
  done <"$file"
done
printf '\n%d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
