#!/usr/bin/env bash
# Builds and runs `tagcenter demo` (generates the sample retail workspace and runs every stage).
set -euo pipefail
cd "$(dirname "$0")/.."
TAGCENTER_SKIP_PG=1 scripts/setup.sh
dotnet run --project src/TagCenter.Cli -c Release -- demo "$@"
