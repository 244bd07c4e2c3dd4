import { compareRatio, parseDecimal } from '../../pool/core/difficulty/rational.js';
import type { Gate } from '../gates/gate-ast.js';
import type { ScenarioDocument } from '../schema/scenario-schema.js';
import { checkEvents } from './check-events.js';
import { compileGates } from './check-gates.js';
import type { Problem } from './scenario-error.js';
import { didYouMean } from '../suggest.js';

/**
 * One pool process holds just under 20,000 connections (the machines' open-file limit, see
 * ARCHITECTURE.md); a wire run keeps room for the pool's own files and the RPC sockets.
 */
export const WIRE_MAX_MINERS = 19_000;

/** Checks that need the whole document: references, fidelity, time, gates. */
export function checkScenario(doc: ScenarioDocument): { gates: Gate[]; problems: Problem[] } {
  const problems: Problem[] = [
    ...uniqueIds(
      doc.networks.map((n) => n.id),
      'networks',
      'network',
    ),
    ...uniqueIds(
      doc.farms.map((f) => f.id),
      'farms',
      'farm',
    ),
    ...checkPool(doc),
    ...checkChains(doc),
    ...checkFarms(doc),
    ...checkEvents(doc),
  ];
  const context = { fidelity: doc.fidelity, farmIds: doc.farms.map((f) => f.id) };
  const compiled = compileGates(doc.gates, context);
  return { gates: compiled.gates, problems: [...problems, ...compiled.problems] };
}

function uniqueIds(ids: readonly string[], list: string, what: string): Problem[] {
  return ids.flatMap((id, index) => {
    const first = ids.indexOf(id);
    if (first === index) return [];
    const hint = what === 'farm' ? '; give each farm its own id' : '';
    return [
      {
        path: [list, index, 'id'],
        message: `${what} id '${id}' is already used by ${list}[${first}]${hint}`,
      },
    ];
  });
}

function checkPool(doc: ScenarioDocument): Problem[] {
  const problems: Problem[] = [];
  const networkIds = doc.networks.map((n) => n.id);
  if (!networkIds.includes(doc.pool.network)) {
    problems.push({
      path: ['pool', 'network'],
      message: `unknown network '${doc.pool.network}'${didYouMean(doc.pool.network, networkIds) || `: expected one of: ${[...new Set(networkIds)].join(', ')}`}`,
    });
  }
  const { start, min, max } = doc.pool.difficulty;
  if (compareDecimal(min, start) > 0) {
    problems.push({
      path: ['pool', 'difficulty', 'min'],
      message: `expected min <= start (${start})`,
    });
  }
  if (compareDecimal(start, max) > 0) {
    problems.push({
      path: ['pool', 'difficulty', 'max'],
      message: `expected max >= start (${start})`,
    });
  }
  return problems;
}

function compareDecimal(a: string, b: string): number {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x.kind === 'ok' && y.kind === 'ok' ? compareRatio(x.value, y.value) : 0;
}

/** Virtual time needs the in-process chain; real daemons and RPC run on the wall clock. */
function checkChains(doc: ScenarioDocument): Problem[] {
  if (doc.fidelity === 'wire') return [];
  return doc.networks.flatMap((network, index) =>
    network.chain.kind === 'sim'
      ? []
      : [
          {
            path: ['networks', index, 'chain', network.chain.kind],
            message: `a ${network.chain.kind} chain needs fidelity wire: ${doc.fidelity} runs use the in-process chain (sim) on a virtual clock`,
          },
        ],
  );
}

function checkFarms(doc: ScenarioDocument): Problem[] {
  const problems: Problem[] = [];
  doc.farms.forEach((farm, index) => {
    if (farm.joinAtMs >= doc.durationMs) {
      problems.push({
        path: ['farms', index, 'join'],
        message: 'expected a time before the end of the run',
      });
    }
  });
  const miners = doc.farms.reduce((sum, f) => sum + f.count, 0);
  if (doc.fidelity === 'wire' && miners > WIRE_MAX_MINERS) {
    problems.push({
      path: ['farms'],
      message: `a wire run holds at most ${WIRE_MAX_MINERS} miners in one pool process (this one has ${miners}); use protocol fidelity or fewer miners`,
    });
  }
  return problems;
}
