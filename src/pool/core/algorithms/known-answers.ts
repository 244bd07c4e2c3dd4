import { fromDisplayHex, toHex } from '../bytes.js';

/** Internal byte order of a hash published in display order (as explorers and RPC show it). */
export function internalHex(displayHex: string): string {
  return toHex(fromDisplayHex(displayHex));
}

/** The BLAKE3 test-vector input: `length` bytes of 0, 1, ..., 250, 0, 1, ... */
export function blake3PatternHex(length: number): string {
  return Buffer.from(Array.from({ length }, (_, i) => i % 251)).toString('hex');
}

/** 0x00, 0x01, ..., length - 1: the input of the BLAKE2 known-answer files. */
export function countingHex(length: number): string {
  return Buffer.from(Array.from({ length }, (_, i) => i & 0xff)).toString('hex');
}
