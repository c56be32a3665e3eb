#!/usr/bin/env bash
# Batch throughput of the `pith` binary: N page files, -j1 and -j2.
#
#   benches/batch.sh                     # 1,000, 10,000 and 100,000 pages
#   benches/batch.sh 10000               # other sizes
#   PITH=path/to/pith JOBS="1 2 4" benches/batch.sh 1000
#
# The N files are made from the benchmark pages (../shared/bench/scrapinghub/html,
# or PITH_BENCH_DIR/html) without N copies of them: the pages are copied once into
# a temporary directory, one block of 1,000 hard links to them is made (page i is
# a link to page i mod 181), and a run of N pages is N/1,000 hard-linked copies of
# that block (`cp -al`), 1,000 files per directory. 100,000 pages take about
# 100,000 directory entries and the 6 MB of the originals, not 10 GB. The files
# share 181 inodes, so after the first pass they are read from the page cache:
# this measures pith, not the disk.
#
# Each run is `pith DIR -jJ`, output piped to `wc -l` (the record count is
# checked), timed by `/usr/bin/time -v` (install it with `apt-get install time`)
# for the wall time, CPU time and peak RSS. MB/s counts decompressed HTML. On a
# shared machine -j2 may not get two cores: the CPU column (user + system
# seconds) and the share of a core pith got say how far the speed-up is the
# machine's rather than pith's.
# Everything generated is removed on exit.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench_dir="${PITH_BENCH_DIR:-$root/../shared/bench/scrapinghub}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
read -r -a jobs <<<"${JOBS:-1 2}"
block=1000

if [ ! -d "$bench_dir/html" ]; then
    echo "batch bench skipped: no benchmark pages at $bench_dir/html (set PITH_BENCH_DIR)" >&2
    exit 0
fi
if [ ! -x /usr/bin/time ]; then
    echo "batch bench needs GNU time at /usr/bin/time (apt-get install time)" >&2
    exit 2
fi
for n in "${sizes[@]}"; do
    if ! [[ "$n" =~ ^[0-9]+$ ]] || [ $((n % block)) -ne 0 ] || [ "$n" -eq 0 ]; then
        echo "sizes must be positive multiples of $block: $n" >&2
        exit 2
    fi
done

if [ -z "${PITH:-}" ]; then
    cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin pith
    PITH="$root/target/release/pith"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/pith-batch.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# The originals, once, so the links are on the same file system.
mkdir "$tmp/src"
cp "$bench_dir"/html/*.html.gz "$tmp/src/"
mapfile -t originals < <(find "$tmp/src" -name '*.html.gz' | sort)
count=${#originals[@]}

# One block: 1,000 links, and its size decompressed.
mkdir "$tmp/block"
block_bytes=0
declare -A raw
for f in "${originals[@]}"; do
    raw[$f]=$(gzip -dc "$f" | wc -c)
done
for ((i = 0; i < block; i++)); do
    f="${originals[i % count]}"
    ln "$f" "$tmp/block/$(printf 'p%04d' "$i").html.gz"
    block_bytes=$((block_bytes + raw[$f]))
done

echo "pith: $PITH"
echo "pages: $count distinct, $(nproc) cores, $(uname -sr)"
echo
echo "| pages | -j | wall s | pages/s | MB/s | peak RSS MB | CPU s | CPU % | speed-up vs -j${jobs[0]} |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
    dir="$tmp/n$n"
    mkdir "$dir"
    for ((b = 0; b < n / block; b++)); do
        cp -al "$tmp/block" "$dir/$(printf 'd%04d' "$b")"
    done
    mb=$(awk -v b="$block_bytes" -v k=$((n / block)) 'BEGIN { printf "%.1f", b * k / 1e6 }')
    base=""
    for j in "${jobs[@]}"; do
        records=$(/usr/bin/time -v -o "$tmp/time" "$PITH" "$dir" -j "$j" | wc -l) || true
        if [ "$records" -ne "$n" ]; then
            echo "pith gave $records records for $n pages" >&2
            cat "$tmp/time" >&2
            exit 1
        fi
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, t, ":"); s = 0
            for (i = 1; i <= n; i++) s = s * 60 + t[i]
            print s }' "$tmp/time")
        rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$tmp/time")
        cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$tmp/time")
        [ -n "$base" ] || base=$wall
        awk -v n="$n" -v j="$j" -v w="$wall" -v mb="$mb" -v rss="$rss" -v cpu="$cpu" -v base="$base" 'BEGIN {
            printf "| %d | %d | %.2f | %.0f | %.1f | %s | %.2f | %.0f | %.2f× |\n",
                n, j, w, n / w, mb / w, rss, cpu, 100 * cpu / w, base / w }'
    done
    rm -rf "$dir"
done
