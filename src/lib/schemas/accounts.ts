import * as v from 'valibot';
import { email, flag, text } from './fields';
import { locales } from '$lib/i18n';

// A short list of the passwords most often tried first; a longer one belongs on the server.
const commonPasswords = new Set([
	'password123',
	'password1234',
	'1234567890',
	'0123456789',
	'qwertyuiop',
	'1q2w3e4r5t',
	'iloveyou123',
	'passw0rd123',
	'administrator',
	'letmein1234',
	'welcome123',
	'abcdefghij',
	'aaaaaaaaaa',
	'1111111111',
	'qwerty12345',
	'password12',
	'football123',
	'princess123'
]);

export const password = v.pipe(
	v.string('validation.required'),
	v.nonEmpty('validation.required'),
	v.minLength(10, 'validation.password_weak'),
	v.maxLength(200, 'validation.too_long'),
	v.check((p) => !commonPasswords.has(p.toLowerCase()), 'validation.password_weak')
);

export const displayName = text(80);

export const signupSchema = v.object({ email, password, displayName });

export const loginSchema = v.object({
	email,
	// Any password may be tried; only its length is bounded.
	password: v.pipe(
		v.string('validation.required'),
		v.nonEmpty('validation.required'),
		v.maxLength(200, 'validation.too_long')
	)
});

export const profileSchema = v.object({
	displayName,
	/** The language of the person's emails (set at sign-up to the page's). */
	locale: v.optional(v.picklist(locales, 'validation.choice'))
});

export const passwordChangeSchema = v.object({
	currentPassword: v.pipe(v.string('validation.required'), v.nonEmpty('validation.required')),
	newPassword: password
});

/** A new address, with the current password (someone at an unlocked screen cannot take over). */
export const emailChangeSchema = v.object({
	email,
	password: v.pipe(v.string('validation.required'), v.nonEmpty('validation.required'))
});

export const passwordResetRequestSchema = v.object({ email });

export const passwordResetSchema = v.object({ newPassword: password });

/** One of the account's own sessions, by its stored id (the SHA-256 of its token, hex). */
export const endSessionSchema = v.object({
	session: v.pipe(v.string('validation.required'), v.regex(/^[0-9a-f]{64}$/, 'validation.invalid'))
});

/** Deleting one's account: the password, and a tick that one understands it cannot be undone. */
export const deleteAccountSchema = v.object({
	password: v.pipe(v.string('validation.required'), v.nonEmpty('validation.required')),
	understood: v.pipe(
		flag,
		v.check((ticked) => ticked, 'account.delete_tick')
	)
});

export type SignupInput = v.InferOutput<typeof signupSchema>;
export type LoginInput = v.InferOutput<typeof loginSchema>;
