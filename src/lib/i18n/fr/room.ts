import type { room as en } from '../en/room';

/** La salle le jour de la réunion : rejoindre avec un code, en direct, l’en-tête compact, l’écran. */
export const room: Record<keyof typeof en, string> = {
	'room.join.title': 'Rejoindre une réunion',
	'room.join.intro': 'Saisissez le code de la salle affiché sur l’écran.',
	'room.join.code': 'Code de la salle',
	'room.join.code_hint':
		'Huit lettres et chiffres. Les majuscules et les espaces n’ont pas d’importance.',
	'room.join.submit': 'Rejoindre',
	'room.join.none_live': 'Aucune réunion n’est en direct en ce moment.',
	'room.code_unknown':
		'Aucune réunion en direct n’a ce code. Regardez le code sur l’écran et saisissez-le de nouveau.',
	'room.nav.join': 'Rejoindre',
	'room.nav.menu': 'Menu',
	'room.live_now': 'En direct',
	'room.screen.join_at': 'Allez sur',
	'room.screen.then_code': 'et saisissez le code',
	'room.screen.scan': 'Ou scannez pour rejoindre et poser une question',
	'room.screen.text_size_label': 'Taille du texte à l’écran',
	'room.screen.text_smaller': 'Texte plus petit',
	'room.screen.text_larger': 'Texte plus grand',
	'room.screen.text_size': 'Taille du texte {percent} %',
	'room.search.filters': 'Filtres : groupe et dates'
};
