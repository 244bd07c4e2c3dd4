import type fc from 'fast-check';
import type { BlockStatus } from '../books/block-repository.js';
import type { PayoutItem, PayoutStatus } from '../books/payout-repository.js';
import type { Store } from '../store.js';

export const ACCOUNTS = ['a', 'b', 'c'] as const;

/** immature, payable, reserved, paid */
export type Columns = [bigint, bigint, bigint, bigint];

export interface ModelBlock {
  status: BlockStatus;
  readonly rewardSats: bigint;
  credits: ReadonlyMap<string, bigint> | undefined;
}

/** What the books must hold after any sequence of operations, kept the simple way. */
export interface BooksModel {
  readonly blocks: Map<number, ModelBlock>;
  readonly balances: Map<string, Columns>;
  readonly plans: Map<string, { readonly items: readonly PayoutItem[]; status: PayoutStatus }>;
}

export interface BooksReal {
  readonly store: Store;
  readonly network: string;
}

export type BooksCommand = fc.AsyncCommand<BooksModel, BooksReal>;

export function emptyModel(): BooksModel {
  const balances = new Map<string, Columns>(ACCOUNTS.map((a) => [a, [0n, 0n, 0n, 0n]]));
  return { blocks: new Map(), balances, plans: new Map() };
}

export function columns(m: BooksModel, account: string): Columns {
  const c = m.balances.get(account);
  if (c === undefined) throw new Error(`no model account ${account}`);
  return c;
}

export function blockHash(n: number): string {
  return n.toString(16).padStart(64, '0');
}

export function planId(r: BooksReal, n: number): string {
  return `${r.network}/plan-${n}`;
}
