#!/usr/bin/env bash
# Starts Intake on the embedded default: the Api and the Worker, SQLite under data/, messages written to
# data/outbox/ unless Twilio or SMTP settings are given. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-$DOTNET_ENVIRONMENT}"
URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"

dotnet build Intake.sln -c Release -nologo -v quiet
mkdir -p data

pids=()
stop() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop INT TERM EXIT

dotnet Api/bin/Release/net10.0/Intake.Api.dll --urls "$URLS" &
pids+=($!)
dotnet Worker/bin/Release/net10.0/Intake.Worker.dll &
pids+=($!)

echo "Intake is running: API on $URLS (OpenAPI at $URLS/openapi/v1.json, reference at $URLS/scalar). Ctrl-C stops it."
# Stop both as soon as either one exits.
wait -n "${pids[@]}"
