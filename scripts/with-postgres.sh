#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server:
#   bash scripts/with-postgres.sh npx vitest run src/adapters/store
# The server listens on 127.0.0.1 only, trusts local connections, keeps its data in a temporary
# folder, and is stopped and deleted when the command ends (also on failure or Ctrl-C).
# The command sees BATON_TEST_DATABASE_URL (a server URL; tests create their own databases in it).
# BATON_PG_OPTIONS adds server options, e.g. "-c shared_preload_libraries=pg_stat_statements".
# When BATON_TEST_DATABASE_URL is already set, the command just runs against that server.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

if [ -n "${BATON_TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

find_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
  fi
}

BIN_DIR=$(find_bin_dir)
if [ -z "$BIN_DIR" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "with-postgres: installing PostgreSQL (apt-get install postgresql)…" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    BIN_DIR=$(find_bin_dir)
  fi
  if [ -z "$BIN_DIR" ]; then
    cat >&2 <<'EOF'
with-postgres: no PostgreSQL server binaries found in /usr/lib/postgresql/*/bin.
Install them, then run this again:
  Debian/Ubuntu:  sudo apt-get install -y postgresql
Or point the tests at a server you already run:
  BATON_TEST_DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/postgres npm test
EOF
    exit 1
  fi
fi

# As root, the server must run as an unprivileged user (PostgreSQL refuses to run as root).
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres: running as root but there is no 'postgres' user to run the server as." >&2
    exit 1
  fi
  as_server_user() { runuser -u postgres -- "$@"; }
else
  as_server_user() { "$@"; }
fi

WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/baton-pg.XXXXXX")
DATA_DIR="$WORK_DIR/data"
SOCKET_DIR="$WORK_DIR/socket"
LOG_FILE="$WORK_DIR/server.log"
mkdir -p "$SOCKET_DIR"
if [ "$(id -u)" -eq 0 ]; then
  chown -R postgres:postgres "$WORK_DIR"
fi

SERVER_STARTED=0
CHILD_PID=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$CHILD_PID" ] && kill -0 "$CHILD_PID" 2>/dev/null; then
    kill -TERM "$CHILD_PID" 2>/dev/null || true
    wait "$CHILD_PID" 2>/dev/null || true
  fi
  if [ "$SERVER_STARTED" -eq 1 ]; then
    as_server_user "$BIN_DIR/pg_ctl" -D "$DATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK_DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

as_server_user "$BIN_DIR/initdb" -D "$DATA_DIR" --auth=trust --username=postgres \
  --encoding=UTF8 --locale=C --no-sync >"$WORK_DIR/initdb.log" 2>&1 || {
  cat "$WORK_DIR/initdb.log" >&2
  exit 1
}

# Durability settings are off: the data is thrown away at the end, and tests run faster.
PORT=""
for _attempt in 1 2 3 4 5; do
  candidate=$(free_port)
  if as_server_user "$BIN_DIR/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $candidate -k $SOCKET_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${BATON_PG_OPTIONS:-}" \
    start >/dev/null 2>&1; then
    PORT=$candidate
    SERVER_STARTED=1
    break
  fi
done
if [ -z "$PORT" ]; then
  echo "with-postgres: the server did not start; its log:" >&2
  cat "$LOG_FILE" >&2 || true
  exit 1
fi

for _wait in $(seq 1 100); do
  if "$BIN_DIR/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    break
  fi
  sleep 0.1
done
"$BIN_DIR/pg_isready" -q -h 127.0.0.1 -p "$PORT" || {
  echo "with-postgres: the server is not accepting connections; its log:" >&2
  cat "$LOG_FILE" >&2 || true
  exit 1
}

export BATON_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: PostgreSQL $("$BIN_DIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2

# Not exec: the EXIT trap must still stop the server and delete its folder afterwards. The command
# runs in the background so that a signal sent to this script alone (kill, timeout, CI cancel) is
# handled at once — bash runs traps only between foreground commands — and is passed on to it.
set +e
"$@" <&0 &
CHILD_PID=$!
wait "$CHILD_PID"
status=$?
CHILD_PID=""
set -e
exit "$status"
