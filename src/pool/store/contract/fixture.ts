import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../store.js';

// PGlite compiles and starts PostgreSQL in WebAssembly: seconds on a busy machine.
const OPEN_TIMEOUT_MS = 120_000;

export interface StoreFixture {
  readonly store: Store;
  /** Closes the store and removes what the run created (its schema, its files). */
  close(): Promise<void>;
}

export type OpenStore = () => Promise<StoreFixture>;

/**
 * One store for the enclosing describe, opened once (PGlite takes a second to start) and
 * closed after it; tests isolate themselves by network id (testing/shares.ts uniqueNetwork).
 */
export function useStore(open: OpenStore): () => Store {
  let fixture: StoreFixture | undefined;
  beforeAll(async () => {
    fixture = await open();
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => {
    await fixture?.close();
  }, OPEN_TIMEOUT_MS);
  return () => {
    if (fixture === undefined) throw new Error('the store is not open yet');
    return fixture.store;
  };
}
