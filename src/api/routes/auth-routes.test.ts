import { describe, expect, it } from 'vitest';
import {
  PASSWORD,
  T0,
  totpAt,
  useApiHarness,
  username,
  type Harness,
} from '../testing/api-harness.js';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

async function loginTokens(h: Harness, user: string, extra: Record<string, string> = {}) {
  return h.call('POST', '/api/v1/auth/login', {
    body: { username: user, password: PASSWORD, ...extra },
  });
}

async function auditActions(h: Harness, actor: string): Promise<string[]> {
  const all = await h.store.audit.list(10_000);
  return all.filter((e) => e.actor === actor).map((e) => e.action);
}

describe('authentication', () => {
  const harness = useApiHarness();

  it('logs in with a password: a short-lived JWT and a refresh token; a wrong password is 401', async () => {
    // Arrange
    const h = await harness();
    const user = username('alice');
    await h.account(user, 'viewer');
    // Act
    const ok = await loginTokens(h, user);
    const wrong = await h.call('POST', '/api/v1/auth/login', {
      body: { username: user, password: 'not the password' },
    });
    const unknown = await h.call('POST', '/api/v1/auth/login', {
      body: { username: 'nobody-here', password: 'x' },
    });
    // Assert
    expect(ok.statusCode).toBe(200);
    const tokens = ok.json<Tokens>();
    expect(tokens.expiresIn).toBe(600);
    expect(tokens.accessToken.split('.')).toHaveLength(3);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    const me = await h.call('GET', '/api/v1/auth/me', { token: tokens.accessToken });
    expect(me.json()).toMatchObject({ username: user, role: 'viewer', mfaEnabled: false });
    expect(await auditActions(h, `operator:${user}`)).toEqual([
      'auth.login.ok',
      'auth.login.failed',
    ]);
    const failed = (await h.store.audit.list(10_000)).find((e) => e.actor === 'nobody-here');
    expect(failed).toMatchObject({
      action: 'auth.login.failed',
      details: { reason: 'unknown-user', ip: '127.0.0.1' },
    });
  });

  it('refuses an access token once it has expired (virtual time)', async () => {
    const h = await harness();
    const user = username('expiry');
    await h.account(user, 'viewer');
    const token = await h.login(user);
    await h.clock.advanceBy(601_000);
    const res = await h.call('GET', '/api/v1/auth/me', { token });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('rotates refresh tokens; a reused one is refused and revokes its whole family', async () => {
    // Arrange
    const h = await harness();
    const user = username('rotor');
    await h.account(user, 'viewer');
    const first = (await loginTokens(h, user)).json<Tokens>();
    // Act
    const second = await h.call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    const secondTokens = second.json<Tokens>();
    const reuse = await h.call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    const afterReuse = await h.call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: secondTokens.refreshToken },
    });
    // Assert
    expect(second.statusCode).toBe(200);
    expect(secondTokens.refreshToken).not.toBe(first.refreshToken);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json()).toMatchObject({
      code: 'REFRESH_REFUSED',
      message: 'refresh token reused',
    });
    expect(afterReuse.statusCode).toBe(401);
    expect(afterReuse.json<{ message: string }>().message).toBe('refresh token revoked');
    expect(await auditActions(h, `operator:${user}`)).toContain('auth.refresh.reused');
  });

  it('logout revokes the family; an expired refresh token is refused', async () => {
    const h = await harness();
    const user = username('leaver');
    await h.account(user, 'viewer');
    const a = (await loginTokens(h, user)).json<Tokens>();
    const b = (await loginTokens(h, user)).json<Tokens>();
    const out = await h.call('POST', '/api/v1/auth/logout', {
      body: { refreshToken: a.refreshToken },
    });
    expect(out.json()).toEqual({ revoked: true });
    const afterLogout = await h.call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: a.refreshToken },
    });
    expect(afterLogout.statusCode).toBe(401);
    await h.clock.advanceBy(7 * 86_400_000 + 1);
    const expired = await h.call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: b.refreshToken },
    });
    expect(expired.json<{ message: string }>().message).toBe('refresh token expired');
  });

  it('backs off after 3 failures, locks out at 5, and an admin unlock restores the account', async () => {
    // Arrange
    const h = await harness();
    const user = username('target');
    const admin = username('admin');
    await h.account(user, 'viewer');
    await h.account(admin, 'admin');
    const adminToken = await h.login(admin);
    const attempt = (password: string) =>
      h.call('POST', '/api/v1/auth/login', { body: { username: user, password } });
    // Act + Assert: failures 1, 2 leave the account open; 3 backs off 2 s
    expect((await attempt('wrong-1')).statusCode).toBe(401);
    expect((await attempt('wrong-2')).statusCode).toBe(401);
    expect((await attempt('wrong-3')).statusCode).toBe(401);
    const backedOff = await attempt(PASSWORD);
    expect(backedOff.statusCode).toBe(423);
    expect(backedOff.headers['retry-after']).toBe('2');
    await h.clock.advanceBy(2_000);
    expect((await attempt('wrong-4')).statusCode).toBe(401);
    await h.clock.advanceBy(4_000);
    expect((await attempt('wrong-5')).statusCode).toBe(401);
    // locked 15 minutes: even the right password is refused
    const locked = await attempt(PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.headers['retry-after']).toBe('900');
    await h.clock.advanceBy(60_000);
    const unlock = await h.call('POST', `/api/v1/operator/accounts/${user}/unlock`, {
      token: adminToken,
    });
    expect(unlock.json()).toMatchObject({ failedLogins: 0, lockedUntilMs: null });
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
    const actions = await auditActions(h, `operator:${user}`);
    expect(actions.filter((a) => a === 'auth.login.failed')).toHaveLength(5);
    expect(actions.filter((a) => a === 'auth.login.refused')).toHaveLength(2);
  });

  it('doubles the lockout with each failure after it', async () => {
    const h = await harness();
    const user = username('stubborn');
    await h.account(user, 'viewer');
    const fail = () =>
      h.call('POST', '/api/v1/auth/login', { body: { username: user, password: 'nope nope' } });
    for (const waitMs of [0, 0, 0, 2_000, 4_000]) {
      await h.clock.advanceBy(waitMs);
      await fail();
    }
    await h.clock.advanceBy(900_000);
    await fail();
    const res = await h.call('POST', '/api/v1/auth/login', {
      body: { username: user, password: PASSWORD },
    });
    expect(res.headers['retry-after']).toBe('1800');
  });

  it('enrols TOTP (otpauth URI), then needs a code; each code and backup code works once', async () => {
    // Arrange
    const h = await harness();
    const user = username('mfa');
    await h.account(user, 'operator');
    const token = await h.login(user);
    // Act: enrol
    const enrol = await h.call('POST', '/api/v1/auth/mfa/enrol', {
      token,
      body: { password: PASSWORD },
    });
    const { otpauthUri, secret } = enrol.json<{ otpauthUri: string; secret: string }>();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Chimera%20Pool:.+\?.*secret=/);
    const badConfirm = await h.call('POST', '/api/v1/auth/mfa/confirm', {
      token,
      body: { code: '000000' },
    });
    expect(badConfirm.statusCode).toBe(401);
    const confirm = await h.call('POST', '/api/v1/auth/mfa/confirm', {
      token,
      body: { code: totpAt(secret, h.clock.nowMs()) },
    });
    const { backupCodes } = confirm.json<{ backupCodes: string[] }>();
    expect(backupCodes).toHaveLength(10);
    expect(backupCodes[0]).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    // Assert: password alone is no longer enough
    const noCode = await loginTokens(h, user);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json()).toMatchObject({ code: 'MFA_REQUIRED' });
    // the confirm code's step is used: a new step's code logs in, once
    await h.clock.advanceBy(30_000);
    const code = totpAt(secret, h.clock.nowMs());
    expect((await loginTokens(h, user, { totp: code })).statusCode).toBe(200);
    expect((await loginTokens(h, user, { totp: code })).statusCode).toBe(401);
    // a backup code works once, in any case and spacing
    const backup = backupCodes[3]!.toLowerCase();
    expect((await loginTokens(h, user, { backupCode: backup })).statusCode).toBe(200);
    expect((await loginTokens(h, user, { backupCode: backup })).statusCode).toBe(401);
    const me = await h.call('GET', '/api/v1/auth/me', { token });
    expect(me.json()).toMatchObject({ mfaEnabled: true, backupCodesLeft: 9 });
    expect(await auditActions(h, `operator:${user}`)).toEqual(
      expect.arrayContaining([
        'auth.mfa.enrol-started',
        'auth.mfa.enabled',
        'auth.backup-code.used',
        'auth.login.mfa-required',
      ]),
    );
  });

  it('re-enrolment of an MFA account needs a current code as well as the password', async () => {
    const h = await harness();
    const user = username('re-enrol');
    await h.account(user, 'viewer');
    const token = await h.login(user);
    const { secret } = (
      await h.call('POST', '/api/v1/auth/mfa/enrol', { token, body: { password: PASSWORD } })
    ).json<{ secret: string }>();
    await h.call('POST', '/api/v1/auth/mfa/confirm', {
      token,
      body: { code: totpAt(secret, h.clock.nowMs()) },
    });
    await h.clock.advanceBy(30_000);
    const without = await h.call('POST', '/api/v1/auth/mfa/enrol', {
      token,
      body: { password: PASSWORD },
    });
    const withCode = await h.call('POST', '/api/v1/auth/mfa/enrol', {
      token,
      body: { password: PASSWORD, totp: totpAt(secret, h.clock.nowMs()) },
    });
    expect(without.statusCode).toBe(401);
    expect(withCode.statusCode).toBe(200);
  });

  it('a password change ends every session', async () => {
    const h = await harness();
    const user = username('changer');
    await h.account(user, 'viewer');
    const t = (await loginTokens(h, user)).json<Tokens>();
    const res = await h.call('POST', '/api/v1/auth/password', {
      token: t.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'another long passphrase' },
    });
    expect(res.json()).toEqual({ sessionsRevoked: 1 });
    expect(
      (await h.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: t.refreshToken } }))
        .statusCode,
    ).toBe(401);
    expect((await h.login(user, 'another long passphrase')).length).toBeGreaterThan(0);
  });

  it('refuses malformed login bodies with what was wrong', async () => {
    const h = await harness();
    const cases = [
      { body: { username: 'ok-user' }, expect: "must have required property 'password'" },
      { body: { username: 'BAD USER', password: 'x' }, expect: 'body/username' },
      {
        body: { username: 'ok-user', password: 'x', extra: 1 },
        expect: 'must NOT have additional properties',
      },
      { body: { username: 'ok-user', password: 'x', totp: '12345' }, expect: 'body/totp' },
    ];
    for (const c of cases) {
      const res = await h.call('POST', '/api/v1/auth/login', { body: c.body });
      expect(res.statusCode, JSON.stringify(c.body)).toBe(400);
      expect(res.json<{ message: string }>().message).toContain(c.expect);
    }
    const notJson = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(notJson.statusCode).toBe(400);
  });

  it('rate-limits logins per client, shared through live state', async () => {
    const h = await harness({ loginRateLimitPerMinute: 3 });
    const attempt = (ip: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        payload: { username: 'nobody-x', password: 'whatever' },
      });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt('10.0.0.1')).statusCode);
    const other = await attempt('10.0.0.2');
    expect(codes).toEqual([401, 401, 401, 429]);
    expect(other.statusCode).toBe(401);
    const limited = await attempt('10.0.0.1');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    await h.clock.advanceBy(60_000);
    expect((await attempt('10.0.0.1')).statusCode).toBe(401);
    expect(T0).toBeGreaterThan(0);
  });
});
