/**
 * Acme, the demo company: an online shop for home and kitchen goods with an "Acme Plus"
 * membership. Its teams, agents (with demo passwords printed by `baton start`) and customers.
 * The customers' accounts, payments and orders live in the mock account service (account-data.ts).
 */
import type { AgentRole, BusinessHours } from '../src/core/model.ts';

export interface DemoTeam {
  readonly key: string;
  readonly name: string;
  readonly categories: readonly string[];
  /** null: open around the clock. */
  readonly businessHours: BusinessHours | null;
}

export interface DemoAgent {
  readonly email: string;
  readonly name: string;
  readonly role: AgentRole;
  /** Printed by `baton start`; for the demo only. */
  readonly password: string;
  readonly teamKeys: readonly string[];
  readonly capacity: number;
}

export interface DemoCustomer {
  /** The id in Acme's own systems (the mock account service knows customers by it). */
  readonly externalId: string;
  readonly name: string;
  readonly email: string;
  readonly profile: Readonly<Record<string, unknown>>;
}

export interface DemoCompany {
  readonly workspace: { readonly slug: string; readonly name: string };
  readonly teams: readonly DemoTeam[];
  readonly agents: readonly DemoAgent[];
  readonly customers: readonly DemoCustomer[];
}

const londonWeekdays: BusinessHours = {
  timeZone: 'Europe/London',
  days: {
    '1': ['09:00', '17:00'],
    '2': ['09:00', '17:00'],
    '3': ['09:00', '17:00'],
    '4': ['09:00', '17:00'],
    '5': ['09:00', '17:00'],
  },
};

export const demoCompany: DemoCompany = {
  workspace: { slug: 'acme', name: 'Acme' },
  teams: [
    // Orders, billing and accounts are staffed around the clock, so the demo hands over at any hour.
    {
      key: 'orders',
      name: 'Orders & delivery',
      categories: ['order_status', 'shipping'],
      businessHours: null,
    },
    {
      key: 'billing',
      name: 'Billing',
      categories: ['billing', 'refund', 'payment_dispute'],
      businessHours: null,
    },
    {
      key: 'accounts',
      name: 'Accounts',
      categories: ['account_access', 'account_closure', 'compliance_privacy'],
      businessHours: null,
    },
    {
      key: 'trust_safety',
      name: 'Trust & safety',
      categories: ['fraud', 'legal'],
      businessHours: londonWeekdays,
    },
  ],
  agents: [
    {
      email: 'maya@acme.test',
      name: 'Maya Chen',
      role: 'agent',
      password: 'maya-demo-pass',
      teamKeys: ['billing', 'orders'],
      capacity: 3,
    },
    {
      email: 'leo@acme.test',
      name: 'Leo Marsh',
      role: 'specialist',
      password: 'leo-demo-pass',
      teamKeys: ['accounts', 'trust_safety'],
      capacity: 2,
    },
    {
      email: 'sam@acme.test',
      name: 'Sam Rivera',
      role: 'admin',
      password: 'sam-demo-pass',
      teamKeys: ['orders', 'billing', 'accounts', 'trust_safety'],
      capacity: 2,
    },
    // Reviewers and knowledge owners work no queue, so they are never assigned a conversation.
    {
      // Reviews the AI's answers each week (SPEC §8).
      email: 'quinn@acme.test',
      name: 'Quinn Okafor',
      role: 'qa',
      password: 'quinn-demo-pass',
      teamKeys: [],
      capacity: 0,
    },
    {
      // Owns the knowledge and the escalation policy.
      email: 'olu@acme.test',
      name: 'Olu Bakare',
      role: 'ops',
      password: 'olu-demo-pass',
      teamKeys: [],
      capacity: 0,
    },
  ],
  customers: [
    {
      externalId: 'cus_ana',
      name: 'Ana Pérez',
      email: 'ana.perez@example.com',
      profile: { plan: 'pro', memberSince: '2025-06', country: 'GB' },
    },
    {
      externalId: 'cus_ben',
      name: 'Ben Okafor',
      email: 'ben.okafor@example.com',
      profile: { plan: 'basic', memberSince: '2026-02', country: 'GB' },
    },
    {
      externalId: 'cus_chloe',
      name: 'Chloé Martin',
      email: 'chloe@martin-design.example',
      profile: { plan: 'business', company: 'Martin Design Ltd', country: 'GB' },
    },
    {
      externalId: 'cus_dev',
      name: 'Dev Patel',
      email: 'dev.patel@example.com',
      profile: { plan: null, country: 'IE' },
    },
  ],
};
