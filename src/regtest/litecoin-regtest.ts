import { rm } from 'node:fs/promises';
import {
  JsonRpcClient,
  RpcChainNode,
  TEMPLATE_RULES,
  type ExactJson,
  type RpcCallOptions,
} from '../pool/node/index.js';
import type { Scheduler } from '../runtime/index.js';
import { regtestError } from './errors.js';
import { pegIn, prepareMwebActivation, type MwebChain } from './mweb.js';
import type { AddressType, RegtestNode } from './regtest-node.js';
import type { DaemonPair } from './start-pair.js';

export interface NodeSettings {
  readonly scheduler: Scheduler;
  readonly mweb: boolean;
  readonly walletName: string;
  readonly miningAddress: string;
  readonly stopGraceMs: number;
  readonly startupMs: number;
}

/** The RegtestNode that startLitecoinRegtest hands out once both daemons are ready. */
export class LitecoinRegtest implements RegtestNode {
  readonly rpcUrl: string;
  readonly rpcUser: string;
  readonly rpcPassword: string;
  readonly datadir: string;
  readonly p2pPort: number;
  readonly mweb: boolean;
  readonly walletName: string;
  readonly chainNode: RpcChainNode;
  readonly miningAddress: string;
  readonly startupMs: number;
  private readonly walletPath: string;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly pair: DaemonPair,
    private readonly root: string,
    private readonly settings: NodeSettings,
  ) {
    const { node } = pair;
    this.rpcUrl = node.rpcUrl;
    this.rpcUser = node.credentials.user;
    this.rpcPassword = node.credentials.password;
    this.datadir = node.datadir;
    this.p2pPort = node.ports.p2p;
    this.mweb = settings.mweb;
    this.walletName = settings.walletName;
    this.walletPath = `/wallet/${encodeURIComponent(settings.walletName)}`;
    this.miningAddress = settings.miningAddress;
    this.startupMs = settings.startupMs;
    const auth = `${encodeURIComponent(this.rpcUser)}:${encodeURIComponent(this.rpcPassword)}`;
    // Its own client: whoever holds the ChainNode may close it without closing the harness.
    const client = new JsonRpcClient({
      url: `http://${auth}@127.0.0.1:${node.ports.rpc}`,
      scheduler: settings.scheduler,
    });
    this.chainNode = new RpcChainNode({
      client,
      scheduler: settings.scheduler,
      rules: TEMPLATE_RULES.litecoin,
      pollIntervalMs: 50,
      wallet: settings.walletName,
    });
  }

  rpc(
    method: string,
    params: readonly ExactJson[] = [],
    options?: RpcCallOptions,
  ): Promise<unknown> {
    if (this.closing !== undefined) {
      return Promise.reject(regtestError('REGTEST_CLOSED', `${method} after close()`));
    }
    return this.pair.node.client.call(method, params, { path: this.walletPath, ...options });
  }

  async mine(blocks: number, address = this.miningAddress): Promise<string[]> {
    if (!Number.isSafeInteger(blocks) || blocks < 1) throw new RangeError(`blocks ${blocks}`);
    const hashes = await this.rpc('generatetoaddress', [blocks, address]);
    if (!Array.isArray(hashes) || !hashes.every((h) => typeof h === 'string')) {
      throw new TypeError('generatetoaddress: not a list of hashes');
    }
    return hashes;
  }

  async newAddress(type: AddressType = 'bech32'): Promise<string> {
    const address = await this.rpc('getnewaddress', ['', type]);
    if (typeof address !== 'string') throw new TypeError('getnewaddress: not a string');
    return address;
  }

  pegIn(): Promise<string> {
    return pegIn(this.mwebChain());
  }

  prepareMwebActivation(): Promise<string> {
    return prepareMwebActivation(this.mwebChain());
  }

  logTail(lines?: number): Promise<string> {
    return this.pair.node.logTail(lines);
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private async shutdown(): Promise<void> {
    await this.chainNode.close();
    const grace = this.settings.stopGraceMs;
    await Promise.all([this.pair.node.stop(grace), this.pair.peer.stop(grace)]);
    await rm(this.root, { recursive: true, force: true });
  }

  private mwebChain(): MwebChain {
    return {
      mweb: this.mweb,
      rpc: (method, params, options) => this.rpc(method, params, options),
      mine: (blocks) => this.mine(blocks),
    };
  }
}
