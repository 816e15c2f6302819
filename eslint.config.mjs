// Module boundaries from docs/style.md are enforced here with `no-restricted-imports` zones.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      ...restrict(
        [
          '**/odoo/**',
          '**/sync/**',
          '**/queue/**',
          '**/cli/**',
          '**/sandbox/**',
          '**/config/**',
          '**/shared/**',
          '**/jobs/**',
          'zod',
          'winston',
          'bullmq',
          'ioredis',
          'node:*',
          'fs',
          'http',
          'https',
        ],
        'src/domain is pure: plain data in, plain data out (style.md, module boundaries).',
      ),
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'No clock in src/domain: take asOf as a parameter.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No clock in src/domain: take asOf as a parameter.',
        },
        {
          selector: "MemberExpression[object.name='DateTime'][property.name=/^(now|local)$/]",
          message: 'No clock in src/domain: take asOf as a parameter.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'No randomness in src/domain.',
        },
        {
          selector: "MemberExpression[object.name='process']",
          message: 'No process access in src/domain.',
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(
      [
        '**/domain/**',
        '**/odoo/**',
        '**/sync/**',
        '**/queue/**',
        '**/cli/**',
        '**/sandbox/**',
        '**/config/**',
        '**/jobs/**',
      ],
      'src/shared is the dependency-free kernel.',
    ),
  },
  {
    files: ['src/config/**/*.ts'],
    rules: restrict(
      ['**/odoo/**', '**/sync/**', '**/queue/**', '**/cli/**', '**/sandbox/**', '**/jobs/**'],
      'src/config may import zod, shared and domain types only.',
    ),
  },
  {
    files: ['src/odoo/**/*.ts'],
    rules: restrict(
      [
        '**/domain/**',
        '**/sync/**',
        '**/queue/**',
        '**/cli/**',
        '**/sandbox/**',
        '**/jobs/**',
        'bullmq',
      ],
      'src/odoo knows Odoo, not agreements or queues.',
    ),
  },
  {
    files: ['src/sync/**/*.ts'],
    rules: restrict(
      ['**/queue/**', '**/cli/**', '**/sandbox/**', '**/jobs/**', 'bullmq'],
      'src/sync orchestrates odoo + domain and knows nothing of BullMQ.',
    ),
  },
  {
    files: ['src/queue/**/*.ts'],
    rules: restrict(
      ['**/odoo/**', '**/domain/**', '**/sync/**', '**/sandbox/**'],
      'src/queue is BullMQ wiring only.',
    ),
  },
  {
    files: ['src/sandbox/**/*.ts'],
    rules: restrict(
      [
        '**/odoo/**',
        '**/domain/**',
        '**/sync/**',
        '**/queue/**',
        '**/cli/**',
        '**/config/**',
        '**/jobs/**',
      ],
      'The sandbox is an independent Odoo emulator, so client bugs are not mirrored.',
    ),
  },
  {
    files: ['jobs/**/*.ts'],
    rules: restrict(
      ['**/odoo/transports/**', '**/sandbox/**'],
      'Jobs are thin declarations over src/sync.',
    ),
  },
  {
    // The few plain CommonJS scripts the tests ship (run by node, not compiled).
    files: ['test/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
