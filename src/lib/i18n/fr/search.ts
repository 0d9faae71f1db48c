import type { search as en } from '../en/search';

/** La recherche dans tout le site et le flux Atom d’un groupe. */
export const search: Record<keyof typeof en, string> = {
	'search.title': 'Recherche',
	'search.intro':
		'Cherchez dans les procès-verbaux publiés, les ordres du jour et les questions publiques de tous les groupes. Mettez des guillemets pour une expression exacte, un signe moins pour exclure un mot, et OR pour l’un ou l’autre mot.',
	'search.q': 'Mots à rechercher',
	'search.group': 'Groupe',
	'search.group.all': 'Tous les groupes',
	'search.from': 'Réunions à partir du',
	'search.to': 'Réunions jusqu’au',
	'search.date_hint': 'Une date, par exemple 2026-03-31. Laissez vide pour toutes les dates.',
	'search.submit': 'Rechercher',
	'search.header_label': 'Rechercher sur le site',
	'search.q_required': 'Saisissez ce que vous cherchez.',
	'search.q_too_long':
		'Raccourcissez la recherche : {max, plural, one {# caractère} other {# caractères}} au maximum.',
	'search.page_range': 'Cette page de résultats n’existe pas.',
	'search.dates_order': 'La date de fin doit être le même jour que la date de début, ou après.',
	'search.results': 'Résultats',
	'search.count': '{count, plural, one {# résultat} other {# résultats}} pour « {q} ».',
	'search.count_one': 'Un résultat pour « {q} ».',
	'search.none':
		'Rien ne correspond à « {q} ». Essayez avec moins de mots ou d’autres mots, ou élargissez les dates.',
	'search.empty': 'Saisissez des mots ci-dessus pour lancer une recherche.',
	'search.kind.minutes': 'Procès-verbal',
	'search.kind.agenda': 'Point de l’ordre du jour',
	'search.kind.question': 'Question',
	'search.meeting': 'Réunion {number} : {title}',
	'search.pages': 'Pages de résultats',
	'search.page_of': 'Page {page} sur {pages}',
	'search.previous': 'Page précédente',
	'search.next': 'Page suivante',
	'feed.title': '{group} : procès-verbaux, décisions et réunions',
	'feed.subtitle':
		'Les procès-verbaux publiés et leurs modifications, le journal des décisions et les réunions de {group}.',
	'feed.link': 'Suivre ce groupe (flux Atom)',
	'feed.link_title': '{group} (flux Atom)',
	'feed.minutes.published': 'Procès-verbal publié : réunion {number}, {title}',
	'feed.minutes.amended': 'Procès-verbal modifié (version {version}) : réunion {number}, {title}',
	'feed.minutes.summary': 'Publié par {name}.',
	'feed.minutes.change': 'Publié par {name}. Ce qui a changé : {note}',
	'feed.meeting.scheduled': 'Réunion prévue : {title}',
	'feed.meeting.live': 'Réunion en cours : {title}',
	'feed.meeting.closed': 'Réunion tenue : {title}',
	'feed.meeting.cancelled': 'Réunion annulée : {title}',
	'feed.meeting.summary': 'Réunion {number}, {when}.',
	'feed.decision.summary': 'Décision n° {seq} du journal des décisions du groupe.'
};
