import type { groups as en } from '../en/groups';

/** Les groupes, leurs responsables et l’administration du site. */
export const groups: Record<keyof typeof en, string> = {
	'home.title': 'Groupes consultatifs citoyens',
	'home.intro':
		'Dans chaque groupe, des associations et organisations locales posent des questions à une institution et lui demandent des comptes, en public.',
	'home.empty': 'Aucun groupe n’a encore été créé.',
	'home.empty.admin': 'Créez le premier groupe depuis l’administration du site.',
	'group.nav.label': 'Rubriques de ce groupe',
	'group.nav.home': 'Présentation',
	'group.institution': 'Institution interrogée',
	'group.purpose': 'Objet et mandat',
	'group.membership': 'Adhésion',
	'group.membership.open': 'Ce groupe accepte les candidatures d’organisations.',
	'group.membership.closed': 'Ce groupe n’accepte pas de nouveaux membres pour le moment.',
	'group.officers': 'Responsables',
	'group.officers.intro':
		'Qui dirige ce groupe, et qui a nommé ces personnes. Les nominations terminées restent dans l’historique.',
	'group.officers.none': 'Aucun responsable n’a encore été nommé.',
	'group.officers.appoint': 'Nommer un responsable',
	'group.officers.appointed': '{name} a maintenant le rôle : {role}.',
	'group.officers.appointed_on': 'nommé le {date}',
	'group.officers.ended_on': 'jusqu’au {date}',
	'role.chair': 'Présidence',
	'role.secretary': 'Secrétariat',
	'role.site_admin': 'Administrateur du site',
	'field.role': 'Rôle',
	'field.appointee_email': 'Adresse e-mail de la personne à nommer',
	'field.appointee_email.hint': 'Elle doit déjà avoir un compte Openfloor.',
	'appoint.no_account':
		'Aucun compte n’utilise cette adresse e-mail. Demandez d’abord à la personne de créer un compte.',
	'appoint.already': 'Cette personne a déjà ce rôle dans ce groupe.',
	'admin.title': 'Administration du site',
	'admin.groups': 'Groupes',
	'admin.create_group': 'Créer un groupe',
	'admin.group_created': 'Groupe créé.',
	'admin.appoint_chair': 'Nommer la présidence',
	'field.slug': 'Nom court pour les adresses web',
	'field.slug.hint': 'Par exemple port-crg : le groupe sera à l’adresse /g/port-crg.',
	'field.group_name': 'Nom du groupe',
	'field.institution': 'Institution à qui l’on demande des comptes',
	'field.purpose': 'Objet et mandat',
	'field.purpose.hint': 'Markdown : **gras**, *italique*, listes, liens.',
	'field.membership_open': 'Accepte les candidatures d’organisations',
	'field.time_zone': 'Fuseau horaire des réunions',
	'field.group_language': 'La langue du groupe',
	'field.group_language.hint':
		'Les projets de procès-verbal sont rédigés dans cette langue, et la recherche lit ses documents dans cette langue.',
	'group.slug_taken': 'Un autre groupe utilise déjà ce nom court.',
	'group.not_found': 'Il n’y a pas de groupe à cette adresse.',
	'group.latest_minutes': 'Dernier procès-verbal',
	'group.minutes_version': 'Version {version}, publiée le {date}',
	'group.no_minutes': 'Aucun procès-verbal n’a encore été publié.',
	'group.ledger_summary':
		'Questions non résolues : {questions}. Actions en cours : {actions}, dont en retard : {overdue}.',
	'group.ledger_link': 'Voir le suivi des engagements'
};
