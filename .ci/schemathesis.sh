#!/usr/bin/env bash
# Schemathesis against a running server: every operation of the OpenAPI document, with cases
# generated from its schemas (a bounded number per operation), sent with an administrator's write
# token. Fails on any 5xx, and on any answer the document does not describe: a status, a body, a
# content type or a header it does not list, or a method the router and the document disagree on.
#
#   .ci/schemathesis.sh            # the debug build, 40 cases per operation
#   SCHEMATHESIS_EXAMPLES=200 SCHEMATHESIS_SEED=7 .ci/schemathesis.sh
#
# Needs python3 with venv; installs schemathesis into a virtualenv under the build directory once.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${CARGO_TARGET_DIR:-target}
bin=$(realpath -m "${GFCE_BIN:-$target/debug/gfce}")
venv=$(realpath -m "${SCHEMATHESIS_VENV:-$target/schemathesis-venv}")
examples=${SCHEMATHESIS_EXAMPLES:-40}
# A fixed seed, so that a run that fails can be repeated; change it to explore other cases.
seed=${SCHEMATHESIS_SEED:-1}
version=4.32.5

if [ ! -x "$bin" ]; then
  echo "no gfce binary at $bin: build it with 'cargo build -p gfce' or set GFCE_BIN" >&2
  exit 1
fi
if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -qF "$version"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

data="$work/data"
admin=fuzz-admin@example.org
# Runs a setup command quietly, showing what it logged only when it fails.
quietly() {
  "$@" 2>>"$work/setup.log" || { cat "$work/setup.log" >&2; return 1; }
}
# Records to find, so that reads by slug and the steps of revisions reach past "not found".
quietly "$bin" demo-data --projects 40 --data-dir "$data" >/dev/null
printf 'a long enough password for the fuzzer\n' |
  quietly "$bin" user create --email "$admin" --role admin --data-dir "$data" >/dev/null
token=$(quietly "$bin" token create --email "$admin" --scope write --name schemathesis --data-dir "$data")

# One client sends far more than a person would: the per-address limits would answer most of it
# with 429.
"$bin" serve --addr 127.0.0.1:0 --data-dir "$data" --search-rate-limit 0 --write-rate-limit 0 \
  >"$work/stdout" 2>"$work/stderr" &
server=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/stdout" 2>/dev/null | head -n 1 || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$url" ]; then
  echo "gfce serve did not start:" >&2
  cat "$work/stderr" >&2
  exit 1
fi

status=0
# From the scratch directory, where schemathesis keeps its cache of the cases that failed.
cd "$work"
"$venv/bin/schemathesis" run "$url/api/openapi.json" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance,response_headers_conformance,unsupported_method,allow_header_conformance \
  --header "Authorization: Bearer $token" \
  --max-examples "$examples" \
  --seed "$seed" \
  --generation-database none \
  --request-timeout 20 \
  --no-color || status=$?
if [ "$status" -ne 0 ] && grep -q 'ERROR' "$work/stderr"; then
  echo "--- errors the server logged:" >&2
  grep 'ERROR' "$work/stderr" | tail -n 20 >&2
fi
exit "$status"
