import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChimeraError } from '../../../errors.js';
import { decodeAddress } from './decode.js';
import { encodeAddress } from './encode.js';
import {
  BITCOIN_MAINNET,
  BITCOIN_REGTEST,
  LITECOIN_MAINNET,
  LITECOIN_REGTEST,
  type AddressParams,
} from './params.js';
import { classifyScript, p2pkhScript, p2shScript, witnessScript } from './script-pubkey.js';

/** Bitcoin testnet: the network of BIP173/350's tb1 vectors (base58 shared with regtest). */
const BITCOIN_TESTNET: AddressParams = {
  bech32Hrp: 'tb',
  pubKeyHashPrefix: 111,
  scriptHashPrefixes: [196],
};
const paramsFor = (address: string): AddressParams =>
  address.toLowerCase().startsWith('tb1') ? BITCOIN_TESTNET : BITCOIN_MAINNET;

// BIP350 "Test vectors for v0-v16 native segregated witness addresses": valid.
const BIP350_VALID = [
  [
    'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
    '0014751e76e8199196d454941c45d1b3a323f1433bd6',
    'p2wpkh',
  ],
  [
    'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
    '00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262',
    'p2wsh',
  ],
  [
    'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
    '5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6',
    'witness',
  ],
  ['BC1SW50QGDZ25J', '6002751e', 'witness'],
  ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', '5210751e76e8199196d454941c45d1b3a323', 'witness'],
  [
    'tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy',
    '0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433',
    'p2wsh',
  ],
  [
    'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c',
    '5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433',
    'p2tr',
  ],
  [
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
    '512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798',
    'p2tr',
  ],
] as const;

// BIP350 invalid addresses, then BIP173's invalid list (whose checksum cases still apply).
const INVALID = [
  ['tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', 'invalid hrp'],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', 'bech32 for v1'],
  ['tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf', 'bech32 for v2'],
  ['BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL', 'bech32 for v16'],
  ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'bech32m for v0'],
  ['tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47', 'bech32m for v0'],
  ['bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', 'invalid character'],
  ['BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', 'witness version 17'],
  ['bc1pw5dgrnzv', '1-byte program'],
  [
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav',
    '41-byte program',
  ],
  ['BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', '16-byte v0 program'],
  ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq', 'mixed case'],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf', 'zero padding > 4 bits'],
  ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j', 'non-zero padding'],
  ['bc1gmk9yu', 'empty data section'],
  ['tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty', 'BIP173: invalid hrp'],
  ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'BIP173: invalid checksum'],
  ['BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2', 'BIP173: invalid witness version'],
  ['bc1rw5uspcuh', 'BIP173: invalid program length'],
  [
    'bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90',
    'BIP173: too long',
  ],
  ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7', 'BIP173: mixed case'],
  ['bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du', 'BIP173: zero padding > 4 bits'],
  ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv', 'BIP173: non-zero padding'],
] as const;

// Public addresses with the scripts their own nodes reported (bitcoind / litecoind output).
const KNOWN = [
  // bitcoin genesis coinbase key
  [
    '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
    BITCOIN_MAINNET,
    '76a91462e907b15cbf27d5425399ebf6f0fb50ebb88f1888ac',
    'p2pkh',
  ],
  // ckpool's payout in its notify for bitcoin 925,350
  [
    'bc1qnp980s5fpp8l94p5cvttmtdqy8rvrq74qly2yrfmzkdsntqzlc5qkc4rkq',
    BITCOIN_MAINNET,
    '0020984a77c289084ff2d434c316bdada021c6c183d507c8a20d3b159b09ac02fe28',
    'p2wsh',
  ],
  // bitcoind decoderawtransaction on testnet; regtest shares its base58 prefixes
  [
    '2N8R8ak8rSL9hCKXGfyMRxKP5oHGBrETtBA',
    BITCOIN_REGTEST,
    'a914a66988a6e2b380597fb077231c2641cf5f95b46887',
    'p2sh',
  ],
  // litecoind getblock, mainnet block 2,383,207
  [
    'LQ5X1r32bU3v2TgVxE9osb2YnCZNFY6ikm',
    LITECOIN_MAINNET,
    '76a914354039ba9a6666f6b729a2570fb8b660e86f142288ac',
    'p2pkh',
  ],
  [
    'MDimCu3RTwbJgUxMd5RSDCakKtkXz7ogmu',
    LITECOIN_MAINNET,
    'a9143fd95fa4523273778f3b84661e8da8db9fbb53c287',
    'p2sh',
  ],
  [
    'MMrZTm65KnT1cZogcw4FTAjX9jaGfqDjUK',
    LITECOIN_MAINNET,
    'a9149913e785936f4d5299cf2649c09656a4b521598f87',
    'p2sh',
  ],
  [
    'ltc1q6u2lydrr8y2fda80464g2nskwq4epf9xmx47v4',
    LITECOIN_MAINNET,
    '0014d715f23463391496f4efaeaa854e16702b90a4a6',
    'p2wpkh',
  ],
  [
    'ltc1q95j4ewgx6np24c4zk95hphcav4nkqmj2k0shs2',
    LITECOIN_MAINNET,
    '00142d255cb906d4c2aae2a2b16970df1d6567606e4a',
    'p2wpkh',
  ],
] as const;

describe('decodeAddress / encodeAddress', () => {
  it.each(BIP350_VALID)('BIP350 valid %s', (address, script, kind) => {
    // Act
    const decoded = decodeAddress(address, paramsFor(address));
    // Assert
    expect(decoded).toEqual({ ok: true, scriptPubKey: Buffer.from(script, 'hex'), kind });
    expect(encodeAddress(Buffer.from(script, 'hex'), paramsFor(address))).toBe(
      address.toLowerCase(),
    );
  });

  it.each(INVALID)('rejects %s (%s) on mainnet and testnet', (address) => {
    for (const params of [BITCOIN_MAINNET, BITCOIN_TESTNET]) {
      const decoded = decodeAddress(address, params);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.error.length).toBeGreaterThan(0);
    }
  });

  it.each(KNOWN)('%s pays %s', (address, params, script, kind) => {
    // Act
    const decoded = decodeAddress(address, params);
    // Assert
    expect(decoded).toEqual({ ok: true, scriptPubKey: Buffer.from(script, 'hex'), kind });
    expect(encodeAddress(Buffer.from(script, 'hex'), params)).toBe(address);
  });

  it('says why: checksum variant, hrp, version byte, mixed case', () => {
    expect(decodeAddress('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', BITCOIN_MAINNET)).toEqual({
      ok: false,
      error: 'witness v0 must use bech32 (BIP173)',
    });
    expect(
      decodeAddress(
        'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd',
        BITCOIN_MAINNET,
      ),
    ).toEqual({ ok: false, error: 'witness v1 must use bech32m (BIP350)' });
    expect(decodeAddress('ltc1q6u2lydrr8y2fda80464g2nskwq4epf9xmx47v4', BITCOIN_MAINNET)).toEqual({
      ok: false,
      error: "address is for hrp 'ltc', this network uses 'bc'",
    });
    expect(decodeAddress('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', LITECOIN_MAINNET)).toEqual({
      ok: false,
      error: "base58 version byte 0 is not this network's",
    });
    expect(decodeAddress('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', BITCOIN_MAINNET).ok).toBe(false);
    expect(
      decodeAddress(
        'tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq',
        BITCOIN_TESTNET,
      ),
    ).toEqual({ ok: false, error: 'mixed case in a bech32 address' });
    expect(decodeAddress('', BITCOIN_MAINNET).ok).toBe(false);
  });

  it("litecoin reads the old '3' P2SH form and writes the 'M' form", () => {
    // Arrange
    const script = Buffer.from('a9143fd95fa4523273778f3b84661e8da8db9fbb53c287', 'hex');
    const legacy = encodeAddress(script, BITCOIN_MAINNET);
    // Act
    const decoded = decodeAddress(legacy, LITECOIN_MAINNET);
    // Assert
    expect(legacy.startsWith('3')).toBe(true);
    expect(decoded).toEqual({ ok: true, scriptPubKey: script, kind: 'p2sh' });
    expect(encodeAddress(script, LITECOIN_MAINNET)).toBe('MDimCu3RTwbJgUxMd5RSDCakKtkXz7ogmu');
  });

  it('regtest addresses carry their prefixes: bcrt1/rltc1, m|n, 2 and Q', () => {
    // Arrange
    const hash = Buffer.alloc(20, 0x11);
    // Act / Assert
    expect(encodeAddress(witnessScript(0, hash), BITCOIN_REGTEST).startsWith('bcrt1q')).toBe(true);
    expect(encodeAddress(witnessScript(0, hash), LITECOIN_REGTEST).startsWith('rltc1q')).toBe(true);
    expect(encodeAddress(p2pkhScript(hash), LITECOIN_REGTEST)).toMatch(/^[mn]/);
    expect(encodeAddress(p2shScript(hash), BITCOIN_REGTEST)).toMatch(/^2/);
    expect(encodeAddress(p2shScript(hash), LITECOIN_REGTEST)).toMatch(/^Q/);
    const regtest = decodeAddress('bcrt1qs758ursh4q9z627kt3pp5yysm78ddny6txaqgw', BITCOIN_REGTEST);
    expect(regtest.ok && regtest.kind).toBe('p2wpkh');
  });

  it('round-trips every standard script on every network', () => {
    const script = fc.oneof(
      fc.uint8Array({ minLength: 20, maxLength: 20 }).map(p2pkhScript),
      fc.uint8Array({ minLength: 20, maxLength: 20 }).map(p2shScript),
      fc.uint8Array({ minLength: 20, maxLength: 20 }).map((p) => witnessScript(0, p)),
      fc.uint8Array({ minLength: 32, maxLength: 32 }).map((p) => witnessScript(0, p)),
      fc
        .tuple(fc.integer({ min: 1, max: 16 }), fc.uint8Array({ minLength: 2, maxLength: 40 }))
        .map(([v, p]) => witnessScript(v, p)),
    );
    const network = fc.constantFrom(
      BITCOIN_MAINNET,
      BITCOIN_REGTEST,
      LITECOIN_MAINNET,
      LITECOIN_REGTEST,
    );
    fc.assert(
      fc.property(script, network, (s, params) => {
        // Act
        const address = encodeAddress(s, params);
        const decoded = decodeAddress(address, params);
        // Assert
        expect(decoded).toEqual({ ok: true, scriptPubKey: s, kind: classifyScript(s)?.kind });
      }),
    );
  });

  it('refuses to encode a script with no address form', () => {
    expect(() => encodeAddress(Buffer.from('6a0401020304', 'hex'), BITCOIN_MAINNET)).toThrow(
      ChimeraError,
    );
    expect(() =>
      encodeAddress(Buffer.from('0010' + '00'.repeat(16), 'hex'), BITCOIN_MAINNET),
    ).toThrow(/ADDRESS_NO_FORM/);
  });
});
