import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles.js';
import { useApiHarness, username, type Harness } from '../testing/api-harness.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface OperatorRoute {
  readonly method: Method;
  readonly url: (h: Harness, ctx: { victim: string }) => string;
  readonly body?: (h: Harness) => unknown;
  readonly least: Role;
}

/** Every operator route, the least role it needs, and a valid request for it. */
const ROUTES: readonly OperatorRoute[] = [
  { method: 'GET', url: () => '/api/v1/auth/me', least: 'viewer' },
  { method: 'GET', url: () => '/api/v1/operator/networks', least: 'viewer' },
  {
    method: 'POST',
    url: () => '/api/v1/operator/networks/switch',
    body: (h) => ({ network: h.network }),
    least: 'operator',
  },
  {
    method: 'POST',
    url: () => '/api/v1/operator/networks/rollback',
    body: () => ({}),
    least: 'operator',
  },
  {
    method: 'PUT',
    url: (h) => `/api/v1/operator/networks/${h.network}/payout`,
    body: () => ({ feeBps: 150 }),
    least: 'admin',
  },
  { method: 'GET', url: () => '/api/v1/operator/bans', least: 'viewer' },
  {
    method: 'POST',
    url: () => '/api/v1/operator/bans',
    body: () => ({ kind: 'ip', value: '192.0.2.7', reason: 'flood' }),
    least: 'operator',
  },
  { method: 'DELETE', url: () => '/api/v1/operator/bans/999999', least: 'operator' },
  { method: 'GET', url: () => '/api/v1/operator/payouts', least: 'viewer' },
  {
    method: 'POST',
    url: (h) => `/api/v1/operator/payouts/${h.network}/pause`,
    body: () => ({ reason: 'wallet maintenance' }),
    least: 'operator',
  },
  { method: 'POST', url: (h) => `/api/v1/operator/payouts/${h.network}/resume`, least: 'operator' },
  { method: 'GET', url: () => '/api/v1/operator/audit', least: 'admin' },
  { method: 'GET', url: () => '/api/v1/operator/accounts', least: 'admin' },
  {
    method: 'POST',
    url: () => '/api/v1/operator/accounts',
    body: () => ({ username: username('new'), password: 'a long enough password', role: 'viewer' }),
    least: 'admin',
  },
  {
    method: 'PATCH',
    url: (_h, c) => `/api/v1/operator/accounts/${c.victim}`,
    body: () => ({ role: 'viewer' }),
    least: 'admin',
  },
  {
    method: 'POST',
    url: (_h, c) => `/api/v1/operator/accounts/${c.victim}/unlock`,
    least: 'admin',
  },
  {
    method: 'POST',
    url: (_h, c) => `/api/v1/operator/accounts/${c.victim}/revoke-sessions`,
    least: 'admin',
  },
  {
    method: 'POST',
    url: () => '/api/v1/auth/mfa/confirm',
    body: () => ({ code: '123456' }),
    least: 'viewer',
  },
];

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

describe('operator routes', () => {
  const harness = useApiHarness({ defaultRateLimitPerMinute: 10_000 });

  it('covers every route that has a role', async () => {
    const h = await harness();
    const doc = (await h.call('GET', '/openapi.json')).json<{
      paths: Record<string, Record<string, { security?: unknown }>>;
    }>();
    const guarded = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.security !== undefined)
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    const probe = { victim: '{username}' };
    const listed = ROUTES.map(
      (r) =>
        `${r.method} ${r.url(h, probe).replace(h.network, '{network}').replace('999999', '{id}')}`,
    );
    const missing = guarded
      .filter((g) => !listed.includes(g))
      .filter((g) => !g.includes('/auth/mfa/enrol') && !g.includes('/auth/password'));
    expect(missing).toEqual([]);
  });

  it.each(['viewer', 'operator', 'admin'] as const)(
    'lets a %s do exactly what its role allows',
    async (role) => {
      // Arrange
      const h = await harness();
      const me = username(role);
      const victim = username('victim');
      await h.account(me, role);
      await h.account(victim, 'operator');
      const token = await h.login(me);
      // Act
      const outcomes = [];
      for (const r of ROUTES) {
        const body = r.body?.(h);
        const res = await h.call(r.method, r.url(h, { victim }), {
          token,
          ...(body === undefined ? {} : { body }),
        });
        outcomes.push({
          route: `${r.method} ${r.url(h, { victim })}`,
          status: res.statusCode,
          allowed: RANK[role] >= RANK[r.least],
        });
      }
      // Assert
      for (const o of outcomes) {
        if (o.allowed) expect(o.status, o.route).not.toBe(403);
        else expect(o.status, o.route).toBe(403);
        expect(o.status, o.route).not.toBe(401);
        expect(o.status, o.route).toBeLessThan(500);
      }
    },
  );

  it('refuses every operator route without a token or with a forged one', async () => {
    const h = await harness();
    for (const r of ROUTES) {
      const body = r.body?.(h);
      const none = await h.call(
        r.method,
        r.url(h, { victim: 'someone' }),
        body === undefined ? {} : { body },
      );
      const forged = await h.call(r.method, r.url(h, { victim: 'someone' }), {
        token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.AAAA',
        ...(body === undefined ? {} : { body }),
      });
      expect(none.statusCode, r.url(h, { victim: 'x' })).toBe(401);
      expect(forged.statusCode).toBe(401);
    }
  });

  it('a demoted or disabled account loses access at once, with its token still unexpired', async () => {
    const h = await harness();
    const admin = username('boss');
    const op = username('op');
    await h.account(admin, 'admin');
    await h.account(op, 'operator');
    const adminToken = await h.login(admin);
    const opToken = await h.login(op);
    const sw = () =>
      h.call('POST', '/api/v1/operator/networks/switch', {
        token: opToken,
        body: { network: h.network },
      });
    expect((await sw()).statusCode).toBe(200);
    await h.call('PATCH', `/api/v1/operator/accounts/${op}`, {
      token: adminToken,
      body: { role: 'viewer' },
    });
    expect((await sw()).statusCode).toBe(403);
    await h.call('PATCH', `/api/v1/operator/accounts/${op}`, {
      token: adminToken,
      body: { disabled: true },
    });
    expect((await sw()).statusCode).toBe(401);
    const self = await h.call('PATCH', `/api/v1/operator/accounts/${admin}`, {
      token: adminToken,
      body: { disabled: true },
    });
    expect(self.statusCode).toBe(409);
  });

  it('switches a network through NetworkControl and records it in the audit log; a viewer cannot', async () => {
    // Arrange
    const h = await harness();
    const op = username('switcher');
    const viewer = username('watcher');
    const admin = username('auditor');
    await h.account(op, 'operator');
    await h.account(viewer, 'viewer');
    await h.account(admin, 'admin');
    const opToken = await h.login(op);
    // Act
    const sw = await h.call('POST', '/api/v1/operator/networks/switch', {
      token: opToken,
      body: { network: h.network, reason: 'better margin' },
      headers: { 'user-agent': 'ops-console/1.0' },
    });
    const denied = await h.call('POST', '/api/v1/operator/networks/switch', {
      token: await h.login(viewer),
      body: { network: h.network },
    });
    const status = await h.call('GET', '/api/v1/operator/networks', { token: opToken });
    const rollback = await h.call('POST', '/api/v1/operator/networks/rollback', {
      token: opToken,
      body: {},
    });
    const unknown = await h.call('POST', '/api/v1/operator/networks/switch', {
      token: opToken,
      body: { network: 'no-such-net' },
    });
    const audit = await h.call('GET', '/api/v1/operator/audit?limit=1000', {
      token: await h.login(admin),
    });
    // Assert
    expect(sw.statusCode).toBe(200);
    expect(sw.json()).toMatchObject({ outcome: 'completed', status: { active: h.network } });
    expect(denied.statusCode).toBe(403);
    expect(status.json()).toMatchObject({ status: { active: h.network } });
    expect(rollback.statusCode).toBe(409);
    expect(rollback.json()).toMatchObject({ code: 'SWITCH_REFUSED' });
    expect(unknown.statusCode).toBe(404);
    expect(h.control.calls).toEqual([
      `switch ${h.network} by operator:${op}`,
      `rollback by operator:${op}`,
    ]);
    const entries = audit.json<{
      entries: {
        actor: string;
        action: string;
        target: string | null;
        details: Record<string, unknown>;
      }[];
    }>().entries;
    expect(
      entries.find((e) => e.action === 'network.switch' && e.actor === `operator:${op}`),
    ).toMatchObject({
      target: h.network,
      details: {
        outcome: 'completed',
        reason: 'better margin',
        ip: '127.0.0.1',
        userAgent: 'ops-console/1.0',
      },
    });
  });

  it('adds and lifts bans, pauses and resumes payouts, changes payout settings', async () => {
    const h = await harness();
    const admin = username('root');
    await h.account(admin, 'admin');
    const token = await h.login(admin);
    const ban = await h.call('POST', '/api/v1/operator/bans', {
      token,
      body: {
        kind: 'address',
        value: 'LbadMiner1234567890abc',
        reason: 'withholding',
        durationMs: 3_600_000,
      },
    });
    expect(ban.statusCode).toBe(201);
    const id = ban.json<{ id: string }>().id;
    expect(
      (await h.call('GET', '/api/v1/operator/bans', { token })).json<{ bans: unknown[] }>().bans,
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, kind: 'address', reason: 'withholding' }),
      ]),
    );
    expect((await h.call('DELETE', `/api/v1/operator/bans/${id}`, { token })).statusCode).toBe(200);
    expect((await h.call('DELETE', `/api/v1/operator/bans/${id}`, { token })).statusCode).toBe(404);
    const badBan = await h.call('POST', '/api/v1/operator/bans', {
      token,
      body: { kind: 'subnet', value: 'x', reason: 'r' },
    });
    expect(badBan.statusCode).toBe(400);

    const pause = await h.call('POST', `/api/v1/operator/payouts/${h.network}/pause`, {
      token,
      body: { reason: 'wallet upgrade' },
    });
    expect(pause.json()).toEqual({ paused: true, changed: true });
    const held = await h.call('GET', '/api/v1/operator/payouts', { token });
    expect(held.json<{ paused: { network: string }[] }>().paused.map((p) => p.network)).toContain(
      h.network,
    );
    expect(
      (await h.call('POST', `/api/v1/operator/payouts/${h.network}/resume`, { token })).json(),
    ).toEqual({ paused: false, changed: true });

    const settings = await h.call('PUT', `/api/v1/operator/networks/${h.network}/payout`, {
      token,
      body: { feeBps: 150, minPayoutSats: '5000000' },
    });
    expect(settings.json()).toEqual({ feeBps: 150, minPayoutSats: '5000000', maturityDepth: 100 });
    expect((await h.store.networks.get(h.network))?.payout.minPayoutSats).toBe(5_000_000n);
    const badAmount = await h.call('PUT', `/api/v1/operator/networks/${h.network}/payout`, {
      token,
      body: { minPayoutSats: 5000000 },
    });
    expect(badAmount.statusCode).toBe(400);
  });

  it('admins create accounts (argon2id hash stored), duplicates are 409', async () => {
    const h = await harness();
    const admin = username('maker');
    await h.account(admin, 'admin');
    const token = await h.login(admin);
    const name = username('fresh');
    const body = { username: name, password: 'a long enough password', role: 'operator' };
    const created = await h.call('POST', '/api/v1/operator/accounts', { token, body });
    const again = await h.call('POST', '/api/v1/operator/accounts', { token, body });
    const short = await h.call('POST', '/api/v1/operator/accounts', {
      token,
      body: { ...body, username: username('s'), password: 'short' },
    });
    expect(created.statusCode).toBe(201);
    expect(again.statusCode).toBe(409);
    expect(short.statusCode).toBe(400);
    const { rows } = await h.store.sql.query(
      'SELECT password_hash FROM operators WHERE username = $1',
      [name],
    );
    expect(String(rows[0]?.['password_hash'])).toMatch(/^\$argon2id\$v=19\$/);
    expect((await h.login(name, 'a long enough password')).length).toBeGreaterThan(0);
  });
});
