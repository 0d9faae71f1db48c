import { page } from '$app/state';
import {
	format,
	formatParts,
	intlLocale,
	type Locale,
	type MessageKey,
	type MessageParams,
	type Messages
} from '.';

/**
 * Translates in components: the root layout's load puts the visitor's language's messages
 * in page data (only that language is downloaded).
 */
export function t(key: MessageKey, params?: MessageParams): string {
	const messages = page.data.messages as Messages | undefined;
	const locale = (page.data.locale as Locale | undefined) ?? 'en';
	return format(messages?.[key] ?? key, params, locale);
}

/** A message in parts, string parameters apart, for `Message.svelte` to isolate them. */
export function tParts(key: MessageKey, params?: MessageParams) {
	const messages = page.data.messages as Messages | undefined;
	const locale = (page.data.locale as Locale | undefined) ?? 'en';
	return formatParts(messages?.[key] ?? key, params, locale);
}

/** Dates and times in the visitor's language, in the group's time zone with the zone named. */
export function formatDate(
	value: Date | string,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }
) {
	const locale = (page.data.locale as Locale | undefined) ?? 'en';
	return formatter(intlLocale(locale), options).format(new Date(value));
}

/**
 * Making an Intl.DateTimeFormat costs far more than using one (a page with a long table of
 * dates made hundreds): one per language and set of options, kept.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
	const key = `${locale} ${JSON.stringify(options)}`;
	let found = formatters.get(key);
	if (!found) {
		found = new Intl.DateTimeFormat(locale, options);
		formatters.set(key, found);
	}
	return found;
}
