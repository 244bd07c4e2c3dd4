import { describe, expect, it } from 'vitest';
import { ChimeraError } from '../../errors.js';
import { JsonNumber } from './exact-json.js';
import { readHttpAnswer, toReply } from './rpc-reply.js';
import { isRetryable, withDetails } from './retry-policy.js';
import { daemonErrorCode, isNodeFailure, rpcError } from './rpc-errors.js';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (err) {
    return err instanceof ChimeraError ? err.code : 'not-chimera';
  }
  return undefined;
};

describe('reading answers', () => {
  it('reads 1.0 and 2.0 envelopes, results and errors', () => {
    expect(toReply({ result: 5, error: null, id: 1 }, 1, 'm')).toEqual({ ok: true, result: 5 });
    expect(toReply({ jsonrpc: '2.0', result: null, id: 2 }, 2, 'm')).toEqual({
      ok: true,
      result: null,
    });
    expect(toReply({ jsonrpc: '2.0', error: { code: -5, message: 'x' }, id: 3 }, 3, 'm')).toEqual({
      ok: false,
      code: -5,
      message: 'x',
    });
    expect(toReply({ result: 1, error: null, id: new JsonNumber('4') }, 4, 'm')).toEqual({
      ok: true,
      result: 1,
    });
  });

  it('calls a wrong id, a missing result or an odd error a bad response', () => {
    expect(code(() => toReply({ result: 1, error: null, id: 9 }, 1, 'm'))).toBe('RPC_BAD_RESPONSE');
    expect(code(() => toReply({ error: null, id: 1 }, 1, 'm'))).toBe('RPC_BAD_RESPONSE');
    expect(code(() => toReply({ result: null, error: 'oops', id: 1 }, 1, 'm'))).toBe(
      'RPC_BAD_RESPONSE',
    );
    expect(code(() => toReply(undefined, 1, 'm'))).toBe('RPC_BAD_RESPONSE');
  });

  it('takes a JSON-RPC body as the answer whatever the HTTP status', () => {
    const body = '{"result":null,"error":{"code":-22,"message":"Block decode failed"},"id":1}\n';
    expect(readHttpAnswer({ status: 500, body }, 'submitblock', false)).toEqual(JSON.parse(body));
    expect(code(() => readHttpAnswer({ status: 401, body: '' }, 'm', false))).toBe(
      'RPC_UNAUTHORIZED',
    );
    expect(
      code(() => readHttpAnswer({ status: 503, body: 'Work queue depth exceeded' }, 'm', false)),
    ).toBe('RPC_HTTP');
    expect(code(() => readHttpAnswer({ status: 200, body: '[]x' }, 'm', false))).toBe(
      'RPC_BAD_RESPONSE',
    );
  });
});

describe('retry policy and failure kinds', () => {
  it('retries transport failures of idempotent calls, and of others only when unsent or 503', () => {
    const unsent = rpcError('RPC_UNREACHABLE', 'x', { requestSent: false });
    const sent = rpcError('RPC_UNREACHABLE', 'x', { requestSent: true });
    const timeout = rpcError('RPC_TIMEOUT', 'x');
    const http500 = rpcError('RPC_HTTP', 'x', { status: 500 });
    const http503 = rpcError('RPC_HTTP', 'x', { status: 503 });
    const http403 = rpcError('RPC_HTTP', 'x', { status: 403 });
    const answered = rpcError('RPC_ERROR', 'x', { rpcCode: -22 });
    expect(
      [unsent, sent, timeout, http500, http503, http403, answered].map((e) => isRetryable(e, true)),
    ).toEqual([true, true, true, true, true, false, false]);
    expect(
      [unsent, sent, timeout, http500, http503, http403, answered].map((e) =>
        isRetryable(e, false),
      ),
    ).toEqual([true, false, false, false, true, false, false]);
  });

  it('adds details without doubling the code in the message', () => {
    const e = withDetails(rpcError('RPC_TIMEOUT', 'getblockcount: slow', { timeoutMs: 5 }), {
      attempts: 2,
    });
    expect(e).toBeInstanceOf(ChimeraError);
    expect((e as ChimeraError).message).toBe('RPC_TIMEOUT: getblockcount: slow');
    expect((e as ChimeraError).details).toEqual({ timeoutMs: 5, attempts: 2 });
  });

  it('counts outages and warm-up as node failures, daemon refusals not', () => {
    expect(isNodeFailure(rpcError('RPC_UNREACHABLE', 'x'))).toBe(true);
    expect(isNodeFailure(rpcError('RPC_ERROR', 'x', { rpcCode: -28 }))).toBe(true);
    expect(isNodeFailure(rpcError('RPC_ERROR', 'x', { rpcCode: -8 }))).toBe(false);
    expect(isNodeFailure(rpcError('RPC_ABORTED', 'x'))).toBe(false);
    expect(isNodeFailure(new Error('x'))).toBe(false);
    expect(daemonErrorCode(rpcError('RPC_ERROR', 'x', { rpcCode: -28 }))).toBe(-28);
  });
});
