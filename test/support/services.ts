import { test } from 'vitest';

/** Why a service cannot be used, or undefined when it can. */
export type ServiceProbe = () => Promise<string | undefined>;

export interface ServiceGate {
  readonly service: string;
  /** For `describe.skipIf(gate.skip)`: true whenever the service is unavailable. */
  readonly skip: boolean;
  /** Why the service is unavailable; undefined when it is available. */
  readonly reason: string | undefined;
  /** Whether this run must fail without the service (CI, CHIMERA_REQUIRE_SERVICES). */
  readonly required: boolean;
}

/** What the gate does besides deciding; vitest and stderr unless a test of the gate swaps them. */
export interface GateEffects {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Registers a test at the top level of the calling file. */
  readonly failingTest: (title: string, fn: () => void) => void;
  readonly skippedTest: (title: string) => void;
  readonly report: (line: string) => void;
  readonly probeTimeoutMs: number;
}

const DEFAULT_EFFECTS: GateEffects = {
  env: process.env,
  failingTest: (title, fn) => test(title, fn),
  skippedTest: (title) => test.skip(title, () => undefined),
  report: (line) => void process.stderr.write(`${line}\n`),
  probeTimeoutMs: 15_000,
};

/** Variables that make a missing service a failure rather than a skip. */
export const REQUIRE_SERVICES_VARS = ['CHIMERA_REQUIRE_SERVICES', 'CI'] as const;

/** True when any of REQUIRE_SERVICES_VARS is set to something other than '', '0' or 'false'. */
export function servicesRequired(env: Readonly<Record<string, string | undefined>>): boolean {
  return REQUIRE_SERVICES_VARS.some((name) => {
    const v = env[name]?.trim().toLowerCase();
    return v !== undefined && v !== '' && v !== '0' && v !== 'false';
  });
}

/**
 * Probes a service once, at collection time, for a service-backed suite:
 *
 *   const gate = await serviceGate('litecoind', probeLitecoind);
 *   describe.skipIf(gate.skip)('...', () => { ... });
 *
 * Unavailable on a developer machine, the suite is skipped and the reason is printed and shown
 * as a skipped test. Unavailable when required (CI, CHIMERA_REQUIRE_SERVICES), the file gets
 * one failing test that names the service and the reason, and the suite is not run, so the
 * failure says what is missing rather than what broke because of it.
 */
export async function serviceGate(
  service: string,
  probe: ServiceProbe,
  effects: Partial<GateEffects> = {},
): Promise<ServiceGate> {
  const fx = { ...DEFAULT_EFFECTS, ...effects };
  const required = servicesRequired(fx.env);
  const reason = await runProbe(probe, fx.probeTimeoutMs);
  if (reason === undefined) return { service, skip: false, reason, required };
  if (required) {
    const message =
      `${service} is required in this run (${requiredBy(fx.env)}) but unavailable: ${reason}. ` +
      `Start or install ${service}, or unset ${REQUIRE_SERVICES_VARS.join(' and ')} to skip.`;
    fx.failingTest(`${service} is available`, () => {
      throw new Error(message);
    });
  } else {
    fx.report(`[services] ${service} unavailable, its suites are skipped: ${reason}`);
    fx.skippedTest(`${service} unavailable: ${reason}`);
  }
  return { service, skip: true, reason, required };
}

/** The probe's answer; a probe that throws or hangs counts as the service being unavailable. */
async function runProbe(probe: ServiceProbe, timeoutMs: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`the probe did not answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([
      probe().catch((err: unknown) => {
        const text = err instanceof Error ? err.message : String(err);
        return `the probe failed: ${text === '' ? String(err) : text}`;
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function requiredBy(env: Readonly<Record<string, string | undefined>>): string {
  return REQUIRE_SERVICES_VARS.filter((n) => servicesRequired({ [n]: env[n] }))
    .map((n) => `${n}=${env[n] ?? ''}`)
    .join(', ');
}

export { litecoindBinary, litecoindCandidates, probeLitecoind } from './probe-litecoind.js';
export { DEFAULT_DATABASE_URL_TEST, probePostgres } from './probe-postgres.js';
export { DEFAULT_REDIS_URL_TEST, probeRedis } from './probe-redis.js';
