/**
 * The store contract: one suite every Store implementation passes (embedded PGlite and a PostgreSQL
 * server). It opens one store per run and gives every test its own workspace.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { Store } from '../../core/ports/store.ts';
import { aiTurnJobsContract } from './contract/ai-turn-jobs.contract.ts';
import { apiKeysContract } from './contract/api-keys.contract.ts';
import { articleVersionsContract } from './contract/article-versions.contract.ts';
import { cannedRepliesContract } from './contract/canned-replies.contract.ts';
import { changesHistoryContract } from './contract/changes-history.contract.ts';
import { companyContract } from './contract/company.contract.ts';
import { conversationPagesContract } from './contract/conversation-pages.contract.ts';
import { conversationSearchContract } from './contract/conversation-search.contract.ts';
import { conversationsContract } from './contract/conversations.contract.ts';
import { factsMarksContract } from './contract/facts-marks.contract.ts';
import { holdsContract } from './contract/holds.contract.ts';
import { knowledgePolicyContract } from './contract/knowledge-policy.contract.ts';
import { messagesEventsContract } from './contract/messages-events.contract.ts';
import { peopleContract } from './contract/people.contract.ts';
import { rateLimitsContract } from './contract/rate-limits.contract.ts';
import { readMarksContract } from './contract/read-marks.contract.ts';
import { reviewsContract } from './contract/reviews.contract.ts';
import { tagsContract } from './contract/tags.contract.ts';
import { webhooksContract } from './contract/webhooks.contract.ts';
import { workspaceSettingsContract } from './contract/workspace-settings.contract.ts';

export const runStoreContract = (name: string, openFresh: () => Promise<Store>): void => {
  describe(`Store contract on ${name}`, () => {
    let opened: Store | undefined;
    const store = (): Store => {
      if (opened === undefined) throw new Error('the store did not open (see the beforeAll error)');
      return opened;
    };
    beforeAll(async () => {
      opened = await openFresh();
    });
    afterAll(async () => {
      await opened?.close();
    });

    peopleContract(store);
    conversationsContract(store);
    conversationSearchContract(store);
    conversationPagesContract(store);
    cannedRepliesContract(store);
    holdsContract(store);
    readMarksContract(store);
    messagesEventsContract(store);
    knowledgePolicyContract(store);
    articleVersionsContract(store);
    workspaceSettingsContract(store);
    rateLimitsContract(store);
    aiTurnJobsContract(store);
    changesHistoryContract(store);
    reviewsContract(store);
    factsMarksContract(store);
    companyContract(store);
    webhooksContract(store);
    apiKeysContract(store);
    tagsContract(store);
  });
};
