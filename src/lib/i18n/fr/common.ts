import type { common as en } from '../en/common';

/** Textes communs : mise en page, navigation, erreurs, validation. */
export const common: Record<keyof typeof en, string> = {
	'site.name': 'Openfloor',
	'site.tagline':
		'Adhésion ouverte, questions en direct et procès-verbaux publiés pour les groupes consultatifs citoyens',
	'nav.skip': 'Aller au contenu principal',
	'nav.main': 'Principal',
	'nav.home': 'Groupes',
	'nav.login': 'Se connecter',
	'nav.signup': 'Créer un compte',
	'nav.logout': 'Se déconnecter',
	'nav.account': 'Votre compte',
	'nav.admin': 'Administration du site',
	'nav.language': 'Langue',
	'nav.language.change': 'Changer de langue',
	'footer.text':
		'Openfloor est un logiciel libre. Tout ce que le public peut voir ici est public, sans compte.',
	'error.title': 'Un problème est survenu',
	'error.not_found': 'Page introuvable',
	'error.id': 'Si vous signalez ce problème, donnez la référence {id}.',
	'error.back_home': 'Retour à la liste des groupes',
	'error.generic': 'Un problème est survenu de notre côté. Veuillez réessayer.',
	'error.unavailable':
		'Le service est indisponible pour un court moment. Veuillez réessayer dans quelques secondes.',
	'error.invalid': 'Une partie de ce que vous avez saisi doit être modifiée.',
	'error.not_signed_in': 'Veuillez d’abord vous connecter.',
	'error.not_allowed': 'Vous n’avez pas le rôle nécessaire pour cela.',
	'error.not_found.generic': 'Introuvable.',
	'error.conflict': 'Cela contredit quelque chose qui est déjà enregistré.',
	'error.rate_limited':
		'Trop de tentatives. Veuillez attendre {minutes, plural, one {# minute} other {# minutes}} puis réessayer.',
	'error.body_too_large': 'Ce que vous avez envoyé est trop volumineux.',
	'error.form_unreadable':
		'Ce que vous avez envoyé n’a pas pu être lu comme un formulaire. Veuillez réessayer.',
	'error.method_not_allowed': 'Cette adresse n’accepte pas cette méthode.',
	'error.foreign_origin': 'Cette demande venait d’un autre site. Elle a été refusée.',
	'form.errors_summary': 'Veuillez corriger ce qui suit :',
	'validation.required': 'Ce champ est obligatoire.',
	'validation.nul':
		'Ce texte contient un caractère qui ne peut pas être enregistré (un NUL). Veuillez le retirer.',
	'validation.too_long':
		'C’est trop long : {max, plural, one {# caractère} other {# caractères}} au maximum.',
	'validation.too_short':
		'C’est trop court : {min, plural, one {# caractère} other {# caractères}} au minimum.',
	'validation.email': 'Saisissez une adresse e-mail, par exemple nom@example.org.',
	'validation.slug':
		'Utilisez des lettres minuscules, des chiffres et des tirets, en commençant par une lettre (3 à 40 caractères).',
	'validation.choice': 'Choisissez une des options.',
	'validation.boolean': 'Choisissez oui ou non.',
	'validation.date': 'Saisissez une date sous la forme AAAA-MM-JJ.',
	'validation.too_small': 'Ce nombre est trop petit.',
	'validation.too_large': 'Ce nombre est trop grand.',
	'validation.invalid': 'Cette valeur n’est pas valide.',
	'validation.json': 'Le corps de la demande doit être un objet JSON.',
	'validation.time_zone': 'Choisissez un fuseau horaire, par exemple Europe/Paris.',
	'common.save': 'Enregistrer',
	'common.none': 'Rien pour l’instant.',
	'common.optional': 'facultatif'
};
