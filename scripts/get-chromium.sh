#!/usr/bin/env bash
# Makes sure the browser tests have a Chromium: Debian's chromium package (/usr/bin/chromium), installed when
# missing and run as root, as scripts/start-postgres.sh does for PostgreSQL. Never a downloaded browser. Without
# root and without the package it stops with one line saying what to install. INTAKE_CHROMIUM names another binary.
set -euo pipefail

chromium="${INTAKE_CHROMIUM:-/usr/bin/chromium}"
[[ -x "$chromium" ]] && exit 0
if [[ -n "${INTAKE_CHROMIUM:-}" || $(id -u) -ne 0 ]]; then
    echo "No Chromium at $chromium for the browser tests: run as root, or apt-get install chromium first." >&2
    exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
[[ -x "$chromium" ]] || { echo "apt-get install chromium did not give $chromium." >&2; exit 1; }
