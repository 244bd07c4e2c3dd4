import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { operatorCommand } from '../cli/commands/operator.js';
import type { CliIo } from '../cli/io.js';
import { MemoryLiveState } from '../pool/store/live/memory-live-state.js';
import { openStore } from '../pool/store/store.js';
import { networkConfig } from '../pool/store/testing/shares.js';
import { createRng, VirtualTime } from '../runtime/index.js';
import { buildApi } from './build-api.js';
import { MemoryEventFeed, MemoryPoolStats } from './memory-stats.js';
import { FakeNetworkControl, T0, totpAt } from './testing/api-harness.js';

function memoryIo(): CliIo & { stdout: string } {
  const io = {
    stdout: '',
    out: (t: string) => void (io.stdout += t),
    err: () => undefined,
    waitForSignal: () => Promise.resolve(),
    env: {},
  };
  return io;
}

async function cli(io: CliIo, stdin: string, ...args: string[]): Promise<void> {
  const program = new Command('chimera')
    .exitOverride()
    .addCommand(operatorCommand(io, () => Promise.resolve(stdin)).exitOverride());
  await program.parseAsync(['operator', ...args], { from: 'user' });
}

describe('the issue\'s "done when", through the command line and the API', () => {
  it('creates the first admin, enrols MFA, logs in, switches a network, finds it audited; a viewer cannot', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'chimera-api-'));
    try {
      // Arrange: the first admin from the command line, password on stdin
      const io = memoryIo();
      await cli(
        io,
        'first admin passphrase\n',
        'create-admin',
        '--username',
        'root',
        '--data-dir',
        dataDir,
      );
      expect(io.stdout).toContain("admin 'root' created");
      await expect(
        cli(
          memoryIo(),
          'first admin passphrase\n',
          'create-admin',
          '--username',
          'root',
          '--data-dir',
          dataDir,
        ),
      ).rejects.toThrow('OPERATOR_EXISTS');
      const passwordFile = join(dataDir, 'pw.txt');
      await writeFile(passwordFile, 'short\n');
      await expect(
        cli(
          memoryIo(),
          '',
          'create-admin',
          '--username',
          'x2',
          '--password-file',
          passwordFile,
          '--data-dir',
          dataDir,
        ),
      ).rejects.toThrow('OPERATOR_INVALID');

      const store = await openStore({ dataDir });
      try {
        await store.networks.upsert(networkConfig('ltc-main'), T0);
        const clock = new VirtualTime(T0);
        const rng = createRng('done-when');
        const control = new FakeNetworkControl();
        const app = await buildApi({
          store,
          stats: new MemoryPoolStats(),
          control,
          events: new MemoryEventFeed(),
          live: new MemoryLiveState({ bucketMs: 60_000, retentionMs: 3_600_000 }),
          clock,
          secrets: { randomBytes: (n) => rng.bytes(n) },
          logger: pino({ level: 'silent' }),
        });
        const post = (url: string, body: object, token?: string) =>
          app.inject({
            method: 'POST',
            url,
            payload: body,
            ...(token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }),
          });
        const login = async (username: string, password: string, totp?: string) =>
          (
            await post('/api/v1/auth/login', {
              username,
              password,
              ...(totp === undefined ? {} : { totp }),
            })
          ).json<{
            accessToken: string;
          }>().accessToken;

        // Act: enrol MFA, log in again with a code
        const first = await login('root', 'first admin passphrase');
        const { secret } = (
          await post('/api/v1/auth/mfa/enrol', { password: 'first admin passphrase' }, first)
        ).json<{
          secret: string;
        }>();
        await post('/api/v1/auth/mfa/confirm', { code: totpAt(secret, clock.nowMs()) }, first);
        await clock.advanceBy(30_000);
        const admin = await login('root', 'first admin passphrase', totpAt(secret, clock.nowMs()));
        await post(
          '/api/v1/operator/accounts',
          { username: 'watcher', password: 'viewer passphrase!', role: 'viewer' },
          admin,
        );
        const viewer = await login('watcher', 'viewer passphrase!');
        const switched = await post(
          '/api/v1/operator/networks/switch',
          { network: 'ltc-main' },
          admin,
        );
        const refused = await post(
          '/api/v1/operator/networks/switch',
          { network: 'ltc-main' },
          viewer,
        );
        const audit = await app.inject({
          method: 'GET',
          url: '/api/v1/operator/audit?limit=1000',
          headers: { authorization: `Bearer ${admin}` },
        });

        // Assert
        expect(switched.statusCode).toBe(200);
        expect(refused.statusCode).toBe(403);
        const actions = audit.json<{
          entries: { actor: string; action: string; target: string | null }[];
        }>().entries;
        expect(actions).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ actor: 'cli', action: 'operator.create', target: 'root' }),
            expect.objectContaining({ actor: 'operator:root', action: 'auth.mfa.enabled' }),
            expect.objectContaining({
              actor: 'operator:root',
              action: 'network.switch',
              target: 'ltc-main',
            }),
          ]),
        );
        expect(actions.filter((e) => e.action === 'network.switch')).toHaveLength(1);
        await app.close();
      } finally {
        await store.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
