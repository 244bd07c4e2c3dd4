import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { PayoutItem } from '../books/payout-repository.js';
import type { Store } from '../store.js';
import { networkConfig, uniqueNetwork } from '../testing/shares.js';
import {
  AdvancePayout,
  CreditBlock,
  FoundBlock,
  PlanPayout,
  SettleBlock,
} from './books-commands.js';
import { ACCOUNTS, emptyModel, type BooksCommand } from './books-model.js';

const blockN = fc.nat();
const planN = fc.nat();

const itemsArb: fc.Arbitrary<PayoutItem[]> = fc
  .subarray([...ACCOUNTS], { minLength: 1 })
  .chain((addresses) =>
    fc
      .tuple(...addresses.map(() => fc.bigInt({ min: 1n, max: 400n })))
      .map((amounts) => addresses.map((address, i) => ({ address, amountSats: amounts[i] ?? 1n }))),
  );

const found = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 2_000n }))
  .map(([reuse, r]) => new FoundBlock(reuse, r));
const credit = fc
  .tuple(
    blockN,
    fc.array(fc.bigInt({ min: 1n, max: 1_000n }), { maxLength: 6 }),
    fc.integer({ min: 0, max: 10_000 }),
  )
  .map(([n, works, fee]) => new CreditBlock(n, works, fee));
const settle = fc
  .tuple(blockN, fc.constantFrom<'confirmed' | 'orphaned'>('confirmed', 'confirmed', 'orphaned'))
  .map(([n, to]) => new SettleBlock(n, to));
const plan = fc.tuple(planN, itemsArb).map(([n, items]) => new PlanPayout(n, items));
const planAll = planN.map((n) => new PlanPayout(n, 'all-payable'));
const advance = fc
  .tuple(planN, fc.constantFrom<'send' | 'confirm' | 'cancel'>('send', 'confirm', 'cancel'))
  .map(([n, step]) => new AdvancePayout(n, step));

// fc.commands picks among the list evenly; repeats weight it towards the later steps of the
// flow (a payout needs a block found, credited and confirmed first).
const commands: fc.Arbitrary<BooksCommand>[] = [
  found,
  credit,
  settle,
  plan,
  planAll,
  advance,
  advance,
];

/**
 * Model-based test of the books: any sequence of found blocks, credits, confirmations,
 * orphanings, payout plans, sends, confirmations and cancellations leaves every outcome and
 * every balance as a plain in-memory model says, and credits of live blocks equal
 * immature + payable + reserved + paid for every address.
 */
export function booksModelContract(store: () => Store): void {
  describe('books, model-based', () => {
    it('agree with the model after any sequence of operations', async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 60, size: 'max' }), async (cmds) => {
          const network = uniqueNetwork('model');
          await store().networks.upsert(networkConfig(network), 0);
          await fc.asyncModelRun(
            () => ({ model: emptyModel(), real: { store: store(), network } }),
            cmds,
          );
        }),
        { numRuns: 60 },
      );
    }, 120_000);
  });
}
