import { readFileSync } from 'node:fs';
import { buildJob, type StratumJob } from '../block/job.js';
import { parseBlockTemplate, type BlockTemplate } from '../block/template.js';
import { SHA256D_DIFF1 } from '../difficulty/diff1.js';
import { sha256d } from '../hash.js';
import type { ShareHasher } from './validate-share.js';

/** Test fixtures for share checks: real templates from litecoind, a sha256d hasher. */
export const sha256dHasher: ShareHasher = { diff1Target: SHA256D_DIFF1, hashHeader: sha256d };

export function vectorTemplate(name: string): BlockTemplate {
  const raw: unknown = JSON.parse(
    readFileSync(new URL(`../../../../../shared/vectors/gbt/${name}`, import.meta.url), 'utf8'),
  );
  const parsed = parseBlockTemplate(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.template;
}

export const POOL_SCRIPT = Buffer.from('0014' + '11'.repeat(20), 'hex');

export function jobFrom(
  template: BlockTemplate,
  overrides: Partial<BlockTemplate> = {},
): StratumJob {
  const t = { ...template, ...overrides };
  return buildJob(t, {
    payouts: [{ scriptPubKey: POOL_SCRIPT, valueSats: t.coinbaseValueSats }],
    extranonce1Size: 4,
    extranonce2Size: 4,
    tag: '/chimera-test/',
  });
}

/**
 * The miner's side, written apart from the pool's: the 80-byte header cpuminer builds from
 * the mining.notify strings and its extranonces.
 */
export function minerHeader(
  job: StratumJob,
  extranonce1Hex: string,
  extranonce2Hex: string,
  ntimeHex: string,
  nonceHex: string,
  versionHex: string,
): Buffer {
  const n = job.notify;
  const coinbase = Buffer.from(n.coinb1 + extranonce1Hex + extranonce2Hex + n.coinb2, 'hex');
  let root = sha256d(coinbase);
  for (const step of n.merkleBranch)
    root = sha256d(Buffer.concat([root, Buffer.from(step, 'hex')]));
  const le32 = (hex: string) => Buffer.from(hex, 'hex').reverse();
  const prev = Buffer.from(n.prevHash, 'hex').swap32();
  return Buffer.concat([
    le32(versionHex),
    prev,
    root,
    le32(ntimeHex),
    le32(n.nbits),
    le32(nonceHex),
  ]);
}
