import type { accounts as en } from '../en/accounts';

/** Comptes : connexion, inscription, mot de passe, adresse e-mail, données personnelles. */
export const accounts: Record<keyof typeof en, string> = {
	'login.title': 'Se connecter',
	'login.submit': 'Se connecter',
	'login.no_account': 'Pas encore de compte ?',
	'login.failed': 'Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte.',
	'signup.title': 'Créer un compte',
	'signup.intro':
		'Il faut un compte pour demander l’adhésion au nom d’une organisation. Il n’en faut pas pour lire ce qui est publié, ni pour poser des questions pendant une réunion.',
	'signup.submit': 'Créer le compte',
	'signup.have_account': 'Vous avez déjà un compte ?',
	'signup.email_taken': 'Un compte existe déjà avec cette adresse e-mail. Connectez-vous plutôt.',
	'field.email': 'Adresse e-mail',
	'field.password': 'Mot de passe',
	'field.password.hint':
		'Au moins 10 caractères. Quelques mots sans rapport entre eux font un mot de passe solide.',
	'field.display_name': 'Votre nom',
	'field.display_name.hint':
		'Affiché quand vous posez une question sous votre nom ou quand vous agissez pour une organisation.',
	'field.current_password': 'Mot de passe actuel',
	'field.new_password': 'Nouveau mot de passe',
	'validation.password_weak': 'Utilisez au moins 10 caractères, et pas un mot de passe courant.',
	'validation.password_wrong': 'Ce n’est pas votre mot de passe actuel.',
	'logout.title': 'Se déconnecter',
	'logout.submit': 'Se déconnecter',
	'logout.confirm': 'Se déconnecter d’Openfloor sur cet appareil ?',
	'account.title': 'Votre compte',
	'account.profile': 'Votre nom',
	'account.password': 'Changer de mot de passe',
	'account.saved': 'Enregistré.',
	'account.password_changed': 'Mot de passe changé. Vos autres appareils ont été déconnectés.',
	'account.roles': 'Vos rôles',
	'account.roles.none': 'Vous n’avez aucun rôle dans un groupe.',
	'account.site_admin': 'Administrateur du site',
	'login.forgot': 'Mot de passe oublié ?',
	'link.not_valid':
		'Ce lien ne fonctionne pas : il a expiré, il a déjà servi, ou il n’a pas été copié en entier. Rien n’a été modifié. Demandez un nouveau lien.',
	'link.not_valid_title': 'Ce lien ne fonctionne pas',
	'reset.title': 'Mot de passe oublié',
	'reset.intro':
		'Saisissez l’adresse e-mail de votre compte. Nous y enverrons un lien pour choisir un nouveau mot de passe.',
	'reset.submit': 'Envoyer le lien',
	'reset.sent':
		'Si un compte utilise cette adresse, un lien vient d’y être envoyé. Il fonctionne une seule fois, pendant 30 minutes. Si rien n’arrive dans quelques minutes, regardez dans vos indésirables (spam).',
	'reset.choose_title': 'Choisir un nouveau mot de passe',
	'reset.choose_intro':
		'Pour le compte {email}. L’enregistrer déconnecte tous les appareils connectés à ce compte.',
	'reset.choose_submit': 'Enregistrer le nouveau mot de passe',
	'reset.ask_again': 'Demander un nouveau lien',
	'confirm.title': 'Confirmer votre adresse e-mail',
	'confirm.intro': 'Confirmez que {email} est l’adresse de votre compte Openfloor.',
	'confirm.submit': 'Confirmer cette adresse',
	'confirm.done': 'Votre adresse e-mail {email} est confirmée.',
	'account.unconfirmed':
		'Confirmez d’abord votre adresse e-mail : suivez le lien qu’Openfloor vous a envoyé. La page de votre compte peut le renvoyer.',
	'account.unconfirmed_notice':
		'Votre adresse e-mail n’est pas encore confirmée : nous avons envoyé un lien à {email}. Tant que vous ne l’avez pas suivi, vous pouvez participer aux réunions. Mais vous ne pouvez pas demander l’adhésion d’une organisation, la représenter, ni être nommé responsable.',
	'account.already_confirmed': 'Votre adresse e-mail est déjà confirmée.',
	'account.resend': 'Renvoyer le lien',
	'account.resent': 'Un nouveau lien est envoyé. Seul le lien le plus récent fonctionne.',
	'account.email': 'Adresse e-mail',
	'account.email_same': 'C’est déjà votre adresse.',
	'account.email_requested':
		'Un lien est envoyé à {email}. Votre adresse change quand vous suivez ce lien. D’ici là, elle reste la même.',
	'account.change_email': 'Changer d’adresse',
	'field.new_email': 'Nouvelle adresse e-mail',
	'appoint.unconfirmed':
		'Cette personne n’a pas encore confirmé son adresse e-mail. Demandez-lui de suivre le lien qu’Openfloor lui a envoyé (ou de réinitialiser son mot de passe), puis nommez-la.',
	'mail.confirm.subject': 'Confirmez votre adresse e-mail pour Openfloor',
	'mail.confirm.body': 'Veuillez confirmer que {email} est bien votre adresse.',
	'mail.confirm.link': 'Confirmez-la ici : {url}',
	'mail.confirm.expires': 'Le lien fonctionne une seule fois, pendant 48 heures.',
	'mail.not_you':
		'Si vous n’avez rien demandé, ne tenez pas compte de cet e-mail : rien ne change.',
	'mail.email_change.subject': 'L’adresse de votre compte Openfloor va changer',
	'mail.email_change.body':
		'Une personne connectée à votre compte a demandé de changer son adresse pour {email}. L’adresse change seulement quand quelqu’un suit le lien envoyé à cette adresse.',
	'mail.email_change.not_you':
		'Si ce n’était pas vous, réinitialisez tout de suite votre mot de passe : cela déconnecte tous les appareils.',
	'mail.reset.subject': 'Réinitialiser votre mot de passe Openfloor',
	'mail.reset.body':
		'Quelqu’un a demandé à réinitialiser le mot de passe du compte qui utilise cette adresse.',
	'mail.reset.link': 'Choisissez un nouveau mot de passe ici : {url}',
	'mail.reset.expires':
		'Le lien fonctionne une seule fois, pendant 30 minutes. L’utiliser déconnecte tous les appareils.',
	'field.email_language': 'Langue de vos e-mails',
	'account.sessions': 'Où vous êtes connecté',
	'account.session_line': 'Connecté depuis le {since}, jusqu’au {until}.',
	'account.session_current': 'Cet appareil',
	'account.session_end': 'Déconnecter cet appareil',
	'account.session_ended': 'Cet appareil a été déconnecté.',
	'account.export': 'Vos données',
	'account.export_intro': 'Une copie de tout ce qu’Openfloor garde sur vous, dans un fichier JSON.',
	'account.export_link': 'Télécharger vos données',
	'account.delete': 'Supprimer votre compte',
	'account.delete_intro':
		'Votre adresse e-mail, votre nom, votre mot de passe et vos connexions sont effacés. Vous n’agissez plus pour aucune organisation. Ce que le groupe a publié reste tel quel : votre nom dans les procès-verbaux publiés et dans le journal des décisions, une question posée sous votre nom. Si vous voulez une copie, téléchargez d’abord vos données.',
	'field.delete_understood': 'Je comprends que c’est définitif',
	'account.delete_tick': 'Cochez la case pour dire que vous comprenez que c’est définitif.',
	'account.delete_officer':
		'Vous êtes responsable dans un groupe : démissionnez d’abord (sur la page des responsables du groupe). Ainsi, le groupe ne perd pas un responsable sans que personne le voie.',
	'account.delete_site_admin':
		'Le compte d’un administrateur du site ne peut pas être supprimé ici. Demandez d’abord à un autre administrateur ou à l’hébergeur de retirer ce rôle.',
	'account.former': 'Un ancien compte'
};
