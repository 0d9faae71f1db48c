import { createTranslate, type Locale, type Message, type Translate } from '$lib/i18n';
import { en } from '$lib/i18n/en';
import { ar } from '$lib/i18n/ar';

const translators: Record<Locale, Translate> = { en: createTranslate(en), ar: createTranslate(ar) };

export function translatorFor(locale: Locale): Translate {
	return translators[locale];
}

export function translateMessage(t: Translate, message: Message) {
	return t(message.key, message.params);
}

export function translateFields(t: Translate, fields: Record<string, Message>) {
	return Object.fromEntries(
		Object.entries(fields).map(([name, message]) => [name, translateMessage(t, message)])
	);
}
