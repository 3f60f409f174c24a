# Sourced by the launcher and the test script: finds or installs the tools engram needs, on a fresh
# machine, with nothing done by hand. Everything installed lands under .tools/ (git-ignored).
#   engram_root           the repository root
#   ensure_jdk            exports JAVA_HOME to a JDK >= 25 (the build targets Java 25) (JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm)
#   ensure_node22         puts Node >= 22 first on PATH (installs node@22 from the npm registry into .tools/node22)
#   ensure_chromium       makes /usr/bin/chromium exist (Debian package), printing what it does

engram_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

_java_major() { # prints the major version of the java binary $1
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

ensure_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(_java_major "$JAVA_HOME/bin/java")" -ge 25 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/; do
    d="${d%/}"
    [ -x "$d/bin/javac" ] || continue
    v="$(_java_major "$d/bin/java")"
    if [ -n "$v" ] && [ "$v" -gt "$best_v" ] 2>/dev/null; then best="$d"; best_v="$v"; fi
  done
  if [ "$best_v" -lt 25 ]; then
    echo "engram: needs a JDK >= 25; set JAVA_HOME or install one under /usr/lib/jvm (found: ${best:-none})" >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

ensure_node22() {
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -ge 22 ] 2>/dev/null; then return 0; fi
  local dir="$engram_root/.tools/node22"
  if [ ! -x "$dir/node_modules/.bin/node" ]; then
    echo "engram: installing Node 22 from the npm registry into .tools/node22 (Node $major cannot run wasm-gc)" >&2
    mkdir -p "$dir"
    (cd "$dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error node@22 >&2) || return 1
  fi
  # node@22 ships its binary under node_modules/node/bin; .bin/node is a symlink to it.
  export PATH="$dir/node_modules/node/bin:$dir/node_modules/.bin:$PATH"
  hash -r
}

# Installs Debian packages (as root, or through sudo), saying why first.
_apt_install() {
  local why="$1"; shift
  echo "engram: installing $* from Debian packages ($why)" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || _apt_install "headless browser tests" chromium
}

ensure_brian2() {
  /usr/bin/python3 -c 'import brian2' >/dev/null 2>&1 || _apt_install "the spiking engine is compared with it" python3-brian
}

# The PostgreSQL store's tests start a throwaway server from Debian's binaries (/usr/lib/postgresql/N/bin).
ensure_postgres() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || _apt_install "PostgreSQL store tests" postgresql
}
