export { ChainSim, type ChainSimOptions } from './chain-sim.js';
export { BlockMaker, minerScript, type MineOptions } from './block-maker.js';
export { jumpedBits, reorgBranch } from './chain-faults.js';
export { InProcessChainNode } from './in-process-node.js';
export { RpcFaults, type RpcFaultState } from './rpc-faults.js';
export { LongPolls, LONGPOLL_FIRST_TX_CHECK_MS, LONGPOLL_TX_CHECK_EVERY_MS } from './long-poll.js';
export { ChainState, type TxStatus } from './chain-state.js';
export { BlockTree, type NewBlock, type TipChange } from './block-tree.js';
export { Mempool, compareFeeRate } from './mempool.js';
export { TxIndex, type IndexedOutput, type TxMeta } from './tx-index.js';
export {
  nextBits,
  intervalBits,
  lwmaBits,
  equilibriumBits,
  type RetargetBlock,
} from './retarget.js';
export { ExternalMining, type ExternalMinerSpec } from './external-mining.js';
export { chooseExternalParent } from './race.js';
export { PoissonArrivals } from './tx-arrivals.js';
export {
  syntheticTx,
  DEFAULT_FEE_RATE,
  type FeeRateModel,
  type SyntheticTxOptions,
} from './synthetic-tx.js';
export { serializeTx, type SerializedTx, type TxInputSpec, type TxSpec } from './tx-serialize.js';
export { assembleBlock, type AssembleSpec } from './assemble.js';
export { genesisBlock } from './genesis.js';
export {
  templateData,
  templateSelection,
  toBlockTemplate,
  longPollId,
  type TemplateData,
  type TemplateSelection,
} from './template-data.js';
export { toGbtResult, type GbtResult, type GbtTransaction } from './gbt-json.js';
export { checkBlock, type BlockCheck, type ValidationContext } from './validate-block.js';
export { blockWeight, checkBlockContext, checkBlockShape, isCoinbase } from './block-checks.js';
export {
  headerInfo,
  chainSummary,
  displayDifficulty,
  type HeaderInfo,
  type ChainSummary,
} from './chain-queries.js';
export { Wallet, type Coin, type Payment, type SendResult } from './wallet.js';
export { receivedBy } from './received.js';
export { checkTemplateRules } from './template-rules.js';
export * from './consensus-constants.js';
export { SIM_ERROR_CODES, simError, type SimErrorCode } from './sim-errors.js';
export type { BlockSource, ChainEvent, OutPoint, SimTx, StoredBlock } from './types.js';
