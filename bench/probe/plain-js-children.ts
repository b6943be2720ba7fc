// Turns the RSS child and the mediabunny probe into plain JS beside the inputs: a child started
// through tsx would carry its loader (~40 MB) into the peak RSS we want to attribute to a probe.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const CHILD_SOURCES = ['rss-child.ts', 'mediabunny-probe.ts'];

/**
 * Writes the plain-JS children into `workDir` and returns the child's path. `workDir` must sit
 * as deep as bench/probe/ (bench/.work/ does), so the child's `../../dist/index.js` still resolves.
 */
export function writePlainJsChildren(workDir: string): string {
  for (const name of CHILD_SOURCES) {
    const source = readFileSync(new URL(name, import.meta.url), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: name,
    });
    writeFileSync(join(workDir, name.replace(/\.ts$/, '.js')), outputText);
  }
  return join(workDir, 'rss-child.js');
}
