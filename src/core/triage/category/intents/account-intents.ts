/**
 * Fine intents of `account_access` (signing in, passwords, codes, sign-up problems) and of the
 * everyday account questions the taxonomy files under `other`: opening an account, editing one's
 * own details (name, email, phone), marketing e-mails. Editing an account is kept well apart from
 * closing it or asking for one's data (`account_closure`, `compliance_privacy`).
 */
import { type FineIntent, intent } from './intent.ts';

export const accountIntents: readonly FineIntent[] = [
  intent(
    'account.password',
    'account_access',
    `
    how do i reset my password
    i forgot my password
    the password reset email never came
    reset link expired
    i want to change my password
    cant remember my password
    my new password is not accepted
    how do i change my password in the app
    forgot pasword help
    the reset link says invalid
    `,
  ),
  intent(
    'account.login',
    'account_access',
    `
    i cant log in
    i can not sign in to my account
    login is not working
    it says my email is not registered
    the site keeps logging me out
    wrong password message but it is right
    i cant get into my account
    sign in page just reloads
    how do i log in with google
    the app will not let me sign in
    `,
  ),
  intent(
    'account.locked',
    'account_access',
    `
    my account is locked
    account blocked after too many tries
    how do i unlock my account
    it says my account is suspended
    locked out of my account
    why is my account disabled
    how long does the lock last
    `,
  ),
  intent(
    'account.code',
    'account_access',
    `
    i am not getting the verification code
    the login code never arrives
    how do i turn on two factor authentication
    i lost my phone with the authenticator app
    how do i turn off two step verification
    the sms code does not come
    my security code is not accepted
    can i get the code by email instead
    `,
  ),
  intent(
    'account.email',
    'other',
    `
    how do i change my email address
    i want to update the email on my account
    change the email i log in with
    i no longer use my old email, how do i change it
    can i have a different email for my account
    update my email please
    `,
  ),
  intent(
    'account.details',
    'other',
    `
    how do i edit my account
    how do i update my account details
    change the name on my account
    how do i change my phone number
    update my profile
    where do i edit my personal details
    my name is spelt wrong on my account
    how do i change my date of birth
    i got married and need to change my surname
    edit profile not saving
    can i change my username
    how do i manage my account settings
    update my contact details
    `,
  ),
  intent(
    'account.create',
    'other',
    `
    how do i create an account
    how do i sign up
    i want to open an account
    do i need an account to order
    can i make an account after ordering as a guest
    can i have a business account
    is it free to register
    `,
  ),
  intent(
    'account.signup_problem',
    'account_access',
    `
    registration is not working
    i cant register, it says email already in use
    the sign up form gives an error
    i never got the email to verify my account
    my verification link does not work
    it wont accept my phone number when signing up
    `,
  ),
  intent(
    'account.marketing',
    'other',
    `
    how do i stop marketing emails
    unsubscribe me from your newsletter
    i get too many emails from you
    how do i change my email preferences
    stop sending me texts
    sign me up to the newsletter
    how do i opt out of offers
    `,
  ),
];
