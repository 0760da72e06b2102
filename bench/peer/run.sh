#!/usr/bin/env bash
# Sundial beside its peers in ONE harness run (../shared/peer-bench): writes
# bench/peer/results/sundial-peers-<date>.jsonl, then .json and .md through the harness's summarise.mjs.
#   bash bench/peer/run.sh                 # full plan (about 50 minutes on 2 cores)
#   PLAN=short bash bench/peer/run.sh      # 30 s windows, N = 100 and 1,000, B, C, idle (about 25 minutes)
#   PLAN=engine bash bench/peer/run.sh     # Sundial and croner only: N = 100, 1,000, 10,000 on one minute, idle (about 20 minutes)
#   PLAN=quick bash bench/peer/run.sh      # smoke test: short windows, N=100 (about 10 minutes)
#   ONLY="sundial-sqlite croner" bash bench/peer/run.sh   # restrict to some peers ("floor": the recorder floor)
# PEER_BENCH=<dir> uses a harness copy that already has its node_modules; otherwise ../shared/peer-bench
# is copied to a temporary directory and `npm ci` is run there (shared/ may be read-only).
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth) and Redis on 127.0.0.1:6379 (for BullMQ).
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
PLAN=${PLAN:-full}
STAMP=${STAMP:-$(date -u +%Y-%m-%dT%H%M)}
ONLY=${ONLY:-}
RESULTS=$REPO/bench/peer/results
OUT=$RESULTS/sundial-peers-$STAMP-$PLAN.jsonl
mkdir -p "$RESULTS"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if [ -z "${PEER_BENCH:-}" ]; then
  copy=$scratch/harness
  mkdir "$copy"
  cp -r "$REPO/../shared/peer-bench" "$copy/" || exit 1
  PEER_BENCH=$copy/peer-bench
  (cd "$PEER_BENCH" && npm ci --no-audit --no-fund >/dev/null) || { echo "npm ci failed in $PEER_BENCH" >&2; exit 1; }
fi
PEERS_DIR=$scratch/peers
node "$REPO/bench/peer/peer-files.mjs" --out "$PEERS_DIR" >/dev/null || exit 1

pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL not reachable on 127.0.0.1:5432" >&2; exit 1; }
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "Redis not reachable on 127.0.0.1:6379" >&2; exit 1; }

want() { [ -z "$ONLY" ] || [[ " $ONLY " == *" $1 "* ]]; }

# Every run is an HTTP job calling the harness's recorder, so all peers pay for one request per run.
run() { # peer scenario n [extra args for run-scenario.mjs...]
  local peer=$1 sc=$2 n=$3; shift 3
  want "$peer" || return 0
  local source=(--peer "$peer")
  [[ $peer == sundial-* ]] && source=(--peer-file "$PEERS_DIR/$peer.json")
  echo "$(date -u +%T) $peer scenario=$sc n=$n $*" >&2
  local err=${TMPDIR:-/tmp}/sundial-bench-last-error.txt
  if ! (cd "$PEER_BENCH" && node run-scenario.mjs "${source[@]}" --http --scenario "$sc" --n "$n" --jsonl "$OUT" "$@" >/dev/null 2>"$err"); then
    local message
    message=$(tail -c 800 "$err" | tr '\n"\\' ' __')
    echo "{\"peer\":\"$peer\",\"scenario\":\"$sc\",\"n\":$n,\"rep\":1,\"error\":\"$message\"}" >> "$OUT"
    echo "  FAILED: $message" >&2
  fi
}

# The HTTP path alone (bench/peer/recorder-floor.mjs: a bare client feeding the same recorder), next
# to the 10,000-on-one-minute runs so that both meet the same machine: no peer can beat it.
floor() {
  want floor || return 0
  echo "$(date -u +%T) floor: the recorder fed by a bare HTTP client" >&2
  PEER_BENCH=$PEER_BENCH node "$REPO/bench/peer/recorder-floor.mjs" --reps 2 --jsonl "${OUT%.jsonl}-floor.jsonl" >/dev/null || echo "  FAILED: recorder floor" >&2
}

SUNDIAL="sundial-sqlite sundial-pg"
if [ "$PLAN" = short ]; then
  # What fits in a session: 30 s windows, N up to 1,000 per second, idle with 10,000.
  for n in 100 1000; do for p in croner bullmq $SUNDIAL; do run "$p" A "$n" --duration-s 30; done; done
  for p in bullmq $SUNDIAL; do run "$p" B 1000 --duration-s 30; done
  for p in bullmq $SUNDIAL; do run "$p" C 100; done
  for p in croner $SUNDIAL; do run "$p" idle 10000 --duration-s 30; done
elif [ "$PLAN" = engine ]; then
  # The worker engine beside croner only (about 20 minutes): lateness at N = 100 and 1,000 per
  # second, 10,000 jobs on the same minute, and idle cost with 10,000.
  for n in 100 1000; do for p in croner $SUNDIAL; do run "$p" A "$n" --duration-s 30; done; done
  floor
  for p in croner $SUNDIAL; do run "$p" A 10000 --every minute; done
  for p in croner $SUNDIAL; do run "$p" idle 10000 --duration-s 30; done
elif [ "$PLAN" = quick ]; then
  for p in croner bullmq $SUNDIAL; do run "$p" A 100 --duration-s 10; done
  for p in bullmq $SUNDIAL; do run "$p" B 100 --duration-s 10; done
else
  # A, lateness with one worker; the peers rotate within each N so drift in machine load is shared.
  for n in 100 1000 10000; do for p in croner bullmq $SUNDIAL; do run "$p" A "$n"; done; done
  # B, three workers on one store: duplicates and how the work spreads
  for n in 100 1000 10000; do for p in bullmq $SUNDIAL; do run "$p" B "$n"; done; done
  # C, worker stopped for 30 s (SIGTERM), restarted: what happens to the slots in the gap
  for p in bullmq $SUNDIAL; do run "$p" C 100; done
  # idle: 10,000 schedules that do not come due in the window; resource use only
  for p in croner $SUNDIAL; do run "$p" idle 10000; done
  # 10,000 jobs all due on the same minute, two minute slots
  floor
  for p in croner $SUNDIAL; do run "$p" A 10000 --every minute; done
fi

node "$PEER_BENCH/summarise.mjs" "$OUT"
echo "wrote ${OUT%.jsonl}.json and ${OUT%.jsonl}.md" >&2
