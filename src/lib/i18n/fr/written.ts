import type { written as en } from '../en/written';

/** Questions et réponses écrites : le répondant, les échéances et les retards. */
export const written: Record<keyof typeof en, string> = {
	'role.respondent': 'Répondant (institution)',
	'answer.written': 'Réponse écrite attendue',
	'written.title': 'Questions écrites',
	'written.intro':
		'Les questions auxquelles l’institution répond par écrit\u00a0: renvoyées à une réponse écrite en réunion, ou posées par écrit entre les réunions par une organisation membre. Chaque réponse est consignée mot pour mot, avec sa date.',
	'written.none': 'Aucune question écrite pour l’instant.',
	'written.ask.heading': 'Poser une question par écrit',
	'written.ask.submit': 'Envoyer la question',
	'written.asked': 'Votre question est envoyée. La réponse est attendue le {date}.',
	'written.answer.heading': 'Consigner la réponse',
	'written.answer.submit': 'Consigner la réponse',
	'written.answered': 'La réponse est consignée.',
	'written.rate.heading': 'Y a-t-il été répondu\u00a0?',
	'written.rate.submit': 'Donner votre avis',
	'written.rated': 'Votre avis est enregistré.',
	'written.verdicts': 'Avis\u00a0: {answered} répondu, {partly} en partie, {not} sans réponse',
	'written.due': 'Attendue le {date}',
	'written.overdue': 'En retard de {days} jours',
	'written.answered_on': 'Répondu le {date}',
	'written.answered_late': 'Répondu avec {days} jours de retard',
	'written.answered_in_time': 'Répondu dans les délais',
	'written.from_meeting': 'Renvoyée à une réponse écrite à la réunion {number}',
	'written.for_organisation': 'Posée pour {organisation}',
	'written.the_answer': 'La réponse',
	'field.written_text': 'Votre question',
	'field.written_organisation': 'Posée pour',
	'field.written_answer': 'La réponse de l’institution, mot pour mot',
	'field.answered_on': 'Date de la réponse',
	'written.not_found': 'Il n’y a pas de telle question écrite dans ce groupe.',
	'written.already_answered':
		'Cette question a déjà sa réponse\u00a0: un registre public ne se réécrit pas.',
	'written.answer_future': 'La date de la réponse ne peut pas être dans le futur.',
	'written.not_member':
		'Seul le représentant d’une organisation membre actuelle peut poser une question par écrit.',
	'written.not_answered_yet': 'Il n’y a pas encore de réponse à juger.',
	'written.undo':
		'Cette question a été renvoyée à une réponse écrite\u00a0: consignez la réponse au lieu d’annuler.',
	'kind.question.answered_in_writing': 'Réponse écrite consignée',
	'ledger.kind.written': 'Questions écrites',
	'ledger.written': 'Question écrite',
	'answer.answered_in_writing': 'Répondu par écrit',
	'written.between_meetings': 'Entre les réunions',
	'written.page_link': 'Questions et réponses écrites'
};
