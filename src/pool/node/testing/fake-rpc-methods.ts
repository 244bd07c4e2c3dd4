import { createHash } from 'node:crypto';
import { toDisplayHex } from '../../core/bytes.js';
import { sha256d } from '../../core/hash.js';
import { coinTextToSats } from '../coin-amount.js';
import { JsonNumber, type ExactJson } from '../exact-json.js';
import { FakeChain } from './fake-chain.js';

/** What one method call comes to: a result, an error (with its HTTP status), or a longpoll. */
export type FakeAnswer =
  | { readonly result: ExactJson }
  | { readonly error: { readonly code: number; readonly message: string } }
  | { readonly waitForLongPoll: true };

export interface FakeNodeState {
  readonly chain: FakeChain;
  readonly chainName: string;
  readonly rules: readonly string[];
  readonly coinName: string;
  /** False for a daemon that ignores longpollid and answers at once. */
  readonly honoursLongPoll: boolean;
  balanceSats: bigint;
  readonly payments: Map<string, bigint>[];
  /** Verdicts to give to the next submitblock calls instead of the chain's own. */
  readonly submitVerdicts: (string | null)[];
  isValidAddress(address: string): boolean;
}

const err = (code: number, message: string): FakeAnswer => ({ error: { code, message } });

/** The daemon's methods, answering as litecoind 0.21 and Bitcoin Core do (REGTEST-NOTES.md). */
export function answerCall(
  s: FakeNodeState,
  method: string,
  params: readonly unknown[],
): FakeAnswer {
  const p0 = params[0];
  switch (method) {
    case 'getblocktemplate':
      return blockTemplate(s, p0);
    case 'submitblock': {
      if (typeof p0 !== 'string' || !FakeChain.decodes(p0)) return err(-22, 'Block decode failed');
      const queued = s.submitVerdicts.shift();
      return { result: queued !== undefined ? queued : s.chain.accept(p0) };
    }
    case 'getbestblockhash':
      return { result: s.chain.tip.hash };
    case 'getblockcount':
      return { result: s.chain.tip.height };
    case 'getblockhash': {
      const block = s.chain.blockAt(numberParam(p0));
      return block ? { result: block.hash } : err(-8, 'Block height out of range');
    }
    case 'getblockheader':
    case 'getblock': {
      const block = typeof p0 === 'string' ? s.chain.get(p0) : undefined;
      if (!block) return err(-5, 'Block not found');
      if (method === 'getblock' && numberParam(params[1] ?? new JsonNumber('1')) === 0) {
        return { result: block.rawHex };
      }
      const next = s.chain.blockAt(block.height + 1);
      const confirmations = s.chain.confirmations(block);
      return {
        result: {
          hash: block.hash,
          confirmations,
          height: block.height,
          version: 536870912,
          time: block.timeSec,
          bits: '207fffff',
          ...(block.prevHash === undefined ? {} : { previousblockhash: block.prevHash }),
          ...(next && confirmations > 0 ? { nextblockhash: next.hash } : {}),
        },
      };
    }
    case 'getblockchaininfo':
      return {
        result: {
          chain: s.chainName,
          blocks: s.chain.tip.height,
          headers: s.chain.tip.height,
          bestblockhash: s.chain.tip.hash,
          difficulty: new JsonNumber('4.656542373906925e-10'),
          initialblockdownload: false,
          warnings: '',
        },
      };
    case 'validateaddress':
      return typeof p0 === 'string' && s.isValidAddress(p0)
        ? { result: { isvalid: true, address: p0, isscript: false, iswitness: true } }
        : { result: { isvalid: false } };
    case 'getbalance':
      return { result: JsonNumber.ofSats(s.balanceSats) };
    case 'sendmany':
      return sendMany(s, params);
    default:
      return err(-32601, 'Method not found');
  }
}

function blockTemplate(s: FakeNodeState, request: unknown): FakeAnswer {
  const r = (typeof request === 'object' && request !== null ? request : {}) as Record<
    string,
    unknown
  >;
  const rules = Array.isArray(r['rules']) ? (r['rules'] as unknown[]) : [];
  const missing = s.rules.find((rule) => !rules.includes(rule));
  if (missing !== undefined) {
    return err(-8, `getblocktemplate must be called with the ${missing} rule set`);
  }
  if (r['mode'] === 'proposal') {
    const data = r['data'];
    if (typeof data !== 'string' || !FakeChain.decodes(data))
      return err(-22, 'Block decode failed');
    const header = Buffer.from(data.slice(0, 160), 'hex');
    if (s.chain.get(toDisplayHex(sha256d(header)))) return { result: 'duplicate' };
    const prev = toDisplayHex(header.subarray(4, 36));
    return { result: prev === s.chain.tip.hash ? null : 'inconclusive-not-best-prevblk' };
  }
  const lp = r['longpollid'];
  if (s.honoursLongPoll && typeof lp === 'string' && lp === s.chain.longPollId()) {
    return { waitForLongPoll: true };
  }
  return { result: s.chain.template() as ExactJson };
}

function sendMany(s: FakeNodeState, params: readonly unknown[]): FakeAnswer {
  if (params[0] !== '') return err(-8, 'Dummy value must be set to ""');
  const amounts = params[1];
  if (typeof amounts !== 'object' || amounts === null) return err(-3, 'Expected type object');
  const payment = new Map<string, bigint>();
  for (const [address, amount] of Object.entries(amounts)) {
    if (!s.isValidAddress(address)) return err(-5, `Invalid ${s.coinName} address: ${address}`);
    const sats = amount instanceof JsonNumber ? coinTextToSats(amount.text) : undefined;
    if (sats === undefined) return err(-3, 'Invalid amount');
    if (sats <= 0n) return err(-3, 'Amount out of range');
    payment.set(address, sats);
  }
  const total = [...payment.values()].reduce((a, b) => a + b, 0n);
  if (total > s.balanceSats) return err(-6, 'Insufficient funds');
  s.balanceSats -= total;
  s.payments.push(payment);
  const txid = createHash('sha256').update(`payment-${s.payments.length}-${total}`).digest('hex');
  return { result: txid };
}

function numberParam(v: unknown): number {
  return v instanceof JsonNumber ? Number(v.text) : Number.NaN;
}
