/**
 * What `npm run i18n:keys` (scripts/i18n-keys.ts) reports, as pure functions of text: which keys
 * a language lacks or adds against English, and which English keys no source file uses.
 *
 * "Used" is a heuristic, read from the source text without running it:
 * - a key is used when a source file holds it as a whole string literal (`'nav.home'`, `"…"`, or
 *   a template literal without `${…}`);
 * - a template literal that starts like a key (`` `answer.${status}` ``,
 *   `` `console.${kind}.heading` ``, `` `notify.question_${status}.subject` ``) uses every key it
 *   could build: each `${…}` stands for any text, the rest must match as written;
 * - a template that is an expression then a key's last segments (`` `${keyOf[kind]}.subject` ``)
 *   uses the keys that end so and begin with a string literal found in any source
 *   (`'notify.question_ledger'`);
 * - any other template (`` `${a}.${b}` ``, `` `/g/${slug}` ``) names no key;
 * - comments name nothing, and a quote right after a letter or that does not close on its line
 *   (an apostrophe in a Svelte file's text) does not start a string.
 * So a key built any other way (concatenation, a key read from the database) would be reported
 * unused: check each one before deleting it.
 */

/** Keys of `reference` that `other` lacks, and keys of `other` that `reference` lacks. */
export function compareKeys(reference: object, other: object) {
	const ours = new Set(Object.keys(reference));
	const theirs = new Set(Object.keys(other));
	return {
		missing: [...ours].filter((key) => !theirs.has(key)).sort(),
		extra: [...theirs].filter((key) => !ours.has(key)).sort()
	};
}

/** The strings a source file holds: whole literals, and the static parts of each template. */
export type SourceStrings = { literals: string[]; templates: string[][] };

/** Reads a source file's string literals and templates (nested templates included). */
export function sourceStrings(source: string): SourceStrings {
	const found: SourceStrings = { literals: [], templates: [] };
	scanCode(source, 0, found, false);
	return found;
}

/**
 * Scans code from `i`; inside a template's `${…}` (`nested`), stops after the closing brace.
 * Returns the index where it stopped.
 */
function scanCode(text: string, i: number, found: SourceStrings, nested: boolean): number {
	let depth = 0;
	while (i < text.length) {
		const c = text[i];
		if (c === '/' && text[i + 1] === '/') i = endOf(text, '\n', i + 2);
		else if (c === '/' && text[i + 1] === '*') i = endOf(text, '*/', i + 2);
		else if (text.startsWith('<!--', i)) i = endOf(text, '-->', i + 4);
		else if ((c === "'" || c === '"') && !/\w/.test(text[i - 1] ?? '')) {
			i = readQuoted(text, i, found);
		} else if (c === '`') i = readTemplate(text, i, found);
		else if (c === '/' && regexMayStart(text, i)) i = skipRegex(text, i);
		else {
			if (nested && c === '{') depth++;
			if (nested && c === '}' && depth-- === 0) return i + 1;
			i++;
		}
	}
	return i;
}

/**
 * Whether a `/` here starts a regular expression rather than dividing: after an operator or an
 * opening bracket, or `return`. (Not after `<` or `{`, which in a Svelte file's markup are
 * `</p>` and `{/if}`.) A regex may hold quotes and backticks that are not strings.
 */
function regexMayStart(text: string, at: number) {
	const before = text.slice(Math.max(0, at - 10), at).trimEnd();
	return before === '' || /[(,=:[!&|?;]$/.test(before) || /\breturn$/.test(before);
}

/** Past a regular expression closed on its own line, or past the `/` alone if it is not one. */
function skipRegex(text: string, start: number): number {
	let inClass = false;
	for (let i = start + 1; i < text.length; i++) {
		const c = text[i];
		if (c === '\n') break;
		if (c === '\\') i++;
		else if (c === '[') inClass = true;
		else if (c === ']') inClass = false;
		else if (c === '/' && !inClass) return i + 1;
	}
	return start + 1;
}

/** The index just after the next `end` from `from`, or the end of the text. */
function endOf(text: string, end: string, from: number) {
	const at = text.indexOf(end, from);
	return at === -1 ? text.length : at + end.length;
}

/** A quoted string closed on its own line is a literal; otherwise the quote is plain text. */
function readQuoted(text: string, start: number, found: SourceStrings): number {
	const quote = text[start];
	let value = '';
	for (let i = start + 1; i < text.length; i++) {
		const c = text[i];
		if (c === '\n') return start + 1;
		if (c === '\\') value += text[++i] ?? '';
		else if (c === quote) {
			found.literals.push(value);
			return i + 1;
		} else value += c;
	}
	return start + 1;
}

function readTemplate(text: string, start: number, found: SourceStrings): number {
	const parts: string[] = [];
	let chunk = '';
	let i = start + 1;
	while (i < text.length) {
		const c = text[i];
		if (c === '\\') {
			chunk += text[i + 1] ?? '';
			i += 2;
		} else if (c === '`') {
			parts.push(chunk);
			if (parts.length === 1) found.literals.push(chunk);
			else found.templates.push(parts);
			return i + 1;
		} else if (c === '$' && text[i + 1] === '{') {
			parts.push(chunk);
			chunk = '';
			i = scanCode(text, i + 2, found, true);
		} else {
			chunk += c;
			i++;
		}
	}
	return i;
}

/** A template's first static part that begins a key: a first segment, a dot, key characters. */
const keyStart = /^[a-z][a-z0-9_]*\.[a-z0-9_.]*$/i;
/** A template's last static part that ends a key, after an expression: `.subject`. */
const keyTail = /^\.[a-z0-9_]+(\.[a-z0-9_]+)*$/i;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How a template names keys: the pattern of those it could build when it starts like a key; its
 * tail when it is one expression then a key's last segments; otherwise null.
 */
export function templateKeys(parts: string[]): { pattern: RegExp } | { tail: string } | null {
	if (parts.length >= 2 && keyStart.test(parts[0])) {
		return { pattern: new RegExp(`^${parts.map(escapeRegExp).join('.+')}$`) };
	}
	if (parts.length === 2 && parts[0] === '' && keyTail.test(parts[1])) return { tail: parts[1] };
	return null;
}

/** The keys (of `keys`) that no source uses, by the heuristic above, sorted. */
export function unusedKeys(keys: Iterable<string>, sources: Iterable<string>): string[] {
	const literals = new Set<string>();
	const patterns: RegExp[] = [];
	const tails = new Set<string>();
	for (const source of sources) {
		const { literals: found, templates } = sourceStrings(source);
		for (const literal of found) {
			literals.add(literal);
			// A Svelte attribute's text with an expression in it: `key="motions.voted_{choice}"`.
			const named = literal.includes('{') ? templateKeys(literal.split(/\{[^{}]*\}/)) : null;
			if (named && 'pattern' in named) patterns.push(named.pattern);
		}
		for (const parts of templates) {
			const named = templateKeys(parts);
			if (named && 'pattern' in named) patterns.push(named.pattern);
			if (named && 'tail' in named) tails.add(named.tail);
		}
	}
	const builtFromLiteral = (key: string) =>
		[...tails].some((tail) => key.endsWith(tail) && literals.has(key.slice(0, -tail.length)));
	return [...keys]
		.filter(
			(key) =>
				!literals.has(key) &&
				!patterns.some((pattern) => pattern.test(key)) &&
				!builtFromLiteral(key)
		)
		.sort();
}
