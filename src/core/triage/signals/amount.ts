/** `amount` (SPEC §4): monetary amounts mentioned, with their currency ("$240", "240 euros", "EUR 240"). */

export interface MoneyAmount {
  readonly value: number;
  /** ISO 4217 code when known ("USD"), else null for a bare "240 bucks"-style mention without a currency. */
  readonly currency: string | null;
  readonly evidence: string;
}

const symbols: Readonly<Record<string, string>> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
};
const words: Readonly<Record<string, string>> = {
  dollar: 'USD',
  dollars: 'USD',
  usd: 'USD',
  bucks: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  gbp: 'GBP',
  rupee: 'INR',
  rupees: 'INR',
  rs: 'INR',
  inr: 'INR',
  yen: 'JPY',
  jpy: 'JPY',
  cad: 'CAD',
  aud: 'AUD',
  chf: 'CHF',
  francs: 'CHF',
  sek: 'SEK',
  nok: 'NOK',
  dkk: 'DKK',
  pln: 'PLN',
  mxn: 'MXN',
  brl: 'BRL',
  zar: 'ZAR',
};
const number = String.raw`(\d{1,3}(?:[,\s]\d{3})+(?:\.\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s*(k|thousand|million|m)?`;
const currencyWord =
  '(dollars?|usd|bucks|euros?|eur|pounds?|quid|gbp|rupees?|rs|inr|yen|jpy|cad|aud|chf|francs|sek|nok|dkk|pln|mxn|brl|zar)';
// Prefixed: "$240", "US$ 1,200", "EUR 240", "Rs. 500". Suffixed: "240 euros", "240€", "12.50 GBP".
const pattern = new RegExp(
  String.raw`(?:(?:(?:us|au|ca|nz)?([$€£¥₹₩])|\b${currencyWord}\.?)\s?${number}\b)|(?:\b${number}\s?(?:([$€£¥₹₩])|${currencyWord}\b))`,
  'giu',
);

const parseNumber = (digits: string, scale: string | undefined): number => {
  // "1,200.50" / "1 200" → thousands separators; "12,50" (two decimals after a comma) → decimal comma.
  const decimalComma = /^\d+,\d{1,2}$/.test(digits);
  const plain = decimalComma ? digits.replace(',', '.') : digits.replace(/[,\s]/g, '');
  const value = Number.parseFloat(plain);
  const factor = scale ? ({ k: 1e3, thousand: 1e3, m: 1e6, million: 1e6 }[scale.toLowerCase()] ?? 1) : 1;
  return Math.round(value * factor * 100) / 100;
};

/** Finds every monetary amount in a message, in order of appearance. */
export const detectAmounts = (text: string): readonly MoneyAmount[] => {
  if (!/[$€£¥₹₩]|\d/.test(text)) return [];
  const found: MoneyAmount[] = [];
  for (const match of text.matchAll(pattern)) {
    const [
      evidence,
      symbolBefore,
      wordBefore,
      digitsBefore,
      scaleBefore,
      digitsAfter,
      scaleAfter,
      symbolAfter,
      wordAfter,
    ] = match;
    const digits = digitsBefore ?? digitsAfter;
    if (!digits) continue;
    const marker = symbolBefore ?? symbolAfter ?? wordBefore ?? wordAfter ?? '';
    const currency = symbols[marker] ?? words[marker.toLowerCase()] ?? null;
    const value = parseNumber(digits, scaleBefore ?? scaleAfter);
    if (Number.isFinite(value)) found.push({ value, currency, evidence: evidence.trim() });
  }
  return found;
};

/** The largest amount mentioned (what an amount limit is checked against), or null. */
export const largestAmount = (amounts: readonly MoneyAmount[]): MoneyAmount | null =>
  amounts.reduce<MoneyAmount | null>(
    (largest, amount) => (!largest || amount.value > largest.value ? amount : largest),
    null,
  );
