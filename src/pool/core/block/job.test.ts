import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDisplayHex, fromHex, toDisplayHex } from '../bytes.js';
import { GBT_VECTORS } from './block.fixtures.js';
import {
  buildJob,
  headerForShare,
  prevHashStratum,
  type NotifyFields,
  type StratumJob,
} from './job.js';
import { parseHeader } from './header.js';
import { readHeightPush } from './script.js';
import { BTC_881423, CKPOOL_NOTIFY_925350 } from './stratum.fixtures.js';

const PAYOUT = fromHex('0014751e76e8199196d454941c45d1b3a323f1433bd6');

function sha256d(b: Buffer): Buffer {
  const once = createHash('sha256').update(b).digest();
  return createHash('sha256').update(once).digest();
}

/**
 * The miner's side, written as cpuminer does it (stratum_gen_work + scanhash): everything from
 * the notify text. Header words are kept as uint32 values and written big-endian at the end;
 * prevhash, version, ntime and nbits are decoded little-endian from their hex bytes, the merkle
 * root big-endian, and the nonce is the number whose little-endian bytes are the submitted hex.
 */
function cpuminerHeader(
  n: NotifyFields,
  xnonce1: string,
  xnonce2: string,
  ntimeHex: string,
  nonceHex: string,
): Buffer {
  const le32dec = (b: Buffer, at = 0): number => b.readUInt32LE(at);
  const be32dec = (b: Buffer, at = 0): number => b.readUInt32BE(at);
  let root = sha256d(Buffer.from(n.coinb1 + xnonce1 + xnonce2 + n.coinb2, 'hex'));
  for (const step of n.merkleBranch)
    root = sha256d(Buffer.concat([root, Buffer.from(step, 'hex')]));
  const data: number[] = [];
  data[0] = le32dec(Buffer.from(n.version, 'hex'));
  const prev = Buffer.from(n.prevHash, 'hex');
  for (let i = 0; i < 8; i++) data[1 + i] = le32dec(prev, 4 * i);
  for (let i = 0; i < 8; i++) data[9 + i] = be32dec(root, 4 * i);
  data[17] = le32dec(Buffer.from(ntimeHex, 'hex'));
  data[18] = le32dec(Buffer.from(n.nbits, 'hex'));
  data[19] = le32dec(Buffer.from(nonceHex, 'hex'));
  const header = Buffer.alloc(80);
  data.forEach((w, i) => header.writeUInt32BE(w, 4 * i));
  return header;
}

const hex4 = fc.uint8Array({ minLength: 4, maxLength: 4 }).map((a) => Buffer.from(a));

describe('prevHashStratum', () => {
  it("matches ckpool's notify for bitcoin 925,350", () => {
    // Act
    const text = prevHashStratum(fromDisplayHex(CKPOOL_NOTIFY_925350.previousBlockHash));
    // Assert
    expect(text).toBe(CKPOOL_NOTIFY_925350.prevHash);
    // ckpool's coinb1 of that job carries the BIP34 height the block follows with.
    const coinb1 = fromHex(CKPOOL_NOTIFY_925350.coinb1);
    expect(readHeightPush(coinb1.subarray(42))).toBe(CKPOOL_NOTIFY_925350.height);
  });

  it('is the display hash with its eight 4-byte words in reverse order', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        // Arrange
        const prev = Buffer.from(bytes);
        const display = toDisplayHex(prev);
        const words = display.match(/.{8}/g) ?? [];
        // Act / Assert
        expect(prevHashStratum(prev)).toBe([...words].reverse().join(''));
      }),
    );
  });
});

describe('buildJob', () => {
  it.each(GBT_VECTORS.map((v) => [v.name, v] as const))('%s: notify fields', (_, v) => {
    // Act
    const job = buildJob(v.template, {
      payouts: [{ scriptPubKey: PAYOUT, valueSats: v.template.coinbaseValueSats }],
      extranonce1Size: 4,
      extranonce2Size: 4,
      tag: '/chimera/',
    });
    // Assert
    expect(job.notify.version).toBe('20000000');
    expect(job.notify.nbits).toBe('207fffff');
    expect(job.notify.ntime).toBe(v.template.curTime.toString(16).padStart(8, '0'));
    expect(job.notify.prevHash).toBe(prevHashStratum(v.template.prevHash));
    const n = v.template.transactions.length;
    expect(job.notify.merkleBranch).toHaveLength(n === 0 ? 0 : Math.ceil(Math.log2(n + 1)));
    expect(job.notify.merkleBranch[0]).toBe(v.template.transactions[0]?.txid.toString('hex'));
    expect(job.notify.coinb1).toBe(job.coinb1.toString('hex'));
    expect(job.notify.coinb2).toBe(job.coinb2.toString('hex'));
  });
});

describe('headerForShare', () => {
  it('builds the same header bytes as cpuminer does from the notify text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GBT_VECTORS),
        hex4,
        hex4,
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (v, en1, en2, ntime, nonce) => {
          // Arrange
          const job = buildJob(v.template, {
            payouts: [{ scriptPubKey: PAYOUT, valueSats: v.template.coinbaseValueSats }],
            extranonce1Size: 4,
            extranonce2Size: 4,
            tag: '/chimera/',
          });
          const ntimeHex = ntime.toString(16).padStart(8, '0');
          const nonceHex = nonce.toString(16).padStart(8, '0');
          // Act
          const share = headerForShare(job, en1, en2, ntime, nonce, job.version);
          // Assert
          const miner = cpuminerHeader(
            job.notify,
            en1.toString('hex'),
            en2.toString('hex'),
            ntimeHex,
            nonceHex,
          );
          expect(share.header.toString('hex')).toBe(miner.toString('hex'));
          expect(share.coinbase.toString('hex')).toBe(
            job.notify.coinb1 + en1.toString('hex') + en2.toString('hex') + job.notify.coinb2,
          );
          expect(share.merkleRoot.equals(share.header.subarray(36, 68))).toBe(true);
        },
      ),
    );
  });

  it('rebuilds bitcoin block 881,423 from its Stratum parts, to the mined block id', () => {
    // Arrange: the coinbase without witness, split around its 4+4 extranonce bytes.
    const mined = fromHex(BTC_881423.coinbaseWithWitness);
    const stripped = Buffer.concat([
      mined.subarray(0, 4),
      mined.subarray(6, mined.length - 38),
      mined.subarray(mined.length - 4),
    ]);
    const fields = parseHeader(fromHex(BTC_881423.header));
    const job = jobFromParts({
      coinb1: stripped.subarray(0, 52),
      coinb2: stripped.subarray(60),
      merkleBranch: BTC_881423.merkleBranch.map(fromHex),
      prevHash: fields.prevHash,
      bits: fields.bits,
    });
    // Act
    const share = headerForShare(
      job,
      stripped.subarray(52, 56),
      stripped.subarray(56, 60),
      fields.time,
      fields.nonce,
      fields.version,
    );
    // Assert
    expect(share.header.toString('hex')).toBe(BTC_881423.header);
    expect(toDisplayHex(sha256d(share.header))).toBe(BTC_881423.hash);
  });

  it('puts the rolled version, ntime and nonce little-endian into the header', () => {
    // Arrange
    const v = GBT_VECTORS[0]!;
    const job = buildJob(v.template, {
      payouts: [{ scriptPubKey: PAYOUT, valueSats: v.template.coinbaseValueSats }],
      extranonce1Size: 2,
      extranonce2Size: 6,
      tag: 't',
    });
    // Act
    const { header } = headerForShare(
      job,
      Buffer.alloc(2),
      Buffer.alloc(6),
      0x6927b489,
      0x01020304,
      0x3fffe000,
    );
    // Assert
    expect(header.subarray(0, 4).toString('hex')).toBe('00e0ff3f');
    expect(header.subarray(4, 36).equals(v.template.prevHash)).toBe(true);
    expect(header.subarray(68, 72).toString('hex')).toBe('89b42769');
    expect(header.subarray(72, 76).toString('hex')).toBe('ffff7f20');
    expect(header.subarray(76, 80).toString('hex')).toBe('04030201');
  });

  it('refuses extranonces of the wrong size (a caller bug: sizes are checked at decode)', () => {
    const v = GBT_VECTORS[0]!;
    const job = buildJob(v.template, {
      payouts: [{ scriptPubKey: PAYOUT, valueSats: v.template.coinbaseValueSats }],
      extranonce1Size: 4,
      extranonce2Size: 4,
      tag: 't',
    });
    expect(() => headerForShare(job, Buffer.alloc(4), Buffer.alloc(3), 0, 0, 0)).toThrow(
      RangeError,
    );
  });
});

/** A job from a real block's Stratum parts (4+4 extranonce), around a template never read. */
function jobFromParts(
  parts: Pick<StratumJob, 'coinb1' | 'coinb2' | 'merkleBranch' | 'prevHash' | 'bits'>,
): StratumJob {
  const base = GBT_VECTORS[0]!;
  const job = buildJob(base.template, {
    payouts: [{ scriptPubKey: PAYOUT, valueSats: base.template.coinbaseValueSats }],
    extranonce1Size: 4,
    extranonce2Size: 4,
    tag: 't',
  });
  return { ...job, ...parts };
}
