import { describe, expect, it } from 'vitest';
import type { ShareRecord } from '../../sim/miners/index.js';
import { referenceOver, type KeptBlock } from './payout-check.js';
import type { TruthRow } from './truth-shares.js';

function accepted(account: string, hash: string, mustRefuse = false): TruthRow {
  const record = { hash, answer: { kind: 'accepted' } } as ShareRecord;
  return {
    farm: account,
    behaviourClass: mustRefuse ? 'malicious' : 'honest',
    account,
    minerKey: account,
    record,
    work: 10n,
    shrinkDigits: 0,
    mustRefuse,
  };
}

/** Regtest's easiest bits: 2 hashes a block, so a 100x window (200) holds every share here. */
const BLOCK: KeptBlock = {
  hash: 'b1',
  powHash: 'h4',
  height: 1,
  rewardSats: 900n,
  bits: 0x207fffff,
};
const TERMS = { kept: [BLOCK], feeBps: 0, windowFactor: { num: 100n, den: 1n } };

describe('referenceOver', () => {
  // Arrange: a cheat's share the pool wrongly accepted sits among honest work; the honest
  // miner's fourth share is the block, and one more share follows it.
  const shares = [
    accepted('honest', 'h1'),
    accepted('cheat', 'h2', true),
    accepted('honest', 'h3'),
    accepted('honest', 'h4'),
    accepted('cheat', 'h5'),
  ];

  it('pays every accepted share up to the block when all count', () => {
    // Act
    const [paid] = referenceOver({ ...TERMS, accepted: shares }, () => true);
    // Assert: 30 of 40 work to honest, 10 to the cheat; the share after the block is not paid
    expect(paid?.credits).toEqual(
      new Map([
        ['cheat', 225n],
        ['honest', 675n],
      ]),
    );
  });

  it('pays what a correct pool would when the shares it must refuse are left out', () => {
    // Act
    const [paid] = referenceOver({ ...TERMS, accepted: shares }, (row) => !row.mustRefuse);
    // Assert: the block's window still ends at its own share
    expect(paid?.credits).toEqual(new Map([['honest', 900n]]));
  });
});
