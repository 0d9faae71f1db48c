import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes): about 10 ms a hash on this hardware.
export function hashPassword(password: string): Promise<string> {
	return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/** Spends the time a real check takes, so a missing account cannot be told from a wrong password. */
export async function spendPasswordCheck(password: string): Promise<false> {
	dummyHash ??= hashPassword('openfloor-timing-equaliser');
	await verifyPassword(await dummyHash, password);
	return false;
}
