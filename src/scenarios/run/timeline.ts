import type { VirtualTime } from '../../runtime/index.js';
import type { TimelineEntry } from '../reports/index.js';
import type { EventSpec, Scenario } from '../scenario.js';
import type { FarmSlots } from './farm-slots.js';
import type { RunNetwork } from './world.js';

export interface TimelineDeps {
  readonly scenario: Scenario;
  readonly vt: VirtualTime;
  readonly startMs: number;
  readonly networks: ReadonlyMap<string, RunNetwork>;
  readonly farms: ReadonlyMap<string, FarmSlots>;
  readonly note: (entry: TimelineEntry) => void;
}

/**
 * Puts the scenario's timeline on the virtual clock: each farm's own join and leave, then
 * every event, each at its time (events at one instant in the order written).
 */
export function scheduleTimeline(deps: TimelineDeps): void {
  const { vt, startMs } = deps;
  const at = (atMs: number, fn: () => void): void => {
    vt.setTimeout(fn, startMs + atMs - vt.nowMs());
  };
  for (const farm of deps.scenario.farms) {
    const slots = deps.farms.get(farm.id);
    if (slots === undefined) continue;
    at(farm.joinAtMs, () => {
      const n = slots.join();
      deps.note({
        atMs: farm.joinAtMs,
        kind: 'farm-join',
        detail: `${farm.id}: ${n} miner(s) connect`,
      });
    });
    const leaveAtMs = farm.leaveAtMs;
    if (leaveAtMs !== undefined) {
      at(leaveAtMs, () => {
        const n = slots.leave();
        deps.note({
          atMs: leaveAtMs,
          kind: 'farm-leave',
          detail: `${farm.id}: ${n} miner(s) leave`,
        });
      });
    }
  }
  for (const event of deps.scenario.events) {
    at(event.atMs, () =>
      deps.note({ atMs: event.atMs, kind: event.kind, detail: apply(event, deps) }),
    );
  }
}

/** Carries out one event; returns what happened, for the timeline. */
function apply(event: EventSpec, deps: TimelineDeps): string {
  switch (event.kind) {
    case 'node-outage': {
      network(deps, event.network).node.faults.outage(event.forMs);
      return `${event.network}: node unreachable for ${event.forMs / 1000} s`;
    }
    case 'slow-rpc': {
      network(deps, event.network).node.faults.slow(event.delayMs, event.forMs);
      return `${event.network}: every RPC answer ${event.delayMs} ms late for ${event.forMs / 1000} s`;
    }
    case 'reorg': {
      const { sim } = network(deps, event.network);
      if (event.depth > sim.tip.height) {
        return `${event.network}: reorg of depth ${event.depth} skipped, the chain is only ${sim.tip.height} blocks high`;
      }
      const branch = sim.reorg(event.depth);
      return `${event.network}: reorg of depth ${event.depth}, a branch of ${branch.length} blocks takes over`;
    }
    case 'hashrate-surge': {
      const factor = Number(event.factor.num) / Number(event.factor.den);
      network(deps, event.network).sim.hashrateBurst(factor, event.forMs);
      return `${event.network}: external hashrate x${factor} for ${event.forMs / 1000} s`;
    }
    case 'farm-join':
    case 'farm-leave': {
      const slots = deps.farms.get(event.farm);
      const n = event.kind === 'farm-join' ? slots?.join(event.count) : slots?.leave(event.count);
      return `${event.farm}: ${n ?? 0} miner(s) ${event.kind === 'farm-join' ? 'connect' : 'leave'}`;
    }
    case 'switch-network':
    case 'net-latency':
    case 'packet-fault':
      // Refused by assertRunnable before a run starts.
      return `${event.kind}: not supported at protocol fidelity`;
  }
}

function network(deps: TimelineDeps, id: string): RunNetwork {
  const found = deps.networks.get(id);
  if (found === undefined) throw new RangeError(`unknown network '${id}' (the loader checks this)`);
  return found;
}
