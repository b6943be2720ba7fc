#!/usr/bin/env node
// Runs the built CLI (dist/ is made by `npm run build`, which `npm ci` runs through `prepare`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
