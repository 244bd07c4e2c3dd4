export {
  RoundCloser,
  type AcceptedBlock,
  type RoundCloserDeps,
  type RoundOutcome,
  type RoundSettings,
} from './round-closer.js';
export {
  ConfirmationFollower,
  type BlockCheck,
  type ConfirmationFollowerDeps,
  type FollowReport,
} from './confirmation-follower.js';
export {
  PayoutSender,
  type PayoutEvent,
  type PayoutSenderDeps,
  type PayoutSenderSettings,
} from './payout-sender.js';
export {
  walletPaymentsOf,
  type PaymentHistory,
  type WalletPayment,
  type WalletPayments,
} from './wallet-payments.js';
export { RpcWalletPayments, type RpcWalletPaymentsOptions } from './rpc-wallet-payments.js';
export { nextPlan, type PlanLimits } from './payout-planner.js';
export { findBlockShare, type BlockShareOptions, type BlockShareSearch } from './block-share.js';
export { maturityDepthFor } from './settings.js';
export { runEvery, type PeriodicStep } from './periodic.js';
export {
  PAYOUT_SERVICE_ERROR_CODES,
  type PayoutServiceErrorCode,
  type FailureNote,
} from './payout-errors.js';
