/**
 * Full share validation per core: decode the submit fields, rebuild the coinbase, fold the
 * merkle branch, serialize the header, hash it with the coin's algorithm and compare with the
 * share target — validateShare exactly as the Stratum server calls it.
 */
import { readFileSync } from 'node:fs';
import { createBuiltinAlgorithms } from '../src/pool/core/algorithms/index.js';
import { buildJob } from '../src/pool/core/block/job.js';
import { parseBlockTemplate, type BlockTemplate } from '../src/pool/core/block/template.js';
import { sha256d } from '../src/pool/core/hash.js';
import { difficultyFrom } from '../src/pool/core/difficulty/difficulty.js';
import { validateShare, type JobLookup, type ShareSession } from '../src/pool/core/shares/index.js';
import type { Benchmark, Operation } from './benchmark.js';

function template(): BlockTemplate {
  const url = new URL('../../shared/vectors/gbt/litecoind-0.21-h102.json', import.meta.url);
  const parsed = parseBlockTemplate(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.template;
}

/** A main-net sized block: `txCount` transactions give a merkle branch of ceil(log2(n+1)) steps. */
function withTransactions(t: BlockTemplate, txCount: number): BlockTemplate {
  const first = t.transactions[0]!;
  const transactions = Array.from({ length: txCount }, (_, i) => {
    const id = sha256d(Buffer.from(`tx-${i}`));
    return { ...first, txid: id, wtxid: id };
  });
  return { ...t, transactions, target: 1n };
}

async function validator(algorithmId: string, txCount: number): Promise<Operation> {
  const alg = (await createBuiltinAlgorithms()).find((a) => a.id === algorithmId);
  if (!alg) throw new Error(`no algorithm ${algorithmId}`);
  const tpl = withTransactions(template(), txCount);
  const job = buildJob(tpl, {
    payouts: [
      {
        scriptPubKey: Buffer.from('0014' + '11'.repeat(20), 'hex'),
        valueSats: tpl.coinbaseValueSats,
      },
    ],
    extranonce1Size: 4,
    extranonce2Size: 4,
    tag: '/chimera-bench/',
  });
  const lookup: JobLookup = { kind: 'active', job };
  // The easiest difficulty: every share is accepted, so the accepted path is what is timed.
  const session: ShareSession = {
    extranonce1: Buffer.from('01020304', 'hex'),
    extranonce2Size: 4,
    versionMask: 0,
    jobDifficulty: difficultyFrom('1e-30'),
    seen: new Set<string>(),
  };
  const ntime = tpl.curTime.toString(16).padStart(8, '0');
  const nowMs = tpl.curTime * 1000;
  let nonce = 0;
  return () => {
    nonce = (nonce + 1) >>> 0;
    const raw = {
      jobId: 'b',
      extranonce2: '00000001',
      ntime,
      nonce: nonce.toString(16).padStart(8, '0'),
    };
    const verdict = validateShare(lookup, raw, session, nowMs, alg);
    if (verdict.kind !== 'accepted') throw new Error(`share ${verdict.kind}`);
    return verdict;
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'share-validation/sha256d-2000tx',
    unit: 'share',
    note: 'validateShare, sha256d, 2,000-transaction template (11-step merkle branch)',
    setup: () => validator('sha256d', 2000),
    target: {
      kind: 'absolute',
      opsPerSecond: 40_000,
      why: 'issue target: 40,000 sha256d validations/s per core',
    },
  },
  {
    name: 'share-validation/sha256d-1tx',
    unit: 'share',
    note: 'validateShare, sha256d, the 1-transaction regtest template (1-step branch)',
    setup: () => validator('sha256d', 1),
  },
  {
    name: 'share-validation/scrypt-2000tx',
    unit: 'share',
    note: 'validateShare, scrypt(1024,1,1), 2,000-transaction template',
    setup: () => validator('scrypt', 2000),
  },
];
