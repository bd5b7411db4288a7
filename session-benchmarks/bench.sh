#!/usr/bin/env bash
# SessionKit benchmarks: SessionKit and its peers side by side, in one run, on one machine.
#
#   session-benchmarks/bench.sh            default mode, under 15 minutes (wrk rounds for the
#                                          five stores the targets compare; all eight in --full)
#   session-benchmarks/bench.sh --quick    under 3 minutes: fewer stores, one short round
#   session-benchmarks/bench.sh --full     longer rounds, the Redis store at 1,000,000 sessions
#   --check     exit with status 1 unless every target of docs/benchmarks.md holds
#   --publish   also write the chart and the tables into docs/benchmarks.png and docs/benchmarks.md
#
# It builds what it needs with the Maven wrapper, starts its own redis-server on a free port
# of 127.0.0.1 (never the machine's Redis), runs the JMH repository benchmarks, starts one
# small Spring Boot application per store (three JVMs each for the memory stores), drives them
# (exact Redis counts, Redis memory per session, wrk in interleaved rounds), runs the scale
# measurements in JVMs of their own, prints one Markdown table with ratios and stops every
# process it started, by PID.
# Needs: a JDK 17+, redis-server, wrk (installed with apt-get when missing and run as root).
set -euo pipefail

MODE=default
CHECK=false
PUBLISH=false
for arg in "$@"; do
  case "$arg" in
    --quick) MODE=quick ;;
    --full) MODE=full ;;
    --default) MODE=default ;;
    --check) CHECK=true ;;
    --publish) PUBLISH=true ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
OUT="$HERE/target/bench"
STARTED_AT=$(date +%s)
PIDS=()
PORTS=()

say() { printf '[bench.sh %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

stop_pid() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && stop_pid "$pid"
  done
  PIDS=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

forget_pid() {
  local gone=$1 kept=() pid
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && [ "$pid" != "$gone" ] && kept+=("$pid")
  done
  PIDS=("${kept[@]:-}")
}

free_port() {
  local port used taken
  for _ in $(seq 1 500); do
    port=$((20000 + RANDOM % 40000))
    taken=false
    for used in "${PORTS[@]:-}"; do [ "$used" = "$port" ] && taken=true; done
    $taken && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      PORTS+=("$port")
      echo "$port"
      return 0
    fi
  done
  echo "No free port on 127.0.0.1" >&2
  return 1
}

redis_ping() {
  local reply=""
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3>&-
  [[ "$reply" == +PONG* ]]
}

start_redis() {
  local port=$1 dir=$2
  mkdir -p "$dir"
  redis-server --port "$port" --bind 127.0.0.1 --protected-mode yes --save "" --appendonly no \
    --databases 64 --daemonize no --dir "$dir" --logfile "$dir/redis.log" >/dev/null 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do
    redis_ping "$port" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "redis-server on port $port did not start; see $dir/redis.log" >&2
  return 1
}

# ---- tools ----------------------------------------------------------------------------
command -v java >/dev/null || { echo "java (JDK 17+) is needed" >&2; exit 2; }
REDIS_SERVER=$(command -v redis-server || true)
[ -n "$REDIS_SERVER" ] || { echo "redis-server is needed: apt-get install redis-server" >&2; exit 2; }
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing wrk from Debian's packages"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; }
  fi
  command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
fi

# ---- settings per mode ----------------------------------------------------------------
ALL_STORES=kit-memory,map,kit-redis,ssdr-json,ssdr-jdk,ssdr-indexed-json,ssdr-indexed-jdk,ssdr-redisson
JMH_ALL=kit-memory,map,kit-redis,ssdr-json,ssdr-jdk,ssdr-indexed-json,ssdr-indexed-jdk,ssdr-redisson
case "$MODE" in
  quick)
    STORES=kit-memory,map,kit-redis,ssdr-json,ssdr-jdk
    JMH_STORES=kit-redis,ssdr-json
    JMH_OPTS=(-wi 1 -w 1s -i 1 -r 1s)
    DRIVER_OPTS=(--rounds=1 --seconds=3 --warmup=1 --count-requests=20 --memory-sessions=2000 --wrk-sessions=100)
    MEMORY_JVMS=1
    SCALE_MEMORY=(--sessions=50000 --seconds=1 --abandon-seconds=5)
    SCALE_HEAP=2g
    SCALE_REDIS=()
    ;;
  default)
    STORES=$ALL_STORES
    JMH_STORES=kit-memory,map,kit-redis,ssdr-json
    JMH_OPTS=(-wi 3 -w 1s -i 2 -r 1s)
    # wrk rounds for the stores the targets compare; the other peers' throughput is in --full
    DRIVER_OPTS=(--http-stores=kit-memory,map,kit-redis,ssdr-json,ssdr-jdk --rounds=5 --seconds=2 --warmup=10
      --warmup-max=20 --count-requests=50 --memory-sessions=10000 --wrk-sessions=200)
    # the memory stores differ by less than the same code differs from JVM to JVM (finding 13a):
    # three JVMs each, so that one JVM's luck moves their mean a third as much
    MEMORY_JVMS=3
    SCALE_MEMORY=(--sessions=1000000 --seconds=3 --abandon-seconds=30)
    SCALE_HEAP=8g
    SCALE_REDIS=()
    ;;
  full)
    STORES=$ALL_STORES
    JMH_STORES=$JMH_ALL
    JMH_OPTS=(-wi 3 -w 2s -i 5 -r 2s)
    DRIVER_OPTS=(--rounds=5 --seconds=10 --warmup=10 --warmup-max=60 --count-requests=200 --memory-sessions=10000 --wrk-sessions=500)
    MEMORY_JVMS=3
    SCALE_MEMORY=(--sessions=1000000 --seconds=5 --abandon-seconds=45)
    SCALE_HEAP=8g
    SCALE_REDIS=(--sessions=1000000 --seconds=5)
    ;;
esac

# ---- build ----------------------------------------------------------------------------
say "building ($MODE mode)"
(cd "$ROOT" && ./mvnw -B -q -ntp -pl session-core,session-memory,session-redis,session-testkit -am install -DskipTests)
(cd "$ROOT" && ./mvnw -B -q -ntp -f session-benchmarks/pom.xml package dependency:build-classpath \
  -DskipTests -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
CP="$HERE/target/classes:$(cat "$HERE/target/classpath.txt")"
rm -rf "$OUT"
mkdir -p "$OUT"

{
  echo "summary: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1 | sed 's/"//g'), Redis $("$REDIS_SERVER" --version | sed -E 's/.*v=([^ ]+).*/\1/')"
  echo "cores: $(nproc)"
  echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "JDK: $(java -version 2>&1 | head -1)"
  echo "Redis: $("$REDIS_SERVER" --version)"
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "kernel: $(uname -sr)"
  echo "mode: $MODE, run $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "note: client (wrk), applications and Redis share the same cores; other work on the machine shows as noise, which the interleaved rounds spread over all stores alike"
} > "$OUT/machine.txt"

REDIS_PORT=$(free_port)
say "starting redis-server on 127.0.0.1:$REDIS_PORT"
start_redis "$REDIS_PORT" "$OUT/redis"

# ---- JMH ------------------------------------------------------------------------------
say "JMH repository benchmarks: $JMH_STORES"
BENCH_REDIS_PORT=$REDIS_PORT timeout 900 java -cp "$CP" org.openjdk.jmh.Main RepositoryBenchmark \
  -p store="$JMH_STORES" -f 1 "${JMH_OPTS[@]}" -prof gc -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.log" 2>&1 \
  || { tail -40 "$OUT/jmh.log"; exit 1; }
grep -E '^RepositoryBenchmark\.(readOnly|writing) ' "$OUT/jmh.log" | sed 's/^/    /' || true

# ---- applications and driver ----------------------------------------------------------
APP_JVM=(-Xms256m -Xmx512m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError)
APPS=""
APP_PIDS=()
IFS=',' read -r -a STORE_LIST <<< "$STORES"
APP_LIST=("${STORE_LIST[@]}")
for fork in $(seq 2 "$MEMORY_JVMS"); do
  APP_LIST+=("kit-memory#$fork" "map#$fork")
done
for app in "${APP_LIST[@]}"; do
  port=$(free_port)
  java "${APP_JVM[@]}" -cp "$CP" dev.sessionkit.benchmarks.app.BenchApplication --server.port="$port" \
    --bench.store="${app%#*}" --bench.redis.port="$REDIS_PORT" > "$OUT/app-$app.log" 2>&1 &
  PIDS+=($!)
  APP_PIDS+=($!)
  APPS="$APPS${APPS:+,}$app:$port"
done
say "started ${#APP_LIST[@]} applications: $APPS"
java -cp "$CP" dev.sessionkit.benchmarks.run.Bench --mode="$MODE" --redis-port="$REDIS_PORT" --apps="$APPS" \
  --out="$OUT" "${DRIVER_OPTS[@]}"
for pid in "${APP_PIDS[@]}"; do
  stop_pid "$pid"
  forget_pid "$pid"
done

# ---- scale ----------------------------------------------------------------------------
say "scale: memory store (${SCALE_MEMORY[*]})"
java -Xms"$SCALE_HEAP" -Xmx"$SCALE_HEAP" -XX:+UseG1GC -cp "$CP" dev.sessionkit.benchmarks.run.Scale --what=memory \
  --out="$OUT" "${SCALE_MEMORY[@]}"
if [ ${#SCALE_REDIS[@]} -gt 0 ]; then
  SCALE_PORT=$(free_port)
  start_redis "$SCALE_PORT" "$OUT/redis-scale"
  SCALE_REDIS_PID=${PIDS[${#PIDS[@]}-1]}
  say "scale: Redis store on its own redis-server, 127.0.0.1:$SCALE_PORT (${SCALE_REDIS[*]})"
  java -Xmx2g -cp "$CP" dev.sessionkit.benchmarks.run.Scale --what=redis --redis-port="$SCALE_PORT" \
    --out="$OUT" "${SCALE_REDIS[@]}"
  stop_pid "$SCALE_REDIS_PID"
  forget_pid "$SCALE_REDIS_PID"
fi

# ---- report ---------------------------------------------------------------------------
REPORT_ARGS=(--out="$OUT")
$CHECK && REPORT_ARGS+=(--check)
$PUBLISH && REPORT_ARGS+=(--publish="$ROOT/docs")
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
echo "duration: $(( $(date +%s) - STARTED_AT )) s" >> "$OUT/machine.txt"
cleanup
say "done in $(( $(date +%s) - STARTED_AT )) s; results, logs and chart in $OUT"
echo
java -Djava.awt.headless=true -cp "$CP" dev.sessionkit.benchmarks.run.Report "${REPORT_ARGS[@]}"
