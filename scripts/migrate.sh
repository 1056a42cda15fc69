#!/usr/bin/env bash
# Applies the database migrations of the configured provider (and, for PostgreSQL or SQL Server, Hangfire's
# schema), seeds the configured therapists, and exits. The one command to run before starting processes that
# have Storage__MigrateOnStart=false, e.g.:
#   Storage__Provider=PostgreSql Storage__ConnectionString="Host=...;Database=intake;Username=...;Password=..." scripts/migrate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Production}"

if ! build_output=$(dotnet build Intake.sln -c Release -nologo -v quiet 2>&1); then
    echo "$build_output" >&2
    exit 1
fi
exec dotnet Api/bin/Release/net10.0/Intake.Api.dll migrate
