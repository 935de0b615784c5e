#!/usr/bin/env bash
# End-to-end benchmark against a real (Tansu) broker on loopback, beside a baseline measured in
# the same run on the same broker: a plain topic-to-topic copy (consumer group, idempotent
# acks=all producer, commits after acknowledgement) — everything wirestream does except the story
# stage and its own bookkeeping.
#
#   benches/e2e.sh                 # N=50000 messages of SIZE=4096 bytes, then a paced latency run
#   N=20000 SIZE=2048 RATE=1000 benches/e2e.sh
#   CORPUS=../shared/corpus benches/e2e.sh     # the corpus's raw inputs in turn, not one story
#   WIRESTREAM=/other/build/wirestream benches/e2e.sh   # another build of the worker
#
# The synthetic stories are all one story (with another headline each), which the worker's
# caches hold; CORPUS gives the varied stories a desk receives, rejections included (a message
# counts as handled once its record or its dead letter is acknowledged).
#
# Prints one JSON object: throughput (msgs/s, MB/s), end-to-end latency p50/p99 at a paced load
# (input timestamp -> broker ack of the output) and peak RSS, for both, and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-50000}
SIZE=${SIZE:-4096}
PACED=${PACED:-6000}
RATE=${RATE:-2000}
PARTITIONS=${PARTITIONS:-4}
CORPUS=${CORPUS:-}

scripts/get-tansu >/dev/null
cargo build --quiet --release --bin wirestream --example wsctl
WIRESTREAM=${WIRESTREAM:-target/release/wirestream}
WSCTL=target/release/examples/wsctl
work=$(mktemp -d); echo "work dir: $work" >&2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
metrics_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BROKERS=127.0.0.1:$port
.tools/tansu broker --listener-url "tcp://$BROKERS" --advertised-listener-url "tcp://$BROKERS" >"$work/tansu.log" 2>&1 &
broker_pid=$!
trap 'kill $broker_pid 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
for _ in $(seq 100); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
for topic in in copy-out out dlq paced-in paced-copy-out paced-out paced-dlq; do
  .tools/tansu topic create "$topic" --partitions "$PARTITIONS" --broker "tcp://$BROKERS" >/dev/null
done

# peak RSS in kB of a finished /usr/bin/time -v run
peak_rss() { awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$1"; }
metric() { curl -fsS "http://127.0.0.1:$metrics_port/metrics" | awk -v m="$1" '$1==m {print $2}'; }
# records and dead letters acknowledged
handled() { curl -fsS "http://127.0.0.1:$metrics_port/metrics" | awk '$1=="wirestream_records_produced_total" || index($1, "wirestream_dead_letters_total{")==1 {s+=$2} END {print int(s)}'; }
load() { $WSCTL --brokers "$BROKERS" load ${CORPUS:+--corpus "$CORPUS"} "$@"; }
worker_env() { # GROUP INPUT OUTPUT DEAD_LETTER COMMAND...
  local group=$1 input=$2 output=$3 dead_letter=$4; shift 4
  exec env WIRESTREAM_KAFKA_BROKERS=$BROKERS WIRESTREAM_METRICS_LISTEN=127.0.0.1:$metrics_port \
      WIRESTREAM_KAFKA_GROUP_ID="$group" WIRESTREAM_TOPICS_INPUT="$input" WIRESTREAM_TOPICS_OUTPUT="$output" \
      WIRESTREAM_TOPICS_DEAD_LETTER="$dead_letter" WIRESTREAM_LOG_LEVEL=warn \
      WIRESTREAM_KAFKA_CONSUMER_SESSION_TIMEOUT_MS=6000 WIRESTREAM_KAFKA_CONSUMER_MAX_POLL_INTERVAL_MS=6000 \
      WIRESTREAM_ENGINE_DRAIN_TIMEOUT_MS=4000 "$@"
}
wait_ready() { for _ in $(seq 300); do curl -fsS "http://127.0.0.1:$metrics_port/readyz" >/dev/null 2>&1 && return; sleep 0.1; done; echo "worker not ready" >&2; exit 1; }
wait_done() { # $1 = expected outputs; prints seconds from first consumed message to the last ack
  local start="" done
  for _ in $(seq 12000); do
    consumed=$(metric wirestream_messages_consumed_total || echo 0)
    [ -z "$start" ] && [ "${consumed%.*}" -gt 0 ] 2>/dev/null && start=$(date +%s.%N)
    done=$(handled)
    [ "$done" -ge "$1" ] && { python3 -c "import sys; print(float(sys.argv[2])-float(sys.argv[1]))" "$start" "$(date +%s.%N)"; return; }
    sleep 0.05
  done
  echo "timed out waiting for $1 outputs" >&2; exit 1
}

echo "loading $N messages${CORPUS:+ from $CORPUS}..." >&2
load --topic in --count "$N" --size "$SIZE" >"$work/load.json"

echo "baseline: topic-to-topic copy..." >&2
/usr/bin/time -v -o "$work/copy.time" $WSCTL --brokers "$BROKERS" copy --from in --to copy-out --count "$N" >"$work/copy.json"

echo "wirestream..." >&2
worker_env bench in out dlq /usr/bin/time -v -o "$work/worker.time" $WIRESTREAM run >"$work/worker.log" 2>&1 &
worker_pid=$!
wait_ready
worker_seconds=$(wait_done "$N")
pkill -TERM -P $worker_pid  # the worker is the child of /usr/bin/time
wait $worker_pid

echo "paced latency run: $PACED messages at $RATE/s into both..." >&2
$WSCTL --brokers "$BROKERS" copy --from paced-in --to paced-copy-out --count "$PACED" >"$work/paced-copy.json" &
copy_pid=$!
worker_env bench-paced paced-in paced-out paced-dlq $WIRESTREAM run >"$work/worker-paced.log" 2>&1 &
worker_pid=$!
wait_ready
sleep 4  # let the copy's consumer join its group too
load --topic paced-in --count "$PACED" --size "$SIZE" --rate "$RATE" >/dev/null
wait_done "$PACED" >/dev/null
curl -fsS "http://127.0.0.1:$metrics_port/metrics" >"$work/paced.metrics"
kill -TERM $worker_pid; wait $worker_pid
wait $copy_pid

python3 - "$work" "$N" "$worker_seconds" "$(peak_rss "$work/copy.time")" "$(peak_rss "$work/worker.time")" "$CORPUS" <<'PY'
import json, sys
work, n, worker_seconds, copy_rss, worker_rss, corpus = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
loaded = json.load(open(f"{work}/load.json"))
size = round(loaded["bytes"] / max(loaded["messages"], 1))
copy = json.load(open(f"{work}/copy.json"))
paced_copy = json.load(open(f"{work}/paced-copy.json"))
buckets = []
for line in open(f"{work}/paced.metrics"):
    if line.startswith("wirestream_end_to_end_latency_seconds_bucket"):
        le = line.split('le="')[1].split('"')[0]
        buckets.append((float("inf") if le == "+Inf" else float(le), float(line.split()[-1])))
def quantile(q):  # Prometheus histogram_quantile: linear inside the bucket
    total = buckets[-1][1]; rank = q * total; prev_le, prev_count = 0.0, 0.0
    for le, count in buckets:
        if count >= rank:
            if le == float("inf"): return prev_le
            return prev_le + (le - prev_le) * (rank - prev_count) / max(count - prev_count, 1e-9)
        prev_le, prev_count = le, count
worker_rate = n / worker_seconds
result = {
    "messages": n, "message_bytes": size, "corpus": corpus or None,
    "baseline_copy": {"msgs_per_s": round(copy["msgs_per_s"]), "mb_per_s": round(copy["msgs_per_s"] * size / 1e6, 1),
                      "latency_p50_s": paced_copy["latency_p50_s"], "latency_p99_s": paced_copy["latency_p99_s"],
                      "peak_rss_mb": round(copy_rss / 1024, 1)},
    "wirestream": {"msgs_per_s": round(worker_rate), "mb_per_s": round(worker_rate * size / 1e6, 1),
                   "latency_p50_s": round(quantile(0.5), 4), "latency_p99_s": round(quantile(0.99), 4),
                   "peak_rss_mb": round(worker_rss / 1024, 1)},
}
result["ratios_wirestream_over_baseline"] = {
    "throughput": round(worker_rate / copy["msgs_per_s"], 3),
    "latency_p50": round(quantile(0.5) / max(paced_copy["latency_p50_s"], 1e-9), 2),
    "latency_p99": round(quantile(0.99) / max(paced_copy["latency_p99_s"], 1e-9), 2),
    "peak_rss": round(worker_rss / copy_rss, 2),
}
print(json.dumps(result, indent=2))
PY
