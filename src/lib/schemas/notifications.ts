import * as v from 'valibot';
import { email } from './fields';

/**
 * What a person chooses about: each is on at once, in a weekly digest, or off. One choice may
 * cover several notices (a meeting scheduled, changed or cancelled are all `meetings`).
 */
export const topics = [
	'meetings',
	'agendas',
	'minutes',
	'my_questions',
	'corrections',
	'proposals',
	'commitments'
] as const;
export type Topic = (typeof topics)[number];

export const deliveries = ['now', 'digest', 'off'] as const;
export type Delivery = (typeof deliveries)[number];

/** Following a group without an account: the address, confirmed by a link. */
export const followByEmailSchema = v.object({ email });

const delivery = v.optional(v.picklist(deliveries, 'validation.choice'));

/** Each topic at once, in the weekly digest, or off; a topic not sent keeps its choice. */
export const preferencesSchema = v.object(
	Object.fromEntries(topics.map((topic) => [topic, delivery])) as Record<Topic, typeof delivery>
);
