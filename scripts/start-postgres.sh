#!/usr/bin/env bash
# Makes a local PostgreSQL ready for Intake's tests, scripts/run-scaled.sh and scripts/bench.sh: installs it from
# Debian's packages when missing (as root), starts the cluster, waits until it answers, and makes sure the login
# role "intake" (password "intake", may create databases) exists. Safe to run again.
# Prints nothing but errors; the connection string to use is
#   Host=127.0.0.1;Username=intake;Password=intake
set -euo pipefail

as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "PostgreSQL is not installed: run as root, or apt-get install postgresql first." >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
    pg_createcluster "$version" main >/dev/null
fi
# Exit code 2 means "already running".
pg_ctlcluster "$version" main start >/dev/null 2>&1 || [[ $? -eq 2 ]]

for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 && break
    sleep 1
done
pg_isready -q -h 127.0.0.1 || { echo "PostgreSQL did not start." >&2; exit 1; }

as_postgres psql -q -v ON_ERROR_STOP=1 <<'SQL'
SET client_min_messages = warning;
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'intake') THEN
        CREATE ROLE intake LOGIN PASSWORD 'intake' CREATEDB;
    END IF;
END
$$;
-- Lets the tests drop their databases even while an autovacuum worker has just connected to one.
GRANT pg_signal_backend TO intake;
SQL
