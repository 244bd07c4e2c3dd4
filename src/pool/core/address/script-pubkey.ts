/** Standard output scripts: building them and recognising them. */

export type AddressKind = 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr' | 'witness';

export type StandardScript =
  | { readonly kind: 'p2pkh'; readonly hash: Buffer }
  | { readonly kind: 'p2sh'; readonly hash: Buffer }
  | {
      readonly kind: 'p2wpkh' | 'p2wsh' | 'p2tr' | 'witness';
      readonly version: number;
      readonly program: Buffer;
    };

/** OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG */
export function p2pkhScript(hash160: Uint8Array): Buffer {
  if (hash160.length !== 20) throw new RangeError(`pubkey hash is ${hash160.length} bytes`);
  return Buffer.concat([Buffer.from([0x76, 0xa9, 0x14]), hash160, Buffer.from([0x88, 0xac])]);
}

/** OP_HASH160 <20> OP_EQUAL */
export function p2shScript(hash160: Uint8Array): Buffer {
  if (hash160.length !== 20) throw new RangeError(`script hash is ${hash160.length} bytes`);
  return Buffer.concat([Buffer.from([0xa9, 0x14]), hash160, Buffer.from([0x87])]);
}

/** OP_n <program>: a segwit output of version 0..16 with a 2..40-byte program. */
export function witnessScript(version: number, program: Uint8Array): Buffer {
  if (!Number.isInteger(version) || version < 0 || version > 16) {
    throw new RangeError(`witness version ${version}`);
  }
  if (program.length < 2 || program.length > 40) {
    throw new RangeError(`witness program is ${program.length} bytes`);
  }
  const op = version === 0 ? 0x00 : 0x50 + version;
  return Buffer.concat([Buffer.from([op, program.length]), program]);
}

/** What kind of standard output a script is, with its hash or program; undefined otherwise. */
export function classifyScript(script: Buffer): StandardScript | undefined {
  const n = script.length;
  if (n === 25 && script[0] === 0x76 && script[1] === 0xa9 && script[2] === 0x14) {
    if (script[23] === 0x88 && script[24] === 0xac) {
      return { kind: 'p2pkh', hash: Buffer.from(script.subarray(3, 23)) };
    }
  }
  if (n === 23 && script[0] === 0xa9 && script[1] === 0x14 && script[22] === 0x87) {
    return { kind: 'p2sh', hash: Buffer.from(script.subarray(2, 22)) };
  }
  // Bitcoin Core's IsWitnessProgram: OP_0 or OP_1..OP_16, then one direct push of 2..40 bytes.
  const op = script[0];
  if (op === undefined || n < 4 || n > 42 || script[1] !== n - 2) return undefined;
  if (op !== 0x00 && (op < 0x51 || op > 0x60)) return undefined;
  const version = op === 0x00 ? 0 : op - 0x50;
  const program = Buffer.from(script.subarray(2));
  // Version 0 is defined only for 20 and 32 bytes; other sizes are not payable addresses.
  if (version === 0 && program.length !== 20 && program.length !== 32) return undefined;
  return { kind: witnessKind(version, program.length), version, program };
}

export function witnessKind(
  version: number,
  programLength: number,
): 'p2wpkh' | 'p2wsh' | 'p2tr' | 'witness' {
  if (version === 0 && programLength === 20) return 'p2wpkh';
  if (version === 0 && programLength === 32) return 'p2wsh';
  if (version === 1 && programLength === 32) return 'p2tr';
  return 'witness';
}
