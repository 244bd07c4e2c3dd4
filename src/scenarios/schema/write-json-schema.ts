/**
 * Regenerates scenarios/scenario.schema.json from the zod schema:
 *   node bin/run-ts.js src/scenarios/schema/write-json-schema.ts && npx prettier --write scenarios
 * json-schema.test.ts fails while the committed file is out of date.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SCENARIO_SCHEMA_FILE, scenarioJsonSchemaText } from './json-schema.js';

const target = fileURLToPath(
  new URL(`../../../scenarios/${SCENARIO_SCHEMA_FILE}`, import.meta.url),
);
await writeFile(target, scenarioJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
