import * as v from 'valibot';
import type { Ack, AckError } from '$lib/realtime/events';
import { expectedFailure, notFound, notSignedIn } from '../errors';
import { translateError, translatorFor } from '../i18n';
import { parseInput } from '../validation';
import { describeError, log } from '../log';
import { sessionLapsed, type LiveSocket } from './connection';
import { stopping, track } from './in-flight';

type AnySchema = v.GenericSchema<unknown, unknown>;
type Request = { schema: AnySchema; run: (socket: LiveSocket, input: unknown) => Promise<object> };

const requests = new Map<string, Request>();

/**
 * Declares one client request: its payload schema and the domain call that answers it. Requests
 * are declared once for the process, not per connection: every socket shares one listener
 * (`dispatch`), so a connection costs no closures, whatever the number of events.
 */
export function request<S extends AnySchema, R extends object>(
	event: string,
	schema: S,
	run: (socket: LiveSocket, input: v.InferOutput<S>) => Promise<R>
) {
	requests.set(event, { schema, run: run as Request['run'] });
}

/**
 * The listener of every connection (`socket.onAny(dispatch)`, called with the socket as `this`):
 * validates the payload, calls the domain, and always answers the acknowledgement with
 * `{ ok: true, ... }` or `{ ok: false, error }`. Bad payloads, unknown events and failures never
 * throw out of the handler or drop the connection. While the server shuts down, new requests are
 * answered `unavailable` and those in flight are waited for.
 */
export function dispatch(this: LiveSocket, event: unknown, ...args: unknown[]) {
	const ack = args.at(-1);
	if (typeof ack !== 'function') return; // every request expects an answer
	const reply = ack as (response: Ack) => void;
	if (stopping()) {
		const t = translatorFor(this.data.locale);
		return reply({ ok: false, error: { code: 'unavailable', message: t('error.generic') } });
	}
	if (sessionLapsed(this)) {
		// Signed in no longer: the page reconnects and joins again as whoever its cookies say.
		reply({ ok: false, error: toAckError(this, notSignedIn()) });
		this.disconnect(true);
		return;
	}
	const known = typeof event === 'string' ? requests.get(event) : undefined;
	void track(
		(async () => {
			try {
				if (!known) throw notFound();
				const input = parseInput(known.schema, args.length > 1 ? args[0] : {});
				reply({ ok: true, ...(await known.run(this, input)) });
			} catch (error) {
				reply({ ok: false, error: toAckError(this, error) });
			}
		})()
	);
}

function toAckError(socket: LiveSocket, error: unknown): AckError {
	const t = translatorFor(socket.data.locale);
	const expected = expectedFailure(error);
	if (expected) {
		const { status: _status, ...failure } = translateError(t, expected);
		return failure;
	}
	log.error('unexpected error in a socket handler', {
		error: describeError(error)
	});
	return { code: 'internal', message: t('error.generic') };
}
