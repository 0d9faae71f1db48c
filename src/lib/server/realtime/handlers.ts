import * as v from 'valibot';
import type { Ack, AckError } from '$lib/realtime/events';
import { isDomainError } from '../errors';
import { translateFields, translateMessage, translatorFor } from '../i18n';
import { parseInput } from '../validation';
import { describeError, log } from '../log';
import type { LiveSocket } from './connection';
import { stopping, track } from './in-flight';

type AnySchema = v.GenericSchema<unknown, unknown>;

/**
 * Registers one client request: validates the payload, calls the domain, and always answers
 * the acknowledgement with `{ ok: true, ... }` or `{ ok: false, error }`. Bad payloads and
 * failures never throw out of the handler or drop the connection. While the server shuts down,
 * new requests are answered `unavailable` and those in flight are waited for.
 */
export function handle<S extends AnySchema, R extends object>(
	socket: LiveSocket,
	event: string,
	schema: S,
	run: (input: v.InferOutput<S>) => Promise<R>
) {
	(socket as unknown as { on(e: string, l: (...args: unknown[]) => void): void }).on(
		event,
		(...args: unknown[]) => {
			const ack = args.at(-1);
			if (typeof ack !== 'function') return; // every request expects an answer
			const reply = ack as (response: Ack<R>) => void;
			if (stopping()) {
				const t = translatorFor(socket.data.locale);
				return reply({ ok: false, error: { code: 'unavailable', message: t('error.generic') } });
			}
			void track(
				(async () => {
					try {
						const input = parseInput(schema, args.length > 1 ? args[0] : {});
						reply({ ok: true, ...(await run(input)) });
					} catch (error) {
						reply({ ok: false, error: toAckError(socket, error) });
					}
				})()
			);
		}
	);
}

function toAckError(socket: LiveSocket, error: unknown): AckError {
	const t = translatorFor(socket.data.locale);
	if (isDomainError(error)) {
		const fields = translateFields(t, error.fields);
		return {
			code: error.code,
			message: translateMessage(t, error.msg),
			...(Object.keys(fields).length ? { fields } : {})
		};
	}
	log.error('unexpected error in a socket handler', {
		error: describeError(error)
	});
	return { code: 'internal', message: t('error.generic') };
}
