// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const timeAndChance = [
  { name: 'Date', message: 'Time comes from the injected Clock (src/runtime).' },
  { name: 'setTimeout', message: 'Timers come from the injected Scheduler (src/runtime).' },
  { name: 'setInterval', message: 'Timers come from the injected Scheduler (src/runtime).' },
  { name: 'setImmediate', message: 'Timers come from the injected Scheduler (src/runtime).' },
];
const mathRandom = {
  object: 'Math',
  property: 'random',
  message: 'Randomness comes from the injected seeded Rng (src/runtime).',
};
const processEnv = {
  object: 'process',
  property: 'env',
  message: 'Only a composition root (src/cli) reads the environment; pass config down.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'reports/**',
      'coverage/**',
      '.tmp/**',
      'tools/independent-pool/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/runtime/**', 'src/cli/**'],
    rules: {
      'no-restricted-globals': ['error', ...timeAndChance],
      'no-restricted-properties': ['error', mathRandom, processEnv],
    },
  },
  {
    // The pure core: plain functions over values. No I/O, no clock, no globals.
    files: ['src/pool/core/**/*.ts'],
    // Tests and their fixtures may read vector files; the code under test may not.
    ignores: ['**/*.test.ts', '**/*.fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'node:net',
            'node:fs',
            'node:fs/promises',
            'node:http',
            'node:worker_threads',
            'node:child_process',
            'pg',
            'ioredis',
            'fastify',
            'ink',
            'pino',
          ].map((name) => ({ name, message: 'src/pool/core is pure: no I/O.' })),
          patterns: [
            {
              group: ['**/runtime/**'],
              message: 'The core takes time and randomness as arguments.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...timeAndChance,
        { name: 'process', message: 'The core reads no globals.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'bench/**/*.ts', 'bin/**/*.js', 'src/cli/**/*.ts', 'src/cli/**/*.tsx'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
