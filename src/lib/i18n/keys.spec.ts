import { describe, expect, it } from 'vitest';
import { compareKeys, sourceStrings, templateKeys, unusedKeys } from './keys';

describe('i18n keys', () => {
	it('lists the keys a language lacks and the keys English does not have', () => {
		expect(compareKeys({ a: '', b: '', c: '' }, { c: '', a: '', z: '' })).toEqual({
			missing: ['b'],
			extra: ['z']
		});
		expect(compareKeys({ a: '' }, { a: '' })).toEqual({ missing: [], extra: [] });
	});

	it('reads literals and templates, nested ones too, but not comments or stray apostrophes', () => {
		const source = [
			't(\'nav.home\'); t("nav.login"); t(`nav.signup`);',
			"// t('in.a.comment')",
			'/* t("in.a.block") */',
			"<p>The group's page</p> {t('group.nav.home')}",
			'<!-- it\'s t("in.html.comment") -->',
			'const s = `${a} ${t(`answer.${status}`)} done`;',
			"const re = /[`'\"]/g; t('after.regex');",
			'</span> {t("after.tag")} </span> {/if} t(\'after.block\')'
		].join('\n');
		const { literals, templates } = sourceStrings(source);
		expect(literals).toEqual(
			expect.arrayContaining([
				'nav.home',
				'nav.login',
				'nav.signup',
				'group.nav.home',
				'after.regex',
				'after.tag',
				'after.block'
			])
		);
		expect(literals.join(' ')).not.toMatch(/in\.(a|html)/);
		expect(templates).toContainEqual(['answer.', '']);
	});

	it('turns a template into the keys it could build', () => {
		const pattern = (parts: string[]) => {
			const named = templateKeys(parts);
			return named && 'pattern' in named ? named.pattern : null;
		};
		expect(pattern(['answer.', ''])?.test('answer.deferred')).toBe(true);
		expect(pattern(['answer.', ''])?.test('answers.x')).toBe(false);
		expect(pattern(['console.', '.heading'])?.test('console.merge.heading')).toBe(true);
		expect(pattern(['console.', '.heading'])?.test('console.merge.intro')).toBe(false);
		expect(
			pattern(['notify.question_', '.subject'])?.test('notify.question_answered.subject')
		).toBe(true);
		expect(templateKeys(['', '.subject'])).toEqual({ tail: '.subject' });
		expect(templateKeys(['/g/', '/ledger'])).toBeNull();
		expect(templateKeys(['', '.', ''])).toBeNull();
		expect(templateKeys(['Hello ', ''])).toBeNull();
	});

	it('reports keys no source names, counting keys built by templates as used', () => {
		const keys = [
			'nav.home',
			'answer.open',
			'answer.deferred',
			'console.merge.heading',
			'notify.ledger.subject',
			'notify.other.subject',
			'members.ended',
			'members.ended.chair',
			'only.in.a.comment',
			'never.named',
			'motions.voted_for',
			'motions.voted_against'
		];
		const sources = [
			"t('nav.home'); t(`answer.${status}`); t(`console.${kind}.heading`);",
			"const keyOf = { x: 'notify.ledger' }; t(`${keyOf[kind]}.subject`);",
			't(`members.ended.${how}`); // only.in.a.comment',
			// A Svelte attribute with an expression in its text.
			'<Plural key="motions.voted_{group.choice}" count={n} />'
		];
		expect(unusedKeys(keys, sources)).toEqual([
			'members.ended',
			'never.named',
			'notify.other.subject',
			'only.in.a.comment'
		]);
	});
});
