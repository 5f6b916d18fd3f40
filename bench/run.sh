#!/usr/bin/env bash
# Runs every benchmark side by side on this machine and prints a table, then one line per comparison:
#   RATIO <name> <value>    (Permafrost's figure / the peer's; lower is better)
# Usage: bench/run.sh [--quick] [--only locks|fleet|deploy|javac]   (--quick: fewer repetitions and smaller inputs, for trying it out;
#   --only locks|fleet|deploy|javac: only the PostgreSQL writer-stall benchmark, the fleet one, the deploy one, or javac at 1000 entities)
# Takes 15 to 17 minutes in full on a 2-core Intel Xeon, 23 to 35 on 2-core AMD EPYC machines. Needs only Maven and a JDK 21+ (found by the build's toolchain).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
only=all
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true ;;
    --only) only="$2"; shift ;;
  esac
  shift
done
mvn -q -B -Pbench -pl bench -am -DskipTests -Dbench.quick="$quick" -Dbench.only="$only" package exec:exec
