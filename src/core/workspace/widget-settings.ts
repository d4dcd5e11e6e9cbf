/**
 * How a workspace's chat looks to customers and where Baton is reached (issue 10, the settings
 * page), saved as the versioned workspace setting `widget`: the greeting, the button colour, which
 * corner it sits in, and the public URL the embed snippet names. Read defensively: a field an older
 * Baton stored badly falls back to its default rather than breaking the chat.
 */
export const WIDGET_SETTINGS_KEY = 'widget';

export const widgetPositions = ['right', 'left'] as const;
export type WidgetPosition = (typeof widgetPositions)[number];

export interface WidgetSettings {
  readonly greeting: string;
  /** A CSS hex colour (#rrggbb) for the chat button and the customer's bubbles. */
  readonly colour: string;
  readonly position: WidgetPosition;
  /** Where customers and staff reach Baton (https://support.example.com); null: not set. */
  readonly publicUrl: string | null;
  /** The words on the chat button on the company's site. */
  readonly launcherText: string;
}

export const defaultWidgetSettings: WidgetSettings = {
  greeting: 'Hi! I’m here to help with orders, delivery, your account or billing. What can I do for you?',
  colour: '#1f4fd1',
  position: 'right',
  publicUrl: null,
  launcherText: 'Chat with us',
};

/** A button label, not a sentence: it must fit the launcher on a phone. */
export const LAUNCHER_TEXT_MAX = 40;

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

const field = <T>(
  record: Readonly<Record<string, unknown>>,
  key: string,
  ok: (v: unknown) => v is T,
  fallback: T,
): T => {
  const value = record[key];
  return ok(value) ? value : fallback;
};

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isColour = (value: unknown): value is string => typeof value === 'string' && HEX_COLOUR.test(value);
const isPosition = (value: unknown): value is WidgetPosition =>
  widgetPositions.some((position) => position === value);
const isLauncherText = (value: unknown): value is string =>
  isText(value) && value.length <= LAUNCHER_TEXT_MAX;
const isUrlOrNull = (value: unknown): value is string | null => value === null || isText(value);

/** The stored document with defaults for anything missing or malformed. */
export const parseWidgetSettings = (value: unknown): WidgetSettings => {
  if (typeof value !== 'object' || value === null) return defaultWidgetSettings;
  const record: Readonly<Record<string, unknown>> = { ...value };
  return {
    greeting: field(record, 'greeting', isText, defaultWidgetSettings.greeting),
    colour: field(record, 'colour', isColour, defaultWidgetSettings.colour),
    position: field(record, 'position', isPosition, defaultWidgetSettings.position),
    publicUrl: field(record, 'publicUrl', isUrlOrNull, defaultWidgetSettings.publicUrl),
    launcherText: field(record, 'launcherText', isLauncherText, defaultWidgetSettings.launcherText),
  };
};
