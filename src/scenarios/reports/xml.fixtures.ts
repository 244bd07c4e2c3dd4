/**
 * A strict reader for the XML our writers produce, so tests can parse junit.xml back: it
 * throws on anything not well-formed (unbalanced tags, raw '<' or '&' in text, unquoted or
 * duplicate attributes, characters XML 1.0 forbids, text outside the root).
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

const NAME = '[A-Za-z_][\\w.-]*';
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

export function parseXml(text: string): XmlElement {
  if (FORBIDDEN.test(text)) throw new Error('character not allowed in XML 1.0');
  const body = text.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string }[] = [];
  let root: XmlElement | undefined;
  const tagRe = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"<]*")*)\\s*(/?)>`, 'y');
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const chunk = body.slice(i, lt === -1 ? body.length : lt);
    if (chunk.trim() !== '') {
      const top = stack[stack.length - 1];
      if (top === undefined) throw new Error(`text outside the root: ${chunk}`);
      top.text += decode(chunk);
    }
    if (lt === -1) break;
    tagRe.lastIndex = lt;
    const m = tagRe.exec(body);
    if (m === null) throw new Error(`malformed tag at ${lt}: ${body.slice(lt, lt + 40)}`);
    const [whole, closing = '', name = '', attrText = '', selfClosing = ''] = m;
    i = lt + whole.length;
    if (closing === '/') {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      const done: XmlElement = open;
      const parent = stack[stack.length - 1];
      if (parent === undefined) root = setRoot(root, done);
      else parent.children.push(done);
      continue;
    }
    const element = { name, attributes: attributes(attrText), children: [] as XmlElement[], text: '' };
    if (selfClosing === '/') {
      const parent = stack[stack.length - 1];
      if (parent === undefined) root = setRoot(root, element);
      else parent.children.push(element);
    } else stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]?.name}> is never closed`);
  if (root === undefined) throw new Error('no root element');
  return root;
}

function setRoot(root: XmlElement | undefined, element: XmlElement): XmlElement {
  if (root !== undefined) throw new Error('more than one root element');
  return element;
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(new RegExp(`(${NAME})\\s*=\\s*"([^"]*)"`, 'g'))) {
    const [, name = '', value = ''] = m;
    if (Object.hasOwn(out, name)) throw new Error(`duplicate attribute ${name}`);
    out[name] = decode(value);
  }
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/.test(text)) throw new Error(`raw markup in text: ${text}`);
  return text.replace(/&(#x[\da-fA-F]+|#\d+|\w+);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? '';
  });
}

export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found = element.name === name ? [element] : [];
  return [...found, ...element.children.flatMap((child) => findAll(child, name))];
}
