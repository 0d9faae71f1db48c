/**
 * A tiny XML writer: every text and attribute value is escaped, and characters XML 1.0 cannot
 * hold (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped, so whatever anyone
 * typed into a title, the document stays well-formed.
 */
export type XmlNode = {
	name: string;
	attributes: Record<string, string | undefined>;
	children: (XmlNode | string)[];
};

const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};

export function escapeXml(value: string): string {
	return value.replace(notXml, '').replace(/[&<>"']/g, (c) => escapes[c]);
}

export function element(
	name: string,
	attributes: Record<string, string | undefined> = {},
	...children: (XmlNode | string | undefined | false)[]
): XmlNode {
	return {
		name,
		attributes,
		children: children.filter((c): c is XmlNode | string => typeof c === 'string' || !!c)
	};
}

function write(node: XmlNode | string, indent: string): string {
	if (typeof node === 'string') return escapeXml(node);
	const attributes = Object.entries(node.attributes)
		.filter((entry): entry is [string, string] => entry[1] !== undefined)
		.map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
		.join('');
	if (!node.children.length) return `<${node.name}${attributes}/>`;
	if (node.children.every((c) => typeof c === 'string')) {
		return `<${node.name}${attributes}>${node.children.map((c) => write(c, '')).join('')}</${node.name}>`;
	}
	const inner = indent + '  ';
	const children = node.children.map((c) => `\n${inner}${write(c, inner)}`).join('');
	return `<${node.name}${attributes}>${children}\n${indent}</${node.name}>`;
}

/** The document, with its XML declaration. */
export function renderXml(root: XmlNode): string {
	return `<?xml version="1.0" encoding="utf-8"?>\n${write(root, '')}\n`;
}
