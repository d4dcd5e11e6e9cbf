/**
 * A process's live feed: turns the bus's signals (ids) into the updates its WebSocket subscribers
 * receive. It reads a conversation once per signal however many sockets watch it, not at all
 * when nobody here does, and not at all when the signal's writer in this process handed over
 * what it wrote. Updates of one conversation go out in the order its signals arrived.
 *
 * Customers hear their conversation's messages and, when it changes, its state and person — never
 * the inbox summary, whose category, priority and team are the desk's own business, and only when
 * what their chat shows changed (the chat reloads on it).
 */
import type { LiveUpdate } from '../api/schemas.ts';
import type { Conversation } from '../core/model.ts';
import type { LiveConversationView } from '../core/ports/store.ts';
import { shownAuthorName } from './broadcast.ts';
import type { AppContext } from './context.ts';
import { conversationTopic, type LiveSignal, workspaceTopic } from './live-bus.ts';
import { presentConversationSummary, presentMessage } from './presenters.ts';

export type LiveUpdateListener = (update: LiveUpdate) => void;

/** The conversation an update is about, as far as who may hear it goes. */
export type ConversationScope = Pick<Conversation, 'workspaceId' | 'teamKey'>;

/**
 * Who may hear updates about a conversation (a staff socket passes canSeeConversation for its
 * person, the same rule as REST). A resync whose conversation could not be read carries only an id.
 */
export type Audience = (conversation: ConversationScope) => boolean;

export interface LiveFeed {
  subscribe(topic: string, listener: LiveUpdateListener, audience?: Audience): () => void;
  close(): void;
}

interface Subscriber {
  readonly listener: LiveUpdateListener;
  readonly audience: Audience | undefined;
}

type FeedDeps = Pick<AppContext, 'store' | 'live' | 'reportError'>;

interface Updates {
  /** What the customer's chat receives. */
  readonly conversation: LiveUpdate[];
  /** What the agents' inboxes receive (each only if the conversation is theirs to see). */
  readonly workspace: LiveUpdate[];
  readonly scope: ConversationScope | null;
  /** The state and person the customer's chat shows, when the conversation changed. */
  readonly customerState: CustomerState | null;
}

/** What the customer's chat shows of the conversation itself (a change makes it reload). */
type CustomerState = Extract<LiveUpdate, { type: 'conversation_state' }>;

/**
 * What the writer handed over with the signal, when it is all the updates need: every announced
 * message, and for a new summary the conversation's newest message last (its preview and who
 * the conversation waits on come from it).
 */
const writtenCovers = (signal: LiveSignal): LiveConversationView | null => {
  const { written } = signal;
  if (!written) return null;
  const has = new Set(written.messages.map(({ message }) => message.id));
  if (!signal.messageIds.every((id) => has.has(id))) return null;
  const newest = written.messages[written.messages.length - 1];
  if (signal.conversationChanged && (!newest || newest.message.kind === 'note')) return null;
  return written;
};

/** Reads what a signal announces (unless its writer handed it over) and shapes it for both audiences. */
const updatesFor = async (deps: FeedDeps, signal: LiveSignal, inboxListens: boolean): Promise<Updates> => {
  const { conversationId } = signal;
  const updates: Updates = { conversation: [], workspace: [], scope: null, customerState: null };
  if (signal.typing) updates.conversation.push({ type: 'typing', conversationId, author: signal.typing });
  if (signal.draftDelta)
    updates.conversation.push({ type: 'ai_draft_delta', conversationId, delta: signal.draftDelta });
  if (signal.presence) {
    const { agentId, agentName, activity, teamKey } = signal.presence;
    updates.workspace.push({ type: 'presence', conversationId, agentId, agentName, activity });
    // Heard only by staff who may see the conversation (the audience check needs its team).
    if (signal.messageIds.length === 0 && !signal.conversationChanged)
      return { ...updates, scope: { workspaceId: signal.workspaceId, teamKey } };
  }
  if (signal.messageIds.length === 0 && !signal.conversationChanged) return updates;

  const view = writtenCovers(signal) ?? (await deps.store.conversations.getLiveView(conversationId));
  if (!view) return updates;
  const customerState: CustomerState | null = signal.conversationChanged
    ? {
        type: 'conversation_state',
        conversationId,
        state: view.conversation.state,
        assigneeName: view.assigneeName,
      }
    : null;
  const scoped: Updates = { ...updates, scope: view.conversation, customerState };
  addUpdates(signal, view, scoped, inboxListens);
  return scoped;
};

/**
 * Shapes the view the signal announced (read in one statement) into both audiences' messages, and
 * the inbox row when the conversation changed and an inbox here listens (the row is the costly part).
 */
const addUpdates = (
  signal: LiveSignal,
  view: LiveConversationView,
  updates: Updates,
  inboxListens: boolean,
): void => {
  const { conversationId } = signal;
  for (const id of signal.messageIds) {
    const entry = view.messages.find(({ message }) => message.id === id);
    if (!entry) continue;
    const { message, authorName } = entry;
    const update: LiveUpdate = {
      type: 'message',
      conversationId,
      message: presentMessage(message, shownAuthorName(message, authorName)),
    };
    if (message.kind !== 'note') updates.conversation.push(update);
    updates.workspace.push(update);
  }
  if (signal.conversationChanged && inboxListens) {
    const summary = presentConversationSummary(
      view.conversation,
      view.customer,
      view.messages.map(({ message }) => message),
      view.assigneeName,
    );
    updates.workspace.push({ type: 'conversation', conversation: summary });
  }
};

const stateKey = (state: CustomerState): string => JSON.stringify([state.state, state.assigneeName]);

export const createLiveFeed = (deps: FeedDeps): LiveFeed => {
  const topics = new Map<string, Set<Subscriber>>();
  // Per conversation, signals are handled one after the other, so its updates keep their order.
  const tails = new Map<string, Promise<void>>();
  // Per customer topic, the state and person its chats were last told (kept while anyone listens).
  const toldState = new Map<string, string>();

  const send = (topic: string, updates: readonly LiveUpdate[], scope: ConversationScope | null = null) => {
    for (const { listener, audience } of [...(topics.get(topic) ?? [])]) {
      if (audience && scope && !audience(scope)) continue;
      for (const update of updates) {
        try {
          listener(update);
        } catch {
          // A broken subscriber (a closed socket) must not stop delivery to the others.
        }
      }
    }
  };

  const handle = async (signal: LiveSignal) => {
    const customerTopic = conversationTopic(signal.conversationId);
    const inboxTopic = workspaceTopic(signal.workspaceId);
    if (!topics.has(customerTopic) && !topics.has(inboxTopic)) return;
    try {
      const updates = await updatesFor(deps, signal, topics.has(inboxTopic));
      const { customerState } = updates;
      // A chat that already shows this state and person needs only the new messages.
      if (
        customerState &&
        topics.has(customerTopic) &&
        toldState.get(customerTopic) !== stateKey(customerState)
      ) {
        updates.conversation.push(customerState);
        toldState.set(customerTopic, stateKey(customerState));
      }
      send(customerTopic, updates.conversation);
      send(inboxTopic, updates.workspace, updates.scope);
    } catch (error) {
      deps.reportError(error, { during: 'live_feed', conversationId: signal.conversationId });
      // The watchers reload what they show rather than miss the change.
      const resync: LiveUpdate = { type: 'resync', conversationId: signal.conversationId };
      send(customerTopic, [resync]);
      send(inboxTopic, [resync]);
    }
  };

  const stop = deps.live.subscribe((signal) => {
    const previous = tails.get(signal.conversationId) ?? Promise.resolve();
    const next = previous.then(() => handle(signal));
    tails.set(signal.conversationId, next);
    void next.finally(() => {
      if (tails.get(signal.conversationId) === next) tails.delete(signal.conversationId);
    });
  });

  return {
    subscribe(topic, listener, audience) {
      const set = topics.get(topic) ?? new Set<Subscriber>();
      const subscriber: Subscriber = { listener, audience };
      set.add(subscriber);
      topics.set(topic, set);
      return () => {
        set.delete(subscriber);
        if (set.size > 0) return;
        topics.delete(topic);
        toldState.delete(topic);
      };
    },
    close: stop,
  };
};
