#!/usr/bin/env bash
# Regenerates the committed client after the API's contract changed:
#   1. clients/openapi/campaign-dashboard.v1.json  <- the document the API serves (through the in-memory test host)
#   2. clients/typescript/src/campaign-client.ts    <- nswag.json run on that document (NSwag.MSBuild's nswag tool)
#   3. type-checks the client and rebuilds the page into src/Api/wwwroot (when npm is available)
# tests/CampaignDashboard.ClientTests fails until the results are committed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "==> OpenAPI document (the API in memory, as the staleness test sees it)"
CAMPAIGN_CLIENT_UPDATE=1 dotnet test tests/CampaignDashboard.ClientTests \
  --filter "Name=The_committed_OpenAPI_document_is_the_one_the_API_serves" --nologo -v q

echo "==> TypeScript client (nswag run nswag.json)"
version="$(sed -n 's/.*PackageVersion Include="NSwag.MSBuild" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)"
packages="$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')"
nswag="${packages%/}/nswag.msbuild/${version}/tools/Net100/dotnet-nswag.dll"
if [ ! -f "$nswag" ]; then
  echo "nswag not found at $nswag; run: dotnet restore tests/CampaignDashboard.ClientTests" >&2
  exit 1
fi
dotnet "$nswag" run nswag.json

if command -v npm >/dev/null 2>&1; then
  echo "==> tsc --strict and the page build"
  (cd clients/typescript && npm ci --no-audit --no-fund && npm run build)
  (cd clients/web && npm ci --no-audit --no-fund && npm run typecheck && npm run build)
else
  echo "npm not found: skipped the type check and the page build (npm --prefix clients/web run build)." >&2
fi
echo "Done. Review and commit clients/openapi, clients/typescript/src and src/Api/wwwroot."
