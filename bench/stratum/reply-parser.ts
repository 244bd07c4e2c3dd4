import { parseServerLine } from '../../src/pool/stratum/index.js';

export interface SubmitReply {
  readonly id: number;
  readonly accepted: boolean;
}

const HEAD = '{"id":';
const RESULT = ',"result":';

/**
 * Reads the pool's answer to a request with a numeric id. The pool writes
 * `{"id":7,"result":true,"error":null}`; that shape is read by hand, since the generator
 * reads tens of thousands a second and must not be the bottleneck. Any other shape goes
 * through the codec's parser. Undefined for notifications (id null) and unreadable lines.
 */
export function readSubmitReply(line: string): SubmitReply | undefined {
  if (line.startsWith(HEAD)) {
    let i = HEAD.length;
    let id = 0;
    for (; i < line.length; i++) {
      const digit = line.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      id = id * 10 + digit;
    }
    if (i > HEAD.length && line.startsWith(RESULT, i)) {
      return { id, accepted: line.startsWith('true', i + RESULT.length) };
    }
  }
  const parsed = parseServerLine(line);
  if (!parsed.ok || parsed.message.kind !== 'response') return undefined;
  const { id, result } = parsed.message;
  return typeof id === 'number' ? { id, accepted: result === true } : undefined;
}
