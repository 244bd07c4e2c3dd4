import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { TOTP, Secret } from 'otpauth';
import { createRng, VirtualTime } from '../../runtime/index.js';
import { MemoryLiveState } from '../../pool/store/live/memory-live-state.js';
import { useStore } from '../../pool/store/contract/fixture.js';
import { openStore, type Store } from '../../pool/store/index.js';
import { networkConfig, uniqueNetwork } from '../../pool/store/testing/shares.js';
import { buildApi } from '../build-api.js';
import { argon2Hasher } from '../auth/password.js';
import { OperatorAccounts } from '../auth/operator-accounts.js';
import { createOperator } from '../auth/create-operator.js';
import type { Role } from '../auth/roles.js';
import { MemoryEventFeed, MemoryPoolStats } from '../memory-stats.js';
import type {
  ApiConfig,
  NetworkControl,
  NetworkStatus,
  SecretSource,
  SwitchOutcome,
} from '../ports.js';

export const T0 = 1_700_000_000_000;
export const PASSWORD = 'correct horse battery staple';
const CHEAP_ARGON2 = { memoryKiB: 256, iterations: 1 };

/** A NetworkControl that records what it was asked and switches at once. */
export class FakeNetworkControl implements NetworkControl {
  readonly calls: string[] = [];
  private state: NetworkStatus = { active: undefined, switching: undefined, previous: undefined };
  refuse: string | undefined;

  status(): Promise<NetworkStatus> {
    return Promise.resolve(this.state);
  }

  switchTo(network: string, actor: string): Promise<SwitchOutcome> {
    this.calls.push(`switch ${network} by ${actor}`);
    if (this.refuse !== undefined) return Promise.resolve({ kind: 'refused', reason: this.refuse });
    this.state = { active: network, switching: undefined, previous: this.state.active };
    return Promise.resolve({ kind: 'completed', status: this.state });
  }

  rollback(actor: string): Promise<SwitchOutcome> {
    this.calls.push(`rollback by ${actor}`);
    const back = this.state.previous;
    if (back === undefined)
      return Promise.resolve({ kind: 'refused', reason: 'nothing to roll back to' });
    this.state = { active: back, switching: undefined, previous: this.state.active };
    return Promise.resolve({ kind: 'completed', status: this.state });
  }
}

export interface Harness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly clock: VirtualTime;
  readonly stats: MemoryPoolStats;
  readonly events: MemoryEventFeed;
  readonly control: FakeNetworkControl;
  readonly network: string;
  /** Creates an account directly in the store. */
  account(username: string, role: Role, password?: string): Promise<void>;
  /** Logs in and returns the access token. */
  login(username: string, password?: string): Promise<string>;
  call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
}

/** One PGlite store for the describe; a fresh API, clock and network per `harness()` call. */
export function useApiHarness(
  config: Partial<ApiConfig> = {},
): (extra?: Partial<ApiConfig>) => Promise<Harness> {
  const store = useStore(async () => {
    const s = await openStore();
    return { store: s, close: () => s.close() };
  });
  let seq = 0;
  return async (extra = {}) => {
    seq++;
    const clock = new VirtualTime(T0);
    const rng = createRng(`api-${seq}`);
    const secrets: SecretSource = { randomBytes: (n) => rng.bytes(n) };
    const stats = new MemoryPoolStats();
    const events = new MemoryEventFeed();
    const control = new FakeNetworkControl();
    const network = uniqueNetwork('api');
    await store().networks.upsert(networkConfig(network), T0);
    const app = await buildApi({
      store: store(),
      stats,
      control,
      events,
      live: new MemoryLiveState({ bucketMs: 60_000, retentionMs: 3_600_000 }),
      clock,
      secrets,
      logger: pino({ level: 'silent' }),
      config: { argon2: CHEAP_ARGON2, ...config, ...extra },
    });
    const accounts = new OperatorAccounts(store().sql);
    const hasher = argon2Hasher(secrets, CHEAP_ARGON2);
    const h: Harness = {
      app,
      store: store(),
      clock,
      stats,
      events,
      control,
      network,
      account: async (username, role, password = PASSWORD) => {
        await createOperator({ accounts, hasher, clock }, { username, password, role });
      },
      login: async (username, password = PASSWORD) => {
        const res = await h.call('POST', '/api/v1/auth/login', { body: { username, password } });
        if (res.statusCode !== 200)
          throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
        return res.json<{ accessToken: string }>().accessToken;
      },
      call: (method, url, opts = {}) =>
        app.inject({
          method,
          url,
          headers: {
            ...(opts.token === undefined ? {} : { authorization: `Bearer ${opts.token}` }),
            ...opts.headers,
          },
          ...(opts.body === undefined ? {} : { payload: opts.body as object }),
        }),
    };
    return h;
  };
}

/** Unique usernames across the tests of one store. */
let users = 0;
export function username(label: string): string {
  users++;
  return `${label}-${users}`;
}

/** The code an authenticator app would show for `secret` at `atMs`. */
export function totpAt(secretBase32: string, atMs: number): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32) }).generate({ timestamp: atMs });
}
