import type { RequestId } from '../../../pool/stratum/codec/index.js';

/**
 * How a miner numbers its requests. `sequential` counts up from 1 (cgminer, ESP-Miner).
 * `cpuminer` is pooler's cpuminer and its forks (cpuminer-multi, cpuminer-opt): subscribe is
 * id 1, authorize id 2, every other request id 3, and every mining.submit id 4 (the
 * `"id":4` literal in their submit format strings), so answers can only be matched in order.
 */
export type RequestIdPolicy = 'sequential' | 'cpuminer';

const CPUMINER_IDS: Readonly<Record<string, number>> = {
  'mining.subscribe': 1,
  'mining.authorize': 2,
  'mining.submit': 4,
};

export class RequestIds {
  #next = 1;

  constructor(private readonly policy: RequestIdPolicy) {}

  next(method: string): RequestId {
    if (this.policy === 'cpuminer') return CPUMINER_IDS[method] ?? 3;
    return this.#next++;
  }
}
