import { json } from '@sveltejs/kit';
import { logPublicKey } from '$lib/server/decision-log/signing-key';
import type { RequestHandler } from './$types';

/**
 * The Ed25519 public key that verifies this instance's decision-log checkpoints, also at
 * `/.well-known/openfloor-log-key` (see hooks.ts).
 */
export const GET: RequestHandler = () =>
	json(logPublicKey(), {
		headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' }
	});
