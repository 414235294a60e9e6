#!/usr/bin/env bash
# A CPU profile of a running Parley JVM by CPU time (async-profiler, itimer), summed by component
# (ops/load/ProfileSummary.java). JFR samples threads that are runnable, not only those on a core,
# which on two busy cores over-weighs code with many threads; this counts CPU time.
#   ops/load/profile.sh [pid] [seconds] [out.collapsed]     (defaults: the Parley server, 25 s)
# The profiler comes from Maven Central (tools.profiler:async-profiler, Linux x64).
set -euo pipefail
cd "$(dirname "$0")/../.."
pid=${1:-$(pgrep -f "ws-server.jar.*parley" | head -1)}
seconds=${2:-25}
out=${3:-target/load/profile-$(date +%H%M%S).collapsed}
version=4.0
lib=target/tools/async-profiler-$version/linux-x64/libasyncProfiler.so
if [ ! -f "$lib" ]; then
  mvn -B -q -ntp dependency:copy -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64" \
    -DoutputDirectory=target/tools
  mkdir -p "target/tools/async-profiler-$version"
  (cd "target/tools/async-profiler-$version" && unzip -q -o "../async-profiler-$version-linux-x64.jar" 'linux-x64/*')
fi
mkdir -p "$(dirname "$out")"
lib=$(realpath "$lib")
# jcmd splits an unquoted argument at '=': the profiler's options go in one quoted string.
jcmd "$pid" JVMTI.agent_load "$lib" '"start,event=itimer,interval=2ms"' >/dev/null
sleep "$seconds"
jcmd "$pid" JVMTI.agent_load "$lib" "\"stop,file=$(realpath -m "$out"),collapsed\"" >/dev/null
echo "profile of $pid over $seconds s: $out"
java ops/load/ProfileSummary.java "$out"
