import { bigintOf, numberOf, textOf } from '../sql/rows.js';
import type { SqlClient, SqlRow } from '../sql/sql-client.js';
import type { ShareWork } from './share-reader.js';
import { WindowTally, type PplnsWindow } from './window-tally.js';

export type { PplnsWindow } from './window-tally.js';

/**
 * Sums shares given newest first until `windowWork` is reached, clipping the share that
 * crosses the boundary as selectWindow does, and reads no share beyond it. Works on any
 * stream (sharesNewestFirst, a test's array); readPplnsWindow is the fast path.
 * Throws RangeError for windowWork < 0 or a share with work <= 0, as selectWindow does.
 */
export async function collectWindow(
  sharesNewestFirstIn: AsyncIterable<ShareWork> | Iterable<ShareWork>,
  windowWork: bigint,
): Promise<PplnsWindow> {
  const tally = new WindowTally(windowWork);
  if (tally.remaining === 0n) return tally.result();
  for await (const share of sharesNewestFirstIn) {
    if (share.work <= 0n) throw new RangeError(`share ${share.id} has work ${share.work}`);
    const taken = share.work < tally.remaining ? share.work : tally.remaining;
    tally.add(share.account, taken, 1, share.id, share.id);
    if (tally.remaining === 0n) break;
  }
  return tally.result();
}

// Both queries read one page: the `$3` newest shares at or below id `$2`, by the ordered
// index. The first sums it per account; the second, for the page where the window ends,
// keeps only the work that fits in the `$4` still missing, clipping the crossing share.
const PAGE = `SELECT id, address, work FROM shares
 WHERE network = $1 AND id <= $2 ORDER BY id DESC LIMIT $3`;

const PAGE_BY_ACCOUNT = `
SELECT address, sum(work) AS work, count(*) AS shares, max(id) AS newest, min(id) AS oldest
  FROM (${PAGE}) page GROUP BY address`;

const PAGE_CLIPPED = `
WITH page AS (${PAGE}),
run AS (
  SELECT id, address, work,
         sum(work) OVER (ORDER BY id DESC ROWS UNBOUNDED PRECEDING) - work AS before
    FROM page
)
SELECT address, sum(LEAST(work, $4 - before)) AS work, count(*) AS shares,
       max(id) AS newest, min(id) AS oldest
  FROM run WHERE before < $4 GROUP BY address`;

// See share-reader.ts: without statistics the planner would sort the whole id range.
const PLAN = 'SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off';

const MAX_ID = (1n << 63n) - 1n;

export interface WindowReadOptions {
  /** The window ends at this share (inclusive), e.g. a block's share; else the newest. */
  readonly upToShareId?: bigint;
  /** Shares per page; each page is one short transaction. */
  readonly pageSize?: number;
}

/**
 * The PPLNS window of `windowWork` for a network, summed per account in the database page by
 * page: only one row per account and page crosses the wire (rows are what cost, most of all
 * on PGlite), and the page where the window ends is summed again with the crossing share
 * clipped. Gives the same window as collectWindow over sharesNewestFirst.
 */
export async function readPplnsWindow(
  sql: SqlClient,
  network: string,
  windowWork: bigint,
  opts: WindowReadOptions = {},
): Promise<PplnsWindow> {
  const pageSize = opts.pageSize ?? 50_000;
  const tally = new WindowTally(windowWork);
  let upTo = opts.upToShareId ?? MAX_ID;
  while (tally.remaining > 0n) {
    const bound = upTo;
    const rows = await page(sql, PAGE_BY_ACCOUNT, [network, bound, pageSize]);
    const parts = rows.map(part);
    const work = parts.reduce((sum, p) => sum + p.work, 0n);
    const shares = parts.reduce((sum, p) => sum + p.shares, 0);
    if (work >= tally.remaining) {
      const clipped = await page(sql, PAGE_CLIPPED, [network, bound, pageSize, tally.remaining]);
      for (const p of clipped.map(part)) tally.add(p.account, p.work, p.shares, p.newest, p.oldest);
      break;
    }
    for (const p of parts) tally.add(p.account, p.work, p.shares, p.newest, p.oldest);
    if (shares < pageSize) break;
    upTo = parts.reduce((min, p) => (p.oldest < min ? p.oldest : min), bound) - 1n;
  }
  return tally.result();
}

async function page(sql: SqlClient, text: string, params: unknown[]): Promise<readonly SqlRow[]> {
  const { rows } = await sql.transaction(async (tx) => {
    await tx.exec(PLAN);
    return tx.query(text, params);
  });
  return rows;
}

function part(row: SqlRow) {
  return {
    account: textOf(row, 'address'),
    work: bigintOf(row, 'work'),
    shares: numberOf(row, 'shares'),
    newest: bigintOf(row, 'newest'),
    oldest: bigintOf(row, 'oldest'),
  };
}
