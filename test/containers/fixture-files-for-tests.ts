import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const containerFixtureDir = join(import.meta.dirname, '../../fixtures/container');

export function containerFixturePath(name: string): string {
  return join(containerFixtureDir, name);
}

export function loadContainerFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(containerFixturePath(name)));
}
