import * as v from 'valibot';
import { email } from './fields';

const id = v.pipe(v.string('validation.required'), v.uuid('validation.invalid'));

/** A representative invites someone, by email, to act for the organisation too. */
export const inviteSchema = v.object({ email });

/** A representative removes another, or leaves (their own id). */
export const removeRepresentativeSchema = v.object({ userId: id });

/** A representative takes back an invitation not yet accepted. */
export const revokeInvitationSchema = v.object({ invitation: id });
