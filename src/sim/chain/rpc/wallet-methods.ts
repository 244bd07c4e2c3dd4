import { encodeAddress } from '../../../pool/core/address/index.js';
import { JsonNumber } from '../../../pool/node/exact-json.js';
import type { ChainSim } from '../chain-sim.js';
import type { Wallet } from '../wallet.js';
import { readAmount } from './amount-param.js';
import type { RpcMethod } from './method.js';
import { failure, result, RPC_CODE, type RpcFailure } from './outcome.js';

/** The wallet: balance, payments, income by address, its address. */

export const getBalance: RpcMethod = {
  name: 'getbalance',
  args: ['dummy', 'minconf', 'include_watchonly', 'avoid_reuse'],
  wallet: true,
  run: ({ sim }) => {
    const wallet = walletOf(sim);
    return 'kind' in wallet ? wallet : result(JsonNumber.ofSats(wallet.balanceSats()));
  },
};

export const getNewAddress: RpcMethod = {
  name: 'getnewaddress',
  args: ['label', 'address_type'],
  wallet: true,
  // The simulated wallet has one key: every "new" address is that one.
  run: ({ sim }) => {
    const wallet = walletOf(sim);
    if ('kind' in wallet) return wallet;
    return sim.walletScript === undefined
      ? noWallet()
      : result(encodeAddress(sim.walletScript, sim.coin.address));
  },
};

export const getReceivedByAddress: RpcMethod = {
  name: 'getreceivedbyaddress',
  args: ['address', 'minconf'],
  required: 1,
  wallet: true,
  run: ({ sim }, p) => {
    const address = p.str(0);
    const minConf = p.int(1, 1);
    if (p.failed) return p.failed;
    const wallet = walletOf(sim);
    if ('kind' in wallet) return wallet;
    const sats = sim.receivedBy(address, minConf);
    return sats === undefined
      ? failure(RPC_CODE.INVALID_ADDRESS_OR_KEY, `Invalid ${coinWord(sim)} address`)
      : result(JsonNumber.ofSats(sats));
  },
};

export const sendMany: RpcMethod = {
  name: 'sendmany',
  args: ['dummy', 'amounts', 'minconf', 'comment', 'subtractfeefrom'],
  required: 2,
  wallet: true,
  run: ({ sim }, p) => {
    const dummy = p.str(0, '');
    const amounts = p.obj(1);
    p.int(2, 1);
    const comment = p.has(3) ? p.str(3) : undefined;
    const subtractFrom = p.array(4, []);
    if (p.failed) return p.failed;
    if (dummy !== '') return failure(RPC_CODE.INVALID_PARAMETER, 'Dummy value must be set to ""');
    if (subtractFrom.length > 0) {
      return failure(RPC_CODE.INVALID_PARAMETER, 'subtractfeefrom: not supported by the simulator');
    }
    const wallet = walletOf(sim);
    if ('kind' in wallet) return wallet;
    const outputs = new Map<string, bigint>();
    // bitcoind's order for each recipient: the address, then the amount.
    for (const [address, value] of Object.entries(amounts)) {
      if (!sim.validateAddress(address)) {
        return failure(
          RPC_CODE.INVALID_ADDRESS_OR_KEY,
          `Invalid ${coinWord(sim)} address: ${address}`,
        );
      }
      const amount = readAmount(value);
      if (amount.kind === 'error') return amount;
      outputs.set(address, amount.sats);
    }
    const sent = wallet.sendMany(outputs, comment);
    return sent.ok ? result(sent.txid) : failure(sent.code, sent.message);
  },
};

function walletOf(sim: ChainSim): Wallet | RpcFailure {
  return sim.wallet ?? noWallet();
}

function noWallet(): RpcFailure {
  return failure(RPC_CODE.WALLET_NOT_FOUND, 'No wallet is loaded.');
}

/** "Bitcoin", "Litecoin": the word bitcoind puts in its address errors. */
export function coinWord(sim: ChainSim): string {
  return sim.coin.name.split(' ')[0] ?? sim.coin.name;
}
