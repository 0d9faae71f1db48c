import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { logPublicKey } from '$lib/server/decision-log/signing-key';
import { retiredInstanceKeys } from '$lib/server/instance-key';
import type { RequestHandler } from './$types';

/**
 * The Ed25519 public key that verifies this instance's decision-log checkpoints, also at
 * `/.well-known/openfloor-log-key` (see hooks.ts), with the keys it signed with before a change
 * of secret (`retired`), so that older checkpoints still verify.
 */
export const GET: RequestHandler = async () =>
	json(
		{ ...logPublicKey(), retired: await retiredInstanceKeys(await getDb()) },
		{ headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' } }
	);
