import { z } from 'zod';
import { scenarioSchema } from './scenario-schema.js';

export const SCENARIO_SCHEMA_FILE = 'scenario.schema.json';

/**
 * The scenario schema as JSON Schema, for editors (yaml-language-server reads the
 * `# yaml-language-server: $schema=./scenario.schema.json` line atop each scenario). It
 * describes what is written, so units stay text with their patterns.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema(), { io: 'input', unrepresentable: 'throw' });
  return { ...schema, title: 'Chimera Pool scenario' };
}

/** The file's text: two-space JSON and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
