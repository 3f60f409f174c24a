#!/usr/bin/env bash
# Runs every test of engram on a fresh machine, installing what the tests need by itself:
# a JDK >= 25 is picked from /usr/lib/jvm, Node 22 comes from the npm registry (Node 20 cannot run
# wasm-gc), Chromium and Brian2 (the spiking peer) from Debian packages when missing.
#
#   ./test.sh            everything (about 15 minutes on 2 cores)
#   ./test.sh java       only the Maven build and its JUnit tests
#   ./test.sh js         only the npm package and web-lab tests (needs the Maven build done once)
#
# Ends with one line "N passed, M failed" counting the steps below; exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/tools.sh

only="${1:-all}"
passed=0
failed=0
failures=()
mkdir -p test-artifacts

step() { # step NAME COMMAND...: runs one step, times it, keeps its log under test-artifacts/
  local name="$1"; shift
  local log="test-artifacts/$name.log" start=$SECONDS
  echo "== $name"
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "   ok ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "   FAILED ($((SECONDS - start)) s); the end of $log:"
    tail -n 60 "$log" | sed 's/^/   | /'
  fi
}

ensure_jdk || exit 1
echo "engram: JDK $JAVA_HOME"
ensure_node22 || exit 1
echo "engram: Node $(node --version)"

if [ "$only" = all ] || [ "$only" = java ]; then
  ensure_brian2 || echo "engram: Brian2 unavailable; the COBA comparison with Brian2 will say so"
  ensure_postgres || echo "engram: PostgreSQL unavailable; the PostgreSQL store tests will say they skipped"
  # JUnit: core, golden vectors (written here, replayed by npm below), Polyglot parity of the JS build,
  # server (CLI, HTTP, storage, crash safety), the memory quality suite.
  step maven mvn -B verify
  # engram-core as a plain Maven dependency: install it, then build and run a separate tiny project.
  step java-consumer bash -c 'mvn -q -B install -pl core -DskipTests && cd tests/consumer && mvn -q -B compile exec:java'
fi

if [ "$only" = all ] || [ "$only" = js ]; then
  ensure_chromium || exit 1
  step npm-install bash -c 'cd npm && npm ci --no-audit --no-fund --loglevel=error'
  step npm-build bash -c 'cd npm && npm run build'
  # Vitest: the API on Node 22 and the golden vectors from the JVM, then the other hosts: headless
  # Chromium (main thread and a Worker), Deno, workerd.
  step npm-test bash -c 'cd npm && npm test'
  step npm-hosts bash -c 'cd npm && npm run test:hosts'
  # The MCP server (`engram mcp`, built by the Maven step) driven by the official TypeScript MCP client.
  step mcp-install bash -c 'cd server-jvm/src/test/mcp && npm ci --no-audit --no-fund --loglevel=error'
  step mcp-client bash -c 'cd server-jvm/src/test/mcp && node --test client.test.mjs'
  step web-lab-install bash -c 'cd web-lab && npm ci --no-audit --no-fund --loglevel=error'
  # Type-check and build the lab (dist/ and the static site/), then headless Chromium against `./engram serve`
  # and against site/ on a plain static host: chat, memory panel, learn and ask, the 3D explorer, no console errors.
  step web-lab bash -c 'cd web-lab && npm test'
fi

echo
if [ "$failed" -gt 0 ]; then
  echo "failed steps: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
