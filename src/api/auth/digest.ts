import { createHash } from 'node:crypto';

/** SHA-256 as hex: how refresh tokens and backup codes are kept (they are long and random). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
