import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ar } from './ar';
import { createTranslate, resolveLocale, textDirection } from '.';

describe('i18n', () => {
	it('translates every English key into Arabic, keeping the placeholders', () => {
		for (const [key, english] of Object.entries(en)) {
			const arabic = ar[key as keyof typeof en];
			expect(arabic, key).toBeTruthy();
			const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			expect(placeholders(arabic), key).toEqual(placeholders(english));
		}
	});

	it('picks the cookie, then the browser preference, then English', () => {
		expect(resolveLocale('ar', 'en-GB')).toBe('ar');
		expect(resolveLocale(undefined, 'fr-FR,ar;q=0.8,en;q=0.5')).toBe('ar');
		expect(resolveLocale(undefined, 'en;q=0.2, ar-EG;q=0.9')).toBe('ar');
		expect(resolveLocale('xx', 'de')).toBe('en');
		expect(resolveLocale(undefined, null)).toBe('en');
	});

	it('knows which languages are written right to left', () => {
		expect(textDirection('ar')).toBe('rtl');
		expect(textDirection('en')).toBe('ltr');
	});

	it('fills parameters', () => {
		expect(createTranslate(en)('error.rate_limited', { minutes: 5 })).toBe(
			'Too many attempts. Please wait 5 minutes and try again.'
		);
	});
});
