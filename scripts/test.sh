#!/usr/bin/env bash
# Builds and runs every test (domain, API, worker, browser, end to end) and ends with the line "N passed, N failed".
# On SQLite it needs the .NET SDK and Debian's Chromium (installed here when run as root, scripts/get-chromium.sh):
# the Twilio and SMTP stand-ins are started by the tests. The same suite
# runs again on each database server named in the environment (each test gets a database of its own there):
#   INTAKE_TEST_POSTGRES="Host=127.0.0.1;Username=intake;Password=intake"   (scripts/start-postgres.sh makes it)
#   INTAKE_TEST_SQLSERVER="Server=...;User Id=...;Password=...;TrustServerCertificate=True"
# Extra arguments go to `dotnet test`, e.g. scripts/test.sh --filter Category!=Scaled
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="TestResults"
rm -rf "$results"

# The browser tests drive Debian's Chromium; they are never skipped for want of it.
if ! bash scripts/get-chromium.sh; then
    echo "0 passed, 1 failed"
    exit 1
fi

if ! dotnet build Intake.sln -c Release -nologo -v quiet; then
    echo "0 passed, 1 failed"
    exit 1
fi

providers=(Sqlite)
[[ -n "${INTAKE_TEST_POSTGRES:-}" ]] && providers+=(PostgreSql)
[[ -n "${INTAKE_TEST_SQLSERVER:-}" ]] && providers+=(SqlServer)

code=0
passed=0
failed=0
summary=()
for provider in "${providers[@]}"; do
    echo "=== tests on $provider ==="
    started=$SECONDS
    INTAKE_TEST_PROVIDER="$provider" dotnet test Tests/Tests.csproj -c Release --no-build \
        --logger "trx;LogFileName=$provider.trx" --logger "console;verbosity=normal" \
        --results-directory "$results" --blame-hang-timeout 10m "$@"
    run=$?
    [[ $run -ne 0 ]] && code=$run

    trx="$results/$provider.trx"
    if [[ -f "$trx" ]]; then
        counters=$(grep -o '<Counters [^>]*' "$trx")
        count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
        p=$(count passed)
        f=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
    else
        p=0
        f=1
        [[ $code -eq 0 ]] && code=1
    fi
    passed=$(( passed + p ))
    failed=$(( failed + f ))
    summary+=("$provider: $p passed, $f failed in $(( SECONDS - started )) s")
done

printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
exit $code
