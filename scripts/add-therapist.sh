#!/usr/bin/env bash
# Creates a therapist's sign-in: scripts/add-therapist.sh <therapistId> <email> [--admin]
# --admin also lets the account act in the Hangfire dashboard (/hangfire with PostgreSQL or SQL Server); others only look.
# The therapist id is one of Practice:Therapists in appsettings.json (seeded into the database on first start).
# The password (at least 12 characters, with upper and lower case, a digit and a symbol) is read from the
# environment variable INTAKE_PASSWORD, or asked for without echo; it is never put on a command line.
# The database is the one the Api uses: Storage__ConnectionString=... overrides it as usual.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -lt 2 || $# -gt 3 || ( $# -eq 3 && "$3" != "--admin" ) ]]; then
    echo "Usage: scripts/add-therapist.sh <therapistId> <email> [--admin]   (password from INTAKE_PASSWORD, or asked for)" >&2
    exit 2
fi
therapist="$1"
email="$2"
admin=("${@:3}")

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"

# Incremental, as in scripts/run.sh: quick when nothing changed. Its output is shown only when it fails.
if ! build_output=$(dotnet build Intake.sln -c Release -nologo -v quiet 2>&1); then
    echo "$build_output" >&2
    exit 1
fi

if [[ -z "${INTAKE_PASSWORD:-}" ]]; then
    if [[ ! -t 0 ]]; then
        echo "Set INTAKE_PASSWORD, or run this in a terminal to be asked for the password." >&2
        exit 1
    fi
    read -r -s -p "Password for $email: " INTAKE_PASSWORD
    echo
    read -r -s -p "Once more: " again
    echo
    if [[ "$INTAKE_PASSWORD" != "$again" ]]; then
        echo "The two passwords differ; nothing was created." >&2
        exit 1
    fi
    unset again
fi
export INTAKE_PASSWORD

exec dotnet Api/bin/Release/net10.0/Intake.Api.dll add-therapist --therapist "$therapist" --email "$email" "${admin[@]}"
