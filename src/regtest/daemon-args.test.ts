import { describe, expect, it } from 'vitest';
import { litecoindArgs, type DaemonArgsSpec } from './daemon-args.js';

const SPEC: DaemonArgsSpec = {
  datadir: '/tmp/x/data',
  ports: { rpc: 40001, p2p: 40002, onion: 40003 },
  rpcAuth: 'chimera:salt$hmac',
  wallet: true,
  connect: [40012],
  mweb: false,
};

describe('litecoindArgs', () => {
  it('keeps every socket on loopback and every default port unused', () => {
    const args = litecoindArgs(SPEC);
    expect(args).toEqual(
      expect.arrayContaining([
        '-regtest',
        '-server',
        '-datadir=/tmp/x/data',
        '-rpcbind=127.0.0.1',
        '-rpcallowip=127.0.0.1',
        '-rpcport=40001',
        '-bind=127.0.0.1:40002',
        '-bind=127.0.0.1:40003=onion',
        '-connect=127.0.0.1:40012',
        '-dnsseed=0',
        '-listenonion=0',
        '-upnp=0',
      ]),
    );
    const binds = args.filter((a) => a.startsWith('-bind=') || a.startsWith('-rpcbind='));
    expect(binds.every((a) => a.includes('127.0.0.1'))).toBe(true);
    // -daemon would fork away from us; -natpmp does not exist in 0.21 and aborts start-up.
    expect(args.some((a) => a.startsWith('-daemon') || a.startsWith('-natpmp'))).toBe(false);
  });

  it('never puts a password on the command line, only the salted -rpcauth', () => {
    const args = litecoindArgs(SPEC);
    expect(args).toContain('-rpcauth=chimera:salt$hmac');
    expect(args.some((a) => a.startsWith('-rpcpassword') || a.startsWith('-rpcuser'))).toBe(false);
  });

  it('pins MWEB off unless asked for, and leaves regtest activation alone when asked', () => {
    expect(litecoindArgs(SPEC)).toContain('-vbparams=mweb:-2:0');
    expect(litecoindArgs({ ...SPEC, mweb: true }).some((a) => a.includes('mweb'))).toBe(false);
  });

  it('gives the wallet node a fallback fee and the peer no wallet and no -connect', () => {
    expect(litecoindArgs(SPEC)).toContain('-fallbackfee=0.0001');
    const peer = litecoindArgs({ ...SPEC, wallet: false, connect: [] });
    expect(peer).toContain('-disablewallet');
    expect(peer.some((a) => a.startsWith('-fallbackfee') || a.startsWith('-connect'))).toBe(false);
  });

  it('appends extra options last, so they win over the defaults', () => {
    expect(litecoindArgs({ ...SPEC, extra: ['-rpcthreads=2'] }).at(-1)).toBe('-rpcthreads=2');
  });
});
