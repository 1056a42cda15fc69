#!/usr/bin/env bash
# Builds and runs every test (domain, API, worker, end to end) and ends with the line "N passed, N failed".
# Needs only the .NET SDK: SQLite is embedded, and the Twilio and SMTP stand-ins are started by the tests.
# Extra arguments go to `dotnet test`, e.g. scripts/test.sh --filter Category!=EndToEnd
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="TestResults"
rm -rf "$results"

if ! dotnet build Intake.sln -c Release -nologo -v quiet; then
    echo "0 passed, 1 failed"
    exit 1
fi

dotnet test Tests/Tests.csproj -c Release --no-build \
    --logger "trx;LogFileName=intake.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" --blame-hang-timeout 10m "$@"
code=$?

trx="$results/intake.trx"
if [[ -f "$trx" ]]; then
    counters=$(grep -o '<Counters [^>]*' "$trx")
    count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
    failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
    echo "$(count passed) passed, $failed failed"
else
    echo "0 passed, 1 failed"
    [[ $code -eq 0 ]] && code=1
fi
exit $code
