import { decodeAddress } from './core/address/decode.js';
import type { AddressParams } from './core/address/params.js';
import type { LoginCheck, LoginValidator } from './stratum/ports.js';

const WORKER_NAME = /^[A-Za-z0-9_\-.:@]{0,64}$/;

/**
 * Miners log in as `address.worker`: the address must be one of the pool coin's (checked
 * offline against its encoding and checksum, no daemon round trip per login) and the worker
 * name short and printable, as it ends up in logs, the API and the books.
 */
export function addressLoginValidator(params: AddressParams): LoginValidator {
  return {
    validateLogin(address: string, worker: string | undefined): LoginCheck {
      const decoded = decodeAddress(address, params);
      if (!decoded.ok) return { ok: false, message: `invalid payout address: ${decoded.error}` };
      if (worker !== undefined && !WORKER_NAME.test(worker)) {
        return { ok: false, message: 'worker names are up to 64 of A-Z a-z 0-9 _ - . : @' };
      }
      return { ok: true };
    },
  };
}
