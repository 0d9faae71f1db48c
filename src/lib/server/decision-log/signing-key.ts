import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { logSigningSeed } from '../secrets';
import { checkpointMessage, rawPublicKey, type SignedCheckpoint } from './checkpoint';

/** DER prefix of an Ed25519 PKCS#8 private key, before the 32-byte seed (RFC 8410). */
const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

let privateKey: KeyObject | undefined;

/** The instance's signing key, from its secret (never stored, never in the database). */
function signingKey(): KeyObject {
	privateKey ??= createPrivateKey({
		key: Buffer.concat([pkcs8Prefix, logSigningSeed()]),
		format: 'der',
		type: 'pkcs8'
	});
	return privateKey;
}

/** What `/.well-known/openfloor-log-key` serves. */
export function logPublicKey() {
	const key = createPublicKey(signingKey());
	return {
		algorithm: 'Ed25519',
		/** The raw 32 bytes, base64. */
		publicKey: rawPublicKey(key),
		pem: key.export({ format: 'pem', type: 'spki' }).toString()
	};
}

export function signCheckpointBody(body: Omit<SignedCheckpoint, 'signature'>): SignedCheckpoint {
	const signature = sign(null, checkpointMessage(body), signingKey()).toString('base64');
	return { ...body, signature };
}
