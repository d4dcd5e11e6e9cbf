/**
 * Fine intents of the high-risk categories: closing an account, fraud, legal matters and personal
 * data. Their phrasings say plainly that the account is to end, that someone else acted, that the
 * law is involved, or that the customer's own data is asked for — so that editing an account or
 * asking a question about an order does not sound like them.
 */
import { type FineIntent, intent } from './intent.ts';

export const riskIntents: readonly FineIntent[] = [
  intent(
    'closure.delete',
    'account_closure',
    `
    how do i delete my account
    close my account please
    i want my acme account removed
    deactivate my account
    delete my profile permanently
    i want to close my account for good
    how do i shut down my account
    remove my account and everything on it
    what happens to my orders if i close my account
    can i reopen my account after closing it
    `,
  ),
  intent(
    'fraud.account',
    'fraud',
    `
    someone hacked my account
    there are orders on my account i did not make
    someone changed my password and email
    i got a login alert that was not me
    my account was taken over
    someone else is using my account
    `,
  ),
  intent(
    'fraud.payment',
    'fraud',
    `
    there is a charge on my card i do not recognise
    i did not make this payment
    my card was stolen and used on your site
    unauthorised transaction from acme
    someone used my gift card
    `,
  ),
  intent(
    'fraud.phishing',
    'fraud',
    `
    i got a suspicious email from acme, is it real
    is this text message from you a scam
    a website pretending to be acme took my money
    someone called saying they were from acme and asked for my card
    `,
  ),
  intent(
    'legal.action',
    'legal',
    `
    i am going to take you to court
    my solicitor will be in touch
    i will sue acme
    this is a letter before action
    i am reporting you to trading standards
    i will take this to the small claims court
    i am contacting the ombudsman
    `,
  ),
  intent(
    'privacy.access',
    'compliance_privacy',
    `
    i want a copy of my personal data
    what data do you hold about me
    send me all the information you have on me
    subject access request
    can i download my data
    `,
  ),
  intent(
    'privacy.erasure',
    'compliance_privacy',
    `
    delete all my personal data
    erase everything you store about me
    i want you to forget me under gdpr
    remove my data from your systems
    `,
  ),
  intent(
    'privacy.sharing',
    'compliance_privacy',
    `
    do you share my data with other companies
    who do you sell my details to
    how do you use my personal information
    was my data in a breach
    how do i withdraw consent for my data
    `,
  ),
];
