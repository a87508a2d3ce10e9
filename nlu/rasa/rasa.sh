#!/usr/bin/env bash
# Out-of-process Rasa NLU server for zhucan.
#
#   nlu/rasa/rasa.sh build    # venv at .rasa/venv with rasa==3.6.21 + jieba (Python 3.10, pyenv)
#   nlu/rasa/rasa.sh train    # NLU-only model from every nlu/data/train_*.yml
#   nlu/rasa/rasa.sh serve    # rasa run --enable-api on 127.0.0.1:$RASA_PORT (default 5005)
#   nlu/rasa/rasa.sh stop     # stop the server started by `serve`
#   nlu/rasa/rasa.sh status   # is it up? (exit 0 = up, 3 = down)
#
# Every subcommand is idempotent: build skips when the stamp matches, train skips when a model
# built from the same data and config exists (RASA_FORCE_TRAIN=1 retrains), serve does nothing
# when the server is already answering (after a retrain, `stop` then `serve` loads the new model).
#
# Environment knobs:
#   RASA_PORT (5005), RASA_HOST (127.0.0.1), RASA_PYTHON (interpreter for the venv),
#   RASA_DATA_WAIT (seconds train waits for the data files to appear, 1800),
#   RASA_DATA_STABLE (seconds the data files must be unchanged before training, 120),
#   RASA_SERVE_WAIT (seconds serve waits for the HTTP port, 600), RASA_FORCE_TRAIN,
#   RASA_NLU_FILES (space-separated training files instead of the two above, for trying the
#   pipeline) and RASA_MODEL_DIR (instead of .rasa/models).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
STATE="$ROOT/.rasa"
VENV="$STATE/venv"
MODELS="${RASA_MODEL_DIR:-$STATE/models}"
MODEL_NAME="zhucan-nlu"
MODEL="$MODELS/$MODEL_NAME.tar.gz"
CONFIG="$HERE/config.yml"
if [[ -n "${RASA_NLU_FILES:-}" ]]; then
    read -r -a DATA_FILES <<< "$RASA_NLU_FILES"
else
    DATA_FILES=("$ROOT"/nlu/data/train_*.yml)   # every author's training file
fi
PIDFILE="$STATE/server.pid"
LOG="$STATE/server.log"
BUILD_STAMP="$VENV/.zhucan-build-stamp"
TRAIN_STAMP="$MODELS/$MODEL_NAME.inputs.sha256"
RASA_VERSION="3.6.21"
JIEBA_VERSION="0.42.1"
PATCH_VERSION="2"
USERDICT_VERSION="1"
USERDICT_DIR="$STATE/jieba_userdict"   # = dictionary_path in config.yml (relative to $ROOT)

HOST="${RASA_HOST:-127.0.0.1}"
PORT="${RASA_PORT:-5005}"
URL="http://$HOST:$PORT"

# Nothing at run time talks to anything but this machine.
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
export PYTHONWARNINGS="${PYTHONWARNINGS:-ignore}"
export MPLCONFIGDIR="$STATE/mpl"
# No training cache: the jieba user dictionary is not part of Rasa's fingerprints.
export RASA_MAX_CACHE_SIZE=0

log() { printf '[rasa.sh] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

find_python() {
    if [[ -n "${RASA_PYTHON:-}" ]]; then
        echo "$RASA_PYTHON"; return
    fi
    local cand best=""
    # Newest 3.10.x under pyenv (version sort), then any python3.10 on PATH.
    while IFS= read -r cand; do
        [[ -x "$cand" ]] && best="$cand"
    done < <(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10.*/bin/python 2>/dev/null | sort -V)
    if [[ -z "$best" ]] && command -v python3.10 >/dev/null 2>&1; then
        best="$(command -v python3.10)"
    fi
    [[ -n "$best" ]] || die "no Python 3.10 found (looked in ~/.pyenv/versions/3.10.*; set RASA_PYTHON)"
    "$best" -c 'import sys; assert sys.version_info[:2] == (3, 10), sys.version' \
        || die "$best is not Python 3.10"
    echo "$best"
}

cmd_build() {
    local want="rasa==$RASA_VERSION jieba==$JIEBA_VERSION patch=$PATCH_VERSION"
    if [[ -f "$BUILD_STAMP" && "$(cat "$BUILD_STAMP")" == "$want" && -x "$VENV/bin/rasa" ]]; then
        log "already built ($VENV)"; return 0
    fi
    local py; py="$(find_python)"
    log "building $VENV with $py ($("$py" -V 2>&1))"
    mkdir -p "$STATE"
    rm -f "$BUILD_STAMP"
    [[ -x "$VENV/bin/python" ]] || "$py" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet "rasa==$RASA_VERSION" "jieba==$JIEBA_VERSION"
    install_jieba_patch
    "$VENV/bin/rasa" telemetry disable >/dev/null 2>&1 || true
    "$VENV/bin/python" -c 'import rasa, jieba; print("rasa", rasa.__version__)' >&2
    echo "$want" > "$BUILD_STAMP"
    log "built"
}

# jieba yields letters outside CJK/[A-Za-z0-9] one at a time, so Mongolian (traditional script
# and Cyrillic) would be tokenized letter by letter. A .pth hook in the venv widens jieba's
# "skip" pattern after jieba is imported so that such a word is one token.
install_jieba_patch() {
    local site
    site="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    cat > "$site/zhucan_jieba_patch.py" <<'PY'
"""Installed by zhucan's nlu/rasa/rasa.sh; loaded through zhucan_jieba_patch.pth.

jieba hands characters outside CJK/[A-Za-z0-9] to its "skip" path, which yields Cyrillic and
traditional Mongolian words one letter at a time. Once jieba is imported, widen that pattern so
a run of Cyrillic or Mongolian letters is one token (whitespace, U+202F and Mongolian
punctuation U+1800-U+180A such as the comma U+1802 still separate).
"""
import importlib.abc
import importlib.util
import re
import sys

SKIP = re.compile("(\r\n|\\s|[\u0400-\u052F\u180B-\u18AF\u200C\u200D]+)", re.U)


def _patch(module):
    module.re_skip_default = SKIP


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "jieba":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_patch(module):
            exec_module(module)
            _patch(module)

        spec.loader.exec_module = exec_and_patch
        return spec


if "jieba" in sys.modules:
    _patch(sys.modules["jieba"])
else:
    sys.meta_path.insert(0, _Finder())
PY
    echo "import zhucan_jieba_patch" > "$site/zhucan_jieba_patch.pth"
}

# JiebaTokenizer merges a numeral with its measure word (两份, 一碗, 二两) and sometimes an
# entity with its neighbour (给我妈订 -> 给我/妈订), so [两]份 would never line up with a token and
# the quantity entity could not be learnt. Write a jieba user dictionary (loaded by
# JiebaTokenizer through dictionary_path, and stored in the model) that deletes numeral+measure
# words, adds every annotated Chinese entity text as a word, and deletes whatever token still
# crosses an entity boundary in the training data.
make_userdict() {
    mkdir -p "$USERDICT_DIR"
    "$VENV/bin/python" - "$USERDICT_DIR/userdict.txt" "$@" <<'PY'
import logging, re, sys
import jieba
from rasa.shared.nlu.training_data.loading import load_data

jieba.setLogLevel(logging.WARNING)
logging.disable(logging.WARNING)
out, files = sys.argv[1], sys.argv[2:]
examples = []
for f in files:
    for m in load_data(f).training_examples:
        ents = m.get("entities") or []
        if ents:
            examples.append((m.get("text"), [(e["start"], e["end"]) for e in ents]))

jieba.initialize()
dt = jieba.dt
lines = []
NUMS, MEASURES = "一二两三四五六七八九十百千几半俩仨", "份碗个盘杯两笼屉张块根串斤瓶盒勺碟盆客位顿袋包只条"
for w in sorted(w for w, f in dt.FREQ.items()
                if f and len(w) == 2 and w[0] in NUMS + "0123456789" and w[1] in MEASURES):
    dt.add_word(w, 0)
    lines.append(f"{w} 0")

han = re.compile("[\u4e00-\u9fff]")
keep = set()
for text, spans in examples:
    for s, e in spans:
        w = text[s:e]
        if len(w) > 1 and han.search(w) and not re.search(r"\s", w):
            keep.add(w)
for w in sorted(keep):
    dt.add_word(w)
    lines.append(f"{w} {dt.FREQ[w]}")

def crossing():
    bad, n = set(), 0
    for text, spans in examples:
        bounds = {b for span in spans for b in span}
        for w, s, e in jieba.tokenize(text):
            if any(s < b < e for b in bounds):
                bad.add(w); n += 1
    return bad, n

for _ in range(8):
    bad, _n = crossing()
    bad = {w for w in bad - keep if not re.search(r"\s", w)}
    if not bad:
        break
    for w in sorted(bad):
        dt.add_word(w, 0)
        lines.append(f"{w} 0")
bad, n = crossing()
with open(out, "w", encoding="utf-8") as fh:
    fh.write("\n".join(lines) + "\n")
print(f"[rasa.sh] jieba user dictionary: {len(lines)} entries, {len(examples)} annotated "
      f"examples, {n} tokens still crossing an entity boundary"
      + (f" ({' '.join(sorted(bad)[:20])})" if bad else ""), file=sys.stderr)
PY
}

file_size() { stat -c %s "$1"; }

wait_for_data() {
    local deadline=$(( $(date +%s) + ${RASA_DATA_WAIT:-1800} ))
    local stable="${RASA_DATA_STABLE:-120}"
    local f missing
    while :; do
        missing=""
        for f in "${DATA_FILES[@]}"; do [[ -f "$f" ]] || missing+=" $f"; done
        [[ -z "$missing" ]] && break
        (( $(date +%s) < deadline )) || die "training data missing:$missing"
        log "waiting for training data:$missing"
        sleep 15
    done
    # Stable = no file modified in the last $stable seconds and sizes unchanged meanwhile.
    local sizes newest now
    while :; do
        sizes="$(for f in "${DATA_FILES[@]}"; do file_size "$f"; done)"
        newest=0
        for f in "${DATA_FILES[@]}"; do
            local m; m="$(stat -c %Y "$f")"; (( m > newest )) && newest=$m
        done
        now=$(date +%s)
        if (( now - newest >= stable )); then
            [[ "$sizes" == "$(for f in "${DATA_FILES[@]}"; do file_size "$f"; done)" ]] && return 0
        fi
        (( now < deadline + stable )) || die "training data still changing"
        log "training data changed $(( now - newest ))s ago; waiting until unchanged for ${stable}s"
        sleep 15
    done
}

# What a model depends on: config, data, versions of rasa, jieba, the jieba patch and the
# user-dictionary generator (bump USERDICT_VERSION when make_userdict changes).
inputs_digest() {
    echo "$(cat "$CONFIG" "${DATA_FILES[@]}" | sha256sum | cut -d' ' -f1)" \
        "rasa==$RASA_VERSION jieba==$JIEBA_VERSION patch=$PATCH_VERSION userdict=$USERDICT_VERSION"
}

cmd_train() {
    [[ -x "$VENV/bin/rasa" ]] || cmd_build
    [[ -f "$CONFIG" ]] || die "missing $CONFIG"
    wait_for_data
    local digest; digest="$(inputs_digest)"
    if [[ -z "${RASA_FORCE_TRAIN:-}" && -f "$MODEL" && -f "$TRAIN_STAMP" \
          && "$(cat "$TRAIN_STAMP")" == "$digest" ]]; then
        log "model up to date: $MODEL"; echo "$MODEL"; return 0
    fi
    # Rasa's --nlu takes one path; nlu/data also holds SPEC.md and test data, so stage a copy.
    local staged="$STATE/train-data"
    rm -rf "$staged"; mkdir -p "$staged" "$MODELS"
    cp "${DATA_FILES[@]}" "$staged/"
    make_userdict "${DATA_FILES[@]}"
    log "training NLU model (config $CONFIG)"
    ( cd "$ROOT" && "$VENV/bin/rasa" train nlu --config "$CONFIG" --nlu "$staged" \
        --out "$MODELS" --fixed-model-name "$MODEL_NAME" )
    [[ -f "$MODEL" ]] || die "training produced no $MODEL"
    echo "$digest" > "$TRAIN_STAMP"
    log "model: $MODEL"
    echo "$MODEL"
}

server_pid() {
    local pid
    [[ -f "$PIDFILE" ]] || return 1
    pid="$(cat "$PIDFILE")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
    # Guard against a stale pid file whose pid now belongs to something else.
    tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$VENV/bin/rasa run" || return 1
    echo "$pid"
}

answering() { curl -s -m 5 -o /dev/null "$URL/"; }

cmd_serve() {
    local pid
    if pid="$(server_pid)"; then
        answering && { log "already up (pid $pid)"; echo "$URL"; return 0; }
        log "pid $pid is still starting; waiting for it"
    else
        answering && die "something else already answers on $URL"
        [[ -f "$MODEL" ]] || cmd_train >/dev/null
        mkdir -p "$STATE"
        log "starting rasa on $URL (log $LOG)"
        rm -f "$PIDFILE" "$STATE/serve_seconds"
        date +%s.%N > "$STATE/serve_started"
        # A session of its own (no terminal signals); the shell inside writes its pid, then
        # execs rasa, so the pid file holds the server's own pid.
        # All of its descriptors go to the log, so `$(rasa.sh serve)` does not hang on it.
        ( cd "$ROOT" && RASA_PIDFILE="$PIDFILE" exec setsid nohup \
            bash -c 'echo $$ > "$RASA_PIDFILE"; exec "$@"' rasa \
            "$VENV/bin/rasa" run --enable-api -m "$MODEL" -i "$HOST" -p "$PORT" \
        ) </dev/null >>"$LOG" 2>&1 &
        for _ in $(seq 1 50); do [[ -s "$PIDFILE" ]] && break; sleep 0.1; done
        pid="$(cat "$PIDFILE" 2>/dev/null)" || die "server did not start (see $LOG)"
    fi
    local deadline=$(( $(date +%s) + ${RASA_SERVE_WAIT:-600} ))
    until answering; do
        kill -0 "$pid" 2>/dev/null || { tail -n 30 "$LOG" >&2; rm -f "$PIDFILE"; die "server exited"; }
        (( $(date +%s) < deadline )) || { tail -n 30 "$LOG" >&2; die "server not answering after ${RASA_SERVE_WAIT:-600}s"; }
        sleep 1
    done
    if [[ -f "$STATE/serve_started" && ! -f "$STATE/serve_seconds" ]]; then
        # start-up time, for bench/nlu.py
        echo "$(date +%s.%N) $(cat "$STATE/serve_started")" | awk '{printf "%.1f\n", $1 - $2}' \
            > "$STATE/serve_seconds"
    fi
    log "up (pid $pid)"
    echo "$URL"
}

cmd_stop() {
    local pid
    if ! pid="$(server_pid)"; then
        rm -f "$PIDFILE"; log "not running"; return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$PIDFILE"
    log "stopped (pid $pid)"
}

cmd_status() {
    local pid
    if pid="$(server_pid)" && answering; then
        echo "up: $URL pid $pid model $MODEL"; return 0
    fi
    if [[ -n "${pid:-}" ]]; then echo "starting or stuck: pid $pid, $URL not answering"; return 3; fi
    echo "down"; return 3
}

case "${1:-}" in
    build) cmd_build ;;
    train) cmd_train ;;
    serve) cmd_serve ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) echo "usage: $0 {build|train|serve|stop|status}" >&2; exit 2 ;;
esac
