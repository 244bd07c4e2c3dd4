import type { ScenarioDocument } from '../schema/scenario-schema.js';
import { didYouMean } from '../suggest.js';
import type { Problem } from './scenario-error.js';

type Event = ScenarioDocument['events'][number];

/** Which chains each kind of network event can happen to. */
const CHAIN_KINDS: Readonly<Partial<Record<Event['kind'], readonly string[]>>> = {
  'node-outage': ['sim', 'regtest'],
  'slow-rpc': ['sim'],
  reorg: ['sim'],
  'hashrate-surge': ['sim'],
};

/** Faults on the connections themselves: economics runs have no connections. */
const WIRE_EVENTS: readonly Event['kind'][] = ['net-latency', 'packet-fault'];

export function checkEvents(doc: ScenarioDocument): Problem[] {
  const problems: Problem[] = [];
  const networks = new Map(doc.networks.map((n) => [n.id, n]));
  const farms = new Map(doc.farms.map((f) => [f.id, f]));
  const refer = (index: number, key: string, id: string, ids: readonly string[], what: string) => {
    problems.push({
      path: ['events', index, key],
      message: `unknown ${what} '${id}'${didYouMean(id, ids) || `: expected one of: ${[...new Set(ids)].join(', ')}`}`,
    });
  };

  doc.events.forEach((event, index) => {
    if (event.atMs >= doc.durationMs) {
      problems.push({
        path: ['events', index, 'at'],
        message: 'expected a time before the end of the run',
      });
    }
    if (WIRE_EVENTS.includes(event.kind) && doc.fidelity === 'economics') {
      problems.push({
        path: ['events', index, 'do'],
        message: `${event.kind} needs connections: expected fidelity wire or protocol`,
      });
    }
    if ('network' in event) {
      const network = networks.get(event.network);
      const kinds = CHAIN_KINDS[event.kind] ?? [];
      if (network === undefined)
        refer(index, 'network', event.network, [...networks.keys()], 'network');
      else if (!kinds.includes(network.chain.kind)) {
        problems.push({
          path: ['events', index, 'network'],
          message: `${event.kind} needs a ${kinds.join(' or ')} chain; network '${event.network}' is ${network.chain.kind}`,
        });
      }
    }
    if ('farm' in event && event.farm !== undefined) {
      const farm = farms.get(event.farm);
      if (farm === undefined) refer(index, 'farm', event.farm, [...farms.keys()], 'farm');
      else if ('count' in event && event.count !== undefined && event.count > farm.count) {
        problems.push({
          path: ['events', index, 'count'],
          message: `expected at most ${farm.count} (the size of farm '${farm.id}')`,
        });
      }
    }
  });
  problems.push(...checkSwitches(doc, [...networks.keys()], refer));
  return problems;
}

/** Follows the pool from network to network in time order: each switch must go somewhere new. */
function checkSwitches(
  doc: ScenarioDocument,
  networkIds: readonly string[],
  refer: (index: number, key: string, id: string, ids: readonly string[], what: string) => void,
): Problem[] {
  const problems: Problem[] = [];
  let current = doc.pool.network;
  const switches = doc.events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.kind === 'switch-network')
    .sort((a, b) => a.event.atMs - b.event.atMs || a.index - b.index);
  for (const { event, index } of switches) {
    if (event.kind !== 'switch-network') continue;
    if (!networkIds.includes(event.to)) refer(index, 'to', event.to, networkIds, 'network');
    else if (event.to === current) {
      problems.push({
        path: ['events', index, 'to'],
        message: `the pool is already on '${current}' then: expected another network`,
      });
    }
    current = event.to;
  }
  return problems;
}
