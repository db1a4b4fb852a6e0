#!/usr/bin/env bash
# Installs what TagCenter's commands and tests need on a fresh Debian machine, then restores NuGet packages.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
if [ "${TAGCENTER_SKIP_PG:-}" != "1" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need_apt+=(postgresql)
fi
# node + npm run roaring-wasm, the independent reference the bitmap tests compare the portable format with, and
# fetch the browser SDK the browser ingest test loads.
if { [ "${TAGCENTER_SKIP_PG:-}" != "1" ] || [ "${TAGCENTER_SKIP_BROWSER:-}" != "1" ]; } && ! command -v npm >/dev/null; then
  need_apt+=(nodejs npm)
fi
# The web console's end-to-end tests drive Debian's chromium through Playwright (browser downloads do not work here).
if [ "${TAGCENTER_SKIP_BROWSER:-}" != "1" ] && [ ! -x /usr/bin/chromium ]; then
  need_apt+=(chromium)
fi
# A CJK font, so the browser draws the console's Chinese (screenshots included).
if [ "${TAGCENTER_SKIP_BROWSER:-}" != "1" ] && [ ! -d /usr/share/fonts/truetype/wqy ]; then
  need_apt+=(fonts-wqy-zenhei)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} from Debian"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
# The bitmap tests (not the demo) check the portable format against roaring-wasm (CRoaring in WebAssembly) through node.
if [ "${TAGCENTER_SKIP_PG:-}" != "1" ] && command -v npm >/dev/null && [ ! -d tests/TagCenter.Core.Tests/Bitmaps/roaring-wasm/node_modules/roaring-wasm ]; then
  (cd tests/TagCenter.Core.Tests/Bitmaps/roaring-wasm && npm ci --no-audit --no-fund --loglevel=error)
fi
# The browser ingest test loads Segment's own browser SDK (analytics.js, from npm) in a shop's page in chromium.
if [ "${TAGCENTER_SKIP_BROWSER:-}" != "1" ] && command -v npm >/dev/null && [ ! -d tests/TagCenter.Web.Tests/EndToEnd/analytics-next/node_modules/@segment/analytics-next ]; then
  (cd tests/TagCenter.Web.Tests/EndToEnd/analytics-next && npm ci --no-audit --no-fund --loglevel=error)
fi
dotnet restore TagCenter.slnx --verbosity quiet
