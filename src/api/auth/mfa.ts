import { audit, actorOf, type AuthContext, type RequestOrigin } from './auth-context.js';
import { sha256Hex } from './digest.js';
import type { OperatorAccount } from './operator-accounts.js';
import { newTotpSecret, totpFor, totpStep } from './totp.js';

const BACKUP_CODES = 10;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export interface Enrolment {
  /** otpauth://totp/... : what an authenticator app scans (render it as a QR code). */
  readonly otpauthUri: string;
  /** The same secret for typing in by hand. */
  readonly secret: string;
}

/** Starts enrolment with a new secret; MFA is enforced only once a code confirms it. */
export async function beginEnrolment(
  ctx: AuthContext,
  account: OperatorAccount,
  from: RequestOrigin,
): Promise<Enrolment> {
  const secret = newTotpSecret(ctx.secrets.randomBytes(20));
  await ctx.accounts.beginMfa(account.id, secret, ctx.clock.nowMs());
  await audit(ctx, from, actorOf(account.username), 'auth.mfa.enrol-started');
  return { otpauthUri: totpFor(secret, ctx.mfaIssuer, account.username).toString(), secret };
}

/**
 * A code from the app proves the secret arrived: MFA is on and fresh backup codes are
 * returned, this once (only their hashes are kept). Also regenerates codes when MFA is on.
 */
export async function confirmEnrolment(
  ctx: AuthContext,
  account: OperatorAccount,
  code: string,
  from: RequestOrigin,
): Promise<readonly string[] | undefined> {
  const nowMs = ctx.clock.nowMs();
  if (account.mfaSecret === undefined) return undefined;
  const step = totpStep(totpFor(account.mfaSecret, ctx.mfaIssuer, account.username), code, nowMs);
  if (step === undefined || !(await ctx.accounts.claimTotpStep(account.id, step))) {
    await audit(ctx, from, actorOf(account.username), 'auth.mfa.confirm-failed');
    return undefined;
  }
  const codes = Array.from({ length: BACKUP_CODES }, () => backupCode(ctx));
  await ctx.backupCodes.replace(
    account.id,
    codes.map((c) => sha256Hex(normaliseBackupCode(c))),
    nowMs,
  );
  await ctx.accounts.enableMfa(account.id, nowMs);
  await audit(ctx, from, actorOf(account.username), 'auth.mfa.enabled', undefined, {
    backupCodes: codes.length,
  });
  return codes;
}

/** 80 random bits as 16 base32 letters, shown in groups of four. */
function backupCode(ctx: AuthContext): string {
  const bytes = ctx.secrets.randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++) out += BASE32[Number((bits >> BigInt(5 * (15 - i))) & 31n)];
  return out.match(/.{4}/g)!.join('-');
}

export function normaliseBackupCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z2-7]/g, '');
}
