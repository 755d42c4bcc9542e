import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './stack/config.ts';

interface Override {
  includes?: string[];
  linter?: { rules?: { style?: { noRestrictedImports?: unknown } } };
}

describe('feature boundaries', () => {
  it('biome.json restricts the imports of every feature folder (add an override for a new feature)', () => {
    const config = JSON.parse(readFileSync(path.join(repoRoot, 'biome.json'), 'utf8')) as {
      overrides: Override[];
    };
    const guarded = new Set(
      config.overrides
        .filter((override) => override.linter?.rules?.style?.noRestrictedImports)
        .flatMap((override) => override.includes ?? []),
    );
    const features = readdirSync(path.join(repoRoot, 'src', 'features'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(features.filter((name) => !guarded.has(`src/features/${name}/**`))).toEqual([]);
  });
});
