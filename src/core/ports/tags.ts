/** The store's conversation tags (src/core/tags): a workspace's tag names and who carries which. */

/** A workspace's tag with how many conversations carry it now. */
export interface WorkspaceTag {
  readonly name: string;
  /** `#rrggbb`, or null for the inbox's default colour. */
  readonly colour: string | null;
  readonly conversations: number;
}

/** What adding or removing a tag did; `tags` are the conversation's tags afterwards, by name. */
export type TagChange =
  | { readonly kind: 'changed'; readonly tags: readonly string[] }
  | { readonly kind: 'unchanged'; readonly tags: readonly string[] }
  | { readonly kind: 'too_many'; readonly reason: string }
  | { readonly kind: 'not_found' };

export interface TagChangeInput {
  readonly workspaceId: string;
  readonly conversationId: string;
  /** Read by readTagName first; the store refuses (tag_invalid) a name that is not. */
  readonly name: string;
  readonly agentId: string;
  /** When it happened; the store's clock when absent. */
  readonly at?: Date;
}

export interface TagRepository {
  /** The workspace's tags by name, those no conversation carries any more included (they are offered again). */
  list(workspaceId: string): Promise<WorkspaceTag[]>;
  /** Each conversation's tags by name (conversations with none are absent). */
  ofConversations(conversationIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>>;
  /**
   * Tags the conversation with a `tag_added` event in one transaction, the workspace's tag made on
   * first use; `unchanged` when it had it, `too_many` past the limit (decided under the
   * conversation's lock, so two agents at once cannot pass it).
   */
  add(input: TagChangeInput): Promise<TagChange>;
  /** Takes the tag off with a `tag_removed` event; `unchanged` when it did not have it. */
  remove(input: TagChangeInput): Promise<TagChange>;
}
