import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  type Document,
  type Node,
} from 'yaml';

/**
 * A scenario's YAML with its source ranges kept, so any problem found in the plain value can
 * be pointed at the line and column of the node it is about.
 */
export interface YamlSource {
  readonly value: unknown;
  locate(
    path: readonly PropertyKey[],
    key?: string,
    offset?: number,
  ): { line: number; column: number };
}

export interface YamlSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type YamlParse =
  | { readonly ok: true; readonly source: YamlSource }
  | { readonly ok: false; readonly errors: readonly YamlSyntaxError[] };

export function parseYamlSource(text: string): YamlParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => ({
        ...lineCol(lineCounter, error.pos[0]),
        message: syntaxMessage(error.message),
      })),
    };
  }
  return {
    ok: true,
    source: {
      value: doc.toJS({ maxAliasCount: 1000 }) as unknown,
      locate: (path, key, offset) => lineCol(lineCounter, offsetOf(doc, text, path, key, offset)),
    },
  };
}

function lineCol(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** yaml's messages can run to several lines of context; the first says what is wrong. */
function syntaxMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return `YAML syntax: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}

/** Source offset of the deepest node along `path` that exists. */
function offsetOf(
  doc: Document,
  text: string,
  path: readonly PropertyKey[],
  key: string | undefined,
  offset: number | undefined,
): number {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  let reached = true;
  for (const segment of path) {
    const child = childOf(node, segment);
    if (child === undefined) {
      reached = false;
      break;
    }
    node = child.value ?? child.key;
    keyNode = child.key;
  }
  if (reached && key !== undefined) {
    const pair = childOf(node, key);
    if (pair !== undefined) return startOf(pair.key) ?? startOf(node) ?? 0;
  }
  if (reached && offset !== undefined && isScalar(node)) {
    return (startOf(node) ?? 0) + inStringOffset(node, text, offset);
  }
  return startOf(node) ?? startOf(keyNode) ?? 0;
}

function childOf(
  node: unknown,
  segment: PropertyKey,
): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
    return pair === undefined ? undefined : { key: pair.key, value: pair.value ?? undefined };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item: unknown = node.items[segment];
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}

function startOf(node: unknown): number | undefined {
  return (node as Partial<Node> | undefined)?.range?.[0];
}

/**
 * How far into the source the character at `offset` of a scalar's value sits: the same for a
 * plain scalar, one more for the opening quote, and no shift at all when escapes or folding
 * make the source differ from the value before that point.
 */
function inStringOffset(node: Scalar, text: string, offset: number): number {
  const [start = 0, end = 0] = node.range ?? [];
  const raw = text.slice(start, end);
  const value = typeof node.value === 'string' ? node.value : '';
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const open = quoted ? 1 : node.type === Scalar.PLAIN ? 0 : undefined;
  if (open === undefined) return 0;
  return raw.slice(open, open + offset) === value.slice(0, offset) ? open + offset : 0;
}
