import { describe, expect, it } from 'vitest';
import { detectHumanRequest, detectManagerRequest } from './human-request.ts';

describe('human_requested', () => {
  it.each([
    'I want to speak to a human',
    'real person please',
    'agent!!',
    'can I talk to someone?',
    'connect me with a customer service representative',
    'Is there a live agent I can chat with',
    'why can’t I just talk to a human',
    'no more bot, put me through to an operator',
  ])('fires on "%s"', (text) => {
    expect(detectHumanRequest(text).fired).toBe(true);
  });

  it.each([
    'speak to a humen',
    'get me a represenative',
    'agnet please',
    'could I speek to somone',
    'put me through to an opertor',
  ])('tolerates the misspelling in "%s"', (text) => {
    expect(detectHumanRequest(text).fired).toBe(true);
  });

  it.each([
    "I don't need a human, just tell me the fee",
    'there is no need to pass me to a real person',
    'I do not want to talk to an agent',
  ])('respects the negation in "%s"', (text) => {
    expect(detectHumanRequest(text).fired).toBe(false);
  });

  it.each([
    'somebody left the parcel at number 12',
    'I made a transfer to someone yesterday',
    'the funds aren’t going through',
    'is this a human error?',
    'do I have to ring an adviser before I can return this?',
    'are you a real person?',
    'where is my order',
  ])('stays quiet on "%s"', (text) => {
    expect(detectHumanRequest(text).fired).toBe(false);
  });

  it.each(["I don't want to talk to a bot", 'I am not comfortable sharing my details with a machine'])(
    'reads refusing the bot as asking for a person: "%s"',
    (text) => {
      expect(detectHumanRequest(text).fired).toBe(true);
    },
  );

  it.each([
    'is this a bot?',
    'the coffee machine I bought does not heat up',
    'the bot answered my question, thanks',
  ])('does not read "%s" as refusing the bot', (text) => {
    expect(detectHumanRequest(text).fired).toBe(false);
  });

  it('quotes the words that asked as evidence', () => {
    expect(detectHumanRequest('Hello, I would like to speak to a human now').evidence).toBe(
      'speak to a human',
    );
  });
});

describe('manager_requested', () => {
  it.each([
    'get me your manager',
    'I want to speak to a supervisor',
    'let me talk to someone in charge',
    'supervisr please',
  ])('fires on "%s"', (text) => {
    expect(detectManagerRequest(text).fired).toBe(true);
  });

  it.each([
    'I don’t need a manager, just the invoice',
    'who runs your team, are you the manager?',
    'I managed to log in',
  ])('stays quiet on "%s"', (text) => {
    expect(detectManagerRequest(text).fired).toBe(false);
  });
});
