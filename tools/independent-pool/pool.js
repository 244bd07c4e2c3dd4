'use strict';
// Runs foundation-stratum (a third-party NOMP descendant, from npm) as a standalone Stratum v1
// pool against a bitcoind-compatible daemon. Nothing here is Chimera code.
//
//   node pool.js <pool-config.json>
//
// Environment overrides (so one config file serves any run):
//   STRATUM_PORT, RPC_HOST, RPC_PORT, RPC_USER, RPC_PASSWORD, POOL_ADDRESS,
//   POOL_DIFF (initial share difficulty), WIRE_LOG (file for Stratum lines, both ways),
//   WIRE_MAX (lines kept per connection, default 40).
const fs = require('fs');
const net = require('net');
const Stratum = require('foundation-stratum');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const env = process.env;
const port = config.ports[0];
if (env.STRATUM_PORT) port.port = Number(env.STRATUM_PORT);
if (env.POOL_DIFF) port.difficulty.initial = Number(env.POOL_DIFF);
const daemon = config.primary.daemons[0];
if (env.RPC_HOST) daemon.host = env.RPC_HOST;
if (env.RPC_PORT) daemon.port = Number(env.RPC_PORT);
if (env.RPC_USER) daemon.username = env.RPC_USER;
if (env.RPC_PASSWORD) daemon.password = env.RPC_PASSWORD;
if (env.POOL_ADDRESS) config.primary.address = env.POOL_ADDRESS;

// foundation-stratum calls server.listen(port) on every interface; keep it on loopback.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (p, cb) {
  if (typeof p === 'number' && typeof cb === 'function')
    return listen.call(this, p, '127.0.0.1', cb);
  return listen.apply(this, arguments);
};

// RPC tap: the daemon's answers to submitblock (foundation-stratum logs only a literal 'rejected').
const http = require('http');
const request = http.request;
http.request = function (options, onResponse) {
  const req = request.apply(this, arguments);
  const end = req.end;
  req.end = function (body) {
    const text = String(body || '');
    if (text.startsWith('{"method":"submitblock"')) {
      req.once('response', (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => say(`rpc submitblock -> HTTP ${res.statusCode} ${data.trim()}`));
      });
    }
    return end.apply(this, arguments);
  };
  return req;
};

const ts = () => new Date().toISOString().slice(11, 23);
const say = (...a) => console.log(ts(), ...a);
const counts = { valid: 0, invalid: 0, stale: 0, blocksFound: 0, blocksAccepted: 0, errors: {} };

// Every worker is welcome: authorization is the operator's policy, not the protocol's.
const authorize = (ip, p, addrPrimary, addrAuxiliary, password, cb) => {
  say(`authorize ${addrPrimary} from ${ip}`);
  cb({ error: null, authorized: true, disconnect: false });
};

const pool = Stratum.create(config, { identifier: 'independent' }, authorize, (r) => {
  if (r !== true) say('pool response:', r);
});
pool.on('log', (severity, text) => say(`[${severity}]`, text));
pool.on('share', (share, shareType, blockValidOrAccepted) => {
  if (share.error) {
    counts[shareType] += 1;
    counts.errors[share.error] = (counts.errors[share.error] || 0) + 1;
    say(`share ${shareType}: ${share.error} (worker ${share.addrPrimary}, job ${share.job})`);
    return;
  }
  counts.valid += 1;
  if (share.blockType === 'primary') {
    counts.blocksFound += 1;
    if (blockValidOrAccepted) counts.blocksAccepted += 1;
    say(
      `BLOCK ${share.hash} height ${share.height} ${blockValidOrAccepted ? 'accepted by daemon' : 'NOT accepted'}`,
    );
  } else if (counts.valid <= 5 || counts.valid % 25 === 0) {
    say(
      `share valid #${counts.valid}: diff ${share.difficulty} shareDiff ${share.shareDiff} worker ${share.addrPrimary}`,
    );
  }
});

// Wire tap: the first WIRE_MAX lines of each connection, both ways.
const wire = env.WIRE_LOG ? fs.createWriteStream(env.WIRE_LOG) : undefined;
const wireMax = Number(env.WIRE_MAX || 40);
pool.on('started', () => {
  if (!wire) return;
  let n = 0;
  pool.stratum.on('client.connected', (client) => {
    const id = ++n;
    let lines = 0;
    const log = (dir, line) => {
      if (lines++ < wireMax) wire.write(`${ts()} #${id} ${dir} ${line.replace(/\n$/, '')}\n`);
    };
    client.socket.on('data', (d) =>
      String(d)
        .split('\n')
        .filter(Boolean)
        .forEach((l) => log('<-', l)),
    );
    const send = client.sendJson;
    client.sendJson = function () {
      for (const m of arguments) log('->', JSON.stringify(m));
      return send.apply(this, arguments);
    };
    client.socket.on('close', () => log('--', 'closed'));
  });
});

const summary = () => say('summary', JSON.stringify(counts));
setInterval(summary, 15000).unref();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    summary();
    if (wire) wire.end();
    process.exit(0);
  });
}
pool.setupPool();
