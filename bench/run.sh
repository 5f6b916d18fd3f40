#!/usr/bin/env bash
# Runs every benchmark side by side on this machine and prints a table, then one line per comparison:
#   RATIO <name> <value>    (Permafrost's figure / the peer's; lower is better)
# Usage: bench/run.sh [--quick]   (--quick: fewer repetitions and smaller inputs, for trying it out)
# Takes about 10 minutes in full on 2 cores. Needs only Maven and a JDK 21+ (found by the build's toolchain).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
if [[ "${1:-}" == "--quick" ]]; then
  quick=true
fi
mvn -q -B -Pbench -pl bench -am -DskipTests -Dbench.quick="$quick" package exec:exec
