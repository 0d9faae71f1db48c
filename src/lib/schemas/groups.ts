import * as v from 'valibot';
import { email, flag, text, timeZone } from './fields';

export const slug = v.pipe(
	v.string('validation.required'),
	v.trim(),
	v.toLowerCase(),
	v.regex(/^[a-z][a-z0-9-]{2,39}$/, 'validation.slug')
);

export const createGroupSchema = v.object({
	slug,
	name: text(120),
	institution: text(160),
	purpose: text(20_000),
	membershipOpen: flag,
	timeZone: v.optional(timeZone, 'Europe/London')
});

export const appointSchema = v.object({
	email,
	role: v.picklist(['chair', 'secretary'], 'validation.choice')
});

export type CreateGroupInput = v.InferOutput<typeof createGroupSchema>;
export type AppointInput = v.InferOutput<typeof appointSchema>;
