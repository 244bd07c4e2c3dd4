import { z } from 'zod';

export const username = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/)
  .describe('2-64 characters: a-z, 0-9, . _ -');

export const password = z.string().min(12).max(1024).describe('at least 12 characters');
