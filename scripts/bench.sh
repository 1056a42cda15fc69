#!/usr/bin/env bash
# Measures Intake against the limits of its own parts and writes docs/benchmarks.md (see its header).
#   scripts/bench.sh [--quick] [--provider Sqlite|PostgreSql] [--connection "..."]
# A full run takes under 10 minutes on a 2-core machine and replaces only its provider's section of
# docs/benchmarks.md. --quick runs every figure end to end at tiny sizes in well under 2 minutes, judges no
# times, writes docs/benchmarks.raw/quick-<provider>.md, and exits non-zero if a correctness check fails
# (e.g. two bookings accepted for one slot). Logs and raw exports go to docs/benchmarks.raw/ (not committed).
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
provider=Sqlite
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    [[ "${args[i]}" == "--provider" && $((i + 1)) -lt ${#args[@]} ]] && provider="${args[i + 1]}"
done

if ! build_output=$(dotnet build Intake.sln -c Release -nologo -v quiet 2>&1); then
    echo "$build_output" >&2
    exit 1
fi

mkdir -p docs/benchmarks.raw
log="docs/benchmarks.raw/bench-${provider,,}.log"
dotnet scripts/bench/bin/Release/net10.0/Intake.Bench.dll "$@" 2>&1 | tee "$log"
exit "${PIPESTATUS[0]}"
