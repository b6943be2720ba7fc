import * as z from 'zod/mini';
import { CheckOutputSchema } from './report.js';

/** JSON Schema (draft 2020-12) of `check --json`, generated from the zod schemas that define it. */
export function checkOutputJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/media-preflight/media-preflight/schema/check-output.schema.json',
    title: 'media-preflight check --json output (schemaVersion 1)',
    ...z.toJSONSchema(CheckOutputSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
  };
}
