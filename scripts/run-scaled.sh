#!/usr/bin/env bash
# Starts Intake scaled out on one machine: a local PostgreSQL (scripts/start-postgres.sh), the migrations applied
# once (scripts/migrate.sh), two Api processes on 127.0.0.1:5080 and :5081 and two Workers sharing Hangfire's
# storage in the database. Ctrl-C stops all four. Put a load balancer in front of the two ports; the Hangfire
# dashboard is at /hangfire on either (sign in first; scripts/add-therapist.sh ... --admin for actions).
#   INTAKE_POSTGRES  the server (default Host=127.0.0.1;Username=intake;Password=intake)
#   INTAKE_DATABASE  the database name (default intake)
set -euo pipefail
cd "$(dirname "$0")/.."

server="${INTAKE_POSTGRES:-Host=127.0.0.1;Username=intake;Password=intake}"
if [[ -z "${INTAKE_POSTGRES:-}" ]]; then
    bash scripts/start-postgres.sh
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Production}" ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Storage__Provider=PostgreSql
# Each process keeps at most 20 connections: four processes stay well inside PostgreSQL's default 100.
export Storage__ConnectionString="$server;Database=${INTAKE_DATABASE:-intake};Maximum Pool Size=20"
export Storage__MigrateOnStart=false
# The Apis serve plain HTTP on this machine only: let the console's cookies follow the scheme (never in a real deployment).
export Console__AllowHttp="${Console__AllowHttp:-true}"

bash scripts/migrate.sh

pids=()
stop() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop INT TERM EXIT

for port in 5080 5081; do
    dotnet Api/bin/Release/net10.0/Intake.Api.dll --urls "http://127.0.0.1:$port" &
    pids+=($!)
done
for _ in 1 2; do
    dotnet Worker/bin/Release/net10.0/Intake.Worker.dll &
    pids+=($!)
done

echo "Intake is running scaled: Api on http://127.0.0.1:5080 and :5081, two Workers, PostgreSQL database ${INTAKE_DATABASE:-intake}. Ctrl-C stops them."
wait -n "${pids[@]}"
