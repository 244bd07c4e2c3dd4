import { readFile } from 'node:fs/promises';
import { parseScenario, type ParseOptions, type ScenarioParse } from './parse-scenario.js';

/** Reads and parses a scenario file; an unreadable file is an error like any other. */
export async function loadScenario(
  path: string,
  options: ParseOptions = {},
): Promise<ScenarioParse> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [
        { file: path, line: 1, column: 1, path: '', message: `cannot read the file: ${reason}` },
      ],
    };
  }
  return parseScenario(text, path, options);
}
