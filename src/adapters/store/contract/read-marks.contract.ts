/** Contract: what each person has read — customers' messages and colleagues' replies mark a conversation unread. */
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../core/model.ts';
import type { NewMessage } from '../../../core/ports/store.ts';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  type StoreProvider,
  systemActor,
} from './factories.ts';

export const readMarksContract = (store: StoreProvider): void => {
  const add = (conversation: Conversation, message: Omit<NewMessage, 'conversationId'>) =>
    store().messages.append({ conversationId: conversation.id, ...message }, systemActor);

  describe('read marks', () => {
    it('marks a conversation unread for each person until they read it, per person', async () => {
      const workspace = await buildWorkspace(store());
      const maya = await buildAgent(store(), workspace, { name: 'Maya' });
      const leo = await buildAgent(store(), workspace, { name: 'Leo' });
      const asked = await buildConversation(store(), workspace);
      const quiet = await buildConversation(store(), workspace);
      await add(asked, { author: 'customer', body: 'Where is my parcel?' });
      const marks = store().readMarks;
      const both = [asked.id, quiet.id];

      expect([...(await marks.unreadAmong(maya.id, both))]).toEqual([asked.id]);
      await marks.markRead(maya.id, asked.id);
      expect((await marks.unreadAmong(maya.id, both)).size).toBe(0);
      expect([...(await marks.unreadAmong(leo.id, both))]).toEqual([asked.id]);

      await add(asked, { author: 'customer', body: 'Any news?' });
      expect([...(await marks.unreadAmong(maya.id, both))]).toEqual([asked.id]);
      await marks.markRead(maya.id, asked.id);
      await marks.markRead(maya.id, asked.id);
      expect((await marks.unreadAmong(maya.id, both)).size).toBe(0);
    });

    it('counts a colleague’s reply or note, never the AI’s, the system’s or one’s own', async () => {
      const workspace = await buildWorkspace(store());
      const maya = await buildAgent(store(), workspace, { name: 'Maya' });
      const leo = await buildAgent(store(), workspace, { name: 'Leo' });
      const conversation = await buildConversation(store(), workspace);
      const marks = store().readMarks;
      await marks.markRead(maya.id, conversation.id);
      await marks.markRead(leo.id, conversation.id);

      await add(conversation, { author: 'ai', body: 'Your order ships tomorrow.' });
      await add(conversation, { author: 'system', kind: 'handoff', body: 'A person will reply soon.' });
      await add(conversation, { author: 'agent', authorId: maya.id, body: 'It left the warehouse today.' });
      expect((await marks.unreadAmong(maya.id, [conversation.id])).size).toBe(0);
      expect([...(await marks.unreadAmong(leo.id, [conversation.id]))]).toEqual([conversation.id]);

      await marks.markRead(leo.id, conversation.id);
      await add(conversation, {
        author: 'agent',
        authorId: leo.id,
        kind: 'note',
        body: 'Courier confirmed.',
      });
      expect([...(await marks.unreadAmong(maya.id, [conversation.id]))]).toEqual([conversation.id]);
      expect((await marks.unreadAmong(leo.id, [conversation.id])).size).toBe(0);
    });

    it('ignores ids that are not conversations and reads nothing for an empty list', async () => {
      const workspace = await buildWorkspace(store());
      const maya = await buildAgent(store(), workspace);
      const conversation = await buildConversation(store(), workspace);
      await add(conversation, { author: 'customer', body: 'Hello?' });
      await store().readMarks.markRead(maya.id, 'not-a-uuid');
      await store().readMarks.markRead(maya.id, '00000000-0000-4000-8000-000000000001');
      expect((await store().readMarks.unreadAmong(maya.id, [])).size).toBe(0);
      expect([...(await store().readMarks.unreadAmong(maya.id, ['nope', conversation.id]))]).toEqual([
        conversation.id,
      ]);
    });
  });
};
