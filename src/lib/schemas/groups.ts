import * as v from 'valibot';
import { email, flag, optionalText, text, timeZone } from './fields';
import { isoDate } from './membership';
import { locales } from '$lib/i18n';

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
	timeZone: v.optional(timeZone, 'Europe/London'),
	/** The group's own language: its minutes drafts are written in it (one of the site's). */
	language: v.optional(v.picklist(locales, 'validation.choice'), 'en'),
	/** Required when the group starts closed: the public reason and the review date. */
	closedReason: optionalText(2000),
	reviewOn: v.optional(v.union([v.literal(''), isoDate], 'validation.date'), '')
});

export const officerRoles = ['chair', 'vice_chair', 'secretary', 'respondent'] as const;

/** An appointment; `termEndsOn` (YYYY-MM-DD, optional) ends it at the start of that day (UTC). */
export const appointSchema = v.object({
	email,
	role: v.picklist(officerRoles, 'validation.choice'),
	termEndsOn: v.optional(v.union([v.literal(''), isoDate], 'validation.date'), '')
});

/** Ending an appointment: a removal needs a public reason; a resigning officer may give one. */
export const endAppointmentSchema = v.object({ reason: optionalText(2000) });

export const appealsBySchema = v.object({
	appealsBy: v.picklist(['vice_chair', 'panel'], 'validation.choice')
});

export type CreateGroupInput = v.InferOutput<typeof createGroupSchema>;
export type AppointInput = v.InferOutput<typeof appointSchema>;
