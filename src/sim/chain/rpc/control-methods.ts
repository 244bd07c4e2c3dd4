import { ChimeraError } from '../../../errors.js';
import type { ExactJson } from '../../../pool/node/exact-json.js';
import { bitsHex } from '../../../pool/core/difficulty/index.js';
import { minerScript } from '../block-maker.js';
import type { RpcFaultState } from '../rpc-faults.js';
import type { RpcContext, RpcMethod } from './method.js';
import { failure, result, RPC_CODE, type RpcOutcome } from './outcome.js';
import { ParamReader } from './params.js';

/**
 * The simulator's own methods, for tests, scenarios and operators: faults on the RPC, and
 * events on the chain. They are never slowed or failed by the faults they control.
 */
export const CONTROL_METHOD_DOCS = {
  'chimera.status': {
    usage: 'chimera.status',
    description: 'Tip, active faults, external hashrate (H/s) and mempool of the simulator.',
  },
  'chimera.fault': {
    usage:
      'chimera.fault "outage"|"slow"|"erroring"|"stall-templates" {forMs, latencyMs, code, message}',
    description:
      'Starts a fault, lifted after forMs (ms) if given. outage: the port closes and open ' +
      'connections are cut (forMs required: nothing could reach the daemon to lift it). slow: ' +
      'every answer waits latencyMs. erroring: every call answers error code/message (default ' +
      '-28 "Loading block index..."). stall-templates: longpolls never answer.',
  },
  'chimera.heal': { usage: 'chimera.heal', description: 'Lifts every RPC fault at once.' },
  'chimera.reorg': {
    usage: 'chimera.reorg depth',
    description:
      'The rest of the network publishes a branch from `depth` blocks below the tip, one block longer.',
  },
  'chimera.mine': {
    usage: 'chimera.mine nblocks',
    description:
      'nblocks blocks from the rest of the network on the tip (generatetoaddress pays an address).',
  },
  'chimera.sethashrate': {
    usage: 'chimera.sethashrate hashesPerSec ( minerId="network" )',
    description: "Sets one external miner's hashrate (H/s in the coin's hash units); 0 stops it.",
  },
  'chimera.hashrateburst': {
    usage: 'chimera.hashrateburst factor durationMs',
    description: 'Multiplies the external hashrate by factor for durationMs.',
  },
  'chimera.difficultyjump': {
    usage: 'chimera.difficultyjump factor',
    description: 'The next block must be factor times harder (easier below 1). Answers its bits.',
  },
  'chimera.settxrate': {
    usage: 'chimera.settxrate txPerSec',
    description: 'Synthetic transactions per second arriving in the mempool from now on.',
  },
} as const;

type ControlName = keyof typeof CONTROL_METHOD_DOCS;

function control(
  name: ControlName,
  args: readonly string[],
  required: number,
  run: RpcMethod['run'],
): RpcMethod {
  return { name, args, required, control: true, run };
}

export const CONTROL_METHODS: readonly RpcMethod[] = [
  control('chimera.status', [], 0, (ctx) => result(status(ctx))),
  control('chimera.fault', ['kind', 'options'], 1, (ctx, p) => {
    const kind = p.str(0);
    const options = p.obj(1, {});
    return p.failed ?? fault(ctx, kind, options);
  }),
  control('chimera.heal', [], 0, (ctx) => {
    ctx.faults.heal();
    return result(faultsJson(ctx.faults.state));
  }),
  control('chimera.reorg', ['depth'], 1, (ctx, p) => {
    const depth = p.int(0);
    return (
      p.failed ??
      guarded(() => {
        const branch = ctx.sim.reorg(depth);
        return result({ branch, tip: tipJson(ctx) });
      })
    );
  }),
  control('chimera.mine', ['nblocks'], 1, (ctx, p) => {
    const count = p.int(0);
    if (p.failed) return p.failed;
    const script = minerScript(ctx.sim.coin, 'network');
    return result(count <= 0 ? [] : ctx.sim.generate(count, script));
  }),
  control('chimera.sethashrate', ['hashesPerSec', 'minerId'], 1, (ctx, p) => {
    const rate = p.number(0);
    const minerId = p.str(1, 'network');
    return (
      p.failed ??
      guarded(() => {
        ctx.sim.setExternalHashrate(minerId, rate);
        return result({ externalHashrate: ctx.sim.externalHashrate });
      })
    );
  }),
  control('chimera.hashrateburst', ['factor', 'durationMs'], 2, (ctx, p) => {
    const factor = p.number(0);
    const durationMs = p.number(1);
    if (p.failed) return p.failed;
    if (!(durationMs > 0)) return badFault(`durationMs must be > 0: ${durationMs}`);
    return guarded(() => {
      ctx.sim.hashrateBurst(factor, durationMs);
      return result({ externalHashrate: ctx.sim.externalHashrate });
    });
  }),
  control('chimera.difficultyjump', ['factor'], 1, (ctx, p) => {
    const factor = p.number(0);
    return (
      p.failed ??
      guarded(() => {
        const bits = ctx.sim.difficultyJump(factor);
        return result({ height: ctx.sim.tip.height + 1, bits: bitsHex(bits) });
      })
    );
  }),
  control('chimera.settxrate', ['txPerSec'], 1, (ctx, p) => {
    const rate = p.number(0);
    return (
      p.failed ??
      guarded(() => {
        ctx.sim.setTransactionRate(rate);
        return result({ txPerSec: rate });
      })
    );
  }),
];

function fault(
  ctx: RpcContext,
  kind: string,
  options: Readonly<Record<string, unknown>>,
): RpcOutcome {
  const o = new ParamReader(
    [options['forMs'], options['latencyMs'], options['code'], options['message']],
    ctx.dialect,
  );
  const forMs = o.has(0) ? o.number(0) : undefined;
  if (o.failed) return o.failed;
  if (forMs !== undefined && !(forMs > 0)) return badFault(`forMs must be > 0: ${forMs}`);
  const { faults } = ctx;
  // Started once the answer is sent (an outage would cut its own answer); the answer shows
  // the state the fault makes.
  const start = (change: Partial<RpcFaultState>, begin: () => void): RpcOutcome =>
    result(faultsJson({ ...faults.state, ...change }), begin);
  switch (kind) {
    case 'outage':
      if (forMs === undefined) {
        return badFault(
          'an outage asked over RPC needs forMs: nothing could reach the daemon to lift it',
        );
      }
      return start({ outage: true }, () => faults.outage(forMs));
    case 'slow': {
      const latencyMs = o.number(1);
      if (o.failed) return o.failed;
      if (!(latencyMs >= 0)) return badFault(`latencyMs must be >= 0: ${latencyMs}`);
      return start({ latencyMs }, () => faults.slow(latencyMs, forMs));
    }
    case 'erroring': {
      const error = { code: o.int(2, -28), message: o.str(3, 'Loading block index...') };
      return o.failed ?? start({ error }, () => faults.erroring(error, forMs));
    }
    case 'stall-templates':
      return start({ templatesStalled: true }, () => faults.stallTemplates(forMs));
    default:
      return badFault(`unknown fault '${kind}' (outage, slow, erroring, stall-templates)`);
  }
}

function status(ctx: RpcContext): ExactJson {
  const { sim } = ctx;
  return {
    coin: sim.coin.id,
    dialect: ctx.dialect.id,
    tip: tipJson(ctx),
    faults: faultsJson(ctx.faults.state),
    externalHashrate: sim.externalHashrate,
    mempool: {
      size: sim.state.mempool.size,
      transactionsUpdated: sim.transactionsUpdated,
    },
  };
}

function tipJson({ sim }: RpcContext): ExactJson {
  return { hash: sim.tip.hashHex, height: sim.tip.height };
}

function faultsJson(s: RpcFaultState): ExactJson {
  return {
    outage: s.outage,
    latencyMs: s.latencyMs,
    error: s.error === undefined ? null : { code: s.error.code, message: s.error.message },
    templatesStalled: s.templatesStalled,
  };
}

/** The simulator refuses impossible parameters with SIM_BAD_*; a daemon answers -8. */
function guarded(run: () => RpcOutcome): RpcOutcome {
  try {
    return run();
  } catch (err) {
    if (err instanceof ChimeraError && err.code.startsWith('SIM_BAD_')) {
      return badFault(err.message);
    }
    throw err;
  }
}

function badFault(message: string): RpcOutcome {
  return failure(RPC_CODE.INVALID_PARAMETER, message);
}
