// Writes schema/check-output.schema.json from the zod schemas; a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { checkOutputJsonSchema } from '../src/validate/json-schema.js';

writeFileSync('schema/check-output.schema.json', JSON.stringify(checkOutputJsonSchema(), null, 2) + '\n');
