#!/usr/bin/env bash
# Installs the Deno and workerd binaries the host tests run (npm packages `deno` and `workerd`, binaries
# included) into <repo>/.tools/hosts, outside package.json: their per-platform optional packages cannot
# all be pinned in package-lock.json here, which would break `npm ci`. Prints nothing when present.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="$root/.tools/hosts"
if [ -x "$dir/node_modules/.bin/deno" ] && [ -x "$dir/node_modules/.bin/workerd" ]; then exit 0; fi
echo "engram: installing deno@2.9.6 and workerd@1.20261117.1 from the npm registry into .tools/hosts" >&2
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name":"engram-host-tools","private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error --no-save deno@2.9.6 workerd@1.20261117.1 >&2
