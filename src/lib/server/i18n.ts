import {
	createTranslate,
	formatParts,
	type Locale,
	type Message,
	type MessagePart,
	type Messages,
	type Translate
} from '$lib/i18n';
import type { DomainError, ErrorCode } from './errors';
import { en } from '$lib/i18n/en';
import { ar } from '$lib/i18n/ar';
import { fr } from '$lib/i18n/fr';

const translators: Record<Locale, Translate> = {
	en: createTranslate(en, 'en'),
	ar: createTranslate(ar, 'ar'),
	fr: createTranslate(fr, 'fr')
};

export function translatorFor(locale: Locale): Translate {
	return translators[locale];
}

const messagesOf: Record<Locale, Messages> = { en, ar, fr };

/** A message in a language, in parts: its string parameters apart (see `formatParts`). */
export function messageParts(locale: Locale, message: Message): MessagePart[] {
	return formatParts(messagesOf[locale][message.key] ?? message.key, message.params, locale);
}

function translateMessage(t: Translate, message: Message) {
	return t(message.key, message.params);
}

function translateFields(t: Translate, fields: Record<string, Message>) {
	return Object.fromEntries(
		Object.entries(fields).map(([name, message]) => [name, translateMessage(t, message)])
	);
}

/** A domain error as every door reports it, in the reader's language. */
export type TranslatedError = {
	status: number;
	code: ErrorCode;
	message: string;
	/** Only when some field is at fault. */
	fields?: Record<string, string>;
};

/**
 * The one translation of a DomainError: socket acknowledgements, the JSON API, form actions and
 * page loads each wrap this in their own shape.
 */
export function translateError(t: Translate, error: DomainError): TranslatedError {
	const fields = translateFields(t, error.fields);
	return {
		status: error.status,
		code: error.code,
		message: translateMessage(t, error.msg),
		...(Object.keys(fields).length ? { fields } : {})
	};
}
