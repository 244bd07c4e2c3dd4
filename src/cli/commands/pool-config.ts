import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { ChimeraError } from '../../errors.js';
import { decodeAddress } from '../../pool/core/address/decode.js';
import type { CoinParams } from '../../pool/core/coins/coin-params.js';
import { findCoin } from '../../pool/core/coins/index.js';
import type { SwitchPolicy } from '../../pool/networks/network-switcher.js';
import { parseHostPort, type HostPort } from '../host-port.js';

/** One network of `chimera pool`, from flags or a configuration file. */
export interface PlannedNetwork {
  readonly coin: CoinParams;
  readonly nodes: readonly string[];
  readonly cookie: string | undefined;
  readonly address: string;
  readonly difficulty: { readonly start: string | number; readonly min: string | number };
}

/** Everything `chimera pool` runs from; the first network is the one miners get at start. */
export interface PoolPlan {
  readonly networks: readonly [PlannedNetwork, ...PlannedNetwork[]];
  readonly stratum: HostPort;
  readonly switchPolicy: Partial<SwitchPolicy>;
  readonly ack: string | undefined;
  readonly fee: string | undefined;
}

const amount = z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?(e-?\d+)?$/)]);

const networkSchema = z
  .object({
    coin: z.string(),
    node: z.union([z.string(), z.array(z.string()).min(1)]),
    cookie: z.string().optional(),
    address: z.string(),
    difficulty: z.object({ start: amount, min: amount.optional() }).strict().optional(),
  })
  .strict();

const configSchema = z
  .object({
    stratum: z.string().optional(),
    difficulty: z.object({ start: amount, min: amount.optional() }).strict().optional(),
    ack: z.enum(['durable', 'ack-then-write']).optional(),
    fee: z.union([z.number(), z.string()]).optional(),
    networks: z.array(networkSchema).min(1),
    switch: z
      .object({
        canaryFraction: z.number().gt(0).lte(1).optional(),
        canaryMs: z.number().int().min(0).optional(),
        minAcceptance: z.number().min(0).max(1).optional(),
        minCanaryShares: z.number().int().min(0).optional(),
        checkIntervalMs: z.number().int().positive().optional(),
        graceMs: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

function invalid(file: string, message: string): ChimeraError {
  return new ChimeraError('CLI_USAGE_INVALID', `${file}: ${message}`);
}

/**
 * Reads a pool configuration file (YAML):
 *
 *   stratum: 0.0.0.0:3333
 *   difficulty: { start: 1, min: 0.001 }
 *   networks:
 *     - { coin: bitcoin-regtest, node: http://u:p@127.0.0.1:18443, address: bcrt1... }
 *     - { coin: sim-sha256d, node: [http://...], address: ... }
 *   switch: { canaryFraction: 0.1, canaryMs: 30000, minAcceptance: 0.9, graceMs: 10000 }
 *
 * Every problem is reported with the file and the field, before anything starts.
 */
export function parsePoolConfig(text: string, file: string): PoolPlan {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const at = err.linePos?.[0];
      throw invalid(file, `${at ? `line ${at.line}, column ${at.col}: ` : ''}${err.message}`);
    }
    throw err;
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw invalid(file, problems.join('; '));
  }
  const c = parsed.data;
  const start = c.difficulty?.start ?? 1;
  const min = c.difficulty?.min ?? '0.001';
  const seen = new Set<string>();
  const networks = c.networks.map((n, i): PlannedNetwork => {
    const coin = findCoin(n.coin);
    if (coin === undefined) throw invalid(file, `networks.${i}.coin: unknown coin '${n.coin}'`);
    if (seen.has(coin.id)) throw invalid(file, `networks.${i}.coin: ${coin.id} appears twice`);
    seen.add(coin.id);
    const decoded = decodeAddress(n.address, coin.address);
    if (!decoded.ok) {
      throw invalid(file, `networks.${i}.address: not a ${coin.id} address: ${decoded.error}`);
    }
    return {
      coin,
      nodes: typeof n.node === 'string' ? [n.node] : n.node,
      cookie: n.cookie,
      address: n.address,
      difficulty: { start: n.difficulty?.start ?? start, min: n.difficulty?.min ?? min },
    };
  });
  let stratum: HostPort = { host: '127.0.0.1', port: 3333 };
  if (c.stratum !== undefined) {
    try {
      stratum = parseHostPort(c.stratum);
    } catch (err) {
      throw invalid(file, `stratum: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return {
    networks: networks as [PlannedNetwork, ...PlannedNetwork[]],
    stratum,
    switchPolicy: c.switch ?? {},
    ack: c.ack,
    fee: c.fee === undefined ? undefined : String(c.fee),
  };
}
