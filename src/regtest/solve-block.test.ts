import { describe, expect, it } from 'vitest';
import { ChimeraError } from '../errors.js';
import { GBT_VECTORS, POW_VECTORS } from '../pool/core/block/block.fixtures.js';
import { buildJob, decodeBlock } from '../pool/core/block/index.js';
import { blockHashHex, grindNonce, MISSES_TARGET, scryptPowHash, solveJob } from './solve-block.js';

const LITECOIN_VECTORS = GBT_VECTORS.filter((v) => v.name.startsWith('litecoind'));
const PAYOUT = Buffer.from('0014' + '42'.repeat(20), 'hex');
const EN1 = Buffer.from('a1b2c3d4', 'hex');
const EN2 = Buffer.alloc(8, 7);

describe('scryptPowHash / blockHashHex', () => {
  it.each(POW_VECTORS.scrypt_headers.map((v) => [v.name, v] as const))(
    '%s: the published proof-of-work hash and block id',
    (_name, v) => {
      const header = Buffer.from(v.header_hex, 'hex');
      expect(scryptPowHash(header)).toBe(BigInt(`0x${v.pow_hash_scrypt_1024_1_1}`));
      expect(blockHashHex(header)).toBe(v.block_hash_sha256d);
    },
  );
});

describe('solveJob', () => {
  it.each(LITECOIN_VECTORS.map((v) => [v.name, v] as const))(
    '%s: a block of the pool job whose header meets the template target',
    (_name, { template }) => {
      // Arrange
      const job = buildJob(template, {
        payouts: [{ scriptPubKey: PAYOUT, valueSats: template.coinbaseValueSats }],
        extranonce1Size: 4,
        extranonce2Size: 8,
        tag: '/chimera/',
      });
      // Act
      const solved = solveJob(job, { extranonce1: EN1, extranonce2: EN2 });
      // Assert
      const decoded = decodeBlock(solved.block);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(decoded.block.header.nonce).toBe(solved.nonce);
      expect(decoded.block.transactions).toHaveLength(1 + template.transactions.length);
      expect(solved.powHash).toBe(scryptPowHash(solved.share.header));
      expect(solved.powHash <= template.target).toBe(true);
      expect(solved.blockHash).toBe(blockHashHex(solved.share.header));
      expect(solved.blockHex).toBe(solved.block.toString('hex'));
      expect(solved.block.subarray(0, 80)).toEqual(solved.share.header);
    },
  );

  it('grinds for a hash above the target when that is what is wanted', () => {
    const { template } = LITECOIN_VECTORS[0]!;
    const job = buildJob(template, {
      payouts: [{ scriptPubKey: PAYOUT, valueSats: template.coinbaseValueSats }],
      extranonce1Size: 4,
      extranonce2Size: 8,
      tag: '/chimera/',
    });
    const solved = solveJob(job, { extranonce1: EN1, extranonce2: EN2, wanted: MISSES_TARGET });
    expect(solved.powHash > template.target).toBe(true);
  });
});

describe('grindNonce', () => {
  it('starts at the nonce asked, leaves the input header alone, and gives up after the range', () => {
    const header = Buffer.alloc(80, 1);
    const ground = grindNonce(header, 1n << 256n, { startNonce: 0xfffffffe });
    expect(ground.nonce).toBe(0xfffffffe);
    expect(ground.header.readUInt32LE(76)).toBe(0xfffffffe);
    expect(header.equals(Buffer.alloc(80, 1))).toBe(true);
    let err: unknown;
    try {
      grindNonce(header, 0n, { wanted: () => false, maxNonces: 3 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ChimeraError);
    expect((err as ChimeraError).code).toBe('REGTEST_NO_SOLUTION');
  });
});
