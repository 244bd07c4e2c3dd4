import { z } from 'zod';

/**
 * A mapping that refuses unknown keys. zod's own unknown-key issue names the key but not
 * the keys that were allowed, so the schema's keys travel in the message, under a prefix
 * that `knownKeysOf` reads back when the loader words the error.
 */
const KNOWN_KEYS_PREFIX = 'known keys: ';

export function closedObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const keys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return KNOWN_KEYS_PREFIX + keys.join(', ');
      if (issue.code === 'invalid_type') return `expected a mapping with keys: ${keys.join(', ')}`;
      return undefined;
    },
  });
}

/** The keys a closed object allows, from its unknown-key message; [] for any other message. */
export function knownKeysOf(message: string): string[] {
  if (!message.startsWith(KNOWN_KEYS_PREFIX)) return [];
  return message.slice(KNOWN_KEYS_PREFIX.length).split(', ');
}
