import type { en } from './en';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;
/** A message not yet translated: a key and its parameters (domain errors carry these). */
export type Message = { key: MessageKey; params?: MessageParams };

export const locales = ['en', 'ar'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';
export const localeCookie = 'lang';

/** Each language named in itself, for the switcher. */
export const localeNames: Record<Locale, string> = { en: 'English', ar: 'العربية' };
const rightToLeft = new Set<Locale>(['ar']);

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The locale dates are formatted in: British English, or Arabic with Latin digits. */
export function intlLocale(locale: Locale): string {
	return locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
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

export function format(template: string, params?: MessageParams) {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function createTranslate(messages: Messages): Translate {
	return (key, params) => format(messages[key] ?? key, params);
}

/** Loads one language's messages; each is its own chunk, so a page ships only its language. */
export async function loadMessages(locale: Locale): Promise<Messages> {
	if (locale === 'ar') return (await import('./ar')).ar;
	return (await import('./en')).en;
}
