#!/usr/bin/env bash
# Whole-process query benchmark: each command as a user runs it (a new process: start-up included), on an
# archive made by `generate-archive`. Prints the median, fastest and slowest wall time of RUNS runs after one
# warm-up run (the archive is then in the OS page cache: "cold" here is the process, not the disk).
# Then `export csv` of every row once: rows per second and the peak RSS of the process.
#
# Usage: tests/NewsArchive.Benchmarks/query-bench.sh ARCHIVE [RUNS] [CLI_DIR]
#   ARCHIVE   e.g. made with: dotnet tests/NewsArchive.Benchmarks/bin/Release/net10.0/NewsArchive.Benchmarks.dll generate-archive /tmp/a.db 1000000
#   RUNS      runs per command (default 11)
#   CLI_DIR   a published CLI to use (default: published here with the README's command into a temporary folder)
#   SKIP_EXPORT=1 leaves out the export.
set -euo pipefail
cd "$(dirname "$0")/../.."
archive="$(realpath "$1")"
runs="${2:-11}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "${3:-}" ]; then
    cli="$(realpath "$3")/newsarchive"
else
    dotnet publish src/NewsArchive.Cli -c Release -o "$work/cli" >/dev/null
    cli="$work/cli/newsarchive"
fi
# The archive is opened read-only by queries: bring its schema up to date once, as the first write would.
"$cli" --db "$archive" sites list > /dev/null
"$cli" --db "$archive" sites add "https://bench-migrate.invalid/" --name bench-migrate > /dev/null 2>&1 || true
"$cli" --db "$archive" sites remove bench-migrate > /dev/null 2>&1 || true
id=$(( $("$cli" --db "$archive" list --limit 1 --format csv | tail -1 | cut -d, -f1) / 2 ))

bench() {
    local name="$1"; shift
    "$@" > /dev/null
    local times=()
    for _ in $(seq 1 "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" > /dev/null
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    local sorted
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    printf '%-34s median %5d ms   min %5d ms   max %5d ms   (%d runs)\n' "$name" "${sorted[$((runs / 2))]}" "${sorted[0]}" "${sorted[$((runs - 1))]}" "$runs"
}

echo "archive: $archive ($(du -m "$archive" | cut -f1) MB), CLI: $cli, $(nproc) cores"
bench "--version" "$cli" --version
bench "search common (автомобиль)" "$cli" --db "$archive" search 'автомобиль' --limit 50
bench "search rare (гидроцикл)" "$cli" --db "$archive" search 'гидроцикл' --limit 50
bench "list --site --from --to" "$cli" --db "$archive" list --site autostat --from 2024-03-01 --to 2024-03-31 --limit 50
bench "list --site --from --to (all rows)" "$cli" --db "$archive" list --site autostat --from 2024-03-01 --to 2024-03-31
bench "links $id --depth 2" "$cli" --db "$archive" links "$id" --depth 2
bench "links $id --depth 2 --direction both" "$cli" --db "$archive" links "$id" --depth 2 --direction both

if [ "${SKIP_EXPORT:-}" != "1" ]; then
    start=$(date +%s%N)
    /usr/bin/time -v "$cli" --db "$archive" export csv --out "$work/all.csv" 2> "$work/time.err"
    end=$(date +%s%N)
    rows=$(grep -o 'exported [0-9]*' "$work/time.err" | awk '{print $2}')
    rss_kb=$(grep "Maximum resident set size" "$work/time.err" | awk '{print $NF}')
    ms=$(( (end - start) / 1000000 ))
    printf 'export csv (all rows)              %d rows in %d ms = %d rows/s, peak RSS %d MB, %d MB written\n' \
        "$rows" "$ms" "$(( rows * 1000 / ms ))" "$(( rss_kb / 1024 ))" "$(( $(stat -c %s "$work/all.csv") / 1048576 ))"
fi
