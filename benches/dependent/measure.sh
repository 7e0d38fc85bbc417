#!/bin/sh
# What depending on cloud-errcodes costs, per feature set: clean release build CPU time
# (user + sys of cargo and every rustc and build script it runs, from /usr/bin/time), crates
# compiled, and the stripped binary's size, against the same program with `http` alone.
#
#   benches/dependent/measure.sh [OUT_DIR] [SETS...]
#
# SETS default to: http upyun qingstor leancloud openlist all. Each build gets its own empty
# CARGO_TARGET_DIR under OUT_DIR (default /tmp/errcodes-measure), runs at low priority, and
# the builds run one after another. Prints one Markdown row per set.
set -eu
cd "$(dirname "$0")"
out=${1:-/tmp/errcodes-measure}
[ $# -gt 0 ] && shift
sets=${*:-http upyun qingstor leancloud openlist all}
mkdir -p "$out"
# Fetch (not build) everything first, so no build counts a download.
cargo fetch -q

# Crates in a build: distinct `name version` lines of `cargo tree` (the dependent itself
# included; `(*)` marks a crate already shown).
crates() {
    cargo tree -q --features "$1" -e "$2" --prefix none | sed 's/ (\*)$//; s/ (proc-macro)$//' | sort -u | wc -l
}

echo "| set | features | CPU s (user+sys) | wall s | crates (normal) | crates (+build) | stripped binary bytes | growth vs http |"
echo "|---|---|---|---|---|---|---|---|"
for set in $sets; do
    case $set in
        http) features= ;;
        all) features="upyun qingstor leancloud openlist" ;;
        *) features=$set ;;
    esac
    dir=$out/$set
    rm -rf "$dir"
    mkdir -p "$dir"
    CARGO_TARGET_DIR=$dir nice -n 10 /usr/bin/time -f '%U %S %e' -o "$dir/time" \
        cargo build -q --release --offline --features "$features"
    read -r user sys wall <"$dir/time"
    cpu=$(echo "$user + $sys" | bc)
    size=$(stat -c %s "$dir/release/errcodes-dependent")
    base=$(stat -c %s "$out/http/release/errcodes-dependent" 2>/dev/null || true)
    growth=${base:+$((size - base))}
    echo "| $set | ${features:-(http only)} | $cpu | $wall | $(crates "$features" normal) | $(crates "$features" normal,build) | $size | ${growth:-?} |"
done
