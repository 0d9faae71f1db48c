import { describe, expect, it } from 'vitest';
import { composeMail, type MailParagraph } from './compose';

const subject = {
	key: 'email.subject',
	params: { group: 'Harbour CRG', organisation: 'Law <Centre>' }
} as const;

describe('composing a message', () => {
	const paragraphs: MailParagraph[] = [
		[{ key: 'email.greeting', params: { name: 'Ann <b>"A"</b> & co' } }],
		[{ key: 'email.reason' }, 'First line\n<script>alert(1)</script>'],
		[
			{
				key: 'email.link',
				params: { url: 'https://x.test/g/a?b=1&c="2"' },
				link: 'url'
			}
		]
	];

	it('writes plain text: lines of a paragraph together, a blank line between paragraphs', () => {
		const mail = composeMail('en', subject, paragraphs);
		expect(mail.subject).toBe('Harbour CRG: a decision on the application from Law <Centre>');
		expect(mail.text).toBe(
			[
				'Dear Ann <b>"A"</b> & co,',
				'',
				'The reason given, as published:',
				'First line',
				'<script>alert(1)</script>',
				'',
				'The application and its history: https://x.test/g/a?b=1&c="2"'
			].join('\n')
		);
	});

	it('writes HTML in which what people wrote is only ever text, and the link an anchor', () => {
		const { html } = composeMail('en', subject, paragraphs);
		expect(html).toContain('<html lang="en" dir="ltr">');
		expect(html).toContain(
			'<title>Harbour CRG: a decision on the application from Law &lt;Centre&gt;</title>'
		);
		expect(html).toContain('<p>Dear <bdi>Ann &lt;b&gt;&quot;A&quot;&lt;/b&gt; &amp; co</bdi>,</p>');
		expect(html).toContain(
			'<p>The reason given, as published:<br>First line<br>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
		);
		expect(html).toContain(
			'<a href="https://x.test/g/a?b=1&amp;c=&quot;2&quot;">https://x.test/g/a?b=1&amp;c=&quot;2&quot;</a>'
		);
		expect(html).not.toMatch(/<script|<b>/);
	});

	it('writes in the recipient’s language and direction', () => {
		const mail = composeMail('ar', subject, [[{ key: 'email.footer' }]]);
		expect(mail.locale).toBe('ar');
		expect(mail.html).toContain('<html lang="ar" dir="rtl">');
		expect(mail.text).toBe('تصلك هذه الرسالة لأن عنوانك ذُكر للتواصل بشأن هذا الطلب.');
		const french = composeMail('fr', subject, [[{ key: 'email.footer' }]]);
		expect(french.html).toContain('<html lang="fr" dir="ltr">');
		expect(french.text).toBe(
			'Vous recevez ce message parce que votre adresse a été donnée comme contact pour cette candidature.'
		);
	});
});
