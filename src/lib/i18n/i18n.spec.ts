import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ar } from './ar';
import { fr } from './fr';
import {
	createTranslate,
	format,
	formatParts,
	intlLocale,
	resolveLocale,
	textDirection,
	type Messages
} from '.';

/** Parameter names, plain (`{q}`) or plural (`{count, plural, …}`), each once. */
const placeholders = (s: string) =>
	[...new Set([...s.matchAll(/\{\s*(\w+)\s*(?=[,}])/g)].map((m) => m[1]))].sort();

describe('i18n', () => {
	it.each([
		['Arabic', ar],
		['French', fr]
	] as [string, Messages][])(
		'translates every English key into %s, keeping exactly its parameters',
		(_, messages) => {
			for (const [key, english] of Object.entries(en)) {
				const translated = messages[key as keyof typeof en];
				expect(translated, key).toBeTruthy();
				expect(placeholders(translated), key).toEqual(placeholders(english));
			}
		}
	);

	it('picks the cookie, then the browser preference, then English', () => {
		expect(resolveLocale('ar', 'en-GB')).toBe('ar');
		expect(resolveLocale(undefined, 'de-DE,ar;q=0.8,en;q=0.5')).toBe('ar');
		expect(resolveLocale(undefined, 'en;q=0.2, ar-EG;q=0.9')).toBe('ar');
		expect(resolveLocale(undefined, 'fr-FR')).toBe('fr');
		expect(resolveLocale(undefined, 'fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
		expect(resolveLocale(undefined, 'en-GB,fr;q=0.5')).toBe('en');
		expect(resolveLocale('fr', 'ar')).toBe('fr');
		expect(resolveLocale('xx', 'de')).toBe('en');
		expect(resolveLocale(undefined, null)).toBe('en');
	});

	it('knows which languages are written right to left', () => {
		expect(textDirection('ar')).toBe('rtl');
		expect(textDirection('en')).toBe('ltr');
		expect(textDirection('fr')).toBe('ltr');
	});

	it('formats dates in French', () => {
		const date = new Date('2026-03-31T18:30:00Z');
		const options = { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' } as const;
		expect(new Intl.DateTimeFormat(intlLocale('fr'), options).format(date)).toBe(
			'mardi 31 mars 2026 à 20:30'
		);
	});

	it('writes French with a no-break space before : ; ! ? and inside « »', () => {
		for (const [key, text] of Object.entries(fr)) {
			expect(text, key).not.toMatch(/ [:;!?»]|« /);
			// A straight apostrophe is typed by mistake: French messages use ’.
			expect(text, key).not.toContain("'");
		}
	});

	it('fills parameters', () => {
		expect(createTranslate(en)('error.rate_limited', { minutes: 5 })).toBe(
			'Too many attempts. Please wait 5 minutes and try again.'
		);
	});

	describe('plurals', () => {
		const counts = [0, 1, 2, 3, 11, 100];
		const votes = (locale: 'en' | 'ar') =>
			counts.map((count) =>
				createTranslate(locale === 'en' ? en : ar, locale)('live.votes', { count })
			);

		it('counts votes in English', () => {
			expect(votes('en')).toEqual([
				'0 votes',
				'1 vote',
				'2 votes',
				'3 votes',
				'11 votes',
				'100 votes'
			]);
		});

		it('counts votes in Arabic with its six forms', () => {
			expect(votes('ar')).toEqual([
				'لا أصوات',
				'صوت واحد',
				'صوتان',
				'3 أصوات',
				'11 صوتًا',
				'100 صوت'
			]);
		});

		it('counts votes in French, where 0 and 1 are singular', () => {
			const fr_ = createTranslate(fr, 'fr');
			expect(counts.map((count) => fr_('live.votes', { count }))).toEqual([
				'0 vote',
				'1 vote',
				'2 votes',
				'3 votes',
				'11 votes',
				'100 votes'
			]);
			expect(fr_('members.median.value', { days: 0, count: 2 })).toBe('0 jour, sur 2 décisions');
			// An exact branch still wins over French's `one` for 0.
			expect(fr_('mail.queued', { count: 0 })).toBe('Aucun message n’attend d’être envoyé.');
			expect(fr_('mail.queued', { count: 1 })).toBe('1 message attend d’être envoyé.');
		});

		it('names days and decisions in one sentence, each by its own number', () => {
			const en_ = createTranslate(en, 'en');
			const ar_ = createTranslate(ar, 'ar');
			expect(en_('members.median.value', { days: 1, count: 11 })).toBe('1 day, over 11 decisions');
			expect(en_('members.median.value', { days: 3, count: 1 })).toBe('3 days, over 1 decision');
			expect(ar_('members.median.value', { days: 2, count: 3 })).toBe('يومان، على مدى 3 قرارات');
			expect(ar_('members.median.value', { days: 11, count: 100 })).toBe(
				'11 يومًا، على مدى 100 قرار'
			);
		});

		it('prefers an exact branch, then the category, then other', () => {
			const template = '{n, plural, =0 {none} one {# thing} other {# things}}';
			expect(counts.map((n) => format(template, { n }, 'en'))).toEqual([
				'none',
				'1 thing',
				'2 things',
				'3 things',
				'11 things',
				'100 things'
			]);
			// Arabic has no `one` here but has `other`: every count falls back to it.
			expect(format('{n, plural, other {# x}}', { n: 1 }, 'ar')).toBe('1 x');
		});

		it('fills parameters inside a branch and leaves a missing count as written', () => {
			const template = '{n, plural, one {# item for {who}} other {# items for {who}}}';
			expect(format(template, { n: 2, who: 'Amal' })).toBe('2 items for Amal');
			expect(format(template, { who: 'Amal' })).toBe(template);
		});

		it('does not read a # or braces in a parameter as syntax', () => {
			expect(format('{n, plural, one {# for {q}} other {# for {q}}}', { n: 1, q: '#1 {x}' })).toBe(
				'1 for #1 {x}'
			);
		});

		it('has every plural, in every language, end in an other branch', () => {
			for (const [key, text] of [en, ar, fr].flatMap((messages) => Object.entries(messages))) {
				for (const match of text.matchAll(/\{\s*\w+\s*,\s*plural\s*,/g)) {
					expect(text.slice(match.index), key).toMatch(/other\s*\{/);
				}
			}
		});
	});

	it('keeps user-written text apart for isolating, numbers still choosing the plural', () => {
		expect(
			formatParts(ar['application.title'], { organisation: 'Riverside Youth Voice.' }, 'ar')
		).toEqual([
			{ text: ar['application.title'].split('{organisation}')[0], isolate: false },
			{ text: 'Riverside Youth Voice.', isolate: true },
			...(ar['application.title'].split('{organisation}')[1]
				? [{ text: ar['application.title'].split('{organisation}')[1], isolate: false }]
				: [])
		]);
		expect(
			formatParts('{n, plural, one {# item for {who}} other {# items for {who}}}', {
				n: 2,
				who: 'Amal'
			})
		).toEqual([
			{ text: '2 items for ', isolate: false },
			{ text: 'Amal', isolate: true }
		]);
	});
});
