import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { targetsMarkdownTable } from '../../src/targets/targets-table.js';

describe('README', () => {
  it('holds the targets table generated from the target data (npx tsx scripts/print-targets-table.ts)', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(targetsMarkdownTable());
  });
});
