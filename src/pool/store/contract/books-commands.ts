import { expect } from 'vitest';
import { splitPplns } from '../../core/payouts/split.js';
import type { PayoutItem } from '../books/payout-repository.js';
import {
  ACCOUNTS,
  blockHash,
  columns,
  planId,
  type BooksCommand,
  type BooksModel,
  type BooksReal,
} from './books-model.js';

/** After every command: the store's balances are the model's, and credits are conserved. */
async function checkBooks(m: BooksModel, r: BooksReal): Promise<void> {
  for (const account of ACCOUNTS) {
    const b = await r.store.balances.get(r.network, account);
    expect([b.immatureSats, b.payableSats, b.reservedSats, b.paidSats], account).toEqual(
      columns(m, account),
    );
    let credited = 0n;
    for (const block of m.blocks.values()) {
      if (block.status !== 'orphaned') credited += block.credits?.get(account) ?? 0n;
    }
    expect(b.immatureSats + b.payableSats + b.reservedSats + b.paidSats).toBe(credited);
  }
}

const always = () => true;

/**
 * Commands name blocks and plans by a number k, resolved against the model when they run:
 * one k in 8 names the next one, which does not exist yet ('not-found'); the others name an
 * existing one, so most commands act on something.
 */
function pick(k: number, count: number): number {
  return count === 0 || k % 8 === 0 ? count + 1 : (k % count) + 1;
}

/** A new block, or (reuse) the first one again. */
export class FoundBlock implements BooksCommand {
  constructor(
    readonly reuse: boolean,
    readonly rewardSats: bigint,
  ) {}
  check = always;
  async run(m: BooksModel, r: BooksReal): Promise<void> {
    const n = this.reuse && m.blocks.size > 0 ? 1 : m.blocks.size + 1;
    const outcome = await r.store.blocks.recordFound({
      network: r.network,
      hash: blockHash(n),
      height: n,
      rewardSats: this.rewardSats,
      foundByAddress: 'a',
      foundByWorker: '',
      foundMs: n,
    });
    expect(outcome).toBe(m.blocks.has(n) ? 'exists' : 'recorded');
    if (!m.blocks.has(n)) {
      m.blocks.set(n, { status: 'pending', rewardSats: this.rewardSats, credits: undefined });
    }
    await checkBooks(m, r);
  }
  toString = () => `FoundBlock(${this.reuse}, ${this.rewardSats})`;
}

export class CreditBlock implements BooksCommand {
  constructor(
    readonly k: number,
    readonly works: readonly bigint[],
    readonly feeBps: number,
  ) {}
  check = always;
  async run(m: BooksModel, r: BooksReal): Promise<void> {
    const n = pick(this.k, m.blocks.size);
    const block = m.blocks.get(n);
    const window = this.works.map((work, i) => ({ account: ACCOUNTS[i % ACCOUNTS.length]!, work }));
    const split = splitPplns(window, block?.rewardSats ?? 1n, this.feeBps);
    const outcome = await r.store.blocks.credit(
      r.network,
      blockHash(n),
      { split, endShareId: BigInt(n), work: 1n },
      n,
    );
    if (block === undefined) expect(outcome).toEqual({ kind: 'not-found' });
    else if (block.credits !== undefined) expect(outcome).toEqual({ kind: 'already-credited' });
    else if (block.status === 'orphaned') expect(outcome).toEqual({ kind: 'is-orphaned' });
    else {
      const into = block.status === 'confirmed' ? 1 : 0;
      expect(outcome).toMatchObject({ kind: 'credited', credits: split.credits.length });
      block.credits = new Map(split.credits.map((c) => [c.account, c.amountSats]));
      for (const c of split.credits) columns(m, c.account)[into] += c.amountSats;
    }
    await checkBooks(m, r);
  }
  toString = () => `CreditBlock(${this.k}, [${this.works.join(',')}], ${this.feeBps})`;
}

export class SettleBlock implements BooksCommand {
  constructor(
    readonly k: number,
    readonly to: 'confirmed' | 'orphaned',
  ) {}
  check = always;
  async run(m: BooksModel, r: BooksReal): Promise<void> {
    const n = pick(this.k, m.blocks.size);
    const block = m.blocks.get(n);
    const hash = blockHash(n);
    const outcome =
      this.to === 'confirmed'
        ? await r.store.blocks.confirm(r.network, hash, n)
        : await r.store.blocks.orphan(r.network, hash, n);
    if (block === undefined) expect(outcome).toEqual({ kind: 'not-found' });
    else if (block.status === this.to) expect(outcome).toEqual({ kind: `already-${this.to}` });
    else if (block.status !== 'pending') expect(outcome).toEqual({ kind: `is-${block.status}` });
    else {
      expect(outcome.kind).toBe(this.to);
      block.status = this.to;
      for (const [account, amount] of block.credits ?? []) {
        const c = columns(m, account);
        c[0] -= amount;
        if (this.to === 'confirmed') c[1] += amount;
      }
    }
    await checkBooks(m, r);
  }
  toString = () => `SettleBlock(${this.k}, ${this.to})`;
}

/** Plans `wanted`, or with 'all-payable' every payable balance in full (what a planner does). */
export class PlanPayout implements BooksCommand {
  constructor(
    readonly k: number,
    readonly wanted: readonly PayoutItem[] | 'all-payable',
  ) {}
  check(m: Readonly<BooksModel>): boolean {
    return this.wanted !== 'all-payable' || ACCOUNTS.some((a) => columns(m, a)[1] > 0n);
  }
  async run(m: BooksModel, r: BooksReal): Promise<void> {
    const id = planId(r, pick(this.k, m.plans.size));
    const items =
      this.wanted === 'all-payable'
        ? ACCOUNTS.filter((a) => columns(m, a)[1] > 0n).map((address) => ({
            address,
            amountSats: columns(m, address)[1],
          }))
        : this.wanted;
    const plan = { planId: id, network: r.network, items };
    const known = m.plans.get(id);
    if (known !== undefined) {
      const same = JSON.stringify(known.items, big) === JSON.stringify(items, big);
      if (!same)
        await expect(r.store.payouts.plan(plan, 1)).rejects.toThrow('PAYOUT_PLAN_CONFLICT');
      else
        expect(await r.store.payouts.plan(plan, 1)).toEqual({
          kind: 'exists',
          status: known.status,
        });
    } else {
      const short = items.filter((i) => columns(m, i.address)[1] < i.amountSats);
      const outcome = await r.store.payouts.plan(plan, 1);
      if (short.length > 0) {
        expect(outcome).toEqual({
          kind: 'insufficient',
          shortfalls: short.map((i) => ({
            address: i.address,
            payableSats: columns(m, i.address)[1],
          })),
        });
      } else {
        expect(outcome.kind).toBe('planned');
        m.plans.set(id, { items, status: 'planned' });
        for (const i of items) move(m, i, 1, 2);
      }
    }
    await checkBooks(m, r);
  }
  toString = () => `PlanPayout(${this.k}, ${JSON.stringify(this.wanted, big)})`;
}

export class AdvancePayout implements BooksCommand {
  constructor(
    readonly k: number,
    readonly step: 'send' | 'confirm' | 'cancel',
  ) {}
  check = always;
  async run(m: BooksModel, r: BooksReal): Promise<void> {
    const n = pick(this.k, m.plans.size);
    const id = planId(r, n);
    const plan = m.plans.get(id);
    if (this.step === 'send') {
      const outcome = await r.store.payouts.markSent(id, `tx-${n}`, 2);
      if (plan === undefined) expect(outcome).toEqual({ kind: 'not-found' });
      else if (plan.status === 'cancelled') expect(outcome).toEqual({ kind: 'is-cancelled' });
      else if (plan.status === 'planned') {
        expect(outcome).toEqual({ kind: 'sent' });
        plan.status = 'sent';
      } else expect(outcome).toEqual({ kind: 'already-sent', status: plan.status });
    } else {
      const from = this.step === 'confirm' ? 'sent' : 'planned';
      const outcome =
        this.step === 'confirm'
          ? await r.store.payouts.confirm(id, 3)
          : await r.store.payouts.cancel(id, 3);
      if (plan === undefined) expect(outcome).toEqual({ kind: 'not-found' });
      else if (plan.status !== from)
        expect(outcome).toEqual({ kind: 'unchanged', status: plan.status });
      else {
        plan.status = this.step === 'confirm' ? 'confirmed' : 'cancelled';
        expect(outcome).toEqual({ kind: plan.status });
        for (const i of plan.items) move(m, i, 2, this.step === 'confirm' ? 3 : 1);
      }
    }
    await checkBooks(m, r);
  }
  toString = () => `AdvancePayout(${this.k}, ${this.step})`;
}

function move(m: BooksModel, item: PayoutItem, from: 0 | 1 | 2 | 3, to: 0 | 1 | 2 | 3): void {
  const c = columns(m, item.address);
  c[from] -= item.amountSats;
  c[to] += item.amountSats;
}

function big(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
