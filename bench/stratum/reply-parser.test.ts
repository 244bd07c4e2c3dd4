import { describe, expect, it } from 'vitest';
import { encodeError, encodeResult, encodeSetDifficulty } from '../../src/pool/stratum/index.js';
import { readSubmitReply } from './reply-parser.js';

describe('readSubmitReply', () => {
  it('reads the pool’s own accepted and rejected answers', () => {
    expect(readSubmitReply(encodeResult(7, true).trimEnd())).toEqual({ id: 7, accepted: true });
    const error = encodeError(123456, { code: 22, message: 'Duplicate share' }).trimEnd();
    expect(readSubmitReply(error)).toEqual({ id: 123456, accepted: false });
  });

  it('falls back to the codec for other spellings of an answer', () => {
    expect(readSubmitReply('{ "id": 5, "result": true, "error": null }')).toEqual({
      id: 5,
      accepted: true,
    });
    expect(readSubmitReply('{"result":false,"id":9,"error":null}')).toEqual({
      id: 9,
      accepted: false,
    });
  });

  it('ignores notifications, string ids and unreadable lines', () => {
    expect(readSubmitReply(encodeSetDifficulty(1).trimEnd())).toBeUndefined();
    expect(readSubmitReply('{"id":"a","result":true,"error":null}')).toBeUndefined();
    expect(readSubmitReply('{"id":')).toBeUndefined();
    expect(readSubmitReply('not json')).toBeUndefined();
  });
});
