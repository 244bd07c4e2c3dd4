import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { ExactJson, RpcCallOptions, RpcChainNode } from '../pool/node/index.js';
import type { Scheduler } from '../runtime/index.js';
import { requireLitecoind } from './find-litecoind.js';
import { LitecoinRegtest } from './litecoin-regtest.js';
import { prepareChain } from './prepare-chain.js';
import { startPair, type DaemonPair } from './start-pair.js';

/** The address kinds litecoind's getnewaddress makes. */
export type AddressType = 'legacy' | 'p2sh-segwit' | 'bech32' | 'mweb';

export interface StartRegtestOptions {
  readonly scheduler: Scheduler;
  /** Default false: MWEB pinned off (`-vbparams=mweb:-2:0`). On, it activates at height 432. */
  readonly mweb?: boolean;
  readonly logger?: Logger;
  /** Default: the first of LITECOIND_CANDIDATES that exists. */
  readonly binary?: string;
  /** Where the temporary directory goes. Default os.tmpdir(). */
  readonly tempDir?: string;
  /** Blocks mined to the wallet at start. Default 101: the first coinbase is spendable. */
  readonly initialBlocks?: number;
  /** Per step of start-up (RPC ready, peer connected). Default 60 s. */
  readonly readyTimeoutMs?: number;
  /** Per step of teardown (stop RPC, SIGTERM) before the next. Default 10 s. */
  readonly stopGraceMs?: number;
  /** More litecoind options for the node under test (not its peer). */
  readonly extraArgs?: readonly string[];
  /** Default `chimera`. */
  readonly walletName?: string;
  /**
   * With MWEB on: how many peg-ins pegIn() can make (see mweb.ts). Default 20. Funding them
   * takes one more block, so an MWEB node starts at `initialBlocks + 1`.
   */
  readonly pegInCoins?: number;
}

/** A litecoind in regtest on loopback with a funded wallet and the peer it needs. */
export interface RegtestNode extends AsyncDisposable {
  /** `http://127.0.0.1:<port>`, without credentials. */
  readonly rpcUrl: string;
  readonly rpcUser: string;
  readonly rpcPassword: string;
  readonly datadir: string;
  readonly p2pPort: number;
  readonly mweb: boolean;
  /** The wallet that mined the initial blocks; rpc() calls go to it. */
  readonly walletName: string;
  /** The pool's view of this daemon, paying from `walletName`; closed by close(). */
  readonly chainNode: RpcChainNode;
  /** A wallet address that mine() pays by default. */
  readonly miningAddress: string;
  /** How long startLitecoinRegtest took, daemons to funded wallet, on the scheduler's clock. */
  readonly startupMs: number;
  rpc(method: string, params?: readonly ExactJson[], options?: RpcCallOptions): Promise<unknown>;
  /**
   * generatetoaddress: the new blocks' hashes. With MWEB on, mining block 432 needs a peg-in in
   * the mempool first (prepareMwebActivation); without one the daemon's error is thrown.
   */
  mine(blocks: number, address?: string): Promise<string[]>;
  newAddress(type?: AddressType): Promise<string>;
  /** See mweb.ts: a peg-in of one coin in the mempool (MWEB on, tip >= 431). */
  pegIn(): Promise<string>;
  /** See mweb.ts: tip at 431 and a peg-in in the mempool, so the next block activates MWEB. */
  prepareMwebActivation(): Promise<string>;
  /** The end of the node's debug.log. */
  logTail(lines?: number): Promise<string>;
  /** Stops both daemons and removes every temporary directory; safe to call again. */
  close(): Promise<void>;
}

/**
 * Starts a litecoind regtest node and its peer on loopback, in a temporary directory that
 * close() removes, and makes it ready for the pool: a wallet, `initialBlocks` mined (out of
 * initial block download, coins mature) and a ChainNode. Throws REGTEST_DAEMON_MISSING when
 * litecoind is not installed.
 */
export async function startLitecoinRegtest(opts: StartRegtestOptions): Promise<RegtestNode> {
  const { scheduler, logger } = opts;
  const startMs = scheduler.clock.nowMs();
  const binary = await requireLitecoind(opts.binary);
  const root = await mkdtemp(join(opts.tempDir ?? tmpdir(), 'chimera-regtest-'));
  const stopGraceMs = opts.stopGraceMs ?? 10_000;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 60_000;
  const mweb = opts.mweb ?? false;
  let pair: DaemonPair | undefined;
  try {
    pair = await startPair({
      binary,
      scheduler,
      dir: root,
      mweb,
      extraArgs: opts.extraArgs ?? [],
      readyTimeoutMs,
      stopGraceMs,
      logger,
    });
    logger?.debug({ ms: scheduler.clock.nowMs() - startMs }, 'litecoind pair answers RPC');
    const walletName = opts.walletName ?? 'chimera';
    const { miningAddress } = await prepareChain(pair.node.client, {
      scheduler,
      walletName,
      mweb,
      initialBlocks: opts.initialBlocks ?? 101,
      pegInCoins: opts.pegInCoins ?? 20,
      peerTimeoutMs: readyTimeoutMs,
    });
    const node = new LitecoinRegtest(pair, root, {
      scheduler,
      mweb,
      walletName,
      miningAddress,
      stopGraceMs,
      startupMs: scheduler.clock.nowMs() - startMs,
    });
    logger?.info(
      { rpcUrl: node.rpcUrl, p2pPort: node.p2pPort, mweb, startupMs: node.startupMs, binary },
      'litecoind regtest started',
    );
    return node;
  } catch (err) {
    if (pair !== undefined) {
      await Promise.all([pair.node.stop(stopGraceMs), pair.peer.stop(stopGraceMs)]);
    }
    await rm(root, { recursive: true, force: true });
    throw err;
  }
}
