/**
 * Text safe inside XML 1.0. Characters XML 1.0 cannot carry at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD rather than breaking the document a CI server
 * has to parse.
 */
export function xmlText(text: string): string {
  return escape(text, TEXT_ESCAPES);
}

/** Like xmlText, and line breaks and tabs as references so attribute values keep them. */
export function xmlAttr(text: string): string {
  return escape(text, ATTR_ESCAPES);
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

function escape(text: string, escapes: Readonly<Record<string, string>>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2);
        i++;
      } else out += '\uFFFD';
      continue;
    }
    const ch = text[i] ?? '';
    if (code >= 0xdc00 && code <= 0xdfff) out += '\uFFFD';
    else if (code === 0xfffe || code === 0xffff) out += '\uFFFD';
    else if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) out += '\uFFFD';
    else out += escapes[ch] ?? ch;
  }
  return out;
}
