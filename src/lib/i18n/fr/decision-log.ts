import type { decisionLog as en } from '../en/decision-log';

/** Les nouveaux types d’entrées du journal des décisions et ses points de contrôle signés. */
export const decisionLog: Record<keyof typeof en, string> = {
	'kind.participation.changed': 'Changement : qui peut poser des questions et voter',
	'kind.question.rejected': 'Question rejetée',
	'kind.question.merged': 'Question fusionnée comme doublon',
	'kind.question.answered': 'État de réponse enregistré',
	'kind.commitment.made': 'Engagement pris',
	'kind.commitment.done': 'Engagement tenu',
	'kind.commitment.dropped': 'Engagement abandonné',
	'kind.proposal.accepted': 'Proposition pour l’ordre du jour acceptée',
	'kind.proposal.declined': 'Proposition pour l’ordre du jour refusée',
	'kind.correction.accepted': 'Correction du procès-verbal acceptée',
	'kind.correction.declined': 'Correction du procès-verbal refusée',
	'decisions.meeting': 'Réunion {number}',
	'decisions.question_text': 'Question : {text}',
	'decisions.status': 'État : {status}',
	'decisions.owner_due': 'Dû par {owner}, pour le {date}',
	'decisions.proposal': 'Proposition de {organisation} : {title}',
	'decisions.correction': 'Correction de {organisation} à la version {version}',
	'decisions.correction_someone': 'Correction à la version {version}',
	'decisions.note': 'Note : {note}',
	'checkpoint.title': 'Point de contrôle signé',
	'checkpoint.intro':
		'Ce site signe la fin du journal (Ed25519) au moins une fois par jour, et chaque fois qu’un procès-verbal est publié. Gardez une copie d’un point de contrôle : npm run verify-log -- <export> --checkpoint <fichier gardé> prouve qu’un journal plus récent le prolonge. Ainsi, personne, pas même l’hébergeur, ne peut réécrire une entrée ancienne sans que cela se voie.',
	'checkpoint.none': 'Aucun point de contrôle n’a encore été signé.',
	'checkpoint.size': 'Entrées couvertes',
	'checkpoint.head': 'Empreinte de l’entrée {size}',
	'checkpoint.signed_at': 'Signé le',
	'checkpoint.signature': 'Signature (Ed25519, base64)',
	'checkpoint.full': 'Le point de contrôle complet (JSON)',
	'checkpoint.download': 'Télécharger le dernier point de contrôle',
	'checkpoint.key': 'La clé publique du site',
	'checkpoint.key_link': 'Clé publique (JSON, avec PEM)',
	'checkpoint.countersigned_by': 'Vu et contresigné par',
	'checkpoint.no_countersignatures': 'Aucune organisation membre ne l’a encore contresigné.',
	'checkpoint.countersign': 'Nous avons vu ce point de contrôle',
	'checkpoint.countersign_as': 'Au nom de',
	'checkpoint.countersign_help':
		'Si vous représentez une organisation membre, vous pouvez noter publiquement que votre organisation a vu ce point de contrôle. Gardez-en aussi une copie.',
	'checkpoint.countersigned':
		'C’est enregistré : votre organisation a contresigné ce point de contrôle.',
	'checkpoint.not_found': 'Ce groupe n’a pas de point de contrôle signé de cette taille.',
	'checkpoint.already_countersigned': 'Votre organisation a déjà contresigné ce point de contrôle.',
	'checkpoint.minutes_footer':
		'Point de contrôle du journal des décisions signé après cette version : {size, plural, one {# entrée} other {# entrées}}, dernière empreinte {head}, signé le {date}.',
	'checkpoint.minutes_pending':
		'Aucun point de contrôle du journal des décisions n’a encore été signé depuis la publication de cette version.'
};
