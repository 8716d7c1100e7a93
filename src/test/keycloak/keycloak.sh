#!/usr/bin/env bash
# Starts and stops the real Keycloak used by the SSO end-to-end tests (`./mvnw verify -Pe2e`).
#
#   keycloak.sh start <keycloak-home> <realm-dir> <http-port> <management-port>
#   keycloak.sh stop  <keycloak-home>
#
# Keycloak runs in its own process group (setsid); its pid is kept in <keycloak-home>/cascade-e2e.pid and `stop`
# signals the whole group; a watchdog stops it too if the build that started it dies first, so no Keycloak process
# outlives the build. The realm is re-imported on every start.
set -euo pipefail

command=${1:?start or stop}
home=${2:?keycloak home}
pid_file="$home/cascade-e2e.pid"
log_file="$home/cascade-e2e.log"

stop() {
  [ -f "$pid_file" ] || return 0
  local pid
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    echo "Stopping Keycloak (process group $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 -- "-$pid" 2>/dev/null; then
      echo "Keycloak did not stop within 30 s: killing process group $pid"
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$pid_file"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

case "$command" in
  stop)
    stop
    ;;
  start)
    realm_dir=${3:?realm dir}
    http_port=${4:?http port}
    management_port=${5:?management port}
    [ -x "${JAVA_HOME:-}/bin/java" ] || { echo "JAVA_HOME must point to a JDK 21+" >&2; exit 1; }
    [ -f "$home/bin/kc.sh" ] || { echo "No Keycloak distribution in $home" >&2; exit 1; }
    stop   # a Keycloak left over from an interrupted run of this build
    for port in "$http_port" "$management_port"; do
      if port_in_use "$port"; then
        echo "Port $port on 127.0.0.1 is already in use: refusing to test against a Keycloak this build did not start" >&2
        exit 1
      fi
    done
    rm -rf "$home/data/h2" "$home/data/import"   # --import-realm skips realms that already exist
    mkdir -p "$home/data/import"
    cp "$realm_dir"/*.json "$home/data/import/"
    echo "Starting Keycloak on http://127.0.0.1:$http_port (management $management_port, JAVA_HOME=$JAVA_HOME, log $log_file)"
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
      setsid bash "$home/bin/kc.sh" start-dev --import-realm \
        --http-host=127.0.0.1 --http-port="$http_port" \
        --health-enabled=true --http-management-port="$management_port" \
        </dev/null >"$log_file" 2>&1 &
    kc_pid=$!
    echo "$kc_pid" >"$pid_file"
    # If the build that started Keycloak dies (Ctrl-C, killed) before post-integration-test, stop Keycloak anyway.
    build_pid=$PPID
    setsid bash -c 'while kill -0 "$1" 2>/dev/null && kill -0 -- "-$2" 2>/dev/null; do sleep 2; done
      kill -0 -- "-$2" 2>/dev/null || exit 0
      kill -TERM -- "-$2" 2>/dev/null
      for _ in $(seq 1 30); do kill -0 -- "-$2" 2>/dev/null || exit 0; sleep 1; done
      kill -KILL -- "-$2" 2>/dev/null' \
      keycloak-watchdog "$build_pid" "$kc_pid" </dev/null >/dev/null 2>&1 &
    # a busy machine (a first start builds Keycloak's optimized image, minutes when CPUs are shared) may need longer
    start_timeout=${KEYCLOAK_START_TIMEOUT:-300}
    started=$(date +%s)
    until curl -fsS "http://127.0.0.1:$management_port/health/ready" 2>/dev/null | grep -q '"UP"'; do
      if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
        echo "Keycloak exited during start-up; last log lines:" >&2
        tail -n 40 "$log_file" >&2
        rm -f "$pid_file"
        exit 1
      fi
      if [ $(( $(date +%s) - started )) -ge "$start_timeout" ]; then
        echo "Keycloak not ready after $start_timeout s (KEYCLOAK_START_TIMEOUT); last log lines:" >&2
        tail -n 40 "$log_file" >&2
        stop
        exit 1
      fi
      sleep 1
    done
    echo "Keycloak ready after $(( $(date +%s) - started )) s"
    ;;
  *)
    echo "usage: $0 start|stop ..." >&2
    exit 2
    ;;
esac
