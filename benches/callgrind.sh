#!/usr/bin/env bash
# What the stage costs over a folder of raw stories, counted rather than timed: instructions, and
# misses in a model of this machine's caches (32 KiB L1, 1 MiB L2 as the last level), with
# valgrind's callgrind. The counts are the same from run to run, where wall-clock time on a
# shared 2-core VM moves by a quarter, so they can show a change of 1 % that a timing cannot.
#
#   benches/callgrind.sh DIR                       # the release build in target/
#   WIRESTREAM=/other/build/wirestream benches/callgrind.sh DIR
#
# DIR's inputs are read twice, as `wirestream process` takes them: the second pass finds the
# gazetteer and the automata as a worker does after its first stories. Only
# `StoryStage::process` is counted, not the start-up. Needs valgrind (`apt-get install valgrind`).
#
# Prints one line: instructions, L1 misses, L2 misses and callgrind's cycle estimate,
# instructions + 10 x L1 misses + 100 x L2 misses.
set -euo pipefail
DIR=$(realpath "${1:?usage: benches/callgrind.sh DIR}")
cd "$(dirname "$0")/.."
WIRESTREAM=$(realpath "${WIRESTREAM:-target/release/wirestream}")
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT

inputs=()
for file in "$DIR"/*; do
    case "$file" in
        *.gold.json | *.md | *.py | */manifest.json) ;;
        *) [ -f "$file" ] && inputs+=("$file") ;;
    esac
done
if [ ${#inputs[@]} -eq 0 ]; then
    echo "no inputs in $DIR" >&2
    exit 1
fi
valgrind --tool=callgrind --cache-sim=yes --LL=1048576,16,64 \
    --toggle-collect='wirestream::story::StoryStage::process*' \
    --callgrind-out-file="$OUT" \
    "$WIRESTREAM" process "${inputs[@]}" "${inputs[@]}" >/dev/null 2>&1 || true
awk '/^events:/ { for (i = 2; i <= NF; i++) name[i] = $i }
     /^summary:/ { for (i = 2; i <= NF; i++) count[name[i]] = $i }
     END {
         if (!("Ir" in count)) { print "callgrind counted nothing" > "/dev/stderr"; exit 1 }
         l1 = count["I1mr"] + count["D1mr"] + count["D1mw"]
         l2 = count["ILmr"] + count["DLmr"] + count["DLmw"]
         printf "instructions %d  L1 misses %d  L2 misses %d  cycle estimate %d\n",
             count["Ir"], l1, l2, count["Ir"] + 10 * l1 + 100 * l2
     }' "$OUT"
