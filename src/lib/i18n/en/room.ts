/** The room on the day (issue 20): joining by code, live now, the compact header, the screen. */
export const room = {
	'room.join.title': 'Join a meeting',
	'room.join.intro': 'Type the room code shown on the screen in the hall.',
	'room.join.code': 'Room code',
	'room.join.code_hint': 'Eight letters and numbers. Capitals and spaces do not matter.',
	'room.join.submit': 'Join',
	'room.join.none_live': 'No meeting is live right now.',
	'room.code_unknown':
		'No meeting is live with this code. Check the code on the screen and type it again.',
	'room.nav.join': 'Join',
	'room.nav.menu': 'Menu',
	'room.live_now': 'Live now',
	'room.screen.join_at': 'Go to',
	'room.screen.then_code': 'and type the code',
	'room.screen.scan': 'Or scan to join and ask',
	'room.screen.text_size_label': 'Text size on the screen',
	'room.screen.text_smaller': 'Smaller text',
	'room.screen.text_larger': 'Larger text',
	'room.screen.text_size': 'Text size {percent}%',
	'room.search.filters': 'Filters: group and dates'
};
