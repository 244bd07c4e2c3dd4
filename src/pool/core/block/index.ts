export { parseBlockTemplate } from './template.js';
export type { BlockTemplate, TemplateParse, TemplateTransaction } from './template.js';
export { HEADER_SIZE, parseHeader, serializeHeader, writeHeader } from './header.js';
export type { HeaderFields } from './header.js';
export { merkleBranch, merkleRoot, rootFromBranch } from './merkle.js';
export {
  heightPush,
  pushData,
  pushDataPrefix,
  readHeightPush,
  scriptNum,
  scriptNumPush,
} from './script.js';
export {
  COINBASE_SCRIPTSIG_MAX,
  COINBASE_SCRIPTSIG_MIN,
  buildCoinbase,
  checkCoinbaseSpec,
  coinbaseTxid,
  withCoinbaseWitness,
} from './coinbase.js';
export type { CoinbaseParts, CoinbaseSpec, TxOutput } from './coinbase.js';
export {
  WITNESS_COMMITMENT_HEADER,
  findWitnessCommitment,
  witnessCommitment,
  witnessCommitmentScript,
  witnessMerkleRoot,
  witnessReservedValue,
} from './witness.js';
export { buildJob, headerForShare, prevHashStratum, wordHex } from './job.js';
export type { JobParams, NotifyFields, ShareHeader, StratumJob } from './job.js';
export { blockForShare, blockHex, serializeBlock } from './block.js';
export type { BlockParts } from './block.js';
export { decodeBlock } from './block-decode.js';
export type { BlockDecode, DecodedBlock } from './block-decode.js';
export { decodeTx } from './transaction.js';
export type { DecodedTx, TxDecode, TxInput } from './transaction.js';
export { sha256dFast, sha256dPair } from './fast-hash.js';
