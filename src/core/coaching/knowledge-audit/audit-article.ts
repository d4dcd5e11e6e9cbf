/** An article as the knowledge audit reads it. */
export interface AuditArticle {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly body: string;
  readonly updatedAt: Date;
  /** When someone last confirmed it is still right; null when never (the edit date counts then). */
  readonly reviewedAt: Date | null;
}

/** What a finding links to. */
export interface ArticleRef {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
}

export const refOf = (article: AuditArticle): ArticleRef => ({
  id: article.id,
  slug: article.slug,
  title: article.title,
});
