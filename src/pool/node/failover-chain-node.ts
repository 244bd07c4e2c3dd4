import { ChimeraError } from '../../errors.js';
import type { Scheduler, TimerHandle } from '../../runtime/index.js';
import type { BlockTemplate } from '../core/block/template.js';
import type {
  BestBlock,
  BlockInfo,
  ChainInfo,
  ChainNode,
  SubmitResult,
  TemplateRequest,
} from './chain-node.js';
import { isNodeFailure, rpcError } from './rpc-errors.js';

export interface FailoverMember {
  /** Names the daemon in health events and per-node submit answers. */
  readonly id: string;
  readonly node: ChainNode;
}

/** One daemon's answer to a block submitted everywhere. */
export type NodeSubmitAnswer =
  | { readonly id: string; readonly result: SubmitResult }
  | { readonly id: string; readonly failure: { readonly code: string; readonly message: string } };

export type FailoverSubmitResult = SubmitResult & { readonly perNode: readonly NodeSubmitAnswer[] };

export interface HealthChange {
  readonly id: string;
  readonly healthy: boolean;
  readonly error?: unknown;
}

export interface FailoverChainNodeOptions {
  /** In order of preference: calls go to the first healthy one. */
  readonly nodes: readonly FailoverMember[];
  readonly scheduler: Scheduler;
  /** How often unhealthy daemons are asked again (getBestBlock). Default 5 s. */
  readonly reprobeIntervalMs?: number;
  /**
   * The daemon whose wallet pays (getBalance, sendMany): a wallet is one daemon's, and a
   * payment must never be retried on another. Default: the first.
   */
  readonly walletNodeId?: string;
  readonly onHealthChange?: (change: HealthChange) => void;
}

/**
 * Several daemons of one network behind one ChainNode. A daemon that stops answering
 * (transport failure, timeout, warm-up; not a daemon's "no") is set aside and the next one
 * serves; set-aside daemons are probed on the scheduler and return to service when they
 * answer. When none is healthy, all are tried. A found block goes to every healthy daemon.
 */
export class FailoverChainNode implements ChainNode {
  private readonly members: readonly {
    readonly id: string;
    readonly node: ChainNode;
    healthy: boolean;
  }[];
  private readonly wallet: ChainNode;
  private probeTimer: TimerHandle | undefined;
  private probing = false;
  private closed = false;

  constructor(private readonly opts: FailoverChainNodeOptions) {
    if (opts.nodes.length === 0) throw rpcError('RPC_CONFIG', 'failover needs at least one node');
    this.members = opts.nodes.map((m) => ({ id: m.id, node: m.node, healthy: true }));
    const walletId = opts.walletNodeId ?? opts.nodes[0]!.id;
    const wallet = opts.nodes.find((m) => m.id === walletId);
    if (!wallet) throw rpcError('RPC_CONFIG', `walletNodeId ${walletId} is not one of the nodes`);
    this.wallet = wallet.node;
  }

  health(): readonly { readonly id: string; readonly healthy: boolean }[] {
    return this.members.map(({ id, healthy }) => ({ id, healthy }));
  }

  getBlockTemplate(request?: TemplateRequest): Promise<BlockTemplate> {
    return this.first((n) => n.getBlockTemplate(request));
  }

  nextTemplate(
    after: BlockTemplate,
    options?: { readonly signal?: AbortSignal },
  ): Promise<BlockTemplate> {
    return this.first((n) => n.nextTemplate(after, options));
  }

  async submitBlock(blockHex: string): Promise<FailoverSubmitResult> {
    const targets = this.candidates();
    const settled = await Promise.allSettled(targets.map((m) => m.node.submitBlock(blockHex)));
    const perNode: NodeSubmitAnswer[] = [];
    settled.forEach((s, i) => {
      const m = targets[i]!;
      if (s.status === 'fulfilled') {
        this.markHealthy(m);
        perNode.push({ id: m.id, result: s.value });
        return;
      }
      if (isNodeFailure(s.reason)) this.markUnhealthy(m, s.reason);
      perNode.push({ id: m.id, failure: failureOf(s.reason) });
    });
    const best = bestAnswer(perNode);
    if (!best) {
      throw rpcError('NODE_UNAVAILABLE', 'submitblock: no node answered', { perNode });
    }
    return { ...best, perNode };
  }

  proposeBlock(blockHex: string): Promise<SubmitResult> {
    return this.first((n) => n.proposeBlock(blockHex));
  }

  getBestBlock(): Promise<BestBlock> {
    return this.first((n) => n.getBestBlock());
  }

  getBlockHash(height: number): Promise<string | undefined> {
    return this.first((n) => n.getBlockHash(height));
  }

  getBlock(hash: string): Promise<BlockInfo | undefined> {
    return this.first((n) => n.getBlock(hash));
  }

  getBlockchainInfo(): Promise<ChainInfo> {
    return this.first((n) => n.getBlockchainInfo());
  }

  validateAddress(address: string): Promise<boolean> {
    return this.first((n) => n.validateAddress(address));
  }

  getBalance(): Promise<bigint> {
    return this.wallet.getBalance();
  }

  sendMany(
    outputs: ReadonlyMap<string, bigint>,
    options?: { readonly comment?: string },
  ): Promise<string> {
    return this.wallet.sendMany(outputs, options);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.opts.scheduler.clear(this.probeTimer);
    this.probeTimer = undefined;
    for (const m of this.members) await m.node.close();
  }

  /** Healthy members in order of preference; all of them when none is healthy. */
  private candidates(): typeof this.members {
    const healthy = this.members.filter((m) => m.healthy);
    return healthy.length > 0 ? healthy : this.members;
  }

  private async first<T>(call: (node: ChainNode) => Promise<T>): Promise<T> {
    const failures: NodeSubmitAnswer[] = [];
    for (const m of this.candidates()) {
      try {
        const value = await call(m.node);
        this.markHealthy(m);
        return value;
      } catch (err) {
        if (!isNodeFailure(err)) throw err;
        this.markUnhealthy(m, err);
        failures.push({ id: m.id, failure: failureOf(err) });
      }
    }
    throw rpcError('NODE_UNAVAILABLE', 'no node answered', { perNode: failures });
  }

  private markHealthy(m: (typeof this.members)[number]): void {
    if (m.healthy) return;
    m.healthy = true;
    this.opts.onHealthChange?.({ id: m.id, healthy: true });
    if (this.members.every((x) => x.healthy)) {
      this.opts.scheduler.clear(this.probeTimer);
      this.probeTimer = undefined;
    }
  }

  private markUnhealthy(m: (typeof this.members)[number], error: unknown): void {
    if (!m.healthy) return;
    m.healthy = false;
    this.opts.onHealthChange?.({ id: m.id, healthy: false, error });
    if (this.probeTimer === undefined && !this.closed) {
      this.probeTimer = this.opts.scheduler.setInterval(
        () => void this.probe(),
        this.opts.reprobeIntervalMs ?? 5_000,
      );
    }
  }

  private async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      for (const m of this.members.filter((x) => !x.healthy)) {
        try {
          await m.node.getBestBlock();
          if (!this.closed) this.markHealthy(m);
        } catch (err) {
          // Any other answer is still an answer; a node failure waits for the next probe.
          if (!isNodeFailure(err) && !this.closed) this.markHealthy(m);
        }
      }
    } finally {
      this.probing = false;
    }
  }
}

/** accepted > rejected > error, in order of preference among equals. */
function bestAnswer(perNode: readonly NodeSubmitAnswer[]): SubmitResult | undefined {
  const results = perNode.flatMap((a) => ('result' in a ? [a.result] : []));
  for (const kind of ['accepted', 'rejected', 'error'] as const) {
    const found = results.find((r) => r.kind === kind);
    if (found) return found;
  }
  return undefined;
}

function failureOf(err: unknown): { code: string; message: string } {
  if (err instanceof ChimeraError) return { code: err.code, message: err.message };
  return { code: 'UNKNOWN', message: err instanceof Error ? err.message : String(err) };
}
