import { z } from 'zod';
import { ChimeraError } from '../../errors.js';
import { DEFAULT_SHARE_RULES, type ShareRules } from '../core/shares/validate-share.js';
import { clampDifficulty, difficultyFrom, type Difficulty } from '../core/difficulty/difficulty.js';
import { vardiffConfig, type VardiffConfig } from '../core/difficulty/vardiff-config.js';
import { DEFAULT_MAX_LINE_BYTES } from './codec/line-splitter.js';
import { MAX_EXTRANONCE2_SIZE } from './codec/notification-params.js';
import type { TokenBucketConfig } from './token-bucket.js';

const difficulty = z.union([z.number().positive(), z.string().min(1)]);
const ms = z.number().positive();
const count = z.number().int().positive();

/** The Stratum part of the pool's config; the composition root embeds it in its own schema. */
export const stratumConfigSchema = z.strictObject({
  network: z.string().min(1),
  extranonce2Size: z.number().int().min(1).max(MAX_EXTRANONCE2_SIZE).default(4),
  /** Version bits miners may roll (BIP 310/320); 0 turns version rolling off. */
  versionMask: z.number().int().min(0).max(0xffffffff).default(0x1fffe000),
  difficulty: z
    .strictObject({
      start: difficulty.default(1),
      min: difficulty.default('0.001'),
      max: difficulty.default('4294967296'),
    })
    .prefault({}),
  vardiff: z
    .strictObject({
      targetShareTimeMs: ms.default(10_000),
      retargetIntervalMs: ms.default(60_000),
      variancePercent: z.number().gt(0).lt(100).default(30),
      maxStepFactor: z.number().gt(1).default(4),
    })
    .prefault({}),
  maxFutureNtimeSec: z.number().int().min(0).default(DEFAULT_SHARE_RULES.maxFutureSec),
  /** A miner's suggested difficulty is applied at most once per this long. */
  suggestCooldownMs: ms.default(60_000),
  maxWorkersPerSession: count.default(64),
  submitRate: z
    .strictObject({ perSecond: z.number().positive().default(100), burst: count.default(500) })
    .prefault({}),
  handshakeTimeoutMs: ms.default(15_000),
  /** No complete line for this long closes the connection (bytes without `\n` do not count). */
  idleTimeoutMs: ms.default(600_000),
  ban: z
    .strictObject({
      /** Judged shares in a window before the invalid fraction is read. */
      minShares: count.default(100),
      invalidPercent: z.number().gt(0).max(100).default(50),
      maxProtocolErrors: count.default(20),
      maxFailedLogins: count.default(10),
      durationMs: ms.default(600_000),
    })
    .prefault({}),
  maxLineBytes: count.default(DEFAULT_MAX_LINE_BYTES),
  maxWriteBufferBytes: count.default(256 * 1024),
  maxConnections: count.default(19_000),
  maxConnectionsPerIp: count.optional(),
  /** Session actions held behind an unfinished share record before the miner is dropped. */
  maxPendingActions: count.default(1024),
  sweepIntervalMs: ms.default(1_000),
  shutdownGraceMs: z.number().min(0).default(5_000),
});

export type StratumConfigInput = z.input<typeof stratumConfigSchema>;

/** What one session reads: built once, frozen, shared by every session of a server. */
export interface SessionPolicy {
  readonly network: string;
  readonly extranonce2Size: number;
  readonly versionMask: number;
  readonly startDifficulty: Difficulty;
  /** Its minDifficulty/maxDifficulty are the pool's bounds. */
  readonly vardiff: VardiffConfig;
  readonly shareRules: ShareRules;
  readonly suggestCooldownMs: number;
  readonly maxWorkers: number;
  readonly submitRate: TokenBucketConfig;
  readonly handshakeTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly ban: {
    readonly minShares: number;
    readonly invalidPercent: number;
    readonly maxProtocolErrors: number;
    readonly maxFailedLogins: number;
    readonly durationMs: number;
  };
}

export interface ServerLimits {
  readonly maxLineBytes: number;
  readonly maxWriteBufferBytes: number;
  readonly maxConnections: number;
  readonly maxConnectionsPerIp: number | undefined;
  readonly maxPendingActions: number;
  readonly sweepIntervalMs: number;
  readonly shutdownGraceMs: number;
}

export interface StratumConfig {
  readonly session: SessionPolicy;
  readonly server: ServerLimits;
}

/** Parses, checks and freezes; throws STRATUM_CONFIG_INVALID naming every bad field. */
export function stratumConfig(input: StratumConfigInput): StratumConfig {
  const parsed = stratumConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ChimeraError('STRATUM_CONFIG_INVALID', issues.join('; '), { issues });
  }
  const c = parsed.data;
  let vardiff: VardiffConfig;
  let start: Difficulty;
  try {
    vardiff = vardiffConfig({
      ...c.vardiff,
      minDifficulty: c.difficulty.min,
      maxDifficulty: c.difficulty.max,
    });
    start = clampDifficulty(
      difficultyFrom(c.difficulty.start),
      vardiff.minDifficulty,
      vardiff.maxDifficulty,
    );
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ChimeraError('STRATUM_CONFIG_INVALID', error.message);
  }
  const session: SessionPolicy = Object.freeze({
    network: c.network,
    extranonce2Size: c.extranonce2Size,
    versionMask: c.versionMask >>> 0,
    startDifficulty: start,
    vardiff,
    shareRules: Object.freeze({ maxFutureSec: c.maxFutureNtimeSec }),
    suggestCooldownMs: c.suggestCooldownMs,
    maxWorkers: c.maxWorkersPerSession,
    submitRate: Object.freeze({ ratePerSecond: c.submitRate.perSecond, burst: c.submitRate.burst }),
    handshakeTimeoutMs: c.handshakeTimeoutMs,
    idleTimeoutMs: c.idleTimeoutMs,
    ban: Object.freeze({ ...c.ban }),
  });
  const server: ServerLimits = Object.freeze({
    maxLineBytes: c.maxLineBytes,
    maxWriteBufferBytes: c.maxWriteBufferBytes,
    maxConnections: c.maxConnections,
    maxConnectionsPerIp: c.maxConnectionsPerIp,
    maxPendingActions: c.maxPendingActions,
    sweepIntervalMs: c.sweepIntervalMs,
    shutdownGraceMs: c.shutdownGraceMs,
  });
  return Object.freeze({ session, server });
}
