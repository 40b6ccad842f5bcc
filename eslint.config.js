import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

/** The folders of src/lib from the bottom layer up (its loose files are below all of them). */
const LIB_LAYERS = [
  ['text'],
  ['offline', 'search'],
  ['drill'],
  ['review-log'],
  ['srs'],
  ['store'],
  ['progress-file', 'reading', 'review'],
  ['plan'],
];

/** `no-restricted-imports` for `files`: never scripts/, and never the given src/lib folders. */
function restrictImports(files, forbiddenLibFolders) {
  const patterns = [
    { group: ['**/scripts/**'], message: 'src/ must not import from scripts/ (see docs/architecture.md).' },
  ];
  if (forbiddenLibFolders.length > 0) {
    patterns.push({
      group: forbiddenLibFolders.flatMap((folder) => [`../${folder}/**`, `**/lib/${folder}/**`]),
      message: 'src/lib is layered (docs/architecture.md): this folder may not import a higher layer.',
    });
  }
  return { files: [files], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      'node_modules/',
      '.tmp/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', console: 'readonly', process: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  // The site is built from src/ alone: scripts/ holds command-line programs that use it, never the reverse.
  restrictImports('src/**/*.{ts,astro,mjs}', []),
  // src/lib is layered: a folder imports only folders on its own layer or below, so no import runs back up.
  ...LIB_LAYERS.flatMap((layer, index) =>
    layer.map((folder) => restrictImports(`src/lib/${folder}/**/*.ts`, LIB_LAYERS.slice(index + 1).flat())),
  ),
);
