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
      localservices: '0000000000000409',
      localservicesnames: ['NETWORK', 'WITNESS', 'NETWORK_LIMITED'],
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
