import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import formatjs from 'eslint-plugin-formatjs';

/**
 * Imports flow app → features → view components → {charts, ui, data} → view declarations → state → nothing, and
 * data → {sql, engine} (see ../shared/design/architecture.md and "Adding a view" in the README). A view's folder holds
 * both halves: its declaration (`src/views/<id>/declaration.ts`, with what is derived from the declarations in
 * `src/views/*.ts`), which the data layer reads, and its components, which read the data layer. The boundaries rule
 * below fails the lint when an import goes the other way, when one feature imports another, or when DuckDB is
 * imported outside src/engine.
 */
const layers = {
  app: ['feature', 'view-ui', 'views', 'charts', 'ui', 'data', 'state', 'lib', 'engine', 'i18n'],
  feature: ['view-ui', 'views', 'charts', 'ui', 'data', 'state', 'lib', 'i18n'],
  'view-ui': ['views', 'charts', 'ui', 'data', 'state', 'lib', 'i18n'],
  charts: ['ui', 'lib', 'i18n'],
  ui: ['lib', 'i18n'],
  data: ['sql', 'engine', 'views', 'state', 'lib', 'i18n'],
  views: ['state', 'lib', 'i18n'],
  state: ['i18n'],
  sql: ['i18n'],
  engine: ['i18n'],
  lib: [],
  // Messages and the active language (src/i18n): every layer may say something to people.
  i18n: ['lib'],
};

/**
 * Folders whose user-facing text all comes from message catalogs (src/i18n): a string written in their JSX (text,
 * or a label, title, placeholder, alt or aria-label) fails the lint. Grows until it is all of src.
 */
const TRANSLATED = [
  // the app shell
  'src/app/App.tsx',
  'src/app/CopyLinkButton.tsx',
  'src/app/LanguagePicker.tsx',
  // uploads
  'src/features/upload',
  // the rest of the app, shared UI, dashboards, connections, exports and snapshots
  'src/app/PresentationPage.tsx',
  'src/app/PresentationPanels.tsx',
  'src/app/StartupStatus.tsx',
  'src/app/EngineIncidentNotice.tsx',
  'src/app/snapshotCapture.tsx',
  'src/ui',
  'src/features/dashboards',
  'src/features/connect',
  'src/data/clickhouse',
  // the workspace, charts and the describing views
  'src/features/workspace',
  'src/charts',
  'src/views/viewComponents.tsx',
  'src/views/overview',
  'src/views/shared',
  'src/views/leaderboard',
  'src/views/map',
  'src/views/countries',
  'src/views/trend',
  // the analysing views and the SQL workspace
  'src/views/explain',
  'src/views/matrix',
  'src/views/conversion',
  'src/views/cohorts',
  'src/views/sql',
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results.json', 'bench/.native/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright fixtures call a `use` function too; the hook rules are for the React code only.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'boundaries/elements': [
        { type: 'app', pattern: 'src/app' },
        { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
        // The views' components first: the rest of src/views is what their declarations derive.
        { type: 'view-ui', mode: 'file', pattern: ['src/views/components.ts', 'src/views/viewComponents.tsx'] },
        { type: 'views', mode: 'file', pattern: ['src/views/*.ts', 'src/views/*/declaration.ts'] },
        { type: 'view-ui', pattern: 'src/views' },
        { type: 'charts', pattern: 'src/charts' },
        { type: 'ui', pattern: 'src/ui' },
        { type: 'data', pattern: 'src/data' },
        { type: 'state', pattern: 'src/state' },
        { type: 'sql', pattern: 'src/sql' },
        { type: 'engine', pattern: 'src/engine' },
        { type: 'lib', pattern: 'src/lib' },
        { type: 'i18n', pattern: 'src/i18n' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            ...Object.entries(layers).map(([from, allowed]) => ({
              from: { element: { type: from } },
              disallow: {
                to: { element: { types: { noneOf: [from, ...allowed] } } },
              },
            })),
            {
              from: { element: { type: 'feature' } },
              disallow: {
                to: { element: { type: 'feature', captured: { feature: '!{{ from.element.captured.feature }}' } } },
              },
            },
          ],
        },
      ],
    },
  },
  {
    files: TRANSLATED.map((path) => (path.endsWith('.tsx') ? path : `${path}/**/*.tsx`)),
    ignores: ['src/**/*.test.tsx'],
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': ['error', { props: { include: [['*', '{label,placeholder,title,alt,heading,description,hint,summary}']] } }],
    },
  },
  {
    // DuckDB is the engine's business alone: everything else goes through query().
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@duckdb/*'], message: 'use query() from src/engine' }] }],
    },
  },
  {
    // The benchmark passes functions to page.evaluate: they run in the browser.
    files: ['scripts/bench.mjs'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['src/engine/duckdbWorkerShim.js'],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'test/**/*.ts', 'src/**/*.test.{ts,tsx}', 'src/engine/nodeEngine.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
