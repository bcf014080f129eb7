# Sourced by scripts/test: start a throw-away PostgreSQL on loopback for the test suite and
# export NAPE_TEST_POSTGRES_URL. Installs Debian's postgresql package when missing and possible.
# Skipped when NAPE_TEST_POSTGRES_URL is already set or NAPE_SKIP_POSTGRES=1. In CI (CI set),
# a PostgreSQL that cannot be installed or started is an error, not a skip.
if [ -z "${NAPE_TEST_POSTGRES_URL:-}" ] && [ "${NAPE_SKIP_POSTGRES:-0}" != "1" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$PG_BIN" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL from Debian's packages..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2 || true
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
  if [ -n "$PG_BIN" ]; then
    PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    PG_DIR=$(mktemp -d /tmp/nape-pg.XXXXXX)
    PG_AS=()
    if [ "$(id -u)" = "0" ]; then chown postgres "$PG_DIR"; PG_AS=(runuser -u postgres --); fi
    if "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U nape --auth=trust -E UTF8 >/dev/null \
      && "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
           -o "-k $PG_DIR -h 127.0.0.1 -p $PG_PORT" start >/dev/null \
      && "${PG_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U nape nape_test; then
      export NAPE_TEST_POSTGRES_URL="postgresql+psycopg://nape@127.0.0.1:$PG_PORT/nape_test"
      trap '"${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1; rm -rf "$PG_DIR"' EXIT
    else
      echo "PostgreSQL could not be started; its tests will skip (see $PG_DIR/log)" >&2
      if [ -n "${CI:-}" ]; then cat "$PG_DIR/log" >&2 || true; exit 1; fi
    fi
  else
    echo "PostgreSQL is not installed; its tests will skip" >&2
    if [ -n "${CI:-}" ]; then echo "CI: the PostgreSQL tests must run in CI" >&2; exit 1; fi
  fi
fi
