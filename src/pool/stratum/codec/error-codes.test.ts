import { describe, expect, it } from 'vitest';
import { encodeError } from './encode.js';
import { STRATUM_ERRORS } from './error-codes.js';
import type { StratumErrorName } from './error-codes.js';
import { parseStratumLine } from './parse.js';
import { parseServerLine } from './parse-server.js';

/** The wire codes miners and pools agree on; a change here is a protocol break. */
const WIRE_CODE: Readonly<Record<StratumErrorName, number>> = {
  other: 20,
  jobNotFound: 21,
  duplicateShare: 22,
  lowDifficultyShare: 23,
  unauthorizedWorker: 24,
  notSubscribed: 25,
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
};

/** A miner line that the parser must answer with each JSON-RPC code. */
const TRIGGER: Partial<Record<StratumErrorName, string>> = {
  parseError: '{"id":1,"method":"mining.submit",',
  invalidRequest: '{"id":1,"method":42,"params":[]}',
  methodNotFound: '{"id":1,"method":"mining.capabilities","params":[]}',
  invalidParams: '{"id":1,"method":"mining.submit","params":["w","j","00",5,"00000000"]}',
};

const entries = Object.entries(STRATUM_ERRORS) as [
  StratumErrorName,
  (typeof STRATUM_ERRORS)[StratumErrorName],
][];

describe('STRATUM_ERRORS', () => {
  it('has distinct codes and a description for every entry', () => {
    const codes = entries.map(([, e]) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [, e] of entries) expect(e.description.length).toBeGreaterThan(10);
  });

  it.each(entries)('%s has its standard wire code', (name, error) => {
    expect(error.code).toBe(WIRE_CODE[name]);
  });

  it.each(entries)('%s encodes as a Stratum error triple a miner reads back', (_name, error) => {
    // Arrange
    const line = encodeError(7, error);

    // Act
    const parsed = parseServerLine(line.trimEnd());

    // Assert
    expect(line).toBe(
      `{"id":7,"result":null,"error":[${error.code},${JSON.stringify(error.message)},null]}\n`,
    );
    expect(parsed).toEqual({
      ok: true,
      message: {
        kind: 'response',
        id: 7,
        result: null,
        error: { code: error.code, message: error.message },
      },
    });
  });

  it.each(entries.filter(([, e]) => e.code < 0))(
    '%s is what the parser answers a line of that fault with',
    (name, error) => {
      const line = TRIGGER[name];
      expect(line).toBeDefined();

      const result = parseStratumLine(line ?? '');

      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe(error.code);
    },
  );
});
