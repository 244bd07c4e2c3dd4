import { SignJWT, jwtVerify } from 'jose';
import type { Clock } from '../../runtime/clock.js';
import type { Role } from './roles.js';

const ISSUER = 'chimera-pool';
const AUDIENCE = 'chimera-operator';

export interface AccessClaims {
  readonly operatorId: string;
  readonly username: string;
  readonly role: Role;
}

/** Short-lived HS256 JWTs; time is the injected clock's, so they expire in virtual time too. */
export class AccessTokens {
  constructor(
    private readonly key: Uint8Array,
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  get ttlSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }

  sign(claims: AccessClaims, jti: string): Promise<string> {
    const nowS = Math.floor(this.clock.nowMs() / 1000);
    return new SignJWT({ role: claims.role, name: claims.username })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.operatorId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setJti(jti)
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + this.ttlSeconds)
      .sign(this.key);
  }

  /** The token's subject when it is genuine and current, else undefined. */
  async verify(token: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        // eslint-disable-next-line no-restricted-globals -- jose takes the injected clock's time as a Date.
        currentDate: new Date(this.clock.nowMs()),
      });
      return typeof payload.sub === 'string' ? payload.sub : undefined;
    } catch {
      // A forged, expired or malformed token is an expected outcome: not authenticated.
      return undefined;
    }
  }
}
