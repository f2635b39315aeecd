#!/usr/bin/env bash
# Soak test, outside the default test run (docs/reliability.md): newsarchive fetch --concurrency against a generated
# loopback site of ARTICLES articles dealt out to HOSTS hosts (127.0.0.1, 127.0.0.2, ...), FAULT_RATE of the article
# pages misbehaving (500, 503 with Retry-After, connection reset, truncated body, hanging past the timeout, garbage
# bytes, 404). Then soak-report checks the archive page by page against the fault plan and prints the table.
# Usage: tests/NewsArchive.Benchmarks/soak.sh [ARTICLES] [FAULT_RATE] [HOSTS]   (default 5000 0.05 4; SOAK_SEED=1)
# Exits non-zero when any data was lost. Bounded: the fetch is given at most 30 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-5000}"
rate="${2:-0.05}"
hosts="${3:-4}"
seed="${SOAK_SEED:-1}"
timeout=2
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

dotnet publish src/NewsArchive.Cli -c Release -o "$work/cli" >/dev/null
dotnet build tests/NewsArchive.Benchmarks -c Release >/dev/null
bench=tests/NewsArchive.Benchmarks/bin/Release/net10.0/NewsArchive.Benchmarks.dll
dotnet "$bench" serve-synthetic "$count" --hosts "$hosts" --fault-rate "$rate" --seed "$seed" --hang $((timeout + 3)) \
    > "$work/urls" 2>/dev/null &
server=$!
for _ in $(seq 1 100); do [ "$(wc -l < "$work/urls")" -ge "$hosts" ] && break; sleep 0.1; done
mapfile -t starts < <(sed 's|$|news/|' "$work/urls")

start=$(date +%s.%N)
status=0
timeout 1800 /usr/bin/time -v "$work/cli/newsarchive" --db "$work/soak.db" fetch "${starts[@]}" --delay 0 --timeout "$timeout" \
    --concurrency "$hosts" --since 2000-01-01 --revisit-days 0 > "$work/fetch.out" 2> "$work/time.err" || status=$?
end=$(date +%s.%N)

grep -v '^  failed ' "$work/fetch.out" || true
echo "fetch exit code: $status"
report=0
dotnet "$bench" soak-report "$work/soak.db" "$count" --fault-rate "$rate" --seed "$seed" || report=$?
seconds=$(echo "$end - $start" | bc -l)
rss_kb=$(grep "Maximum resident set size" "$work/time.err" | awk '{print $NF}')
pages=$(grep '^total:' "$work/fetch.out" | sed -E 's/.* ([0-9]+) pages fetched.*/\1/')
stored=$(grep '^total:' "$work/fetch.out" | sed -E 's/^total: ([0-9]+) stored.*/\1/')
printf 'wall seconds: %.1f\npages fetched: %d (%.1f/s)\narticles stored: %d (%.1f/s)\npeak RSS: %.0f MB\narchive: %.1f MB\n' \
    "$seconds" "$pages" "$(echo "$pages / $seconds" | bc -l)" "$stored" "$(echo "$stored / $seconds" | bc -l)" \
    "$(echo "$rss_kb / 1024" | bc -l)" "$(echo "$(stat -c %s "$work/soak.db") / 1048576" | bc -l)"
exit "$report"
