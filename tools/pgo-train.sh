#!/bin/sh
# pgo-train.sh - the run a release build is optimised for (Makefile,
# "profile-guided optimisation").
#
#   sh tools/pgo-train.sh TRAIN_DLG DATA_DIR
#
# TRAIN_DLG is dlg built with -fprofile-generate; each run adds to its
# counters. What it runs is where dlg's time goes on large inputs: a small
# dataset of each kind of content from the benchmark's generator (bench/gen.py
# at 1 %, into DATA_DIR), checked with JSON and with text output.
#
# Nothing else: runs on the examples, or on the national dataset split into
# a file per district, made the build slower on the benchmark (1 file and
# 700 alike) by blurring the counts of the paths that matter; what the
# training does not reach is optimised as without a profile.
#
# A report that does not pass exits 1, as these do on purpose; any other
# status than 0 or 1 fails the build.
set -eu
dlg=$1
data=$2

run() {
    status=0
    "$dlg" "$@" > /dev/null 2>&1 || status=$?
    if [ "$status" -gt 1 ]; then
        echo "pgo-train.sh: dlg $* exited with $status" >&2
        exit 1
    fi
}

rm -rf "$data"
for p in national units figures tables sessions opinions; do
    python3 bench/gen.py --scale 0.01 --profile "$p" --out "$data/$p" > /dev/null
    run --format json "$data/$p/report.dlg"
    run --format text "$data/$p/report.dlg"
done
