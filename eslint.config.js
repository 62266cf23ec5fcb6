// Lint: typescript-eslint's recommended rules plus the type-aware no-floating-promises (an un-awaited engine
// call would let a scenario step race the next one).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // the mocha reporter must be CommonJS (mocha requires it); it is eleven lines of plain JS
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'test/support/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-control-regex': 'off',
    },
  },
);
