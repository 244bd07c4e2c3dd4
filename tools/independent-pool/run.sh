#!/usr/bin/env bash
# Chimera's virtual-miner farm against an independent, third-party Stratum v1 pool:
# foundation-stratum 0.0.42 (npm; a NOMP descendant) on loopback, its daemon being
# `chimera chain` (bitcoind-compatible JSON-RPC). Nothing of Chimera's pool is involved.
#
#   bash run.sh [coin] [behaviour] [seconds]      e.g. bash run.sh bitcoin-regtest honest 60
#
# coin: bitcoin-regtest (every share is also a block: regtest target), sim-sha256d (shares
# only), litecoin-regtest (scrypt). Env: PROFILE (cpu-generic), COUNT (5), SCALE (the farm's
# --hashrate-scale), POOL_DIFF (the pool's initial share difficulty), SEED (42),
# STRATUM_PORT (3333), RPC_PORT (18443), EXT (/work/ext/independent-pool),
# OUT (.tmp/independent-pool/<coin>-<behaviour>), WIRE_MAX (Stratum lines logged per connection, 40).
# Needs /work/main's node_modules (npm ci there). First run installs foundation-stratum into
# $EXT (native builds: libsodium-dev and libboost-system-dev from Debian, C++17 for Node 20,
# and -fno-strict-aliasing, see below).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
MAIN=$(cd "$HERE/../.." && pwd)
COIN=${1:-bitcoin-regtest}
BEHAVIOUR=${2:-honest}
DURATION=${3:-60}
PROFILE=${PROFILE:-cpu-generic}
COUNT=${COUNT:-5}
SEED=${SEED:-42}
STRATUM_PORT=${STRATUM_PORT:-3333}
RPC_PORT=${RPC_PORT:-18443}
EXT=${EXT:-/work/ext/independent-pool}
OUT=${OUT:-$MAIN/.tmp/independent-pool/$COIN-$BEHAVIOUR}
case "$COIN" in
  bitcoin-regtest | sim-sha256d) SCALE=${SCALE:-0.0006} POOL_DIFF=${POOL_DIFF:-0.00002} ;;
  litecoin-regtest) SCALE=${SCALE:-0.004} POOL_DIFF=${POOL_DIFF:-0.02} ;;
  *) echo "no pool config for coin $COIN" >&2; exit 2 ;;
esac
[ -d "$MAIN/node_modules/tsx" ] || { echo "run 'npm ci' in $MAIN first" >&2; exit 2; }

# 1. The third-party pool, installed outside the repo.
if [ ! -f "$EXT/node_modules/foundation-multi-hashing/build/Release/multihashing.node" ]; then
  if [ ! -f /usr/include/sodium.h ] || [ ! -e /usr/lib/x86_64-linux-gnu/libboost_system.so ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      libsodium-dev libboost-system-dev
  fi
  mkdir -p "$EXT"
  (cd "$EXT" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    CFLAGS=-fno-strict-aliasing CXXFLAGS='-std=c++17 -fno-strict-aliasing' \
      npm install --no-fund --no-audit foundation-stratum@0.0.42)
fi
# foundation-multi-hashing's scrypt has strict-aliasing UB: GCC 12 at -O3 (node-gyp's default)
# makes it hash wrongly. Check it against Node's scrypt; rebuild without that optimisation.
scrypt_ok() {
  (cd "$EXT" && node -e "const h=require('foundation-multi-hashing'),c=require('crypto');
    const b=c.randomBytes(80); process.exit(h.scrypt(b,1024,1).equals(
    c.scryptSync(b,b,32,{N:1024,r:1,p:1}))?0:1)")
}
if ! scrypt_ok; then
  (cd "$EXT" && CFLAGS=-fno-strict-aliasing CXXFLAGS='-std=c++17 -fno-strict-aliasing' \
    npm rebuild foundation-multi-hashing)
  scrypt_ok || { echo "foundation-multi-hashing scrypt still wrong" >&2; exit 1; }
fi
cp "$HERE/pool.js" "$HERE/$COIN.json" "$EXT/"

mkdir -p "$OUT"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; done
}
trap cleanup EXIT
wait_for() { # file pattern seconds
  for _ in $(seq 1 $(($3 * 5))); do grep -aq "$2" "$1" 2>/dev/null && return 0; sleep 0.2; done
  echo "timed out waiting for '$2' in $1" >&2; cat "$1" >&2; return 1
}
rpc() {
  curl -s -u pool:pw --data-binary "{\"method\":\"$1\",\"params\":${2:-[]},\"id\":1}" \
    "http://127.0.0.1:$RPC_PORT/"
}

# 2. The daemon: Chimera's blockchain simulator speaking bitcoind JSON-RPC.
(cd "$MAIN" && exec node bin/chimera.js chain --coin "$COIN" --rpc-port "$RPC_PORT" \
  --rpc-user pool --rpc-password pw --seed "$SEED") >"$OUT/chain.log" 2>&1 &
pids+=($!)
wait_for "$OUT/chain.log" 'wallet:' 30
ADDRESS=$(awk '/wallet:/ {print $2}' "$OUT/chain.log")

# 3. The pool, paying the daemon's wallet address; Stratum on 127.0.0.1:$STRATUM_PORT.
(cd "$EXT" && STRATUM_PORT=$STRATUM_PORT RPC_PORT=$RPC_PORT RPC_USER=pool RPC_PASSWORD=pw \
  POOL_ADDRESS=$ADDRESS POOL_DIFF=$POOL_DIFF WIRE_LOG=$OUT/wire.log \
  exec node pool.js "$COIN.json") >"$OUT/pool.log" 2>&1 &
pids+=($!)
wait_for "$OUT/pool.log" 'Stratum pool server started' 30

# 4. The farm, exactly as a user runs it against anyone's pool.
start_height=$(rpc getblockcount | sed -E 's/.*"result":([0-9]+).*/\1/')
(cd "$MAIN" && node bin/chimera.js farm --pool "127.0.0.1:$STRATUM_PORT" --coin "$COIN" \
  --profile "$PROFILE" --count "$COUNT" --duration "$DURATION" --hashrate-scale "$SCALE" \
  --behaviour "$BEHAVIOUR" --seed "$SEED") 2>&1 | tee "$OUT/farm.log"
end_height=$(rpc getblockcount | sed -E 's/.*"result":([0-9]+).*/\1/')

# 5. What the pool and the daemon saw.
cleanup
trap - EXIT
echo
echo "== pool ($OUT/pool.log)"
grep -a 'summary' "$OUT/pool.log" | tail -n 1 || true
{ grep -ac 'rpc submitblock -> HTTP 200 {"result":null' "$OUT/pool.log" || true; } |
  xargs echo "submitblock answered null (accepted):"
{ grep -a 'rpc submitblock' "$OUT/pool.log" | grep -av '"result":null' || true; } |
  sed -E 's/.*(\{"result":[^,]*).*/\1/' | sort | uniq -c | sed 's/^/  other submitblock answers: /'
echo "== daemon: chain height $start_height -> $end_height"
echo "== wire: $OUT/wire.log (first lines of each connection, both ways)"
