// Prints the README's targets table from the target data.
import { targetsMarkdownTable } from '../src/targets/targets-table.js';

console.log(targetsMarkdownTable());
