import { describe, expect, it } from 'vitest';
import {
  encodeConfigureResult,
  encodeError,
  encodeNotify,
  encodeReconnect,
  encodeResult,
  encodeSetDifficulty,
  encodeSetExtranonce,
  encodeSetVersionMask,
  encodeShowMessage,
  encodeSubscribeResult,
} from './encode.js';
import {
  encodeAuthorizeRequest,
  encodeConfigureRequest,
  encodeExtranonceSubscribeRequest,
  encodeMultiVersionRequest,
  encodeSubmitRequest,
  encodeSubscribeRequest,
  encodeSuggestDifficultyRequest,
  encodeSuggestTargetRequest,
} from './encode-requests.js';
import { STRATUM_ERRORS } from './error-codes.js';

describe('pool line encoders: the exact bytes miners see', () => {
  it('writes results and errors in the id / result / error order', () => {
    expect(encodeResult(4, true)).toBe('{"id":4,"result":true,"error":null}\n');
    expect(encodeResult('a', null)).toBe('{"id":"a","result":null,"error":null}\n');
    expect(encodeError(null, STRATUM_ERRORS.duplicateShare)).toBe(
      '{"id":null,"result":null,"error":[22,"Duplicate share",null]}\n',
    );
  });

  it('writes the subscribe result with both subscriptions', () => {
    expect(
      encodeSubscribeResult(1, {
        subscriptionId: 'ae6812eb',
        extranonce1: '08000002',
        extranonce2Size: 4,
      }),
    ).toBe(
      '{"id":1,"result":[[["mining.set_difficulty","ae6812eb"],["mining.notify","ae6812eb"]],"08000002",4],"error":null}\n',
    );
  });

  it('writes the BIP 310 configure answer, one entry per extension', () => {
    expect(
      encodeConfigureResult(1, {
        versionRolling: { mask: 0x18000000 },
        minimumDifficulty: true,
        unsupported: ['x-future'],
      }),
    ).toBe(
      '{"id":1,"result":{"version-rolling":true,"version-rolling.mask":"18000000","minimum-difficulty":true,"x-future":false},"error":null}\n',
    );
    expect(encodeConfigureResult(2, { versionRolling: false })).toBe(
      '{"id":2,"result":{"version-rolling":false},"error":null}\n',
    );
    expect(encodeConfigureResult(3, { unsupported: ['__proto__'] })).toBe(
      '{"id":3,"result":{"__proto__":false},"error":null}\n',
    );
  });

  it('writes difficulty as a JSON number, fractional when it is', () => {
    expect(encodeSetDifficulty(0.0001)).toBe(
      '{"id":null,"method":"mining.set_difficulty","params":[0.0001]}\n',
    );
    expect(encodeSetDifficulty(65536)).toBe(
      '{"id":null,"method":"mining.set_difficulty","params":[65536]}\n',
    );
  });

  it('writes mining.notify params in protocol order', () => {
    const line = encodeNotify({
      jobId: 'bf',
      prevHash: 'ab'.repeat(32),
      coinb1: '01',
      coinb2: '02',
      merkleBranch: ['cd'.repeat(32)],
      version: '20000000',
      nbits: '1d00ffff',
      ntime: '504e86b9',
      cleanJobs: true,
    });

    expect(line).toBe(
      `{"id":null,"method":"mining.notify","params":["bf","${'ab'.repeat(32)}","01","02",["${'cd'.repeat(32)}"],"20000000","1d00ffff","504e86b9",true]}\n`,
    );
  });

  it('writes the other notifications', () => {
    expect(encodeSetExtranonce('08000002', 4)).toBe(
      '{"id":null,"method":"mining.set_extranonce","params":["08000002",4]}\n',
    );
    expect(encodeSetVersionMask(0x3000)).toBe(
      '{"id":null,"method":"mining.set_version_mask","params":["00003000"]}\n',
    );
    expect(encodeReconnect({ host: 'pool.example', port: 3334, waitSeconds: 5 })).toBe(
      '{"id":null,"method":"client.reconnect","params":["pool.example",3334,5]}\n',
    );
    expect(encodeReconnect()).toBe('{"id":null,"method":"client.reconnect","params":[]}\n');
    expect(encodeShowMessage('line\nbreak')).toBe(
      '{"id":null,"method":"client.show_message","params":["line\\nbreak"]}\n',
    );
  });

  it('throws on values JSON would turn into something else (bugs in the caller)', () => {
    expect(() => encodeSetDifficulty(Number.NaN)).toThrow(/STRATUM_ENCODE_INVALID/);
    expect(() => encodeSetDifficulty(0)).toThrow(/STRATUM_ENCODE_INVALID/);
    expect(() => encodeSetDifficulty(Infinity)).toThrow(/STRATUM_ENCODE_INVALID/);
    expect(() => encodeSetVersionMask(2 ** 32)).toThrow(/STRATUM_ENCODE_INVALID/);
    expect(() => encodeSetExtranonce('00', 4.5)).toThrow(/STRATUM_ENCODE_INVALID/);
    expect(() => encodeReconnect({ host: 'h', port: 0 })).toThrow(/STRATUM_ENCODE_INVALID/);
    expect(() =>
      encodeSubscribeResult(1, { subscriptionId: 's', extranonce1: '00', extranonce2Size: -1 }),
    ).toThrow(/STRATUM_ENCODE_INVALID/);
  });
});

describe('miner request encoders: the lines virtual miners send', () => {
  it('writes classic subscribe and authorize lines', () => {
    expect(encodeSubscribeRequest(1, { userAgent: 'chimera/0.1' })).toBe(
      '{"id":1,"method":"mining.subscribe","params":["chimera/0.1"]}\n',
    );
    expect(encodeSubscribeRequest(1)).toBe('{"id":1,"method":"mining.subscribe","params":[]}\n');
    expect(encodeSubscribeRequest(1, { userAgent: 'ua', port: 3333 })).toBe(
      '{"id":1,"method":"mining.subscribe","params":["ua",null,null,3333]}\n',
    );
    expect(encodeAuthorizeRequest(2, 'addr.rig1', 'x')).toBe(
      '{"id":2,"method":"mining.authorize","params":["addr.rig1","x"]}\n',
    );
    expect(encodeAuthorizeRequest(2, 'addr')).toBe(
      '{"id":2,"method":"mining.authorize","params":["addr"]}\n',
    );
  });

  it('writes BIP 310 configure and a 6-param submit', () => {
    expect(
      encodeConfigureRequest(1, { versionRolling: { mask: 0x1fffe000, minBitCount: 2 } }),
    ).toBe(
      '{"id":1,"method":"mining.configure","params":[["version-rolling"],{"version-rolling.mask":"1fffe000","version-rolling.min-bit-count":2}]}\n',
    );
    expect(
      encodeSubmitRequest(4, {
        workerName: 'slush.miner1',
        jobId: 'bf',
        extranonce2: '00000001',
        ntime: '504e86ed',
        nonce: 'b2957c02',
        versionBits: '00002000',
      }),
    ).toBe(
      '{"id":4,"method":"mining.submit","params":["slush.miner1","bf","00000001","504e86ed","b2957c02","00002000"]}\n',
    );
  });

  it('writes the small requests', () => {
    expect(encodeExtranonceSubscribeRequest(3)).toBe(
      '{"id":3,"method":"mining.extranonce.subscribe","params":[]}\n',
    );
    expect(encodeSuggestDifficultyRequest(5, 1024)).toBe(
      '{"id":5,"method":"mining.suggest_difficulty","params":[1024]}\n',
    );
    expect(encodeSuggestTargetRequest(6, 0xffffn << 208n)).toBe(
      `{"id":6,"method":"mining.suggest_target","params":["00000000ffff${'0'.repeat(52)}"]}\n`,
    );
  });

  it('throws on values a miner could not mean', () => {
    expect(() => encodeSuggestDifficultyRequest(1, -1)).toThrow(/STRATUM_ENCODE_INVALID/);
    expect(() => encodeSuggestTargetRequest(1, 0n)).toThrow(/STRATUM_ENCODE_INVALID/);
    expect(() => encodeSuggestTargetRequest(1, 1n << 256n)).toThrow(/STRATUM_ENCODE_INVALID/);
    expect(() => encodeMultiVersionRequest(1, 0)).toThrow(/STRATUM_ENCODE_INVALID/);
    expect(() => encodeConfigureRequest(1, { minimumDifficulty: Number.NaN })).toThrow(
      /STRATUM_ENCODE_INVALID/,
    );
    expect(() =>
      encodeConfigureRequest(1, { versionRolling: { mask: 1, minBitCount: 33 } }),
    ).toThrow(/STRATUM_ENCODE_INVALID/);
  });
});
