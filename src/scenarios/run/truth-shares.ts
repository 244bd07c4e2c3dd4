import {
  difficultyFrom,
  targetFromDifficulty,
  workOfTarget,
} from '../../pool/core/difficulty/index.js';
import type { ShareRecord } from '../../sim/miners/index.js';
import type { BehaviourClass } from '../schema/catalogue.js';
import { accountOf } from './addresses.js';
import { minerBehaviour } from './catalogue-map.js';
import type { FarmSlots } from './farm-slots.js';

/** One share a miner sent or withheld, with who sent it and the work it stands for. */
export interface TruthRow {
  readonly farm: string;
  readonly behaviourClass: BehaviourClass;
  readonly account: string;
  /** The miner, unique across farms, slots and generations. */
  readonly minerKey: string;
  readonly record: ShareRecord;
  /** Expected hashes of the target the miner ground for (what PPLNS should weigh). */
  readonly work: bigint;
  /** The miner's shrink: each of its hashes stands for 10^shrinkDigits of its hardware's. */
  readonly shrinkDigits: number;
  /** Sent to cheat in a way a correct pool refuses (the behaviour's expected response). */
  readonly mustRefuse: boolean;
}

/**
 * Every share of every farm from the miners' ground truth, oldest first: by the time it was
 * sent, ties broken by farm, miner and the miner's own order. Withheld shares sort by when
 * they were found. Work is computed from the difficulty the miner was told, independently of
 * the pool's books.
 */
export function truthRows(farms: readonly FarmSlots[], diff1Target: bigint): TruthRow[] {
  const workOf = workMemo(diff1Target);
  const rows: (TruthRow & { readonly order: readonly number[] })[] = [];
  farms.forEach((slots, farmIndex) => {
    const expected = minerBehaviour(slots.spec.behaviour)?.expected;
    const refusedIntent = expected?.kind === 'reject' ? expected.intent : undefined;
    slots.farms().forEach((farm, instance) => {
      for (const truth of farm.truths()) {
        const minerKey = `${slots.spec.id}/${instance}/${truth.minerId}`;
        const username = farm.miners[0]?.spec.username ?? truth.minerId;
        const shrinkDigits = slots.shrinkDigitsOf(farm);
        for (const record of truth.shares) {
          rows.push({
            farm: slots.spec.id,
            behaviourClass: slots.spec.behaviourClass,
            account: accountOf(username),
            minerKey,
            record,
            work: workOf(record.difficulty),
            shrinkDigits,
            mustRefuse: record.intent === refusedIntent,
            order: [record.sentAtMs ?? record.dueAtMs, farmIndex, instance, record.seq],
          });
        }
      }
    });
  });
  rows.sort((a, b) => compareOrder(a.order, b.order));
  return rows.map(({ order: _order, ...row }) => row);
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function workMemo(diff1Target: bigint): (difficulty: number) => bigint {
  const memo = new Map<number, bigint>();
  return (difficulty) => {
    let work = memo.get(difficulty);
    if (work === undefined) {
      work = workOfTarget(targetFromDifficulty(diff1Target, difficultyFrom(difficulty)));
      memo.set(difficulty, work);
    }
    return work;
  };
}

export const isAccepted = (row: TruthRow): boolean => row.record.answer.kind === 'accepted';
