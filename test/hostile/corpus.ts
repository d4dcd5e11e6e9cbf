/**
 * The written corpus of hostile requests (issue 12): every route that takes input, each fed
 * oversize, deeply nested, control-character, broken-Unicode, wrong-type and huge-number input.
 * Every case must end in a 4xx with a stable snake_case code, store nothing and leave the server
 * healthy. Placeholders: {conv} a queued conversation, {ai} one of its AI messages.
 */

export type Caller = 'none' | 'customer' | 'admin';

export interface HostileCase {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly as: Caller;
  readonly body?: unknown;
  /** Sent as is (bytes), for malformed JSON and broken UTF-8. */
  readonly raw?: string | Uint8Array;
}

/** Text that no field may hold: controls, broken Unicode, nothing visible, wrong types. */
const refusedText: readonly (readonly [string, unknown])[] = [
  ['a NUL byte', 'before\u0000after'],
  ['only a NUL byte', '\u0000'],
  ['an ANSI escape', 'red \u001B[31m text'],
  ['a bell', 'ding\u0007'],
  ['a C1 control', 'next\u0085line'],
  ['a DEL', 'x\u007Fy'],
  ['a lone high surrogate', 'half \uD83D'],
  ['a lone low surrogate', '\uDE00 half'],
  ['zero-width spaces only', '\u200B\u200B\u200B'],
  ['joiners and BOM only', '\u200D\u2060\uFEFF'],
  ['bidi overrides only', '\u202E\u2066'],
  ['a number', 42],
  ['a huge number', 1e308],
  ['true', true],
  ['a list', ['hello']],
  ['an object', { text: 'hello' }],
];

/** Multi-line text fields also refuse blank text. */
const refusedRequiredText: readonly (readonly [string, unknown])[] = [
  ...refusedText,
  ['spaces only', '    '],
  ['line breaks only', '\n\r\n\t'],
  ['null', null],
];

const oversize = 'x'.repeat(300 * 1024);

interface TextField {
  readonly field: string;
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly as: Caller;
  readonly required: boolean;
  readonly body: (value: unknown) => unknown;
}

const validPolicyYaml = 'version: hostile-test\nname: Hostile test\n';

const textFields: readonly TextField[] = [
  {
    field: 'canned reply body',
    method: 'POST',
    path: '/api/canned-replies',
    as: 'admin',
    required: true,
    body: (body) => ({ teamKey: 'billing', title: 'Hostile test reply', body }),
  },
  {
    field: 'canned reply title',
    method: 'POST',
    path: '/api/canned-replies',
    as: 'admin',
    required: true,
    body: (title) => ({ teamKey: 'billing', title, body: 'Thanks!' }),
  },
  {
    field: 'customer message',
    method: 'POST',
    path: '/api/widget/conversations/{conv}/messages',
    as: 'customer',
    required: true,
    body: (text) => ({ text }),
  },
  {
    field: 'idempotency key',
    method: 'POST',
    path: '/api/widget/conversations/{conv}/messages',
    as: 'customer',
    required: true,
    body: (idempotencyKey) => ({ text: 'hello there', idempotencyKey }),
  },
  {
    field: 'customer name',
    method: 'POST',
    path: '/api/widget/conversations',
    as: 'none',
    required: false,
    body: (name) => ({ name }),
  },
  {
    field: 'customer email',
    method: 'POST',
    path: '/api/widget/conversations',
    as: 'none',
    required: false,
    body: (email) => ({ email }),
  },
  {
    field: 'customer external id',
    method: 'POST',
    path: '/api/widget/conversations',
    as: 'none',
    required: true,
    body: (externalId) => ({ externalId, identitySignature: 'a'.repeat(64) }),
  },
  {
    field: 'agent reply',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/replies',
    as: 'admin',
    required: true,
    body: (text) => ({ text }),
  },
  {
    field: 'internal note',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/notes',
    as: 'admin',
    required: true,
    body: (text) => ({ text }),
  },
  {
    field: 'flag correct answer',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/messages/{ai}/flags',
    as: 'admin',
    required: false,
    body: (correctAnswer) => ({ kind: 'wrong', correctAnswer }),
  },
  {
    field: 'reassign team key',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/reassign',
    as: 'admin',
    required: true,
    body: (teamKey) => ({ teamKey }),
  },
  {
    field: 'sign-in email',
    method: 'POST',
    path: '/api/auth/sign-in',
    as: 'none',
    required: true,
    body: (email) => ({ email, password: 'whatever-password' }),
  },
  {
    field: 'policy change note',
    method: 'PUT',
    path: '/api/ops/policy',
    as: 'admin',
    required: true,
    body: (note) => ({ yaml: validPolicyYaml, note }),
  },
  {
    field: 'threshold suggestion note',
    method: 'POST',
    path: '/api/coaching/threshold-suggestions/shipping/accept',
    as: 'admin',
    required: true,
    body: (note) => ({ targetPrecision: 0.9, threshold: 0.5, policyVersion: 1, note }),
  },
  {
    field: 'handoff template',
    method: 'PUT',
    path: '/api/ops/handoff-templates',
    as: 'admin',
    required: true,
    body: (message) => ({ override: { message }, note: 'hostile test' }),
  },
  {
    field: 'article title',
    method: 'POST',
    path: '/api/knowledge/articles',
    as: 'admin',
    required: true,
    body: (title) => ({
      ...{ title: 'Hostile test', category: null, tags: [], body: 'A hostile test article.' },
      title,
    }),
  },
  {
    field: 'article body',
    method: 'POST',
    path: '/api/knowledge/articles',
    as: 'admin',
    required: true,
    body: (body) => ({
      ...{ title: 'Hostile test', category: null, tags: [], body: 'A hostile test article.' },
      body,
    }),
  },
  {
    field: 'article tag',
    method: 'POST',
    path: '/api/knowledge/articles',
    as: 'admin',
    required: true,
    body: (tag) => ({
      ...{ title: 'Hostile test', category: null, tags: [], body: 'A hostile test article.' },
      tags: [tag],
    }),
  },
  {
    field: 'article edit title',
    method: 'PUT',
    path: '/api/knowledge/articles/{conv}',
    as: 'admin',
    required: true,
    body: (title) => ({
      ...{ title: 'Hostile test', category: null, tags: [], body: 'A hostile test article.' },
      title,
      version: 1,
    }),
  },
  {
    field: 'imported file name',
    method: 'POST',
    path: '/api/knowledge/import',
    as: 'admin',
    required: true,
    body: (name) => ({ files: [{ name, text: '---\ntitle: Hostile\n---\nA hostile import.' }] }),
  },
  {
    field: 'API key name',
    method: 'POST',
    path: '/api/settings/api-keys',
    as: 'admin',
    required: true,
    body: (name) => ({ name, scopes: ['metrics:read'] }),
  },
  {
    field: 'chat greeting',
    method: 'PUT',
    path: '/api/settings',
    as: 'admin',
    required: true,
    body: (greeting) => ({
      widget: { greeting, colour: '#1f4fd1', position: 'right', publicUrl: null },
      counting: {
        assumedResolutionHours: 24,
        recontactDays: 7,
        humanHourlyCost: null,
        aiCostPerConversation: null,
      },
    }),
  },
  {
    field: 'response target note',
    method: 'PUT',
    path: '/api/response-targets/billing',
    as: 'admin',
    required: false,
    body: (note) => ({ firstResponseMinutes: 10, nextResponseMinutes: 20, note }),
  },
  {
    field: 'API key scope',
    method: 'POST',
    path: '/api/settings/api-keys',
    as: 'admin',
    required: true,
    body: (scope) => ({ name: 'Hostile key', scopes: [scope] }),
  },
];

const textCases = (): HostileCase[] =>
  textFields.flatMap((target) => [
    ...(target.required ? refusedRequiredText : refusedText).map(([what, value]) => ({
      name: `${target.field}: ${what}`,
      method: target.method,
      path: target.path,
      as: target.as,
      body: target.body(value),
    })),
    {
      name: `${target.field}: 300 KB`,
      method: target.method,
      path: target.path,
      as: target.as,
      body: target.body(oversize),
    },
  ]);

const bodyRoutes: readonly Pick<HostileCase, 'method' | 'path' | 'as'>[] = [
  { method: 'POST', path: '/api/widget/conversations/{conv}/messages', as: 'customer' },
  { method: 'POST', path: '/api/auth/sign-in', as: 'none' },
  { method: 'PUT', path: '/api/agents/me/status', as: 'admin' },
  { method: 'POST', path: '/api/inbox/conversations/{conv}/replies', as: 'admin' },
  { method: 'POST', path: '/api/inbox/conversations/{conv}/notes', as: 'admin' },
  { method: 'POST', path: '/api/inbox/conversations/{conv}/reassign', as: 'admin' },
  { method: 'POST', path: '/api/inbox/conversations/{conv}/category', as: 'admin' },
  { method: 'PUT', path: '/api/inbox/conversations/{conv}/hold', as: 'admin' },
  { method: 'POST', path: '/api/inbox/conversations/{conv}/verdict', as: 'admin' },
  { method: 'POST', path: '/api/inbox/conversations/{conv}/messages/{ai}/flags', as: 'admin' },
  { method: 'POST', path: '/api/planner/plan', as: 'admin' },
  { method: 'POST', path: '/api/ops/policy/check', as: 'admin' },
  { method: 'PUT', path: '/api/ops/policy', as: 'admin' },
  { method: 'POST', path: '/api/ops/policy/backtest', as: 'admin' },
  { method: 'POST', path: '/api/ops/policy/draft/publish', as: 'admin' },
  { method: 'POST', path: '/api/ops/policy/draft/discard', as: 'admin' },
  { method: 'PUT', path: '/api/coaching/knowledge-audit/settings', as: 'admin' },
  { method: 'POST', path: '/api/ops/handoff-templates/check', as: 'admin' },
  { method: 'PUT', path: '/api/ops/handoff-templates', as: 'admin' },
  { method: 'POST', path: '/api/ops/webhooks', as: 'admin' },
  { method: 'POST', path: '/api/knowledge/articles', as: 'admin' },
  { method: 'PUT', path: '/api/knowledge/articles/{conv}', as: 'admin' },
  { method: 'POST', path: '/api/knowledge/articles/{conv}/unpublish', as: 'admin' },
  { method: 'POST', path: '/api/knowledge/import', as: 'admin' },
  { method: 'PUT', path: '/api/teams/hostile', as: 'admin' },
  { method: 'PUT', path: '/api/response-targets/billing', as: 'admin' },
  { method: 'POST', path: '/api/coaching/threshold-suggestions/shipping/backtest', as: 'admin' },
  { method: 'POST', path: '/api/coaching/threshold-suggestions/shipping/accept', as: 'admin' },
  { method: 'POST', path: '/api/coaching/threshold-suggestions/shipping/dismiss', as: 'admin' },
  { method: 'PUT', path: '/api/coaching/threshold-suggestions/settings', as: 'admin' },
  { method: 'POST', path: '/api/settings/api-keys', as: 'admin' },
  { method: 'PUT', path: '/api/settings', as: 'admin' },
];

/** `{"text":"` + two bytes that are not UTF-8 + `"}`. */
const brokenUtf8 = new Uint8Array([
  ...new TextEncoder().encode('{"text":"'),
  0xff,
  0xfe,
  ...new TextEncoder().encode('"}'),
]);
/** A truncated three-byte sequence. */
const truncatedUtf8 = new Uint8Array([
  ...new TextEncoder().encode('{"text":"caf'),
  0xe2,
  0x82,
  ...new TextEncoder().encode('"}'),
]);

const structural: readonly (readonly [string, Partial<HostileCase>])[] = [
  ['an unclosed object', { raw: '{' }],
  ['a cut-off value', { raw: '{"text": "hi' }],
  ['a trailing comma', { raw: '{"text": "hi",}' }],
  ['JSON null', { raw: 'null' }],
  ['a bare string', { raw: '"hello"' }],
  ['a bare number', { raw: '123' }],
  ['a list', { raw: '[]' }],
  ['10,000 nested lists', { raw: `${'['.repeat(10_000)}${']'.repeat(10_000)}` }],
  ['a value nested 5,000 objects deep', { raw: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}` }],
  ['broken UTF-8', { raw: brokenUtf8 }],
  ['truncated UTF-8', { raw: truncatedUtf8 }],
  ['1e400 (Infinity)', { raw: '{"text": 1e400, "status": 1e400, "yaml": 1e400, "input": 1e400}' }],
  ['a body over 256 KiB', { raw: JSON.stringify({ text: 'y'.repeat(300 * 1024) }) }],
];

const structuralCases = (): HostileCase[] =>
  bodyRoutes.flatMap((route) =>
    structural.map(([what, body]) => ({ name: `${route.method} ${route.path}: ${what}`, ...route, ...body })),
  );

const deepYaml = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
const manyKeys = Array.from({ length: 15_000 }, (_, i) => `key${i}: value`).join('\n');
const aliasBomb = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...['b', 'c', 'd', 'e', 'f'].map(
    (name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcde'[i]}`).join(', ')}]`,
  ),
].join('\n');

const policyCases = (): HostileCase[] =>
  [
    ['10 KB of nested brackets (crashed the server)', deepYaml],
    ['15,000 keys (blocked the server for seconds)', manyKeys],
    ['an alias expansion bomb', aliasBomb],
    ['deep block nesting', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')],
    ['a NUL byte', 'version: "1"\nname: "a\u0000b"'],
    ['a duplicate key', 'version: 1\nversion: 2\n'],
    ['not a map', '- just\n- a\n- list\n'],
    ['over 200,000 characters', `# ${'z'.repeat(200_001)}`],
  ].flatMap(([what, yaml]) => [
    {
      name: `publish policy: ${what}`,
      method: 'PUT' as const,
      path: '/api/ops/policy',
      as: 'admin' as const,
      body: { yaml, note: 'hostile test' },
    },
    {
      name: `backtest a policy draft: ${what}`,
      method: 'POST' as const,
      path: '/api/ops/policy/backtest',
      as: 'admin' as const,
      body: { yaml, days: null },
    },
  ]);

const plannerInput = (change: Record<string, unknown>) => ({
  input: {
    categories: [{ id: 'billing', handleMinutes: 8, aiResolutionShare: 0.5 }],
    channels: [{ kind: 'live', id: 'chat', serviceLevel: 0.8, targetSeconds: 60 }],
    volume: [{ category: 'billing', channel: 'chat', perWeek: 1000 }],
    openingHours: [[9, 17], [9, 17], [9, 17], [9, 17], [9, 17], null, null],
    ...change,
  },
});

const plannerCases = (): HostileCase[] =>
  (
    [
      [
        '1e12 conversations a week (froze the server)',
        { volume: [{ category: 'billing', channel: 'chat', perWeek: 1e12 }] },
      ],
      ['1e308 conversations a week', { volume: [{ category: 'billing', channel: 'chat', perWeek: 1e308 }] }],
      ['1e8 conversations a week', { volume: [{ category: 'billing', channel: 'chat', perWeek: 1e8 }] }],
      ['a negative volume', { volume: [{ category: 'billing', channel: 'chat', perWeek: -5 }] }],
      [
        'a handle time of 1e9 minutes',
        { categories: [{ id: 'billing', handleMinutes: 1e9, aiResolutionShare: 0.5 }] },
      ],
      ['a zero handle time', { categories: [{ id: 'billing', handleMinutes: 0, aiResolutionShare: 0.5 }] }],
      [
        'a service level of 1',
        { channels: [{ kind: 'live', id: 'chat', serviceLevel: 1, targetSeconds: 60 }] },
      ],
      [
        'a concurrency of 1e6',
        { channels: [{ kind: 'live', id: 'chat', serviceLevel: 0.8, targetSeconds: 60, concurrency: 1e6 }] },
      ],
      [
        'a patience of 1e300 seconds',
        {
          channels: [
            { kind: 'live', id: 'chat', serviceLevel: 0.8, targetSeconds: 60, patienceSeconds: 1e300 },
          ],
        },
      ],
      ['no opening hours', { openingHours: [null, null, null, null, null, null, null] }],
      ['an unknown category in the volume', { volume: [{ category: 'nope', channel: 'chat', perWeek: 10 }] }],
      [
        '5,000 categories',
        {
          categories: Array.from({ length: 5_000 }, (_, i) => ({
            id: `c${i}`,
            handleMinutes: 5,
            aiResolutionShare: 0,
          })),
        },
      ],
      ['shrinkage of 1', { shrinkage: 1 }],
      ['a minimum coverage of 1e9', { minimumCoverage: 1e9 }],
    ] as const
  ).map(([what, change]) => ({
    name: `plan: ${what}`,
    method: 'POST' as const,
    path: '/api/planner/plan',
    as: 'admin' as const,
    body: plannerInput(change),
  }));

const thresholdSuggestionCases = (): HostileCase[] => [
  ...['2026-W60', '%00', 'x'.repeat(500), '2026-W49%0A'].map((value) => ({
    name: `weekly report for week ${value.slice(0, 20)}`,
    method: 'GET' as const,
    path: `/api/coaching/report?week=${value}`,
    as: 'admin' as const,
  })),
  ...['1e308', 'NaN', '-1', '0.999999', 'x'].map((value) => ({
    name: `threshold suggestions at target precision ${value}`,
    method: 'GET' as const,
    path: `/api/coaching/threshold-suggestions?targetPrecision=${value}`,
    as: 'admin' as const,
  })),
  ...[
    ['a NUL', '%00'],
    ['200 characters', 'c'.repeat(200)],
    ['a category that does not exist', 'no_such_category'],
  ].map(([what, category]) => ({
    name: `threshold suggestion backtest for ${what}`,
    method: 'POST' as const,
    path: `/api/coaching/threshold-suggestions/${category}/backtest`,
    as: 'admin' as const,
    body: { targetPrecision: 0.9 },
  })),
  {
    name: 'threshold suggestion accepted with a threshold over 1',
    method: 'POST',
    path: '/api/coaching/threshold-suggestions/shipping/accept',
    as: 'admin',
    body: { targetPrecision: 0.9, threshold: 7, policyVersion: 1, note: 'hostile test' },
  },
  ...(['publish', 'discard'] as const).flatMap((action) =>
    [-1, 0, 1.5, 1e308, 'x', null].map((draft) => ({
      name: `policy draft ${action} naming draft ${String(draft)}`,
      method: 'POST' as const,
      path: `/api/ops/policy/draft/${action}`,
      as: 'admin' as const,
      body: { draft },
    })),
  ),
  {
    name: 'policy draft published when there is none',
    method: 'POST',
    path: '/api/ops/policy/draft/publish',
    as: 'admin',
    body: { draft: 99 },
  },
  {
    name: 'threshold suggestion accepted with nothing to change',
    method: 'POST',
    path: '/api/coaching/threshold-suggestions/shipping/accept',
    as: 'admin',
    body: { targetPrecision: 0.9, threshold: 0.5, policyVersion: 1, note: 'hostile test' },
  },
];

const pathAndQueryCases = (): HostileCase[] => [
  ...[
    'metric=handoffRate&category=%00',
    'metric=handoffRate&limit=1e308',
    'metric=handoffRate&offset=99999999999',
    'metric=__proto__',
    'metric=handoffRate&part=both',
    'metric=handoffRate&from=2026-13-45',
  ].map(
    (query): HostileCase => ({
      name: `metrics drill-down: ${query}`,
      method: 'GET',
      path: `/api/metrics/conversations?${query}`,
      as: 'admin',
    }),
  ),
  ...['by=month', 'by=day&from=2000-01-01&to=2026-01-01', 'team=%E2%80%AE', 'channel=%00'].map(
    (query): HostileCase => ({
      name: `metrics series: ${query}`,
      method: 'GET',
      path: `/api/metrics/series?${query}`,
      as: 'admin',
    }),
  ),
  { name: 'metrics series signed out', method: 'GET', path: '/api/metrics/series', as: 'none' },
  {
    name: 'metrics drill-down as a customer',
    method: 'GET',
    path: '/api/metrics/conversations?metric=handoffRate',
    as: 'customer',
  },
  {
    name: 'customer conversation id of 200 characters',
    method: 'GET',
    path: `/api/widget/conversations/${'a'.repeat(200)}`,
    as: 'customer',
  },
  {
    name: 'customer conversation id with a NUL',
    method: 'GET',
    path: '/api/widget/conversations/%00',
    as: 'customer',
  },
  {
    name: 'customer conversation id with broken percent-encoding',
    method: 'GET',
    path: '/api/widget/conversations/%E0%A4%A',
    as: 'customer',
  },
  {
    name: 'knowledge article id with a NUL',
    method: 'GET',
    path: '/api/knowledge/articles/%00',
    as: 'admin',
  },
  {
    name: 'knowledge search with a NUL',
    method: 'GET',
    path: '/api/knowledge/articles?search=%00',
    as: 'admin',
  },
  {
    name: 'knowledge article edited from version 1e308',
    method: 'POST',
    path: '/api/knowledge/articles/{conv}/republish',
    as: 'admin',
    body: { version: 1e308 },
  },
  {
    name: 'knowledge article in a category the policy does not know',
    method: 'POST',
    path: '/api/knowledge/articles',
    as: 'admin',
    body: { title: 'Hostile test', category: 'no_such_category', tags: [], body: 'A hostile test article.' },
  },
  {
    name: 'team key with a path escape',
    method: 'PUT',
    path: '/api/teams/..%2F..%2Fetc',
    as: 'admin',
    body: { name: 'Escape', categories: [], businessHours: null },
  },
  {
    name: 'deleting a team key with a path escape',
    method: 'DELETE',
    path: '/api/teams/..%2F..%2Fetc',
    as: 'admin',
  },
  {
    name: 'team in a time zone that does not exist',
    method: 'PUT',
    path: '/api/teams/hostile',
    as: 'admin',
    body: { name: 'Hostile', categories: [], businessHours: { timeZone: 'Nowhere/Else', days: {} } },
  },
  {
    name: 'team owning a category the policy does not know',
    method: 'PUT',
    path: '/api/teams/hostile',
    as: 'admin',
    body: { name: 'Hostile', categories: ['no_such_category'], businessHours: null },
  },
  {
    name: 'team with 10,000 holidays',
    method: 'PUT',
    path: '/api/teams/hostile',
    as: 'admin',
    body: {
      name: 'Hostile',
      categories: [],
      businessHours: { timeZone: 'Europe/London', days: {}, holidays: Array(10_000).fill('2026-12-25') },
    },
  },
  {
    name: 'inbox conversation id of 200 characters',
    method: 'GET',
    path: `/api/inbox/conversations/${'b'.repeat(200)}`,
    as: 'admin',
  },
  {
    name: 'inbox conversation id with a NUL',
    method: 'GET',
    path: '/api/inbox/conversations/%00',
    as: 'admin',
  },
  {
    name: 'inbox conversation id that is not a uuid',
    method: 'GET',
    path: '/api/inbox/conversations/not-a-uuid',
    as: 'admin',
  },
  {
    name: 'inbox conversation id with a path escape',
    method: 'GET',
    path: '/api/inbox/conversations/..%2F..%2Fetc%2Fpasswd',
    as: 'admin',
  },
  {
    name: 'inbox view that does not exist',
    method: 'GET',
    path: '/api/inbox/conversations?view=everything',
    as: 'admin',
  },
  { name: 'inbox team with a NUL', method: 'GET', path: '/api/inbox/conversations?team=%00', as: 'admin' },
  {
    name: 'inbox team of 1,000 characters',
    method: 'GET',
    path: `/api/inbox/conversations?team=${'t'.repeat(1000)}`,
    as: 'admin',
  },
  {
    name: 'snooze until a time that is not one',
    method: 'PUT',
    path: '/api/inbox/conversations/{conv}/hold',
    as: 'admin',
    body: { kind: 'snoozed', until: 'tomorrow-ish' },
  },
  {
    name: 'snooze into the past',
    method: 'PUT',
    path: '/api/inbox/conversations/{conv}/hold',
    as: 'admin',
    body: { kind: 'snoozed', until: '2001-01-01T00:00:00Z' },
  },
  {
    name: 'snooze for a thousand years',
    method: 'PUT',
    path: '/api/inbox/conversations/{conv}/hold',
    as: 'admin',
    body: { kind: 'snoozed', until: '3026-01-01T00:00:00Z' },
  },
  {
    name: 'hold of a kind that does not exist',
    method: 'PUT',
    path: '/api/inbox/conversations/{conv}/hold',
    as: 'admin',
    body: { kind: 'forever' },
  },
  {
    name: 'inbox hold filter that does not exist',
    method: 'GET',
    path: '/api/inbox/conversations?hold=sleeping',
    as: 'admin',
  },
  {
    name: 'canned reply with an unknown placeholder',
    method: 'POST',
    path: '/api/canned-replies',
    as: 'admin',
    body: { teamKey: 'billing', title: 'Typo', body: 'Hi {{customer.nmae}}' },
  },
  {
    name: 'canned reply change of an id that is not one',
    method: 'PUT',
    path: '/api/canned-replies/..%2F..%2Fetc',
    as: 'admin',
    body: { teamKey: 'billing', title: 'x', body: 'y' },
  },
  {
    name: 'canned replies for a conversation id that is not one',
    method: 'GET',
    path: '/api/canned-replies?conversation=not-a-uuid',
    as: 'admin',
  },
  {
    name: 'inbox search with a NUL',
    method: 'GET',
    path: '/api/inbox/conversations?q=refund%00',
    as: 'admin',
  },
  {
    name: 'inbox search of 1,000 characters',
    method: 'GET',
    path: `/api/inbox/conversations?q=${'refund '.repeat(150)}`,
    as: 'admin',
  },
  {
    name: 'inbox priority of 1e308',
    method: 'GET',
    path: '/api/inbox/conversations?priority=1e308',
    as: 'admin',
  },
  {
    name: 'inbox assignee that is SQL',
    method: 'GET',
    path: "/api/inbox/conversations?assignee=1'%20OR%20'1'='1",
    as: 'admin',
  },
  {
    name: 'inbox start date that is not a date',
    method: 'GET',
    path: '/api/inbox/conversations?from=soon',
    as: 'admin',
  },
  {
    name: 'planner history of 1e308 days',
    method: 'GET',
    path: '/api/planner/from-history?days=1e308',
    as: 'admin',
  },
  {
    name: 'planner history of -1 days',
    method: 'GET',
    path: '/api/planner/from-history?days=-1',
    as: 'admin',
  },
  {
    name: 'planner history of NaN days',
    method: 'GET',
    path: '/api/planner/from-history?days=NaN',
    as: 'admin',
  },
  {
    name: 'planner history min samples 1e12',
    method: 'GET',
    path: '/api/planner/from-history?minSamples=1e12',
    as: 'admin',
  },
  {
    name: 'reply to a conversation that does not exist',
    method: 'POST',
    path: '/api/inbox/conversations/00000000-0000-4000-8000-000000000000/replies',
    as: 'admin',
    body: { text: 'hello' },
  },
  {
    name: 'flag on a message that does not exist',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/messages/00000000-0000-4000-8000-000000000000/flags',
    as: 'admin',
    body: { kind: 'wrong' },
  },
  {
    name: 'flag on a message id with a NUL',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/messages/%00/flags',
    as: 'admin',
    body: { kind: 'wrong' },
  },
  {
    name: 'a category with a NUL',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/category',
    as: 'admin',
    body: { category: 'billing\u0000' },
  },
  {
    name: 'a category that does not exist',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/category',
    as: 'admin',
    body: { category: 'x'.repeat(100) },
  },
  {
    name: 'a verdict that does not exist',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/verdict',
    as: 'admin',
    body: { verdict: 'maybe' },
  },
  {
    name: 'a status that does not exist',
    method: 'PUT',
    path: '/api/agents/me/status',
    as: 'admin',
    body: { status: 'asleep' },
  },
  {
    name: 'reassign to an agent id that is not a uuid',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/reassign',
    as: 'admin',
    body: { agentId: 'root' },
  },
  {
    name: 'reassign to both an agent and a team',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/reassign',
    as: 'admin',
    body: { agentId: 'a', teamKey: 'b' },
  },
  {
    name: 'prototype pollution in a message',
    method: 'POST',
    path: '/api/widget/conversations/{conv}/messages',
    as: 'customer',
    raw: '{"text":"hi","__proto__":{"admin":true}}',
  },
  {
    name: 'prototype pollution in a new conversation',
    method: 'POST',
    path: '/api/widget/conversations',
    as: 'none',
    raw: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
  },
  {
    name: 'a handoff override for 5,000 teams',
    method: 'POST',
    path: '/api/ops/handoff-templates/check',
    as: 'admin',
    body: { override: { teams: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`t${i}`, {}])) } },
  },
  {
    name: 'a handoff override team key of 1,000 letters',
    method: 'PUT',
    path: '/api/ops/handoff-templates',
    as: 'admin',
    body: { override: { teams: { ['k'.repeat(1000)]: {} } }, note: 'x' },
  },
  {
    name: 'a sign-in password of 100 KB',
    method: 'POST',
    path: '/api/auth/sign-in',
    as: 'none',
    body: { email: 'a@example.com', password: 'p'.repeat(100_000) },
  },
  {
    name: 'a customer token that is garbage',
    method: 'POST',
    path: '/api/widget/conversations/{conv}/messages',
    as: 'none',
    body: { text: 'hi' },
  },
  {
    name: 'an identity signature that does not match',
    method: 'POST',
    path: '/api/widget/conversations',
    as: 'none',
    body: { externalId: 'cus_someone', identitySignature: 'f'.repeat(64) },
  },
];

/**
 * Webhook registrations (issue 12): addresses inside Baton's own network (SSRF: cloud metadata,
 * loopback in every spelling, private ranges), URLs that are not http(s), unknown event types.
 */
const webhookUrls: readonly (readonly [string, unknown])[] = [
  ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
  ['loopback', 'http://127.0.0.1:3000/api/health'],
  ['localhost', 'http://localhost/hook'],
  ['IPv6 loopback', 'http://[::1]/hook'],
  ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/hook'],
  ['loopback as one decimal number', 'http://2130706433/hook'],
  ['loopback in hex', 'http://0x7f000001/hook'],
  ['the unspecified address', 'http://0.0.0.0/hook'],
  ['a 10/8 address', 'http://10.0.0.5/hook'],
  ['a 192.168/16 address', 'https://192.168.1.1/hook'],
  ['a 172.16/12 address', 'https://172.16.0.1/hook'],
  ['carrier-grade NAT', 'http://100.64.0.1/hook'],
  ['IPv6 unique local', 'http://[fd00::1]/hook'],
  ['IPv6 link local', 'http://[fe80::1]/hook'],
  ['an internal name', 'http://metadata.google.internal/computeMetadata/v1/'],
  ['a single-label name', 'http://intranet/hook'],
  ['javascript:', 'javascript:alert(1)'],
  ['file:', 'file:///etc/passwd'],
  ['ftp:', 'ftp://hooks.example.com/x'],
  ['data:', 'data:text/plain,hello'],
  ['credentials in the URL', 'https://user:secret@hooks.example.com/x'],
  ['not a URL', 'hooks dot example'],
  ['a relative path', '/hooks/baton'],
  ['an empty URL', ''],
  ['3,000 characters', `https://hooks.example.com/${'a'.repeat(3000)}`],
  ['a number', 42],
  ['null', null],
  ['a list', ['https://hooks.example.com/x']],
];

const webhookEventLists: readonly (readonly [string, unknown])[] = [
  ['no event types', []],
  ['an unknown event type', ['everything']],
  ['an event type in capitals', ['HANDED_OVER']],
  ['the test event', ['webhook_test']],
  ['a string, not a list', 'handed_over'],
  ['1,000 event types', Array.from({ length: 1000 }, () => 'resolved')],
  ['a NUL in an event type', ['resolved\u0000']],
];

const webhookCases = (): HostileCase[] => [
  ...webhookUrls.map(([what, url]) => ({
    name: `register a webhook: ${what}`,
    method: 'POST' as const,
    path: '/api/ops/webhooks',
    as: 'admin' as const,
    body: { url, eventTypes: ['handed_over'] },
  })),
  ...webhookEventLists.map(([what, eventTypes]) => ({
    name: `register a webhook: ${what}`,
    method: 'POST' as const,
    path: '/api/ops/webhooks',
    as: 'admin' as const,
    body: { url: 'https://hooks.example.com/baton', eventTypes },
  })),
  ...refusedText.slice(0, 11).map(([what, description]) => ({
    name: `webhook description: ${what}`,
    method: 'POST' as const,
    path: '/api/ops/webhooks',
    as: 'admin' as const,
    body: { url: 'https://hooks.example.com/baton', eventTypes: ['resolved'], description },
  })),
  {
    name: 'register a webhook with a secret of its own (unknown field)',
    method: 'POST',
    path: '/api/ops/webhooks',
    as: 'admin',
    body: { url: 'https://hooks.example.com/baton', eventTypes: ['resolved'], secret: 'chosen' },
  },
  {
    name: 'enable a webhook with a string',
    method: 'PATCH',
    path: '/api/ops/webhooks/00000000-0000-4000-8000-000000000000',
    as: 'admin',
    body: { enabled: 'yes' },
  },
  {
    name: 'enable a webhook that does not exist',
    method: 'PATCH',
    path: '/api/ops/webhooks/00000000-0000-4000-8000-000000000000',
    as: 'admin',
    body: { enabled: true },
  },
  {
    name: 'test a webhook that is not an id',
    method: 'POST',
    path: '/api/ops/webhooks/..%2F..%2Fetc/test',
    as: 'admin',
  },
  {
    name: 'retry a delivery that does not exist',
    method: 'POST',
    path: '/api/ops/webhooks/deliveries/00000000-0000-4000-8000-000000000000/retry',
    as: 'admin',
  },
  {
    name: 'webhook deliveries: a huge limit',
    method: 'GET',
    path: '/api/ops/webhooks/deliveries?limit=1e308',
    as: 'admin',
  },
  {
    name: 'webhook deliveries: a bad endpoint id',
    method: 'GET',
    path: '/api/ops/webhooks/deliveries?endpointId=%00',
    as: 'admin',
  },
  { name: 'webhooks as a customer', method: 'GET', path: '/api/ops/webhooks', as: 'customer' },
  {
    name: 'webhooks signed out',
    method: 'POST',
    path: '/api/ops/webhooks',
    as: 'none',
    body: { url: 'https://hooks.example.com/x', eventTypes: ['resolved'] },
  },
];

/** Unread markers (issue 15): a person's own, by a conversation id. */
const readMarkCases = (): HostileCase[] => [
  {
    name: 'mark read of an id that is not one',
    method: 'POST',
    path: '/api/inbox/conversations/..%2F..%2Fetc/read',
    as: 'admin',
  },
  {
    name: 'mark read of a 1,000-character id',
    method: 'POST',
    path: `/api/inbox/conversations/${'c'.repeat(1000)}/read`,
    as: 'admin',
  },
  {
    name: 'mark read with a NUL in the id',
    method: 'POST',
    path: '/api/inbox/conversations/abc%00/read',
    as: 'admin',
  },
  {
    name: 'mark read as a customer',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/read',
    as: 'customer',
  },
  {
    name: 'presence with an unknown activity',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/presence',
    as: 'admin',
    body: { activity: 'lurking' },
  },
  {
    name: 'presence with an extra field',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/presence',
    as: 'admin',
    body: { activity: 'viewing', name: 'Someone else' },
  },
  {
    name: 'presence as a customer',
    method: 'POST',
    path: '/api/inbox/conversations/{conv}/presence',
    as: 'customer',
    body: { activity: 'viewing' },
  },
  { name: 'unread signed out', method: 'GET', path: '/api/inbox/unread', as: 'none' },
];

/** An imported file's text: any size up to the import's bound is fine, but never controls, broken Unicode or blank. */
const knowledgeImportCases = (): HostileCase[] => [
  ...refusedRequiredText.map(([what, text]) => ({
    name: `imported file text: ${what}`,
    method: 'POST' as const,
    path: '/api/knowledge/import',
    as: 'admin' as const,
    body: { files: [{ name: 'hostile.md', text }] },
  })),
  {
    name: 'import of 1,001 files',
    method: 'POST',
    path: '/api/knowledge/import',
    as: 'admin',
    body: { files: Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}.md`, text: 'x' })) },
  },
  {
    name: 'import over 4 MiB',
    method: 'POST',
    path: '/api/knowledge/import',
    as: 'admin',
    raw: JSON.stringify({ files: [{ name: 'big.md', text: 'y'.repeat(4 * 1024 * 1024 + 10) }] }),
  },
];

/** Tag names arrive in the path (PUT/DELETE …/tags/:name) and the list's ?tag=. */
const tagCases = (): HostileCase[] => [
  ...[
    ['a NUL', '%00'],
    ['markup', '%3Cscript%3Evip%3C%2Fscript%3E'],
    ['33 characters', 't'.repeat(33)],
    ['300 characters', 't'.repeat(300)],
    ['a bidi override', '%E2%80%AEvip'],
    ['bytes that are not UTF-8', '%FF%FE'],
    ['only spaces', '%20%20%20'],
    ['a slash', 'a%2Fb'],
  ].flatMap(([what, name]): HostileCase[] => [
    {
      name: `tag added named ${what}`,
      method: 'PUT',
      path: `/api/inbox/conversations/{conv}/tags/${name}`,
      as: 'admin',
    },
    {
      name: `tag removed named ${what}`,
      method: 'DELETE',
      path: `/api/inbox/conversations/{conv}/tags/${name}`,
      as: 'admin',
    },
  ]),
  ...['%00', '%3Cb%3E', 'x'.repeat(300), '%E2%80%AE'].map(
    (value): HostileCase => ({
      name: `inbox filtered by tag ${value.slice(0, 20)}`,
      method: 'GET',
      path: `/api/inbox/conversations?tag=${value}`,
      as: 'admin',
    }),
  ),
  {
    name: 'tag on a conversation that does not exist',
    method: 'PUT',
    path: '/api/inbox/conversations/00000000-0000-4000-8000-000000000001/tags/vip',
    as: 'admin',
  },
  {
    name: 'tag added signed out',
    method: 'PUT',
    path: '/api/inbox/conversations/{conv}/tags/vip',
    as: 'none',
  },
  { name: 'tags read by a customer', method: 'GET', path: '/api/inbox/tags', as: 'customer' },
];

/** Response targets per team (issue 15): whole minutes from 1 to a week, for a team that exists. */
const responseTargetCases = (): HostileCase[] => [
  ...(
    [
      ['zero minutes', 0],
      ['negative minutes', -30],
      ['a fraction of a minute', 0.5],
      ['more than a week', 10_081],
      ['a huge number', 1e308],
      ['minutes as text', '60'],
      ['null minutes', null],
    ] as const
  ).map(([what, minutes]) => ({
    name: `response target of ${what}`,
    method: 'PUT' as const,
    path: '/api/response-targets/billing',
    as: 'admin' as const,
    body: { firstResponseMinutes: minutes, nextResponseMinutes: 120 },
  })),
  {
    name: 'response targets for a team that does not exist',
    method: 'PUT',
    path: '/api/response-targets/no-such-team',
    as: 'admin',
    body: { firstResponseMinutes: 10, nextResponseMinutes: 20 },
  },
  {
    name: 'response targets for a team key with a path escape',
    method: 'PUT',
    path: '/api/response-targets/..%2F..%2Fetc',
    as: 'admin',
    body: { firstResponseMinutes: 10, nextResponseMinutes: 20 },
  },
];

export const hostileCorpus = (): HostileCase[] => [
  ...responseTargetCases(),
  ...knowledgeImportCases(),
  ...readMarkCases(),
  ...webhookCases(),
  ...textCases(),
  ...structuralCases(),
  ...policyCases(),
  ...plannerCases(),
  ...pathAndQueryCases(),
  ...thresholdSuggestionCases(),
  ...tagCases(),
];
