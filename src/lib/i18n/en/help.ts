/**
 * The help page (/help), for someone who has never used the site. Each fact is the code's or
 * docs/trust.md's: change the text when they change. `{…}` names a label shown elsewhere on
 * the site, so the help always names it as the page does.
 */
export const help = {
	'help.link': 'Help: how to take part',
	'help.title': 'How to take part',
	'help.intro':
		'This page explains how Openfloor works. You do not need an account to read what groups publish or to watch a meeting.',
	'help.contents': 'On this page',
	'help.language':
		'To change the language, use the menu at the top of every page. Your choice is remembered on this device.',

	'help.ask.title': 'Asking a question at a meeting',
	'help.ask.when': 'You can ask questions while a meeting is live. Questions stop when it closes.',
	'help.ask.steps': 'Most meetings take questions from the people in the room:',
	'help.ask.step_code':
		'Look at the screen in the hall. It shows a room code: eight letters and numbers.',
	'help.ask.step_join':
		'Scan the square code on the screen with your phone. Or open the page {join} and type the room code.',
	'help.ask.step_write': 'Write your question and send it.',
	'help.ask.rules':
		'Some meetings work differently: anyone with the link can ask, or only people who are signed in, or only representatives of member organisations. The meeting’s page says who can ask and vote. Everyone can watch.',
	'help.ask.moderated':
		'At some meetings, a moderator reads each question before it appears. Your question then waits for approval.',
	'help.ask.limit': 'A meeting can limit how many questions each person asks.',
	'help.ask.withdraw':
		'You can withdraw your question while the meeting is live, until it has been answered.',
	'help.ask.name_title': 'Anonymous or with your name',
	'help.ask.anonymous':
		'You choose. At first the box “{anonymous}” is ticked: your question is anonymous, and no name is shown with it.',
	'help.ask.named':
		'If you untick the box, your name is shown with your question on the meeting’s page and in the published minutes. If you are signed in, your account’s name is used. Otherwise you type a name.',

	'help.privacy.title': 'Can anyone see who asked?',
	'help.privacy.anonymous':
		'Not for an anonymous question. Openfloor stores nothing with it that identifies you: not your name, not your account, not your internet address.',
	'help.privacy.who':
		'So other people at the meeting, the group’s officers and anyone who gets a copy of the database cannot find out who asked it. Votes are not linked to anyone either.',
	'help.privacy.limits': 'There are limits:',
	'help.privacy.host':
		'The people who run this website control its server. They could change the software to find out who asks what. Use a site run by people your group trusts.',
	'help.privacy.words':
		'Your words can give you away. If your question tells your own story, people may guess who asked.',
	'help.privacy.time': 'The time an anonymous question was asked is public, to the minute.',

	'help.vote.title': 'Voting for questions',
	'help.vote.why':
		'Vote for the questions you most want answered. The list of questions can be sorted by votes.',
	'help.vote.one':
		'You have one vote for each question: voting again does not add a vote. There is no vote against.',
	'help.vote.take_back':
		'You can take your vote back with “{unvote}”, while the meeting is live. You can only vote for published questions.',
	'help.vote.devices':
		'If you are signed in, your vote counts once, even if you use several phones or computers.',
	'help.vote.verdict':
		'When the group’s officers have recorded what became of a question, you can say whether you think it was answered.',

	'help.ledger.title': 'The accountability ledger',
	'help.ledger.what':
		'Each group has a page called “{ledger}”. It lists every question the institution did not fully answer, and every promise made to the group.',
	'help.ledger.details':
		'For each one, it says who owes it, since when, when it is due and what became of it. Late items are marked “{overdue}”.',

	'help.register.title': 'The register of applications',
	'help.register.what':
		'Each group has a page called “{applications}”. It is the register of every application to join the group, with every decision and its reasons.',
	'help.register.private': 'The contact details of applicants are never published.',
	'help.register.members':
		'The page “{members}” shows which organisations belong to the group now. The page “{decisions}” lists every decision in order.',

	'help.apply.title': 'Applying for membership',
	'help.apply.who': 'Organisations become members of a group, not single people.',
	'help.apply.steps': 'To apply for your organisation:',
	'help.apply.step_account':
		'Create an account. Then confirm your email address: follow the link we send you.',
	'help.apply.step_open': 'Open the group’s page and choose “{apply}”.',
	'help.apply.step_form':
		'Fill in the form. The part about your organisation is public. The contact person and email are private: only the group’s officers see them. So is your statement.',
	'help.apply.step_decision':
		'The chair decides. The decision and its reason are published in the register and sent to the contact email.',
	'help.apply.appeal':
		'If the application is refused, you can appeal once. The appeal is never decided by the person who refused.',
	'help.apply.closed':
		'If the group is not accepting members, you can still apply. Your application is then refused at once, with the reason given for closing, and you can appeal.',
	'help.apply.follow': 'You can follow your application, or withdraw it, from your account page.'
} as const;
