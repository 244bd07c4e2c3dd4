/** One thing wrong with a scenario file, located in its source (1-based line and column). */
export interface ScenarioError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Where in the document: 'farms[2].profile'; '' for the document itself. */
  readonly path: string;
  /** What is wrong and what was expected. */
  readonly message: string;
}

/** A problem found before it is located: a path in the document and, optionally, finer aim. */
export interface Problem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  /** An unknown key of the mapping at `path`: point at the key itself. */
  readonly key?: string;
  /** An offset into the string at `path` (a gate's bad token). */
  readonly offset?: number;
}

/** `file:line:col: path: message`, the form editors and CI logs link. */
export function formatScenarioError(error: ScenarioError): string {
  const where = error.path === '' ? '' : `${error.path}: `;
  return `${error.file}:${error.line}:${error.column}: ${where}${error.message}`;
}

/** ['farms', 2, 'profile'] -> 'farms[2].profile'. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

export function compareErrors(a: ScenarioError, b: ScenarioError): number {
  return a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : 1);
}
