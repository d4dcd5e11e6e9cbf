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
    'is there someone else I could speak with',
    'I would like a different agent please',
    'can somebody call me back about my order',
    'please ring me on my mobile',
    'take this to an agent directly',
    'can I speak to an asistant',
    'I need to talk to sombody today',
    'can anybody else help me',
  ])('fires on a request through someone else, another agent, a callback or a misspelling: "%s"', (text) => {
    expect(detectHumanRequest(text).fired).toBe(true);
  });

  it.each([
    'can I speak to an expert',
    'I need to talk to a technician about the dishwasher',
    'transfer me to the billing department',
  ])('fires on asking for an expert, a technician or a department: "%s"', (text) => {
    expect(detectHumanRequest(text).fired).toBe(true);
  });

  it.each([
    "I'm not an expert, how do I set the oven clock",
    'the technician never came',
    'which department handles refunds',
  ])('reads an expert, a technician or a department that is not asked for as no request: "%s"', (text) => {
    expect(detectHumanRequest(text).fired).toBe(false);
  });

  it.each([
    'could you call me tomorrow about my refund',
    'please call me on 07700 900123',
    'can you ring me, the parcel is still not here',
  ])('fires on a callback with when, where or why: "%s"', (text) => {
    expect(detectHumanRequest(text).fired).toBe(true);
  });

  it.each([
    "I'd like you to call me Alex from now on",
    'can you call me by my first name',
    'please call me Mrs Okafor in your replies',
  ])('reads "call me" with a name as how to address the customer: "%s"', (text) => {
    expect(detectHumanRequest(text).fired).toBe(false);
  });

  it.each([
    'how do I contact customer service',
    'how can I reach your support team',
    'what is your phone number',
    'am I talking to a real person?',
    'are you a bot?',
    'is this a human or a bot',
    'I sent the gift to another person by mistake',
    'no need to call me back, the chat is fine',
  ])('reads a question about the channel or the bot as no request: "%s"', (text) => {
    expect(detectHumanRequest(text).fired).toBe(false);
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
