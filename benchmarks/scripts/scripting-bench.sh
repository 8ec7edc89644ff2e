#!/usr/bin/env bash
# Scripting throughput, moonkey and redis-server side by side in one run (issue 7's list):
# EVALSHA of a one-INCR script (plain and -P 16), of a ten-call script, of a CPU-bound loop, and
# EVAL of a new body every time. Each test runs once unmeasured on both servers (JIT warm-up),
# then measured. Prints requests/s of each and the ratio moonkey / redis.
# Usage: benchmarks/scripts/scripting-bench.sh [requests]   (needs redis-server, redis-benchmark)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-100000}"
ours_port=17411
ref_port=17412
. "$root/bin/jdk.sh"
moonkey_find_jdk

redis-server --port "$ref_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no > /dev/null 2>&1 &
ref_pid=$!
"$root/bin/moonkey-server" --port "$ours_port" --bind 127.0.0.1 > /dev/null 2>&1 &
ours_pid=$!
trap 'kill $ref_pid $ours_pid 2>/dev/null || true' EXIT
for p in $ref_port $ours_port; do
  for _ in $(seq 100); do redis-cli -p "$p" ping > /dev/null 2>&1 && break; sleep 0.1; done
done

incr="return redis.call('INCR', KEYS[1])"
ten="for i = 1, 10 do redis.call('INCR', KEYS[1]) end return redis.call('GET', KEYS[1])"
loop="local s = 0 for i = 1, 100000 do s = s + i end return s"

rps() {  # port, extra options..., command...
  local port="$1"; shift
  redis-benchmark -p "$port" -n "$n" -c 50 -q --csv "$@" 2>/dev/null | tail -n 1 | cut -d, -f2 | tr -d '"'
}

printf '%-28s %14s %14s %8s\n' test redis-server moonkey ratio
run() {  # label, redis-benchmark arguments...
  local label="$1"; shift
  local r o
  # An unmeasured pass first on both: the JVM compiles the hot paths during its first requests.
  rps "$ref_port" "$@" > /dev/null
  rps "$ours_port" "$@" > /dev/null
  r=$(rps "$ref_port" "$@")
  o=$(rps "$ours_port" "$@")
  printf '%-28s %14s %14s %8s\n' "$label" "$r" "$o" "$(awk -v a="$o" -v b="$r" 'BEGIN { if (b > 0) printf "%.2f", a / b }')"
}
sha_incr=$(redis-cli -p "$ref_port" script load "$incr"); redis-cli -p "$ours_port" script load "$incr" > /dev/null
sha_ten=$(redis-cli -p "$ref_port" script load "$ten"); redis-cli -p "$ours_port" script load "$ten" > /dev/null
sha_loop=$(redis-cli -p "$ref_port" script load "$loop"); redis-cli -p "$ours_port" script load "$loop" > /dev/null
run "evalsha incr" evalsha "$sha_incr" 1 counter
run "evalsha incr -P 16" -P 16 evalsha "$sha_incr" 1 counter
run "evalsha ten calls" evalsha "$sha_ten" 1 counter10
n=$(( n / 50 > 200 ? n / 50 : 200 )) run "evalsha 100k-step loop" evalsha "$sha_loop" 0
run "eval unique body" -r 100000000 eval "return '__rand_int__'" 0
