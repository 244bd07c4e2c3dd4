import { encodeAddress } from '../../../pool/core/address/index.js';
import { JsonNumber } from '../../../pool/node/exact-json.js';
import type { ChainSim } from '../chain-sim.js';
import type { Wallet } from '../wallet.js';
import { readAmount } from './amount-param.js';
import { asJson, type RpcMethod } from './method.js';
import type { TxStatus } from '../chain-state.js';
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

/** One `listtransactions` entry, as bitcoind writes a send: one per output of the payment. */
interface SendEntry {
  address: string;
  category: 'send';
  amount: JsonNumber;
  vout: number;
  fee: JsonNumber;
  confirmations: number;
  blockhash?: string;
  blockheight?: number;
  txid: string;
  comment?: string;
}

function confirmationsOf(status: TxStatus): number {
  if (status.kind === 'confirmed') return status.confirmations;
  // Known but off the main chain and out of the mempool: bitcoind shows a conflicted
  // transaction with negative confirmations.
  return status.kind === 'off-chain' ? -1 : 0;
}

function entriesOf(payment: ReturnType<Wallet['payments']>[number]): SendEntry[] {
  const { status } = payment;
  let vout = 0;
  return [...payment.outputs].map(([address, sats]) => ({
    address,
    category: 'send' as const,
    amount: JsonNumber.ofSats(-sats),
    vout: vout++,
    fee: JsonNumber.ofSats(-payment.feeSats),
    confirmations: confirmationsOf(status),
    ...(status.kind === 'confirmed'
      ? { blockhash: status.block.hashHex, blockheight: status.block.height }
      : {}),
    txid: payment.txid,
    ...(payment.comment === undefined ? {} : { comment: payment.comment }),
  }));
}

/**
 * listtransactions: the wallet's sends (the simulated wallet's only outgoing transactions),
 * newest `count` after skipping `skip` from the newest, oldest first, as bitcoind pages.
 */
export const listTransactions: RpcMethod = {
  name: 'listtransactions',
  args: ['label', 'count', 'skip', 'include_watchonly'],
  wallet: true,
  run: ({ sim }, p) => {
    const label = p.str(0, '*');
    const count = p.int(1, 10);
    const skip = p.int(2, 0);
    if (p.failed) return p.failed;
    if (label !== '*' && label !== '') {
      return failure(RPC_CODE.INVALID_PARAMETER, 'Label argument must be a valid label name');
    }
    if (count < 0) return failure(RPC_CODE.INVALID_PARAMETER, 'Negative count');
    if (skip < 0) return failure(RPC_CODE.INVALID_PARAMETER, 'Negative from');
    const wallet = walletOf(sim);
    if ('kind' in wallet) return wallet;
    const all = wallet.payments().flatMap(entriesOf);
    const end = Math.max(0, all.length - skip);
    return result(asJson(all.slice(Math.max(0, end - count), end)));
  },
};

/** gettransaction: a wallet transaction's depth and its sends; -5 for one it does not have. */
export const getTransaction: RpcMethod = {
  name: 'gettransaction',
  args: ['txid', 'include_watchonly', 'verbose'],
  required: 1,
  wallet: true,
  run: ({ sim }, p) => {
    const txid = p.str(0);
    if (p.failed) return p.failed;
    const wallet = walletOf(sim);
    if ('kind' in wallet) return wallet;
    const payment = wallet.payments().find((x) => x.txid === txid);
    if (payment === undefined) {
      return failure(RPC_CODE.INVALID_ADDRESS_OR_KEY, 'Invalid or non-wallet transaction id');
    }
    const details = entriesOf(payment);
    const total = [...payment.outputs.values()].reduce((a, b) => a + b, 0n);
    const first = details[0]!;
    return result(
      asJson({
        amount: JsonNumber.ofSats(-total),
        fee: JsonNumber.ofSats(-payment.feeSats),
        confirmations: first.confirmations,
        ...(first.blockhash === undefined
          ? {}
          : { blockhash: first.blockhash, blockheight: first.blockheight }),
        txid,
        ...(payment.comment === undefined ? {} : { comment: payment.comment }),
        details: details.map(({ address, category, amount, vout, fee }) => ({
          address,
          category,
          amount,
          vout,
          fee,
        })),
      }),
    );
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
