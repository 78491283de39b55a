// Lint the library, examples, tests and benchmarks; generated provider bindings are left out.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'generated/**',
      'lib/**',
      '.jsii-stage/**',
      'cdktf.out/**',
      'node_modules/**',
      'coverage/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The CDK core (cdktf or cdktn) is loaded in one place, so that the app and the library share one copy.
    ignores: ['constructs/core/cdk.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['cdktf', 'cdktn'].map((name) => ({
            name,
            message: 'Import the CDK core from constructs/core/cdk (it loads cdktf or cdktn, the copy the app uses).',
          })),
          patterns: [
            { group: ['cdktf/*', 'cdktn/*'], message: 'Import the CDK core from constructs/core/cdk.' },
            {
              group: ['@cdktf/provider-*', '@cdktn/provider-*', '!@cdktf/provider-generator'],
              message:
                'Prebuilt provider bindings load their own cdktf: use generated/ bindings or a plain TerraformResource.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
