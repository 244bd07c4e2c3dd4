const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Consecutive failures at which the account is locked out for a long time. */
export const LOCKOUT_AFTER = 5;

/**
 * How long an account refuses logins after its n-th consecutive failure: nothing for the
 * first two, then a back-off of 2 s and 4 s, then a lockout of 15 min at the fifth that
 * doubles with each further failure (30 min, 1 h, ...) up to a day. A success, or an
 * admin's unlock, starts the count again.
 */
export function lockMsAfter(failures: number): number {
  if (failures < 3) return 0;
  if (failures < LOCKOUT_AFTER) return SECOND_MS * 2 ** (failures - 2);
  return Math.min(15 * MINUTE_MS * 2 ** (failures - LOCKOUT_AFTER), DAY_MS);
}
