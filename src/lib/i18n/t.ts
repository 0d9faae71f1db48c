import { page } from '$app/state';
import { format, type MessageKey, type MessageParams, type Messages } from '.';

/**
 * Translates in components: the root layout's load puts the visitor's language's messages
 * in page data (only that language is downloaded).
 */
export function t(key: MessageKey, params?: MessageParams): string {
	const messages = page.data.messages as Messages | undefined;
	return format(messages?.[key] ?? key, params);
}

/** Dates and times in the visitor's language, in the group's time zone with the zone named. */
export function formatDate(
	value: Date | string,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }
) {
	const locale = (page.data.locale as string | undefined) ?? 'en';
	return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB', options).format(
		new Date(value)
	);
}
