// A minimal XML element tree and an indenting serialiser for the manifest. Every attribute value and text is
// escaped here, in one place, so a name or URL can never break the document's structure.

export interface XmlElement {
  name: string;
  attrs: Record<string, string | undefined>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** An element; attributes that are undefined are left out. A lone string child is written on the same line. */
export const el = (name: string, attrs: Record<string, string | undefined> = {}, ...children: (XmlNode | XmlNode[])[]): XmlElement => ({
  name,
  attrs,
  children: children.flat(),
});

export const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] as string);

// Names are written by this project's code only; checking them catches a typo before it reaches xmllint.
const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;

function write(node: XmlElement, indent: string, out: string[]): void {
  if (!NAME.test(node.name)) throw new Error(`Not an XML name: ${node.name}`);
  const attrs = Object.entries(node.attrs)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => {
      if (!NAME.test(k)) throw new Error(`Not an XML attribute name: ${k}`);
      return ` ${k}="${escapeXml(v)}"`;
    })
    .join('');
  const open = `${indent}<${node.name}${attrs}`;
  if (node.children.length === 0) out.push(`${open}/>`);
  else if (node.children.length === 1 && typeof node.children[0] === 'string') out.push(`${open}>${escapeXml(node.children[0])}</${node.name}>`);
  else {
    out.push(`${open}>`);
    for (const child of node.children) {
      if (typeof child === 'string') out.push(`${indent}  ${escapeXml(child)}`);
      else write(child, `${indent}  `, out);
    }
    out.push(`${indent}</${node.name}>`);
  }
}

/** The document: XML declaration, the root indented by two spaces a level, and a final newline. */
export function serializeXml(root: XmlElement, comment?: string): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (comment) out.push(`<!-- ${comment.replace(/--/g, '- -')} -->`);
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
