#!/usr/bin/env node
// Runs the CLI from dist/cli.js: our own modules bundled (one chunk per command; dependencies stay in
// node_modules), because resolving ~50 small ESM files cost a third of a probe's process time.
// `npm ci` builds it through `prepare`.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
