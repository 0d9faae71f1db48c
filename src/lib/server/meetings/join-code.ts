import { randomInt } from 'node:crypto';
import { isUniqueViolation } from '../errors';
import { makeJoinCode } from './rules';

/**
 * Where new room codes come from: one place, so a test can make two draws collide. Codes are
 * unique (the `join_code` column's constraint: `/join` finds the live meeting by its code alone).
 */
export const joinCodes = { draw: () => makeJoinCode(randomInt) };

/**
 * Runs a write that stores a freshly drawn code (`run` draws it, inside its transaction), again
 * with a new draw when the code is already taken: with 32⁸ codes that is very unlikely, but
 * never an error the chair would see.
 */
export async function withUniqueJoinCode<T>(run: () => Promise<T>): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await run();
		} catch (error) {
			if (isUniqueViolation(error) && attempt < 3) continue;
			throw error;
		}
	}
}
