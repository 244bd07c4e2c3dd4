/** The ports one litecoind takes, all on 127.0.0.1. */
export interface DaemonPorts {
  readonly rpc: number;
  readonly p2p: number;
  /** Bound explicitly so that the daemon does not take the default onion port (18445). */
  readonly onion: number;
}

export interface DaemonArgsSpec {
  readonly datadir: string;
  readonly ports: DaemonPorts;
  /** `user:salt$hmac`, see rpcAuthValue. The password itself never appears in `ps`. */
  readonly rpcAuth: string;
  readonly wallet: boolean;
  /** P2P ports on 127.0.0.1 to connect to, and only to. */
  readonly connect: readonly number[];
  /** Off pins MWEB to never activate; on keeps regtest's default (active from height 432). */
  readonly mweb: boolean;
  readonly extra?: readonly string[];
}

/**
 * The command line of a foreground regtest litecoind that touches nothing but loopback and its
 * own datadir: no DNS seeds, no onion, no UPnP, no address discovery, no default ports.
 */
export function litecoindArgs(spec: DaemonArgsSpec): string[] {
  const { ports } = spec;
  return [
    '-regtest',
    '-server',
    `-datadir=${spec.datadir}`,
    '-printtoconsole=0',
    '-rpcbind=127.0.0.1',
    '-rpcallowip=127.0.0.1',
    `-rpcport=${ports.rpc}`,
    `-rpcauth=${spec.rpcAuth}`,
    // Each abandoned longpoll holds an RPC thread until the tip moves; 4 run out in tests.
    '-rpcthreads=16',
    '-listen=1',
    `-bind=127.0.0.1:${ports.p2p}`,
    `-bind=127.0.0.1:${ports.onion}=onion`,
    '-dnsseed=0',
    '-listenonion=0',
    '-upnp=0',
    '-discover=0',
    '-persistmempool=0',
    ...spec.connect.map((port) => `-connect=127.0.0.1:${port}`),
    // Regtest has no fee estimates: without a fallback fee every wallet send fails. A keypool
    // of 1,000 (the default) makes createwallet take seconds; it refills as addresses are used.
    ...(spec.wallet ? ['-fallbackfee=0.0001', '-keypool=10'] : ['-disablewallet']),
    ...(spec.mweb ? [] : ['-vbparams=mweb:-2:0']),
    ...(spec.extra ?? []),
  ];
}
