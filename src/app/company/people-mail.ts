/** The mails a one-time people link is sent in: who it is for, what it opens, until when. */
import type { OutgoingMail } from '../../adapters/mail/smtp-mailer.ts';
import type { PeopleLink } from '../../core/ports/store.ts';

export const peopleLinkMail = (link: PeopleLink, workspaceName: string, url: string): OutgoingMail =>
  link.kind === 'invitation'
    ? {
        to: link.email,
        subject: `You are invited to ${workspaceName} on Baton`,
        text: [
          `Hello ${link.name},`,
          '',
          `You are invited to join ${workspaceName}'s support desk on Baton as ${link.role}.`,
          `Choose your password here (the link works once, until ${link.expiresAt.toUTCString()}):`,
          '',
          url,
        ].join('\n'),
      }
    : {
        to: link.email,
        subject: `Set a new Baton password for ${workspaceName}`,
        text: [
          `Hello ${link.name},`,
          '',
          `An admin of ${workspaceName} made you a link to set a new password. It works once, until ${link.expiresAt.toUTCString()}:`,
          '',
          url,
          '',
          'Setting it signs you out everywhere else.',
        ].join('\n'),
      };
