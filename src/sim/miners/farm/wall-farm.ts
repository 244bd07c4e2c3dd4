import { createDefaultRegistry } from '../../../pool/core/algorithms/index.js';
import { monotonicMs, WallScheduler, wallClock } from '../../../runtime/index.js';
import { tcpConnector } from '../client/connector.js';
import type { GrindLimits } from '../miner/miner-spec.js';
import { Farm } from './farm.js';
import type { FarmSpec } from './farm-spec.js';

export interface WallFarmOptions {
  readonly pool: { readonly host: string; readonly port: number };
  readonly shard?: { readonly index: number; readonly of: number };
  readonly keepTruth?: boolean;
  readonly rampMs?: number;
  readonly limits?: GrindLimits;
  /**
   * Give each miner its own loopback source address (127.10.x.y), so the pool sees one IP per
   * miner as it would in the field. Default: on when the pool is on 127.x (Linux routes all
   * of 127/8 to loopback).
   */
  readonly spreadSourceAddresses?: boolean;
}

export interface WallFarm {
  readonly farm: Farm;
  readonly scheduler: WallScheduler;
  /**
   * Stops the miners (no share is sent after the call), waits up to `drainMs` for answers
   * still due, closes the connections and every timer of the farm.
   */
  stop(drainMs?: number): Promise<void>;
}

/** The n-th loopback source address of a farm: 127.10.0.1 onwards. */
export function sourceAddress(index: number): string {
  const n = index + 1;
  return `127.${10 + ((n >> 16) & 0x3f)}.${(n >> 8) & 0xff}.${n & 0xff}`;
}

/** A farm on the wall clock over TCP (wire fidelity), in this thread. */
export async function startWallFarm(spec: FarmSpec, options: WallFarmOptions): Promise<WallFarm> {
  const pow = (await createDefaultRegistry()).require(spec.algorithm);
  const scheduler = new WallScheduler(wallClock);
  const spread = options.spreadSourceAddresses ?? options.pool.host.startsWith('127.');
  const farm = new Farm(spec, {
    scheduler,
    pow,
    connector: (index) =>
      tcpConnector({
        host: options.pool.host,
        port: options.pool.port,
        ...(spread ? { localAddress: sourceAddress(index) } : {}),
      }),
    fidelity: 'wire',
    latencyClock: monotonicMs,
    cpuClock: monotonicMs,
    keepTruth: options.keepTruth ?? false,
    ...(options.shard === undefined ? {} : { shard: options.shard }),
    ...(options.rampMs === undefined ? {} : { rampMs: options.rampMs }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  farm.start();
  return {
    farm,
    scheduler,
    async stop(drainMs = 0) {
      await farm.stop(drainMs);
      scheduler.clearAll();
    },
  };
}
