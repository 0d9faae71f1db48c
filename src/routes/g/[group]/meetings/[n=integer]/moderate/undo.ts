/** How long the console offers Undo after a reject, merge or answer status (with JavaScript). */
export const undoSeconds = 10;

export type Undo = { action: 'reject' | 'merge' | 'status'; questionId: string };

/**
 * The undo a console action's result offers, if any. A deferral is not offered one: it made a
 * commitment in the ledger, which is changed or dropped there.
 */
export function undoOf(result: unknown): Undo | undefined {
	if (!result || typeof result !== 'object') return undefined;
	const { done, questionId, status } = result as Record<string, unknown>;
	if (typeof questionId !== 'string') return undefined;
	if (done === 'reject' || done === 'merge') return { action: done, questionId };
	if (done === 'status' && status !== 'deferred') return { action: 'status', questionId };
	return undefined;
}
