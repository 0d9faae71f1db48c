import type { Question } from '../db/schema';
import type { DecisionKind } from '../decision-log/log';
import { toLiveQuestion } from './live';

/** A moderation decision as the group's decision log records it. */
export type ModerationDecision = {
	kind: Extract<DecisionKind, `question.${string}`>;
	subject: string;
	payload: Record<string, unknown>;
};

/**
 * What the decision log says about a question an officer rejected, merged or answered. The log
 * can never be changed, so it holds only what the public moderation log shows and nothing about
 * the asker: no account, no name, not even whether it was asked anonymously. A text rejected
 * because of what it says (abusive, personal data) is withheld here as everywhere (the same rule
 * as the live pages: `toLiveQuestion`).
 */
export function moderationDecision(
	kind: ModerationDecision['kind'],
	after: Question,
	meetingNumber: number,
	extra: Record<string, unknown> = {}
): ModerationDecision {
	const shown = toLiveQuestion(after, 0, 0);
	return {
		kind,
		subject: `question:${after.id}`,
		payload: { meeting: meetingNumber, question: after.id, text: shown.text, ...extra }
	};
}
