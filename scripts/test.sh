#!/usr/bin/env bash
# Runs the whole test suite. Starts a local PostgreSQL for the connector tests when one can be started;
# otherwise those tests report themselves as skipped (and fail under CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ -z "${TAGCENTER_TEST_PG:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  TAGCENTER_TEST_PG="$(scripts/postgres.sh)"
  export TAGCENTER_TEST_PG
fi
dotnet build TagCenter.slnx -c Release --no-restore -v quiet -nologo
dotnet test --solution TagCenter.slnx -c Release --no-build "$@"
