/**
 * What virtual miners cost, per core: real-work shares at a stated share difficulty (the
 * grinding a farm does for every share), and a whole share cycle over TCP (grind, encode,
 * write, the pool's answer read and matched), which bounds how many miners a core carries
 * in wire fidelity: miners per core = cycles/s x the share interval (10 s under our
 * vardiff), as long as the farm's nominal hashrate also fits (see farm/capacity.ts).
 */
import { Socket, createServer, type AddressInfo, type Server } from 'node:net';
import { createBuiltinAlgorithms, type PowAlgorithm } from '../src/pool/core/algorithms/index.js';
import { jobFrom, vectorTemplate } from '../src/pool/core/shares/share.fixtures.js';
import { parseServerLine } from '../src/pool/stratum/codec/index.js';
import { wallClock } from '../src/runtime/index.js';
import { StratumClient } from '../src/sim/miners/client/stratum-client.js';
import { tcpConnector } from '../src/sim/miners/client/connector.js';
import { WorkState } from '../src/sim/miners/client/work-state.js';
import { minerJobFrom, type MinerJob } from '../src/sim/miners/work/miner-job.js';
import { SearchSpace } from '../src/sim/miners/work/search-space.js';
import { meetsTarget, shareTargetOf, targetBytesLE } from '../src/sim/miners/work/targets.js';
import type { Benchmark, Operation } from './benchmark.js';

const NOTIFY = {
  jobId: 'b1',
  ...jobFrom(vectorTemplate('litecoind-0.21-h102.json')).notify,
  cleanJobs: true,
};

async function algorithm(id: string): Promise<PowAlgorithm> {
  const alg = (await createBuiltinAlgorithms()).find((a) => a.id === id);
  if (alg === undefined) throw new Error(`no built-in ${id}`);
  return alg;
}

/** One real share per call at `difficulty`, from a miner's search space. */
async function shareGrinder(id: string, difficulty: number): Promise<Operation> {
  const pow = await algorithm(id);
  const job: MinerJob = minerJobFrom(NOTIFY, 0);
  const target = targetBytesLE(shareTargetOf(pow.diff1Target, difficulty));
  const search = new SearchSpace(pow.hashHeader);
  return () => {
    const r = search.grind(job, '0a0b0c0d', 4, (h) => meetsTarget(h, target), 1 << 30);
    if (r.kind !== 'found') throw new Error('no share');
    return r.solution;
  };
}

/**
 * The cheapest pool that answers: every request line gets `true` under its id. Its cost is
 * in the measured thread too (about a microsecond a line), so the cycle rate is slightly
 * pessimistic for the miner.
 */
function answeringPool(): Promise<{ server: Server; port: number }> {
  const server = createServer({ noDelay: true }, (socket: Socket) => {
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let nl = pending.indexOf('\n');
      let out = '';
      while (nl !== -1) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const id = (JSON.parse(line) as { id: unknown }).id;
        out += `{"id":${JSON.stringify(id)},"result":true,"error":null}\n`;
        nl = pending.indexOf('\n');
      }
      if (out !== '') socket.write(out);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      resolve({ server, port: (server.address() as AddressInfo).port });
    }),
  );
}

/** One miner's full share cycle over loopback TCP at a share difficulty of 1e-8 (~43 hashes). */
async function wireCycle(): Promise<Operation> {
  const pow = await algorithm('sha256d');
  const { port } = await answeringPool();
  const stream = await tcpConnector({ host: '127.0.0.1', port }).connect();
  // The bench process must be able to exit with the connection open.
  if (stream instanceof Socket) stream.unref();
  const client = new StratumClient(
    stream,
    {
      userAgent: 'cpuminer/2.5.1',
      username: 'addr.bench',
      password: 'x',
      versionRolling: undefined,
      extranonceSubscribe: false,
      suggestDifficulty: undefined,
      difficultyTiming: 'next-notify',
      requestIds: 'cpuminer',
      resumeSession: undefined,
    },
    {
      live: () => {},
      job: () => {},
      difficulty: () => {},
      reconnect: () => {},
      refused: () => {},
      closed: () => {},
    },
    { scenario: wallClock, latency: () => performance.now() },
  );
  const job = minerJobFrom(NOTIFY, 0);
  const target = targetBytesLE(shareTargetOf(pow.diff1Target, 1e-8));
  const search = new SearchSpace(pow.hashHeader);
  return async () => {
    const r = search.grind(job, '0a0b0c0d', 4, (h) => meetsTarget(h, target), 1 << 30);
    if (r.kind !== 'found') throw new Error('no share');
    const s = r.solution;
    const answer = await client.submit({
      workerName: 'addr.bench',
      jobId: s.job.jobId,
      extranonce2: s.extranonce2,
      ntime: s.ntime,
      nonce: s.nonce,
      versionBits: s.versionBits,
    });
    if (answer.reply.kind !== 'result') throw new Error('pool went away');
    return answer;
  };
}

/** What every miner pays for every job broadcast: parse the notify line, decode the job. */
function notifyPerMiner(): Operation {
  const line = JSON.stringify({
    id: null,
    method: 'mining.notify',
    params: [
      NOTIFY.jobId,
      NOTIFY.prevHash,
      NOTIFY.coinb1,
      NOTIFY.coinb2,
      NOTIFY.merkleBranch,
      NOTIFY.version,
      NOTIFY.nbits,
      NOTIFY.ntime,
      true,
    ],
  });
  const state = new WorkState('next-notify');
  let t = 0;
  return () => {
    const parsed = parseServerLine(line);
    if (!parsed.ok || parsed.message.kind !== 'notify') throw new Error('bad notify');
    return state.notify(parsed.message, t++);
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'miners/share-sha256d@1e-6',
    unit: 'share',
    note: 'real sha256d shares at difficulty 1e-6 (~4,295 hashes each): a farm grinding at this difficulty sends about this many shares per second per core',
    setup: () => shareGrinder('sha256d', 1e-6),
    target: {
      kind: 'absolute',
      opsPerSecond: 80,
      why: 'about 640k sha256d/s per core / 4,295 hashes, with room for load',
    },
  },
  {
    name: 'miners/share-sha256d@1e-8',
    unit: 'share',
    note: 'difficulty 1e-8 (~43 hashes): per-share overhead of the grinder shows',
    setup: () => shareGrinder('sha256d', 1e-8),
  },
  {
    name: 'miners/share-scrypt@1e-4',
    unit: 'share',
    note: 'real scrypt(1024,1,1) shares at difficulty 1e-4 (~6.6 hashes each, scrypt diff1 is 2^16 easier)',
    setup: () => shareGrinder('scrypt', 1e-4),
    target: {
      kind: 'absolute',
      opsPerSecond: 300,
      why: 'about 4.3k scrypt/s per core / 6.6 hashes, with room for load',
    },
  },
  {
    name: 'miners/wire-share-cycle',
    unit: 'share',
    note: 'grind (1e-8) + submit over loopback TCP + answer matched, one miner; miners per core in wire fidelity = this x 10 s share interval',
    setup: wireCycle,
    target: {
      kind: 'absolute',
      opsPerSecond: 1_000,
      why: '10,000 miners per core at one share per 10 s',
    },
  },
  {
    name: 'miners/notify-per-miner',
    unit: 'notify',
    note: 'one mining.notify parsed and decoded by one miner (every miner pays it for every job)',
    setup: notifyPerMiner,
  },
];
