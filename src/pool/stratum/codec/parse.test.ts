import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter.js';
import type { ParseResult, StratumRequest } from './messages.js';
import { parseStratumLine } from './parse.js';

function request(line: string): StratumRequest {
  const result = parseStratumLine(line);
  if (!result.ok) throw new Error(`expected a request, got ${JSON.stringify(result.error)}`);
  return result.request;
}

function failure(line: string): Extract<ParseResult, { ok: false }>['error'] {
  const result = parseStratumLine(line);
  if (result.ok) throw new Error(`expected an error, got ${result.request.method}`);
  return result.error;
}

describe('parseStratumLine: lines real miners send', () => {
  it('reads cpuminer 2.5 subscribe, authorize and submit (spaced JSON, 5 submit params)', () => {
    expect(
      request('{"id": 1, "method": "mining.subscribe", "params": ["cpuminer/2.5.1"]}'),
    ).toEqual({
      method: 'mining.subscribe',
      id: 1,
      userAgent: 'cpuminer/2.5.1',
      sessionId: undefined,
      host: undefined,
      port: undefined,
    });
    expect(
      request(
        '{"id": 2, "method": "mining.authorize", "params": ["LbTjMGN7gELw4KbeyQf6cTCq859hD18guE.rig1", "x"]}',
      ),
    ).toEqual({
      method: 'mining.authorize',
      id: 2,
      username: 'LbTjMGN7gELw4KbeyQf6cTCq859hD18guE.rig1',
      address: 'LbTjMGN7gELw4KbeyQf6cTCq859hD18guE',
      worker: 'rig1',
      password: 'x',
    });
    expect(
      request(
        '{"method": "mining.submit", "params": ["LbTjMGN7gELw4KbeyQf6cTCq859hD18guE.rig1", "1c", "00000000", "5f5e1000", "a0b1c2d3"], "id":4}',
      ),
    ).toEqual({
      method: 'mining.submit',
      id: 4,
      workerName: 'LbTjMGN7gELw4KbeyQf6cTCq859hD18guE.rig1',
      jobId: '1c',
      extranonce2: '00000000',
      ntime: '5f5e1000',
      nonce: 'a0b1c2d3',
      versionBits: undefined,
    });
  });

  it('reads cgminer resuming a session by extranonce1', () => {
    expect(
      request('{"id": 0, "method": "mining.subscribe", "params": ["cgminer/4.10.0", "08000002"]}'),
    ).toMatchObject({
      userAgent: 'cgminer/4.10.0',
      sessionId: '08000002',
    });
  });

  it('reads bmminer version rolling: BIP 310 configure and a 6-param submit', () => {
    const configure = request(
      '{"method": "mining.configure","id": 1,"params": [["version-rolling"], {"version-rolling.mask": "1fffe000","version-rolling.min-bit-count": 2}]}',
    );
    const submit = request(
      '{"params": ["slush.miner1", "bf", "00000001", "504e86ed", "b2957c02", "00002000"], "id": 4, "method": "mining.submit"}',
    );

    expect(configure).toEqual({
      method: 'mining.configure',
      id: 1,
      extensions: ['version-rolling'],
      versionRolling: { ok: true, value: { mask: 0x1fffe000, minBitCount: 2 } },
      minimumDifficulty: undefined,
      subscribeExtranonce: false,
      info: undefined,
    });
    expect(submit).toMatchObject({
      method: 'mining.submit',
      workerName: 'slush.miner1',
      versionBits: '00002000',
    });
  });

  it('reads the full BIP 310 example, and a configure without min-bit-count (Braiins OS)', () => {
    const full = request(
      '{"method":"mining.configure","id":1,"params":[["minimum-difficulty","version-rolling","subscribe-extranonce","info"],{"minimum-difficulty.value":2048,"version-rolling.mask":"1fffe000","version-rolling.min-bit-count":2,"info.hw-version":"S9","info.sw-version":"2018.1","info.connection-url":"stratum+tcp://pool:3333"}]}',
    );
    const bare = request(
      '{"id":1,"method":"mining.configure","params":[["version-rolling"],{"version-rolling.mask":"ffffffff"}]}',
    );

    expect(full).toMatchObject({
      minimumDifficulty: { ok: true, value: 2048 },
      versionRolling: { ok: true, value: { mask: 0x1fffe000, minBitCount: 2 } },
      subscribeExtranonce: true,
      info: {
        ok: true,
        value: {
          'hw-version': 'S9',
          'sw-version': '2018.1',
          'connection-url': 'stratum+tcp://pool:3333',
        },
      },
    });
    expect(bare).toMatchObject({
      versionRolling: { ok: true, value: { mask: 0xffffffff, minBitCount: undefined } },
    });
  });

  it('fails a bad extension parameter on its own, keeping the others', () => {
    const configure = request(
      '{"id":1,"method":"mining.configure","params":[["version-rolling","minimum-difficulty","x-future"],{"version-rolling.mask":"zz","minimum-difficulty.value":16}]}',
    );

    expect(configure).toMatchObject({
      extensions: ['version-rolling', 'minimum-difficulty', 'x-future'],
      versionRolling: {
        ok: false,
        message: expect.stringContaining('version-rolling.mask') as unknown,
      },
      minimumDifficulty: { ok: true, value: 16 },
    });
  });

  it('defaults a missing version-rolling mask to the full mask, and a missing parameter map to {}', () => {
    expect(
      request('{"id":1,"method":"mining.configure","params":[["version-rolling"]]}'),
    ).toMatchObject({
      versionRolling: { ok: true, value: { mask: 0xffffffff } },
    });
  });

  it('reads NiceHash extranonce.subscribe, with params and without', () => {
    expect(request('{"id": 3, "method": "mining.extranonce.subscribe", "params": []}')).toEqual({
      method: 'mining.extranonce.subscribe',
      id: 3,
    });
    expect(request('{"id":3,"method":"mining.extranonce.subscribe"}')).toEqual({
      method: 'mining.extranonce.subscribe',
      id: 3,
    });
  });

  it('reads a Bitaxe suggest_difficulty sent without an id', () => {
    expect(request('{"method":"mining.suggest_difficulty","params":[0.5]}')).toEqual({
      method: 'mining.suggest_difficulty',
      id: null,
      difficulty: 0.5,
    });
  });

  it('reads suggest_target, get_transactions and multi_version', () => {
    expect(
      request(
        `{"id":5,"method":"mining.suggest_target","params":["${'0'.repeat(8)}ffff${'0'.repeat(52)}"]}`,
      ),
    ).toEqual({
      method: 'mining.suggest_target',
      id: 5,
      target: 0xffffn << 208n,
    });
    expect(request('{"id":"a","method":"mining.get_transactions","params":["1c"]}')).toEqual({
      method: 'mining.get_transactions',
      id: 'a',
      jobId: '1c',
    });
    expect(request('{"id":6,"method":"mining.multi_version","params":[4]}')).toEqual({
      method: 'mining.multi_version',
      id: 6,
      version: 4,
    });
  });

  it('reads lines that arrived with \\r\\n through the splitter', () => {
    const splitter = new LineSplitter();
    const wire = Buffer.from(
      '{"id": 1, "method": "mining.subscribe", "params": ["bfgminer/5.5.0"]}\r\n{"id": 2, "method": "mining.authorize", "params": ["addr", null]}\r\n',
    );

    const parsed = splitter
      .push(wire)
      .map((e) => (e.kind === 'line' ? request(e.text) : undefined));

    expect(parsed).toMatchObject([
      { method: 'mining.subscribe', userAgent: 'bfgminer/5.5.0' },
      { method: 'mining.authorize', address: 'addr', worker: undefined, password: undefined },
    ]);
  });
});

describe('parseStratumLine: normalising', () => {
  it('splits the username at the first dot only; an empty worker is no worker', () => {
    expect(request('{"id":1,"method":"mining.authorize","params":["addr.rig.7"]}')).toMatchObject({
      address: 'addr',
      worker: 'rig.7',
    });
    expect(request('{"id":1,"method":"mining.authorize","params":["addr."]}')).toMatchObject({
      address: 'addr',
      worker: undefined,
    });
  });

  it('reads null and "" as absent subscribe params, and a quoted port as a number', () => {
    expect(
      request('{"id":1,"method":"mining.subscribe","params":[null,"","pool.example","3333"]}'),
    ).toMatchObject({
      userAgent: undefined,
      sessionId: undefined,
      host: 'pool.example',
      port: 3333,
    });
  });

  it('keeps submit fields as sent (case and hex are for the share checks) and ignores extra params', () => {
    expect(
      request(
        '{"id":9,"method":"mining.submit","params":["w","J1","ZZ","5F5E1000","nothex",null,"extra"]}',
      ),
    ).toMatchObject({
      jobId: 'J1',
      extranonce2: 'ZZ',
      ntime: '5F5E1000',
      nonce: 'nothex',
      versionBits: undefined,
    });
  });

  it('echoes string ids and ignores a jsonrpc member', () => {
    expect(
      request('{"jsonrpc":"2.0","id":"abc","method":"mining.extranonce.subscribe","params":[]}'),
    ).toMatchObject({
      id: 'abc',
    });
  });
});

describe('parseStratumLine: refusals carry what the server needs to answer', () => {
  it.each([
    ['not JSON', 'mining.submit', 'invalid-json', -32700],
    ['a JSON array', '[{"id":1}]', 'invalid-request', -32600],
    ['a JSON string', '"hello"', 'invalid-request', -32600],
    ['NUL and garbage', '{\u0000\ufffd', 'invalid-json', -32700],
    ['an empty line', '', 'invalid-json', -32700],
  ])('%s', (_what, line, reason, code) => {
    expect(failure(line)).toEqual({
      reason,
      code,
      message: expect.any(String) as unknown,
      id: null,
      method: undefined,
    });
  });

  it('refuses an id that is neither number, string nor null, without echoing it', () => {
    expect(failure('{"id":{"x":1},"method":"mining.subscribe","params":[]}')).toMatchObject({
      reason: 'invalid-request',
      id: null,
    });
    expect(
      failure(`{"id":"${'i'.repeat(65)}","method":"mining.subscribe","params":[]}`),
    ).toMatchObject({ id: null });
    expect(failure('{"id":1e400,"method":"mining.subscribe","params":[]}')).toMatchObject({
      id: null,
    });
  });

  it('refuses a missing, empty or oversized method, keeping the id', () => {
    expect(failure('{"id":3,"params":[]}')).toMatchObject({ reason: 'invalid-request', id: 3 });
    expect(failure('{"id":3,"method":"","params":[]}')).toMatchObject({
      reason: 'invalid-request',
      id: 3,
    });
    expect(failure(`{"id":3,"method":"${'m'.repeat(65)}"}`)).toMatchObject({
      reason: 'invalid-request',
      id: 3,
    });
  });

  it('refuses params that are not an array (named params)', () => {
    expect(failure('{"id":4,"method":"mining.authorize","params":{"user":"a"}}')).toEqual({
      reason: 'invalid-request',
      code: -32600,
      message: 'params must be an array',
      id: 4,
      method: 'mining.authorize',
    });
  });

  it('answers an unknown method with method-not-found and its name', () => {
    expect(failure('{"id":5,"method":"mining.capabilities","params":[{}]}')).toEqual({
      reason: 'unknown-method',
      code: -32601,
      message: 'unknown method mining.capabilities',
      id: 5,
      method: 'mining.capabilities',
    });
  });

  it.each([
    [
      'submit with a numeric nonce',
      '{"id":6,"method":"mining.submit","params":["w","j","00","5f5e1000",1]}',
      'param 5 (nonce)',
    ],
    [
      'submit with too few params',
      '{"id":6,"method":"mining.submit","params":["w","j","00"]}',
      'param 4 (ntime)',
    ],
    [
      'submit with an oversized extranonce2',
      `{"id":6,"method":"mining.submit","params":["w","j","${'0'.repeat(66)}","5f5e1000","00000000"]}`,
      'param 3 (extranonce2)',
    ],
    [
      'submit with numeric version bits',
      '{"id":6,"method":"mining.submit","params":["w","j","00","5f5e1000","00000000",8192]}',
      'param 6 (versionBits)',
    ],
    [
      'authorize without a username',
      '{"id":6,"method":"mining.authorize","params":[]}',
      'param 1 (username)',
    ],
    [
      'authorize with an empty username',
      '{"id":6,"method":"mining.authorize","params":["","x"]}',
      'param 1 (username)',
    ],
    [
      'authorize with a numeric password',
      '{"id":6,"method":"mining.authorize","params":["a",123]}',
      'param 2 (password)',
    ],
    [
      'subscribe with an oversized user agent',
      `{"id":6,"method":"mining.subscribe","params":["${'u'.repeat(257)}"]}`,
      'param 1 (userAgent)',
    ],
    [
      'subscribe with port 0',
      '{"id":6,"method":"mining.subscribe","params":["ua",null,"h",0]}',
      'param 4 (port)',
    ],
    [
      'configure without an extension list',
      '{"id":6,"method":"mining.configure","params":[]}',
      'param 1 (extensions)',
    ],
    [
      'configure with a numeric extension',
      '{"id":6,"method":"mining.configure","params":[[1],{}]}',
      'param 1 (extensions)',
    ],
    [
      'configure with an array of parameters',
      '{"id":6,"method":"mining.configure","params":[["info"],[]]}',
      'param 2',
    ],
    [
      'suggest_difficulty of zero',
      '{"id":6,"method":"mining.suggest_difficulty","params":[0]}',
      'param 1 (difficulty)',
    ],
    [
      'suggest_difficulty as text',
      '{"id":6,"method":"mining.suggest_difficulty","params":["8"]}',
      'param 1 (difficulty)',
    ],
    [
      'suggest_target of zero',
      '{"id":6,"method":"mining.suggest_target","params":["00"]}',
      'param 1 (target)',
    ],
    [
      'suggest_target too long',
      `{"id":6,"method":"mining.suggest_target","params":["${'f'.repeat(65)}"]}`,
      'param 1 (target)',
    ],
    [
      'get_transactions without a job',
      '{"id":6,"method":"mining.get_transactions","params":[]}',
      'param 1 (jobId)',
    ],
    [
      'multi_version of 1.5',
      '{"id":6,"method":"mining.multi_version","params":[1.5]}',
      'param 1 (version)',
    ],
  ])('refuses %s as invalid params', (_what, line, mentions) => {
    const error = failure(line);

    expect(error).toMatchObject({ reason: 'invalid-params', code: -32602, id: 6 });
    expect(error.message).toContain(mentions);
    expect(error.message.startsWith(`${error.method ?? ''}: `)).toBe(true);
  });

  it('fails only its own extension for bad minimum-difficulty, min-bit-count or info values', () => {
    const configure = request(
      '{"id":1,"method":"mining.configure","params":[["version-rolling","minimum-difficulty","info"],{"version-rolling.min-bit-count":"2","minimum-difficulty.value":-1,"info.hw-id":7}]}',
    );

    expect(configure).toMatchObject({
      versionRolling: { ok: false },
      minimumDifficulty: { ok: false },
      info: { ok: false },
    });
  });
});
