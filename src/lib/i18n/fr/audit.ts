import type { audit as en } from '../en/audit';

/** Le journal des modifications : chaque changement, qui l’a fait et quand. */
export const audit: Record<keyof typeof en, string> = {
	'audit.title': 'Journal des modifications',
	'audit.intro':
		'Chaque changement fait dans ce groupe, qui l’a fait et quand, du plus récent au plus ancien. Seuls les responsables du groupe et les administrateurs du site peuvent le lire. Les votes et les questions n’y sont jamais : ils ne sont liés à personne.',
	'audit.site_title': 'Journal des modifications de tout le site',
	'audit.site_intro':
		'Chaque changement fait sur ce site, dans tous les groupes, qui l’a fait et quand, du plus récent au plus ancien.',
	'audit.caption': 'Changements, du plus récent au plus ancien',
	'audit.col.when': 'Quand',
	'audit.col.who': 'Qui',
	'audit.col.group': 'Groupe',
	'audit.col.action': 'Action',
	'audit.col.subject': 'Sur',
	'audit.col.details': 'Détails',
	'audit.nobody': 'Un compte supprimé depuis',
	'audit.site_own': 'Le site',
	'audit.filter.action': 'Action',
	'audit.filter.all': 'Toutes les actions',
	'audit.filter.group': 'Groupe',
	'audit.filter.group_hint':
		'Le nom court d’un groupe (celui de son adresse), ou « site » pour les changements du site lui-même.',
	'audit.filter.show': 'Afficher',
	'audit.older': 'Changements plus anciens',
	'audit.newest': 'Changements les plus récents',
	'audit.none': 'Aucun changement à afficher.',
	'audit.link': 'Journal des modifications',
	'audit.site_link': 'Journal des modifications de tout le site'
};
