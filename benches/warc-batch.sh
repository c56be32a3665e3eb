#!/usr/bin/env bash
# Builds a ~1 GB WARC (gzip per record, as Common Crawl writes them) from the
# benchmark pages repeated, runs `pith --input-format warc` on it under
# /usr/bin/time -v, reports peak RSS and records/s, and deletes it.
#
#   benches/warc-batch.sh [TARGET_MB]    # default 1024 (uncompressed WARC bytes)
#
# Reads the pages from ../shared/bench/scrapinghub/html/*.html.gz (beside the
# checkout), or from $PITH_BENCH_PAGES. Needs python3 and GNU time.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
pages="${PITH_BENCH_PAGES:-$root/../shared/bench/scrapinghub/html}"
target_mb="${1:-1024}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin pith
pith="$root/target/release/pith"

python3 - "$pages" "$work/crawl.warc.gz" "$target_mb" <<'PY'
import glob, gzip, os, sys, uuid
pages_dir, out, target_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
pages = [gzip.open(p).read() for p in sorted(glob.glob(os.path.join(pages_dir, "*.html.gz")))]
if not pages:
    sys.exit(f"no *.html.gz pages in {pages_dir}")
target, written, n = target_mb * 1024 * 1024, 0, 0
with open(out, "wb") as f:
    while written < target:
        for body in pages:
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(body)) + body
            head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
                    "WARC-Target-URI: https://example.org/page/%d\r\n"
                    "Content-Type: application/http; msgtype=response\r\n"
                    "Content-Length: %d\r\n\r\n" % (uuid.UUID(int=n), n, len(http))).encode()
            record = head + http + b"\r\n\r\n"
            f.write(gzip.compress(record, compresslevel=1))
            written += len(record)
            n += 1
            if written >= target:
                break
print(f"built {n} records, {written / 2**20:.0f} MiB uncompressed, "
      f"{os.path.getsize(out) / 2**20:.0f} MiB gzip", file=sys.stderr)
PY

/usr/bin/time -v "$pith" --input-format warc --summary "$work/crawl.warc.gz" \
    > "$work/out.jsonl" 2> "$work/time.txt" || true
grep -E '^pith: ' "$work/time.txt" || true
records=$(wc -l < "$work/out.jsonl")
errors=$(grep -c '"error":' "$work/out.jsonl" || true)
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
echo "records: $records (errors: $errors)"
echo "wall: ${secs} s, $(awk -v r="$records" -v s="$secs" 'BEGIN { printf "%.1f", r / s }') records/s"
echo "peak RSS: $((rss / 1024)) MiB"
