import { classifyScript, decodeAddress } from '../../../pool/core/address/index.js';
import { JsonNumber } from '../../../pool/node/exact-json.js';
import type { RpcMethod } from './method.js';
import { result } from './outcome.js';

/** Address checks and the network's face: the simulated network is one always-connected peer. */

export const validateAddress: RpcMethod = {
  name: 'validateaddress',
  args: ['address'],
  required: 1,
  run: ({ sim, dialect }, p) => {
    const address = p.str(0);
    if (p.failed) return p.failed;
    const decoded = decodeAddress(address, sim.coin.address);
    if (!decoded.ok) {
      return result(
        dialect.explainsInvalidAddress
          ? { isvalid: false, error_locations: [], error: decoded.error }
          : { isvalid: false },
      );
    }
    const script = classifyScript(decoded.scriptPubKey);
    const witness = script !== undefined && 'version' in script ? script : undefined;
    return result({
      isvalid: true,
      address,
      scriptPubKey: decoded.scriptPubKey.toString('hex'),
      isscript: decoded.kind === 'p2sh' || decoded.kind === 'p2wsh',
      iswitness: witness !== undefined,
      ...(witness === undefined
        ? {}
        : { witness_version: witness.version, witness_program: witness.program.toString('hex') }),
    });
  },
};

export const getConnectionCount: RpcMethod = {
  name: 'getconnectioncount',
  args: [],
  run: () => result(1),
};

export const getNetworkInfo: RpcMethod = {
  name: 'getnetworkinfo',
  args: [],
  run: ({ dialect }) =>
    result({
      version: dialect.version,
      subversion: dialect.subversion,
      protocolversion: dialect.protocolVersion,
      localservices: dialect.services,
      localservicesnames: [...dialect.serviceNames],
      localrelay: true,
      timeoffset: 0,
      networkactive: true,
      connections: 1,
      connections_in: 0,
      connections_out: 1,
      networks: [],
      relayfee: new JsonNumber('0.00001000'),
      incrementalfee: new JsonNumber('0.00001000'),
      localaddresses: [],
      warnings: dialect.warningsAsList ? [] : '',
    }),
};

/**
 * The one peer getnetworkinfo counts: an outbound full-relay connection on loopback, made when
 * the chain began (genesis time, height 0) and in step with the tip since. Byte counts are not
 * simulated (0, no per-message breakdown), nor pings (pingtime and minping are left out, as
 * before a first pong). Field order and presence follow the dialect's daemon: the litecoind 0.21
 * ones were checked against a real litecoind 0.21.2.1 on regtest.
 */
export const getPeerInfo: RpcMethod = {
  name: 'getpeerinfo',
  args: [],
  run: ({ sim, dialect }) => {
    const tip = sim.tip;
    const conntime = sim.blockAt(0)?.header.time ?? tip.header.time;
    const lastBlock = tip.height > 0 ? tip.header.time : 0;
    const modern = dialect.peerInfoSince22;
    // The regtest P2P port of the daemon the dialect stands for.
    const port = dialect.id === 'litecoind-0.21' ? 19444 : 18444;
    return result([
      {
        id: 0,
        addr: `127.0.0.1:${port}`,
        addrbind: '127.0.0.1:50000',
        // Loopback: 'unroutable' until Core 22 renamed it.
        network: modern ? 'not_publicly_routable' : 'unroutable',
        services: dialect.services,
        servicesnames: [...dialect.serviceNames],
        relaytxes: true,
        lastsend: Math.max(conntime, lastBlock),
        lastrecv: Math.max(conntime, lastBlock),
        last_transaction: 0,
        last_block: lastBlock,
        bytessent: 0,
        bytesrecv: 0,
        conntime,
        timeoffset: 0,
        version: dialect.protocolVersion,
        subver: dialect.subversion,
        inbound: false,
        ...(modern ? { bip152_hb_to: false, bip152_hb_from: false } : {}),
        startingheight: 0,
        ...(modern ? { presynced_headers: -1 } : {}),
        synced_headers: tip.height,
        synced_blocks: tip.height,
        inflight: [],
        ...(modern ? { addr_relay_enabled: true, addr_processed: 0, addr_rate_limited: 0 } : {}),
        permissions: [],
        minfeefilter: new JsonNumber('0.00001000'),
        bytessent_per_msg: {},
        bytesrecv_per_msg: {},
        connection_type: 'outbound-full-relay',
        ...(modern ? { transport_protocol_type: 'v1', session_id: '' } : {}),
      },
    ]);
  },
};
