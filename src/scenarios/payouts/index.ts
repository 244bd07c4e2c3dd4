export {
  referencePayouts,
  referenceWindowWork,
  type PayoutTruth,
  type ReferenceBlockPayout,
  type TruthBlock,
  type TruthShare,
} from './reference-pplns.js';
export {
  POOL_FEE_ACCOUNT,
  compareWithReference,
  totalsByAccount,
  type ActualBlockPayout,
  type PayoutComparison,
  type PayoutDifference,
} from './reference-compare.js';
