import { describe, expect, it } from 'vitest';
import { readConfigureResult, readSubscribeResult } from './client-results.js';
import type { ServerMessage } from './messages.js';
import { parseServerLine } from './parse-server.js';

function message(line: string): ServerMessage {
  const result = parseServerLine(line);
  if (!result.ok) throw new Error(`expected a message, got ${JSON.stringify(result.error)}`);
  return result.message;
}

function resultOf(line: string): unknown {
  const m = message(line);
  if (m.kind !== 'response') throw new Error(`expected a response, got ${m.kind}`);
  return m.result;
}

// From slush pool's Stratum documentation.
const SLUSH_NOTIFY =
  '{"params": ["bf", "4d16b6f85af6e2198f44ae2a6de67f78487ae5611b77c6c0440b921e00000000", "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff20020862062f503253482f04b8864e5008", "072f736c7573682f000000000100f2052a010000001976a914d23fcdf86f7e756a64a7a9688ef9903327048ed988ac00000000", [], "00000002", "1c2ac4af", "504e86b9", false], "id": null, "method": "mining.notify"}';

describe('parseServerLine: lines real pools send', () => {
  it('reads a mining.notify with its 9 params', () => {
    expect(message(SLUSH_NOTIFY)).toEqual({
      kind: 'notify',
      jobId: 'bf',
      prevHash: '4d16b6f85af6e2198f44ae2a6de67f78487ae5611b77c6c0440b921e00000000',
      coinb1:
        '01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff20020862062f503253482f04b8864e5008',
      coinb2:
        '072f736c7573682f000000000100f2052a010000001976a914d23fcdf86f7e756a64a7a9688ef9903327048ed988ac00000000',
      merkleBranch: [],
      version: '00000002',
      nbits: '1c2ac4af',
      ntime: '504e86b9',
      cleanJobs: false,
    });
  });

  it('reads responses: success, Stratum error triple, JSON-RPC 2 error object, error: false', () => {
    expect(message('{"error": null, "id": 2, "result": true}')).toEqual({
      kind: 'response',
      id: 2,
      result: true,
      error: undefined,
    });
    expect(
      message('{"id": 10, "result": null, "error": [21, "Job not found", null]}'),
    ).toMatchObject({
      error: { code: 21, message: 'Job not found' },
    });
    expect(message('{"jsonrpc":"2.0","id":"x","error":{"code":-32601,"message":"nope"}}')).toEqual({
      kind: 'response',
      id: 'x',
      result: null,
      error: { code: -32601, message: 'nope' },
    });
    expect(message('{"id":1,"result":{"version-rolling":true},"error":false}')).toMatchObject({
      error: undefined,
    });
    expect(message('{"id":1,"result":false,"error":"Invalid version mask"}')).toMatchObject({
      error: { code: 20, message: 'Invalid version mask' },
    });
    expect(message('{"id":1,"result":false,"error":[null]}')).toMatchObject({
      error: { code: 20 },
    });
  });

  it('reads set_difficulty (fractional), set_extranonce and set_version_mask', () => {
    expect(message('{"id": null, "method": "mining.set_difficulty", "params": [0.0001]}')).toEqual({
      kind: 'set-difficulty',
      difficulty: 0.0001,
    });
    expect(message('{"id":null,"method":"mining.set_extranonce","params":["08000002",4]}')).toEqual(
      {
        kind: 'set-extranonce',
        extranonce1: '08000002',
        extranonce2Size: 4,
      },
    );
    expect(
      message('{"params":["00003000"], "id":null, "method": "mining.set_version_mask"}'),
    ).toEqual({
      kind: 'set-version-mask',
      mask: 0x3000,
    });
  });

  it('reads client.reconnect with a numeric or quoted port, or with no params', () => {
    expect(
      message('{"id":null,"method":"client.reconnect","params":["pool.example",3334,5]}'),
    ).toEqual({
      kind: 'reconnect',
      host: 'pool.example',
      port: 3334,
      waitSeconds: 5,
    });
    expect(
      message('{"id":null,"method":"client.reconnect","params":["pool.example","3334"]}'),
    ).toMatchObject({
      port: 3334,
      waitSeconds: undefined,
    });
    expect(message('{"id":null,"method":"client.reconnect","params":[]}')).toEqual({
      kind: 'reconnect',
      host: undefined,
      port: undefined,
      waitSeconds: undefined,
    });
  });

  it('reads show_message, and passes unknown calls on with their id (client.get_version)', () => {
    expect(
      message('{"id":null,"method":"client.show_message","params":["maintenance at 12:00"]}'),
    ).toEqual({
      kind: 'show-message',
      text: 'maintenance at 12:00',
    });
    expect(message('{"id":77,"method":"client.get_version","params":[]}')).toEqual({
      kind: 'unknown-notification',
      id: 77,
      method: 'client.get_version',
      params: [],
    });
  });

  it('refuses malformed notifications as invalid params', () => {
    const notifyWith8 = SLUSH_NOTIFY.replace(', false]', ']');
    const shortPrevHash = SLUSH_NOTIFY.replace('4d16b6f8', '4d16');
    const badBranch = SLUSH_NOTIFY.replace('[], "00000002"', '["abcd"], "00000002"');
    for (const line of [
      notifyWith8,
      shortPrevHash,
      badBranch,
      '{"id":null,"method":"mining.set_difficulty","params":[0]}',
      '{"id":null,"method":"mining.set_difficulty","params":["2"]}',
      '{"id":null,"method":"mining.set_extranonce","params":["0800000",4]}',
      '{"id":null,"method":"mining.set_extranonce","params":["08000002",33]}',
      '{"id":null,"method":"mining.set_version_mask","params":["1fffe0000"]}',
      '{"id":null,"method":"client.reconnect","params":["h",70000]}',
      '{"id":null,"method":"client.show_message","params":[]}',
    ]) {
      const result = parseServerLine(line);
      expect(result.ok ? 'parsed' : result.error.reason, line).toBe('invalid-params');
    }
  });

  it('refuses lines that are neither a call nor a response', () => {
    for (const line of [
      '{"id":1}',
      '[]',
      'true',
      '{"id":1,"method":7}',
      '{"method":"mining.notify","params":{}}',
    ]) {
      const result = parseServerLine(line);
      expect(result.ok ? 'parsed' : result.error.reason, line).toBe('invalid-request');
    }
    expect(parseServerLine('{"id":1,"result":')).toMatchObject({
      ok: false,
      error: { code: -32700 },
    });
  });
});

describe('readSubscribeResult', () => {
  it('reads the slush form: a list of [method, id] pairs', () => {
    const result = resultOf(
      '{"id": 1, "result": [ [ ["mining.set_difficulty", "b4b6693b72a50c7116db18d6497cac52"], ["mining.notify", "ae6812eb4cd7735a302a8a9dd95cf71f"]], "08000002", 4], "error": null}',
    );

    expect(readSubscribeResult(result)).toEqual({
      subscriptions: [
        ['mining.set_difficulty', 'b4b6693b72a50c7116db18d6497cac52'],
        ['mining.notify', 'ae6812eb4cd7735a302a8a9dd95cf71f'],
      ],
      extranonce1: '08000002',
      extranonce2Size: 4,
    });
  });

  it('reads the ckpool form and the early single-pair form', () => {
    expect(
      readSubscribeResult(
        resultOf('{"result":[[["mining.notify","a1b2c3d4"]],"a1b2c3d4",8],"id":0,"error":null}'),
      ),
    ).toEqual({
      subscriptions: [['mining.notify', 'a1b2c3d4']],
      extranonce1: 'a1b2c3d4',
      extranonce2Size: 8,
    });
    expect(readSubscribeResult([['mining.notify', 'ae68'], 'f8002c90', 4])).toEqual({
      subscriptions: [['mining.notify', 'ae68']],
      extranonce1: 'f8002c90',
      extranonce2Size: 4,
    });
  });

  it('refuses results without a hex extranonce1 and a sane extranonce2 size', () => {
    expect(readSubscribeResult(true)).toBeUndefined();
    expect(readSubscribeResult([[], 'xyz1', 4])).toBeUndefined();
    expect(readSubscribeResult([[], '08000002', 4.5])).toBeUndefined();
    expect(readSubscribeResult([[], '08000002', 64])).toBeUndefined();
  });
});

describe('readConfigureResult', () => {
  it('reads the BIP 310 example answers', () => {
    expect(
      readConfigureResult({
        'version-rolling': true,
        'version-rolling.mask': '18000000',
        'minimum-difficulty': true,
      }),
    ).toEqual({ versionRolling: { mask: 0x18000000 }, minimumDifficulty: true });
    expect(readConfigureResult({ 'version-rolling': false })).toEqual({ versionRolling: false });
  });

  it('keeps error strings, lists unknown extensions answered false, skips extension data', () => {
    expect(
      readConfigureResult({
        'minimum-difficulty': 'too low',
        'subscribe-extranonce': true,
        info: false,
        'x-future': false,
        'x-future.detail': false,
        'version-rolling': true,
        'version-rolling.mask': '1fffe000',
        'version-rolling.min-bit-count': 2,
      }),
    ).toEqual({
      minimumDifficulty: 'too low',
      subscribeExtranonce: true,
      info: false,
      unsupported: ['x-future'],
      versionRolling: { mask: 0x1fffe000, minBitCount: 2 },
    });
  });

  it('treats version rolling accepted without a readable mask as an error', () => {
    const result = readConfigureResult({ 'version-rolling': true });

    expect(typeof result?.versionRolling).toBe('string');
    expect(readConfigureResult([])).toBeUndefined();
  });
});
