import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The lint rule that keeps the architecture visible must actually fire: lint a few made-up files that break it.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('import boundaries', () => {
  it('forbids a lower layer importing a higher one', async () => {
    expect(await ruleIds('src/lib/probe.ts', "import { MARKET_MODEL } from '../data';\nexport const x = MARKET_MODEL;\n")).toContain(
      'boundaries/dependencies',
    );
    expect(await ruleIds('src/sql/probe.ts', "import { getEngine } from '../engine';\nexport const x = getEngine;\n")).toContain(
      'boundaries/dependencies',
    );
  });

  it('forbids one feature importing another', async () => {
    const code = "import { WorkspacePage } from '../workspace/WorkspacePage';\nexport const x = WorkspacePage;\n";
    expect(await ruleIds('src/features/probe/Probe.ts', code)).toContain('boundaries/dependencies');
  });

  it('keeps a view declaration below the data layer, and its components above it', async () => {
    const dataImport = "import { MARKET_MODEL } from '../../data';\nexport const x = MARKET_MODEL;\n";
    // A declaration is read by src/data (reserved names, snapshot shapes, resolution): it must not read src/data.
    expect(await ruleIds('src/views/probe/declaration.ts', dataImport)).toContain('boundaries/dependencies');
    expect(await ruleIds('src/views/probeDerived.ts', "import { MARKET_MODEL } from '../data';\nexport const x = MARKET_MODEL;\n")).toContain(
      'boundaries/dependencies',
    );
    // Its component reads the data layer, and never the workspace feature that hosts it.
    expect(await ruleIds('src/views/probe/ProbeView.tsx', dataImport)).toEqual([]);
    const featureImport = "import { FilterBar } from '../../features/workspace/FilterBar';\nexport const x = FilterBar;\n";
    expect(await ruleIds('src/views/probe/ProbeView.tsx', featureImport)).toContain('boundaries/dependencies');
    // The data layer reads the declarations, never the components; the state below reads neither.
    expect(await ruleIds('src/data/probe.ts', "import { TABS } from '../views';\nexport const x = TABS;\n")).toEqual([]);
    expect(await ruleIds('src/data/probe.ts', "import { ActiveView } from '../views/components';\nexport const x = ActiveView;\n")).toContain(
      'boundaries/dependencies',
    );
    expect(await ruleIds('src/state/probe.ts', "import { TABS } from '../views';\nexport const x = TABS;\n")).toContain('boundaries/dependencies');
  });

  it('keeps DuckDB inside src/engine', async () => {
    const code = "import { AsyncDuckDB } from '@duckdb/duckdb-wasm';\nexport const x = AsyncDuckDB;\n";
    expect(await ruleIds('src/data/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('src/engine/probe.ts', code)).toEqual([]);
  });

  it('allows the direction the architecture describes', async () => {
    const code = "import { buildWhere } from '../sql';\nimport { getEngine } from '../engine';\nexport const x = [buildWhere, getEngine];\n";
    expect(await ruleIds('src/data/probe.ts', code)).toEqual([]);
  });
});
