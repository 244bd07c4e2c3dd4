import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  heightPush,
  pushData,
  pushDataPrefix,
  readHeightPush,
  scriptNum,
  scriptNumPush,
} from './script.js';

describe('heightPush (BIP34, as CScript() << height)', () => {
  it.each([
    [0, '00'],
    [1, '51'],
    [2, '52'],
    [16, '60'],
    [17, '0111'],
    [127, '017f'],
    [128, '028000'],
    [255, '02ff00'],
    [256, '020001'],
    [500, '02f401'],
    [32767, '02ff7f'],
    [32768, '03008000'],
    [227836, '03fc7903'], // bitcoin: first block under BIP34 rules
    [881423, '030f730d'], // bitcoin: block 881,423's coinbase starts 03 0f 73 0d
    [925350, '03a61e0e'], // bitcoin: the ckpool notify for 925,350 starts 03 a6 1e 0e
    [8388607, '03ffff7f'],
    [8388608, '0400008000'],
  ])('height %i -> %s', (height, hex) => {
    // Act
    const push = heightPush(height);
    // Assert
    expect(push.toString('hex')).toBe(hex);
    expect(readHeightPush(push)).toBe(height);
  });

  it('rejects negative and fractional heights', () => {
    expect(() => heightPush(-1)).toThrow(RangeError);
    expect(() => heightPush(1.5)).toThrow(RangeError);
  });

  it('reads back any height, with trailing scriptSig bytes after it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.uint8Array({ maxLength: 20 }),
        (h, rest) => {
          // Arrange
          const scriptSig = Buffer.concat([heightPush(h), rest]);
          // Act / Assert
          expect(readHeightPush(scriptSig)).toBe(h);
        },
      ),
    );
  });

  it('refuses non-minimal height pushes', () => {
    expect(readHeightPush(Buffer.from('0101', 'hex'))).toBeUndefined(); // 1 must be OP_1
    expect(readHeightPush(Buffer.from('03640000', 'hex'))).toBeUndefined(); // 100 padded
    expect(readHeightPush(Buffer.from('0180', 'hex'))).toBeUndefined(); // negative
    expect(readHeightPush(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('scriptNum (CScriptNum serialization)', () => {
  it.each([
    [0, ''],
    [1, '01'],
    [-1, '81'],
    [127, '7f'],
    [-127, 'ff'],
    [128, '8000'],
    [-128, '8080'],
    [255, 'ff00'],
    [-255, 'ff80'],
    [256, '0001'],
    [-32768, '008080'],
    [2147483647, 'ffffff7f'],
    [-2147483648, '0000008080'],
  ])('%i -> %s', (n, hex) => {
    expect(scriptNum(n).toString('hex')).toBe(hex);
  });

  it('pushes small numbers as single opcodes', () => {
    expect(scriptNumPush(-1).toString('hex')).toBe('4f');
    expect(scriptNumPush(0).toString('hex')).toBe('00');
    expect(scriptNumPush(16).toString('hex')).toBe('60');
    expect(scriptNumPush(-2).toString('hex')).toBe('0182');
  });
});

describe('pushData', () => {
  it.each([
    [0, '00'],
    [1, '01'],
    [75, '4b'],
    [76, '4c4c'],
    [255, '4cff'],
    [256, '4d0001'],
    [65535, '4dffff'],
    [65536, '4e00000100'],
  ])('prefix for %i bytes is %s', (n, hex) => {
    expect(pushDataPrefix(n).toString('hex')).toBe(hex);
  });

  it('is the prefix followed by the data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (data) => {
        // Act
        const push = pushData(data);
        // Assert
        const prefix = pushDataPrefix(data.length);
        expect(push.subarray(0, prefix.length).equals(prefix)).toBe(true);
        expect(push.subarray(prefix.length).equals(Buffer.from(data))).toBe(true);
      }),
    );
  });
});
