import type { AuthContext } from './auth/auth-context.js';
import type { ApiMetrics } from './metrics/api-metrics.js';
import type { ApiConfig, ApiDeps } from './ports.js';
import type { OperatorBooks } from './reads/operator-books.js';
import type { PoolReads } from './reads/pool-reads.js';

/** What every route module is handed: the deps and what buildApi built over them. */
export interface ApiServices {
  readonly deps: ApiDeps;
  readonly config: ApiConfig;
  readonly auth: AuthContext;
  readonly reads: PoolReads;
  readonly books: OperatorBooks;
  readonly metrics: ApiMetrics;
}
