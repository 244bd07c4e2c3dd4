import type { Clock } from '../../runtime/clock.js';
import type { AuditLog } from '../../pool/store/books/audit-log.js';
import type { JsonValue } from '../../pool/store/books/json.js';
import type { SecretSource } from '../ports.js';
import type { AccessTokens } from './access-tokens.js';
import type { BackupCodes } from './backup-codes.js';
import type { OperatorAccounts } from './operator-accounts.js';
import type { PasswordHasher } from './password.js';
import type { RefreshTokens } from './refresh-tokens.js';

/** Where a request came from, as the audit log records it. */
export interface RequestOrigin {
  readonly ip: string;
  readonly userAgent: string | undefined;
}

/** What the authentication services share: the tables, the hasher, the clock, the audit. */
export interface AuthContext {
  readonly accounts: OperatorAccounts;
  readonly refreshTokens: RefreshTokens;
  readonly backupCodes: BackupCodes;
  readonly hasher: PasswordHasher;
  readonly access: AccessTokens;
  readonly clock: Clock;
  readonly secrets: SecretSource;
  readonly refreshTtlMs: number;
  readonly mfaIssuer: string;
  readonly audit: AuditLog;
}

/** Records an operator action or authentication event: who, from where, when, what. */
export async function audit(
  ctx: Pick<AuthContext, 'audit' | 'clock'>,
  from: RequestOrigin,
  actor: string,
  action: string,
  target?: string,
  details: { readonly [key: string]: JsonValue } = {},
): Promise<void> {
  await ctx.audit.record(
    {
      actor: actor.slice(0, 80) || 'anonymous',
      action,
      ...(target === undefined ? {} : { target }),
      details: { ...details, ip: from.ip, userAgent: from.userAgent ?? null },
    },
    ctx.clock.nowMs(),
  );
}

export function actorOf(username: string): string {
  return `operator:${username}`;
}
