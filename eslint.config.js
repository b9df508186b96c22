// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Modules with I/O the pure core must never reach for: data, config and time come as arguments. */
const ioModules = [
  ...builtinModules.flatMap((name) => [name, `${name}/*`]),
  'express',
  'better-sqlite3',
  'pg',
  'node-cron',
  'pino',
  'nock',
  '@hubspot/api-client',
  '@hubspot/api-client/*',
];

/** @type {import('eslint').Linter.RulesRecord} */
const pureCoreRules = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { regex: '^node:', message: 'The pure core does no I/O: pass data in as arguments.' },
        { group: ioModules, message: 'The pure core does no I/O: pass data in as arguments.' },
        {
          regex: '(^|/)(hubspot|store|jobs|server|cli|sandbox|models)/',
          message: 'The pure core must not depend on the shell layers.',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'process', message: 'Config and environment come in as arguments.' },
    { name: 'fetch', message: 'The pure core does no I/O.' },
    {
      name: 'performance',
      message: 'The pure core never reads the clock: take `now` as a parameter.',
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
      message: 'The pure core never reads the clock: take `now` as a parameter.',
    },
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'The pure core never reads the clock: take `now` as a parameter.',
    },
    {
      selector: "CallExpression[callee.name='Date']",
      message: 'The pure core never reads the clock: take `now` as a parameter.',
    },
    {
      selector:
        "MemberExpression[object.name='globalThis'][property.name=/^(process|performance|fetch)$/]",
      message: 'The pure core does no I/O and reads no environment: pass data in as arguments.',
    },
    {
      selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
      message: 'The pure core is deterministic: take randomness as a parameter.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', '.ci/.node/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: [
      'src/scoring/**',
      'src/signals/**',
      'src/plays/**',
      'src/lifecycle/**',
      'src/brief/**',
      'src/backtest/**',
      'src/validation/**',
      'src/reports/**',
    ],
    rules: pureCoreRules,
  },
);
