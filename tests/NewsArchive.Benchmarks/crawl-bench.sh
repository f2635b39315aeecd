#!/usr/bin/env bash
# Whole-process crawl benchmark: newsarchive fetch against a generated loopback site.
# Usage: tests/NewsArchive.Benchmarks/crawl-bench.sh [ARTICLES]   (default 10000)
# Prints articles stored, wall seconds, articles per second and peak RSS of the fetch process.
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-10000}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/NewsArchive.Cli -c Release -o "$work/cli" >/dev/null
dotnet build tests/NewsArchive.Benchmarks -c Release >/dev/null
dotnet tests/NewsArchive.Benchmarks/bin/Release/net10.0/NewsArchive.Benchmarks.dll serve-synthetic "$count" > "$work/url" 2>/dev/null &
server=$!
for _ in $(seq 1 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url="$(head -1 "$work/url")"

start=$(date +%s.%N)
/usr/bin/time -v "$work/cli/newsarchive" --db "$work/bench.db" fetch "${url}news/" --delay 0 --since 2000-01-01 \
    > "$work/fetch.out" 2> "$work/time.err" || true
end=$(date +%s.%N)

stored=$("$work/cli/newsarchive" --db "$work/bench.db" list --format csv | tail -n +2 | wc -l)
seconds=$(echo "$end - $start" | bc -l)
rss_kb=$(grep "Maximum resident set size" "$work/time.err" | awk '{print $NF}')
db_bytes=$(stat -c %s "$work/bench.db")
cat "$work/fetch.out"
printf 'articles stored: %d\nwall seconds: %.1f\narticles/s: %.1f\npeak RSS: %.0f MB\narchive: %.1f MB\n' \
    "$stored" "$seconds" "$(echo "$stored / $seconds" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)" "$(echo "$db_bytes / 1048576" | bc -l)"
