import { diffLines, diffWords } from 'diff';
import { escapeHtml } from '../escape-html';

/** A run of text that is in both versions, only in the newer (added) or only in the older. */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** One line-level block; a changed block carries its word-level differences. */
export type DiffBlock = { kind: 'same' | 'added' | 'removed' | 'changed'; parts: DiffPart[] };

const part = (kind: DiffPart['kind'], text: string): DiffPart => ({ kind, text });

/**
 * The difference between two versions' markdown: lines first, then, where lines were replaced,
 * the words within them, so a small correction reads as a small change.
 */
export function diffMarkdown(older: string, newer: string): DiffBlock[] {
	const lines = diffLines(older, newer);
	const blocks: DiffBlock[] = [];
	for (let i = 0; i < lines.length; i++) {
		const change = lines[i];
		const next = lines[i + 1];
		if (change.removed && next?.added) {
			const words = diffWords(change.value, next.value).map((w) =>
				part(w.added ? 'added' : w.removed ? 'removed' : 'same', w.value)
			);
			blocks.push({ kind: 'changed', parts: words });
			i++;
		} else {
			const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
			blocks.push({ kind, parts: [part(kind, change.value)] });
		}
	}
	return blocks;
}

export type DiffLabels = { added: string; addedEnd: string; removed: string; removedEnd: string };

/**
 * The diff as HTML for a `white-space: pre-wrap` box: every text escaped, additions in `<ins>`
 * and removals in `<del>`, each announced by a visually hidden label (not by colour alone).
 */
export function diffHtml(blocks: DiffBlock[], labels: DiffLabels): string {
	const hidden = (text: string) => `<span class="visually-hidden">${escapeHtml(text)}</span>`;
	return blocks
		.flatMap((block) => block.parts)
		.map((p) => {
			const text = escapeHtml(p.text);
			if (p.kind === 'added')
				return `<ins>${hidden(labels.added)}${text}${hidden(labels.addedEnd)}</ins>`;
			if (p.kind === 'removed')
				return `<del>${hidden(labels.removed)}${text}${hidden(labels.removedEnd)}</del>`;
			return text;
		})
		.join('');
}
