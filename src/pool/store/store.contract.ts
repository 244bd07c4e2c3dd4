import { describe } from 'vitest';
import { booksContract } from './contract/books-contract.js';
import { booksModelContract } from './contract/books-model-contract.js';
import { useStore, type OpenStore } from './contract/fixture.js';
import { ledgerContract } from './contract/ledger-contract.js';
import { ledgerRaceContract } from './contract/ledger-race-contract.js';
import { payoutsContract } from './contract/payouts-contract.js';
import { shareReadsContract } from './contract/share-reads-contract.js';
import { sqlContract } from './contract/sql-contract.js';

export type { OpenStore, StoreFixture } from './contract/fixture.js';

/**
 * The behaviour every SQL adapter must show: run against embedded PGlite in the unit project
 * and against PostgreSQL in the int project. One store serves the whole suite.
 */
export function storeContract(name: string, open: OpenStore): void {
  describe(`Store contract: ${name}`, () => {
    const store = useStore(open);
    sqlContract(store);
    ledgerContract(store);
    shareReadsContract(store);
    ledgerRaceContract(store);
    booksContract(store);
    payoutsContract(store);
    booksModelContract(store);
  });
}
