import { Secret, TOTP } from 'otpauth';

const PERIOD_S = 30;

/**
 * TOTP as Google Authenticator, Authy and Microsoft Authenticator read it: SHA-1, 6 digits,
 * 30 s steps, secret of 20 bytes.
 */
export function totpFor(secretBase32: string, issuer: string, username: string): TOTP {
  return new TOTP({
    issuer,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(bytes: Buffer): string {
  return new Secret({ buffer: new Uint8Array(bytes).buffer }).base32;
}

/**
 * The time step a code belongs to when it is valid at `nowMs` (one step of drift either
 * way), else undefined. The caller claims the step so the code works once.
 */
export function totpStep(totp: TOTP, code: string, nowMs: number): number | undefined {
  const delta = totp.validate({ token: code, timestamp: nowMs, window: 1 });
  if (delta === null) return undefined;
  return Math.floor(nowMs / 1000 / PERIOD_S) + delta;
}
