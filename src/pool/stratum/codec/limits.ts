/**
 * Size caps on the strings a miner may send, in UTF-16 code units. They are far above what
 * real miners send (addresses are under 100 characters, job ids and hex fields under 20) and
 * keep an abusive line from becoming a large log entry or map key downstream.
 */
export const STRATUM_LIMITS = {
  idChars: 64,
  methodChars: 64,
  userAgentChars: 256,
  sessionIdChars: 64,
  hostChars: 255,
  usernameChars: 256,
  passwordChars: 256,
  /** jobId, extranonce2, ntime, nonce and versionBits of mining.submit. */
  submitFieldChars: 64,
  extensions: 16,
  extensionNameChars: 64,
  infoValueChars: 256,
} as const;
