import type { en } from './en';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;
/** A message not yet translated: a key and its parameters (domain errors carry these). */
export type Message = { key: MessageKey; params?: MessageParams };

export const locales = ['en', 'ar', 'fr'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';
export const localeCookie = 'lang';

/** Each language named in itself, for the switcher. */
export const localeNames: Record<Locale, string> = {
	en: 'English',
	ar: 'العربية',
	fr: 'Français'
};
const rightToLeft = new Set<Locale>(['ar']);

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The locale dates are formatted in: British English, Arabic with Latin digits, French. */
const intlLocales: Record<Locale, string> = { en: 'en-GB', ar: 'ar-u-nu-latn', fr: 'fr-FR' };

export function intlLocale(locale: Locale): string {
	return intlLocales[locale];
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
	return rightToLeft.has(locale) ? 'rtl' : 'ltr';
}

/** The cookie's choice, else the browser's first supported preference, else English. */
export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
	if (isLocale(cookie)) return cookie;
	const preferences = (acceptLanguage ?? '')
		.split(',')
		.map((part) => {
			const [tag, ...attrs] = part.trim().split(';');
			const q = attrs.find((a) => a.trim().startsWith('q='));
			return { tag: tag.toLowerCase().split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 };
		})
		.filter((p) => p.tag && !Number.isNaN(p.q))
		.sort((a, b) => b.q - a.q);
	return preferences.map((p) => p.tag).find(isLocale) ?? defaultLocale;
}

/**
 * Fills a message: `{name}` takes a parameter; `{name, plural, =0 {…} one {…} other {…}}` picks
 * the branch for the number by `Intl.PluralRules` in the message's language (an exact `=n`
 * first), with `#` in the branch standing for the number. A small subset of ICU MessageFormat,
 * so translators write what they know and a full library could replace this unchanged.
 */
export function format(template: string, params?: MessageParams, locale: Locale = defaultLocale) {
	if (!params || !template.includes('{')) return template;
	return fill(template, params, locale, undefined);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The plural category of a number in a language (`one`, `few`…), the rules made once. */
export function pluralCategory(locale: Locale, value: number): Intl.LDMLPluralRule {
	let rules = pluralRules.get(locale);
	if (!rules) {
		rules = new Intl.PluralRules(locale);
		pluralRules.set(locale, rules);
	}
	return rules.select(value);
}

/** The index of the brace closing the one at `open`, or -1. */
function closing(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		if (text[i] === '{') depth++;
		else if (text[i] === '}' && --depth === 0) return i;
	}
	return -1;
}

const pluralHead = /^\s*(\w+)\s*,\s*plural\s*,/;
const branchHead = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

function fill(
	text: string,
	params: MessageParams,
	locale: Locale,
	hash: string | undefined
): string {
	let out = '';
	let i = 0;
	while (i < text.length) {
		const open = text.indexOf('{', i);
		const literal = open === -1 ? text.slice(i) : text.slice(i, open);
		out += hash === undefined ? literal : literal.replaceAll('#', hash);
		if (open === -1) break;
		const close = closing(text, open);
		if (close === -1) return out + text.slice(open);
		out += placeholder(text.slice(open + 1, close), params, locale);
		i = close + 1;
	}
	return out;
}

/** One `{…}`: a parameter, or a plural whose branch is filled in turn (its own `#`). */
function placeholder(inside: string, params: MessageParams, locale: Locale): string {
	if (/^\w+$/.test(inside)) return inside in params ? String(params[inside]) : `{${inside}}`;
	const head = pluralHead.exec(inside);
	if (!head || !(head[1] in params)) return `{${inside}}`;
	const value = Number(params[head[1]]);
	const branches = new Map<string, string>();
	let rest = inside.slice(head[0].length);
	for (let match = branchHead.exec(rest); match; match = branchHead.exec(rest)) {
		const open = match[0].length - 1;
		const close = closing(rest, open);
		if (close === -1) break;
		branches.set(match[1], rest.slice(open + 1, close));
		rest = rest.slice(close + 1);
	}
	const branch =
		branches.get(`=${value}`) ??
		branches.get(pluralCategory(locale, value)) ??
		branches.get('other');
	return branch === undefined
		? `{${inside}}`
		: fill(branch, params, locale, String(params[head[1]]));
}

/** A filled message in pieces: the translation's own text, and each string parameter apart. */
export type MessagePart = { text: string; isolate: boolean };

/**
 * Fills a message as `format` does but keeps each string parameter a part of its own, so a
 * component can isolate user-written text (`<bdi>`): a name or reason in another script then
 * keeps its punctuation, and the sentence around it keeps its own. Numbers stay numbers, so
 * plurals still choose by them.
 */
export function formatParts(
	template: string,
	params: MessageParams = {},
	locale: Locale = defaultLocale
): MessagePart[] {
	const strings: string[] = [];
	const marked: MessageParams = {};
	for (const [name, value] of Object.entries(params)) {
		marked[name] = typeof value === 'string' ? `\u0000${strings.push(value) - 1}\u0000` : value;
	}
	return format(template, marked, locale)
		.split('\u0000')
		.map((piece, i) =>
			i % 2 ? { text: strings[Number(piece)], isolate: true } : { text: piece, isolate: false }
		)
		.filter((part) => part.text !== '');
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function createTranslate(messages: Messages, locale: Locale = defaultLocale): Translate {
	return (key, params) => format(messages[key] ?? key, params, locale);
}

/** Loads one language's messages; each is its own chunk, so a page ships only its language. */
export async function loadMessages(locale: Locale): Promise<Messages> {
	if (locale === 'ar') return (await import('./ar')).ar;
	if (locale === 'fr') return (await import('./fr')).fr;
	return (await import('./en')).en;
}
