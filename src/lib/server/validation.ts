import * as v from 'valibot';
import type { Message, MessageKey } from '$lib/i18n';
import { en } from '$lib/i18n/en';
import { invalid } from './errors';

type AnySchema = v.GenericSchema<unknown, unknown>;

/** Validates input against a schema; throws an `invalid` DomainError with a message per field. */
export function parseInput<S extends AnySchema>(schema: S, input: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, input);
	if (result.success) return result.output;
	const fields: Record<string, Message> = {};
	for (const issue of result.issues) {
		const path = v.getDotPath(issue) ?? '_';
		if (fields[path]) continue;
		const requirement = typeof issue.requirement === 'number' ? issue.requirement : undefined;
		// Valibot's own English messages (e.g. "not an object") are not keys: say "not valid".
		const key = (issue.message in en ? issue.message : 'validation.invalid') as MessageKey;
		fields[path] = {
			key,
			params: requirement === undefined ? undefined : { max: requirement, min: requirement }
		};
	}
	throw invalid(fields);
}

/** A form post as a plain object: one string per field name (files and repeats are not ours yet). */
export function formObject(data: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string' && !(key in out)) out[key] = value;
	return out;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from addresses: anything but a UUID is simply not found (never a database error). */
export function isUuid(value: string) {
	return uuidPattern.test(value);
}
